import { findingRows, findingsCsv } from '../../core/docx/findingsTable';
import { docxMarkdown } from '../../core/docx/markdown';
import type { DocxContent } from '../../core/docx/model';
import { docxPolicyText, type DocxText } from '../../core/docx/policyText';
import {
  DOCX_EXPORT_REQUEST,
  DOCX_MARKDOWN_REQUEST,
  DOCX_SCHEME,
  DOCX_TEXT_REQUEST,
  type DocxExportResult,
  type DocxMarkdownResult,
  type DocxParams,
  type DocxTextResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { findingMessage } from '../../engine/l10n';
import type { LineDocument } from '../lineDocument';

interface DocxView {
  readonly content: DocxContent;
  readonly docx: DocxText;
}

/**
 * Read-only views of Word documents: `policy-docx:` URIs name a .docx file by
 * its path. The server reads the file (mammoth), answers the client's content
 * provider with the policy text and attaches the origin map to the document
 * when it opens, so its outline has the Word headings. `recheck` re-publishes
 * a document's diagnostics once its map arrives late (after a server restart).
 */
export function registerDocxViews(context: ServerContext, recheck: (uri: string) => void): void {
  const views = new Map<string, DocxView>();

  const load = async (uri: string): Promise<DocxView | { error: string }> => {
    const fileUri = docxFileUri(uri);
    const file = fileUri && context.engine.host.files.fromUri(fileUri);
    if (!file) return { error: `not a ${DOCX_SCHEME}: URI: ${uri}` };
    const readWordDocument = context.engine.host.readWordDocument;
    if (!readWordDocument) return { error: `${file}: Word documents cannot be read here` };
    const read = await readWordDocument(file);
    if (!read.ok) return { error: `${file}: ${read.message}` };
    const view = { content: read.content, docx: docxPolicyText(read.content) };
    views.set(uri, view);
    return view;
  };

  const attach = (document: LineDocument, view: DocxView): boolean => {
    if (document.getText() !== view.docx.text) return false;
    document.docx = view.docx;
    return true;
  };

  context.connection.onRequest(DOCX_TEXT_REQUEST, async (params: DocxParams): Promise<DocxTextResult> => {
    const view = await load(params.uri);
    return 'error' in view ? view : { text: view.docx.text };
  });

  context.documents.onDidOpen(({ document }) => {
    if (!document.uri.startsWith(`${DOCX_SCHEME}:`)) return;
    const view = views.get(document.uri);
    if (view && attach(document, view)) return;
    // Opened before the server read it (a restarted server): read it now and check again.
    void load(document.uri).then((loaded) => {
      const current = context.documents.get(document.uri);
      if (current && !('error' in loaded) && attach(current, loaded)) {
        context.store.delete(current.uri);
        recheck(current.uri);
      }
    });
  });

  context.documents.onDidClose(({ document }) => {
    if (document.uri.startsWith(`${DOCX_SCHEME}:`)) views.delete(document.uri);
  });

  context.connection.onRequest(DOCX_EXPORT_REQUEST, async (params: DocxParams): Promise<DocxExportResult> => {
    const document = context.documents.get(params.uri);
    if (!document?.docx) return { error: `not an open Word document: ${params.uri}` };
    const analysis = context.store.get(document);
    await analysis.prepare();
    const locale = context.locale();
    const findings = await analysis.settledFindings();
    const rows = findingRows(document.getText(), document.docx, findings, (finding) => findingMessage(finding, locale), locale);
    return { csv: findingsCsv(rows, locale), findings: rows.length };
  });

  context.connection.onRequest(DOCX_MARKDOWN_REQUEST, async (params: DocxParams): Promise<DocxMarkdownResult> => {
    const view = views.get(params.uri) ?? (await load(params.uri));
    return 'error' in view ? view : { markdown: docxMarkdown(view.content) };
  });
}

/** The `file:` URI of the .docx a `policy-docx:` URI names (the same path; Windows drive colons decoded). */
export function docxFileUri(uri: string): string | undefined {
  if (!uri.startsWith(`${DOCX_SCHEME}:`)) return undefined;
  try {
    return `file://${new URL(uri).pathname.replace(/%3A/gi, ':')}`;
  } catch {
    return undefined;
  }
}
