import { TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import type { FileHost } from '../engine/host';
import type { SegmenterState } from '../engine/segmentation';
import type { StatusParams } from '../protocol';
import { VERSION } from '../version';
import { FIX_ALL_KIND } from './features/codeActions';
import { SEMANTIC_LEGEND } from './features/semanticTokens';
import type { UserMessages } from './userMessages';

/** What the server offers, answered to `initialize`. */
export function capabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Policy Lens' },
      hoverProvider: true,
      completionProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: 'policy-lens', version: VERSION },
  };
}

/** The workspace folders as paths; the first is where relative setting paths point. */
export function workspaceOf(params: InitializeParams, files: FileHost): { root: string | undefined; roots: string[] } {
  const uriToPath = (uri: string) => files.fromUri(uri);
  const roots = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri)).filter((p): p is string => p !== undefined);
  const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  const root = (rootUri ? uriToPath(rootUri) : undefined) ?? params.rootPath ?? undefined;
  return { root, roots: roots.length === 0 && root ? [root] : roots };
}

/** The `policyLens/status` notification for a segmenter state. */
export function statusOf(state: SegmenterState, messages: UserMessages): StatusParams {
  if (state.kind === 'loading') return { state: 'loading', message: messages.text('segmenterLoading') };
  if (state.kind === 'fallback') return { state: 'fallback', segmenter: 'intl', message: messages.text('segmenterFallback', { reason: state.reason }), reason: state.reason };
  const loadMs = Math.round(state.loadMs);
  return { state: 'ready', segmenter: state.segmenter, message: messages.text('segmenterReady', { segmenter: state.segmenter, ms: loadMs, words: state.userWords }), loadMs, userWords: state.userWords };
}
