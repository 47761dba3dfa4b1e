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
  context.connection.onFoldingRanges(forDocument(context, [], (analysis, document) => {
    const ranges: FoldingRange[] = [];
    const visit = (node: OutlineNode) => {
      const range = toRange(document, node.span);
      // Fold to the heading line; the last line of a section is often blank, keep it folded too.
      const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
      if (endLine > range.start.line) ranges.push({ startLine: range.start.line, endLine, kind: FoldingRangeKind.Region });
      node.children.forEach(visit);
    };
    analysis.outline.forEach(visit);
    return ranges;
  }));
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
