import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver';
import type { OutlineNode } from '../../core/outline/types';
import type { GlossaryEntry } from '../../core/terms/glossary';
import type { ServerContext } from '../context';
import { toRange } from '../positions';
import type { WorkspaceIndex } from '../workspaceIndex';

const MAX_SYMBOLS = 1000;

/**
 * Features that look across the workspace's policy documents: Go to Symbol in
 * Workspace (headings), Find All References and Go to Definition (terms).
 */
export function registerWorkspaceFeatures(context: ServerContext, index: WorkspaceIndex): void {
  context.connection.onWorkspaceSymbol(async (params, token): Promise<SymbolInformation[]> => {
    await index.ready;
    const query = params.query.trim();
    const symbols: SymbolInformation[] = [];
    for (const analysis of index.analyses()) {
      const visit = (node: OutlineNode, container: string | undefined) => {
        if (symbols.length >= MAX_SYMBOLS || token.isCancellationRequested) return;
        if (matches(node.name, query)) {
          symbols.push({
            name: node.name,
            kind: SymbolKind.String,
            location: { uri: analysis.uri, range: toRange(analysis.document, node.selectionSpan) },
            containerName: container,
          });
        }
        node.children.forEach((child) => visit(child, node.name));
      };
      analysis.outline.forEach((node) => visit(node, undefined));
    }
    return symbols;
  });

  context.connection.onReferences(async (params): Promise<Location[]> => {
    const entry = entryAt(context, params.textDocument.uri, params.position);
    if (!entry) return [];
    await index.ready;
    const locations: Location[] = [];
    for (const analysis of index.analyses()) {
      if (!analysis.isLarge) await analysis.ensureTermHits();
      for (const paragraph of analysis.paragraphs) {
        for (const hit of analysis.termHits(paragraph)) {
          if (hit.match.entry !== entry) continue;
          const span = { start: paragraph.start + hit.start, end: paragraph.start + hit.end };
          locations.push({ uri: analysis.uri, range: toRange(analysis.document, span) });
        }
      }
    }
    return locations;
  });

  context.connection.onDefinition(async (params): Promise<Location | null> => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = context.store.get(document);
    const offset = document.offsetAt(params.position);
    const paragraph = analysis.paragraphs[params.position.line];
    if (!paragraph) return null;
    // The document's own definition of a term under the cursor wins.
    for (const definition of analysis.localDefinitions) {
      const at = paragraph.text.indexOf(definition.term);
      for (let i = at; i >= 0; i = paragraph.text.indexOf(definition.term, i + 1)) {
        if (paragraph.start + i <= offset && offset < paragraph.start + i + definition.term.length) {
          return { uri: analysis.uri, range: toRange(document, definition.sentence) };
        }
      }
    }
    const entry = entryAt(context, params.textDocument.uri, params.position);
    if (!entry) return null;
    const user = analysis.glossary.userLocation(entry.term);
    if (user && entry.origin !== 'builtin') return { uri: user.uri, range: { start: user.position, end: user.position } };
    await index.ready;
    for (const other of index.analyses()) {
      const found = other.localDefinitions.find((d) => d.term === entry.term || entry.aliases.includes(d.term));
      if (found) return { uri: other.uri, range: toRange(other.document, found.sentence) };
    }
    return null;
  });
}

function entryAt(context: ServerContext, uri: string, position: { line: number; character: number }): GlossaryEntry | undefined {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  return context.store.get(document).termAt(document.offsetAt(position))?.hit.match.entry;
}

/** Every query character in order (VS Code's own fuzzy rule for workspace symbols). */
function matches(name: string, query: string): boolean {
  if (!query) return true;
  let at = 0;
  for (const char of query) {
    at = name.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}
