import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
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
import { ReferenceLibrary, WORKSPACE_REFERENCES } from '../adapters/references';
import type { FileProblem } from '../adapters/textFiles';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import type { ServerContext } from './context';
import { DocumentStore } from './documentStore';
import { LineDocument } from './lineDocument';
import { registerCompletion } from './features/completion';
import { registerHover } from './features/hover';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './features/semanticTokens';
import { registerWorkspaceFeatures } from './features/workspaceFeatures';
import { WorkspaceIndex } from './workspaceIndex';
import { GlossaryService, WORKSPACE_GLOSSARY } from './glossaryService';
import { FIX_ALL_KIND, registerCodeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { registerFormatting } from './features/formatting';
import { registerOutline } from './features/outline';
import { registerSegmentRequest } from './features/segment';
import { registerTermStatistics } from './features/termStatistics';
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
  const documents = new TextDocuments<LineDocument>(LineDocument);
  const glossary = new GlossaryService();
  let trusted = true;
  let glossaryFiles: string[] = [];
  let locale: Locale = 'en';
  let settings: Settings = parseSettings(undefined, RULES).settings;
  let canPullConfiguration = false;
  let canWatchFiles = false;
  /** Reference texts for `quote.mismatch`, loaded once the client is initialized. */
  let references: ReferenceLibrary | undefined;
  let workspaceRoot: string | undefined;
  let workspaceRoots: string[] = [];
  let progressSupported = false;
  let dictionaryKey: string | undefined;
  const reported = new Set<string>();

  const tell = (type: MessageType, id: ServerMessageId, args: Record<string, string | number>, once = true) => {
    const text = localize(SERVER_MESSAGES[id], locale, args);
    if (once && reported.has(text)) return;
    reported.add(text);
    void connection.sendNotification('window/showMessage', { type, message: text });
  };

  const caches = new AnalysisCaches();
  const context: ServerContext = {
    connection,
    documents,
    store: new DocumentStore(segmentation, glossary, () => settings, caches, (uri) => referencesFor(uri)),
    segmentation,
    caches,
    locale: () => locale,
    settings: () => settings,
  };

  const workspace = new WorkspaceIndex(connection, context.store, () => documents.all(), () => settings);

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
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceRoot = rootPath(params);
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (workspaceRoots.length === 0 && workspaceRoot) workspaceRoots = [workspaceRoot];
    progressSupported = params.capabilities.window?.workDoneProgress === true;
    // The VS Code client says whether the workspace is trusted; others are trusted by default.
    trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) applySettings(initial);
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
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
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
    reloadGlossary();
    if (canWatchFiles) {
      const watchers = [{ globPattern: `**/${WORKSPACE_REFERENCES.split(path.sep).join('/')}/**` }];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    if (reloadReferences()) diagnostics.refreshAll();
    workspace.index(workspaceRoots, progressSupported);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else applySettings((change.settings as { policyLens?: unknown } | undefined)?.policyLens ?? change.settings);
    startSegmentation();
    reloadGlossary();
    reloadReferences();
    diagnostics.refreshAll();
  });

  connection.onDidChangeWatchedFiles(async (change) => {
    for (const c of change.changes) await workspace.update(c.uri, c.type === 3);
    if (change.changes.some((c) => isGlossaryUri(c.uri))) {
      reloadGlossary();
      diagnostics.refreshAll();
    }
    if (change.changes.some((c) => isReferenceUri(c.uri)) && reloadReferences()) diagnostics.refreshAll();
  });

  /** User glossaries: the workspace file (trusted workspaces only) and the configured paths. */
  function userGlossaryFiles(): string[] {
    const files = settings.glossaries.map(resolvePath);
    const workspaceFile = workspaceRoot ? path.join(workspaceRoot, WORKSPACE_GLOSSARY) : undefined;
    if (trusted && workspaceFile && fs.existsSync(workspaceFile)) files.unshift(workspaceFile);
    return [...new Set(files)];
  }

  function isGlossaryUri(uri: string): boolean {
    return uri.endsWith('.policy-lens/glossary.json') || glossaryFiles.some((file) => uri === pathToUri(file));
  }

  function reloadGlossary(): void {
    const previous = new Set(glossaryFiles.map(pathToUri));
    glossaryFiles = userGlossaryFiles();
    const { reports, failures } = glossary.reload(glossaryFiles, (uri) => documents.get(uri)?.getText());
    for (const report of reports) {
      previous.delete(report.uri);
      const document = TextDocument.create(report.uri, 'json', 0, report.text);
      void connection.sendDiagnostics({
        uri: report.uri,
        diagnostics: report.problems.map((problem) => ({
          range: { start: document.positionAt(problem.span.start), end: document.positionAt(problem.span.end) },
          severity: problem.messageId === 'glossary.badCategory' ? 2 : 1,
          source: 'policy-lens',
          code: problem.messageId,
          message: localize(SERVER_MESSAGES[problem.messageId], locale, problem.args),
        })),
      });
    }
    // Files no longer read keep no stale problems.
    for (const uri of previous) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const failure of failures) reportFileProblem(failure);
    if (glossary.builtinProblem) connection.console.error(`built-in glossary: ${glossary.builtinProblem}`);
  }

  /** Reference texts: the built-in ones, the workspace folder (trusted workspaces only) and the configured files and folders. */
  function reloadReferences(): boolean {
    const first = references === undefined;
    references ??= new ReferenceLibrary();
    const paths = settings.references.map(resolvePath);
    const folder = workspaceRoot ? path.join(workspaceRoot, WORKSPACE_REFERENCES) : undefined;
    if (trusted && folder && fs.existsSync(folder)) paths.unshift(folder);
    const { changed, problems } = references.reload(paths, settings.builtinReferences);
    for (const problem of [...references.builtinProblems, ...problems]) reportFileProblem(problem);
    return changed || first;
  }

  function isReferenceUri(uri: string): boolean {
    const file = uriToPath(uri);
    return uri.includes('/.policy-lens/references/') || (file !== undefined && references?.isReference(file) === true);
  }

  /** The index a document's quotations are checked against; for a reference text itself, the other references. */
  function referencesFor(uri: string) {
    return references?.indexFor(uriToPath(uri));
  }

  function resolvePath(p: string): string {
    return workspaceRoot ? path.resolve(workspaceRoot, p) : path.resolve(p);
  }

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
    const paths = settings.dictionaries.map(resolvePath);
    const key = JSON.stringify(paths);
    if (key === dictionaryKey) return;
    dictionaryKey = key;
    segmentation.start(paths);
  }

  segmentation.onStateChange((state) => {
    // New tokens (another dictionary, or the fallback): findings computed from the old ones go.
    if (state.kind !== 'loading') caches.forgetFindings();
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

  documents.onDidChangeContent((change) => {
    // An open glossary file is served too: editing it updates hovers without saving or restarting.
    if (isGlossaryUri(change.document.uri)) {
      reloadGlossary();
      diagnostics.refreshAll();
      return;
    }
    diagnostics.schedule(change.document.uri);
  });
  documents.onDidClose((event) => {
    if (isGlossaryUri(event.document.uri)) {
      // Back to what is on disk.
      setImmediate(reloadGlossary);
      return;
    }
    context.store.delete(event.document.uri);
    diagnostics.clear(event.document.uri);
  });

  registerOutline(context);
  registerHover(context);
  registerCompletion(context);
  registerSemanticTokens(context);
  registerWorkspaceFeatures(context, workspace);
  registerSegmentRequest(context);
  registerTermStatistics(context, workspace);
  registerCodeActions(context);
  registerFormatting(context);

  connection.onShutdown(() => segmentation.dispose());
  documents.listen(connection);
  connection.listen();
}

function pathToUri(file: string): string {
  return pathToFileURL(file).toString();
}

function rootPath(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  return (uri ? uriToPath(uri) : undefined) ?? params.rootPath ?? undefined;
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
