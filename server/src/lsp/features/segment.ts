import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { SegmentRequestType, type SegmentParams, type SegmentResult, type SegmentToken } from '../../protocol';
import type { ServerContext } from '../context';
import { toSpan } from '../positions';

/**
 * `policyLens/segment`: the tokens of a range with document offsets. Waits for
 * the dictionary if it is still loading; segments only the paragraphs touched.
 */
export function registerSegmentRequest(context: ServerContext): void {
  context.connection.onRequest(SegmentRequestType.method, async (params: SegmentParams): Promise<SegmentResult> => {
    const document = context.documents.get(params?.textDocument?.uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document: ${params?.textDocument?.uri}`);
    const analysis = context.store.get(document);
    const span = params.range ? toSpan(document, params.range) : { start: 0, end: analysis.text.length };
    const paragraphs = analysis.paragraphs.filter((p) => p.end >= span.start && p.start <= span.end && p.text.length > 0);
    await context.segmentation.ensure(paragraphs.map((p) => p.text));
    const tokens: SegmentToken[] = [];
    for (const paragraph of paragraphs) {
      for (const token of context.segmentation.tokens(paragraph.text) ?? []) {
        const start = paragraph.start + token.start;
        const end = paragraph.start + token.end;
        if (end > span.start && start < span.end) tokens.push({ text: token.text, start, end });
      }
    }
    return { tokens, segmenter: context.segmentation.segmenterName };
  });
}
