import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanPastedText } from '../../core/format/cleanPastedText';
import { forDocument, type ServerContext } from '../context';
import { toRange } from '../positions';

/**
 * `textDocument/formatting` and `textDocument/rangeFormatting`: the clean-up
 * of text pasted from PDFs (core/format/cleanPastedText) over the document or
 * over the whole lines a range touches. Answers one edit covering only what changed.
 */
export function registerFormatting(context: ServerContext): void {
  context.connection.onDocumentFormatting(forDocument(context, [], (_analysis, document, _params: DocumentFormattingParams): TextEdit[] => cleanUpEdits(document, 0, document.getText().length)));
  context.connection.onDocumentRangeFormatting(forDocument(context, [], (_analysis, document, params: DocumentRangeFormattingParams): TextEdit[] => {
    const { start, end } = params.range;
    // A selection ending at the start of a line does not include that line.
    const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    const from = document.offsetAt({ line: start.line, character: 0 });
    const to = lineEnd(document, lastLine);
    return cleanUpEdits(document, from, to);
  }));
}

/** The clean-up of `document[from, to)` as at most one edit, trimmed to the part that changes. */
export function cleanUpEdits(document: TextDocument, from: number, to: number): TextEdit[] {
  const text = document.getText();
  const before = text.slice(from, to);
  const after = cleanPastedText(before);
  if (after === before) return [];
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF.
  while (prefix > 0 && isLow(before.charCodeAt(prefix))) prefix--;
  while (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  const span = { start: from + prefix, end: from + before.length - suffix };
  return [{ range: toRange(document, span), newText: after.slice(prefix, after.length - suffix) }];
}

function isLow(code: number): boolean {
  return (code >= 0xdc00 && code <= 0xdfff) || code === 10;
}

/** Offset of the end of `line`, before its line break. */
function lineEnd(document: TextDocument, line: number): number {
  const next = document.offsetAt({ line: line + 1, character: 0 });
  const text = document.getText();
  if (line + 1 >= document.lineCount) return text.length;
  let end = next;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end;
}
