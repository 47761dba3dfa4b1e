import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCaches } from '../core/analysis';
import { RULES } from '../core/rules/registry';
import type { FileProblem } from '../adapters/textFiles';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import type { ServerContext } from './context';
import { DocumentStore } from './documentStore';
import { registerCodeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { registerOutline } from './features/outline';
import { registerSegmentRequest } from './features/segment';
import { localeFrom, localize, type Locale } from './l10n';
import { SegmentationService, type SegmenterState } from './segmentation';
import { SERVER_MESSAGES, type ServerMessageId } from './serverMessages';
import { parseSettings, type Settings } from './settings';

export const SERVER_VERSION = '0.1.0';

/**
 * Wires the language server: documents, settings, segmentation and the
 * feature modules. Handlers live in lsp/features; this file only connects them.
 */
export function startServer(connection: Connection, segmentation = new SegmentationService()): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'en';
  let settings: Settings = parseSettings(undefined, RULES).settings;
  let canPullConfiguration = false;
  let workspaceRoot: string | undefined;
  let dictionaryKey: string | undefined;
  const reported = new Set<string>();

  const tell = (type: MessageType, id: ServerMessageId, args: Record<string, string | number>, once = true) => {
    const text = localize(SERVER_MESSAGES[id], locale, args);
    if (once && reported.has(text)) return;
    reported.add(text);
    void connection.sendNotification('window/showMessage', { type, message: text });
  };

  const context: ServerContext = {
    connection,
    documents,
    store: new DocumentStore(segmentation, () => settings),
    segmentation,
    caches: new AnalysisCaches(),
    locale: () => locale,
    settings: () => settings,
  };

  const diagnostics = registerDiagnostics(context, (document) =>
    tell(MessageType.Info, 'largeDocument', {
      name: path.basename(document.uri),
      size: document.getText().length,
      limit: settings.maxDocumentSize,
    }),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = localeFrom(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    workspaceRoot = rootPath(params);
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) applySettings(initial);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Policy Lens' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'policy-lens', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyLens' }).catch(() => undefined);
      await pullSettings();
    }
    startSegmentation();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else applySettings((change.settings as { policyLens?: unknown } | undefined)?.policyLens ?? change.settings);
    startSegmentation();
    diagnostics.refreshAll();
  });

  async function pullSettings(): Promise<void> {
    try {
      applySettings(await connection.workspace.getConfiguration('policyLens'));
    } catch (error) {
      connection.console.warn(`could not read settings: ${String(error)}`);
    }
  }

  function applySettings(raw: unknown): void {
    const parsed = parseSettings(raw, RULES);
    settings = parsed.settings;
    for (const problem of parsed.problems) tell(MessageType.Warning, 'settingInvalid', { ...problem });
  }

  /** (Re)loads jieba when the dictionary list changed; the first call always loads. */
  function startSegmentation(): void {
    const paths = settings.dictionaries.map((p) => (workspaceRoot ? path.resolve(workspaceRoot, p) : path.resolve(p)));
    const key = JSON.stringify(paths);
    if (key === dictionaryKey) return;
    dictionaryKey = key;
    segmentation.start(paths);
  }

  segmentation.onStateChange((state) => {
    void connection.sendNotification(STATUS_NOTIFICATION, statusOf(state));
    if (state.kind === 'fallback') tell(MessageType.Warning, 'segmenterFallback', { reason: state.reason });
    if (state.kind === 'ready') {
      connection.console.info(localize(SERVER_MESSAGES.segmenterReady, locale, { ms: Math.round(state.loadMs), words: state.userWords }));
      for (const problem of state.problems) reportFileProblem(problem);
    }
  });

  function reportFileProblem(problem: FileProblem): void {
    const id = (problem.messageId in SERVER_MESSAGES ? problem.messageId : 'file.unreadable') as ServerMessageId;
    tell(MessageType.Warning, id, { path: problem.path, line: (problem.line ?? 0) + 1, detail: problem.detail ?? '' });
  }

  function statusOf(state: SegmenterState): StatusParams {
    if (state.kind === 'loading') return { state: 'loading', message: localize(SERVER_MESSAGES.segmenterLoading, locale) };
    if (state.kind === 'fallback') return { state: 'fallback', message: localize(SERVER_MESSAGES.segmenterFallback, locale, { reason: state.reason }) };
    return { state: 'ready', message: localize(SERVER_MESSAGES.segmenterReady, locale, { ms: Math.round(state.loadMs), words: state.userWords }) };
  }

  documents.onDidChangeContent((change) => diagnostics.schedule(change.document.uri));
  documents.onDidClose((event) => {
    context.store.delete(event.document.uri);
    diagnostics.clear(event.document.uri);
  });

  registerOutline(context);
  registerSegmentRequest(context);
  registerCodeActions(context);

  connection.onShutdown(() => segmentation.dispose());
  documents.listen(connection);
  connection.listen();
}

function rootPath(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri?.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return params.rootPath ?? undefined;
}
