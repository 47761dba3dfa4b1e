import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HeadingKind, OutlineNode } from '../../core/outline/types';
import { forDocument, type ServerContext } from '../context';
import { toRange } from '../positions';

/** Symbol kinds chosen so that editors show distinct icons per level. */
const SYMBOL_KIND: Record<HeadingKind, SymbolKind> = {
  document: SymbolKind.File,
  part: SymbolKind.Module,
  section: SymbolKind.Namespace,
  item: SymbolKind.Class,
  subitem: SymbolKind.Method,
  circled: SymbolKind.Field,
  lead: SymbolKind.Event,
  bian: SymbolKind.Module,
  chapter: SymbolKind.Namespace,
  jie: SymbolKind.Class,
  article: SymbolKind.Method,
  listItem: SymbolKind.EnumMember,
  markdown: SymbolKind.String,
  styled: SymbolKind.String,
};

/** Outline, breadcrumbs and folding from the core's heading tree. Never waits for the dictionary. */
export function registerOutline(context: ServerContext): void {
  context.connection.onDocumentSymbol(forDocument(context, [], (analysis, document) => analysis.outline.map((node) => toSymbol(document, node))));
  context.connection.onFoldingRanges(forDocument(context, [], async (_analysis, document, _params, token) => {
    // VS Code asks again ~0.2 s after each edit and replaces every folding decoration with each
    // answer, redrawing the visible lines: while the user types that fell between keystrokes and
    // delayed their echo (docs/e2e.md, typing latency). Meanwhile the editor moves the old ranges
    // along with the edits; the answer waits for a pause in typing, as semantic tokens do, and
    // is then made from the text as it is by then.
    await context.typing.pause(document.uri, context.settings().debounceMs, token);
    const current = context.documents.get(document.uri);
    if (!current || token?.isCancellationRequested) return [];
    return foldingRanges(current, context.store.get(current).outline);
  }));
}

function foldingRanges(document: TextDocument, outline: readonly OutlineNode[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (node: OutlineNode) => {
    const range = toRange(document, node.span);
    // Fold to the heading line; the last line of a section is often blank, keep it folded too.
    const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    if (endLine > range.start.line) ranges.push({ startLine: range.start.line, endLine, kind: FoldingRangeKind.Region });
    node.children.forEach(visit);
  };
  outline.forEach(visit);
  return ranges;
}

export function toSymbol(document: TextDocument, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name || '…',
    kind: SYMBOL_KIND[node.kind],
    range: toRange(document, node.span),
    selectionRange: toRange(document, node.selectionSpan),
    children: node.children.map((child) => toSymbol(document, child)),
  };
}
