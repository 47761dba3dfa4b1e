import { DidChangeWatchedFilesNotification, MessageType, TextDocuments, type Connection, type InitializeParams } from 'vscode-languageserver';
import { PolicyEngine } from '../engine/engine';
import { warmUp } from '../engine/warmUp';
import type { SegmenterState } from '../engine/segmentation';
import { localeFrom, type Locale } from '../engine/l10n';
import { WORKSPACE_REFERENCES } from '../engine/workspaceResources';
import { StatusNotificationType } from '../protocol';
import { capabilities, statusOf, workspaceOf } from './capabilities';
import type { ServerContext } from './context';
import { DocumentStore } from './documentStore';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentLinks } from './features/documentLinks';
import { registerDocxViews } from './features/docxViews';
import { registerFormatting } from './features/formatting';
import { registerHover } from './features/hover';
import { registerOutline } from './features/outline';
import { registerSegmentRequest } from './features/segment';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerTermStatistics } from './features/termStatistics';
import { registerWorkspaceFeatures } from './features/workspaceFeatures';
import { LineDocument } from './lineDocument';
import { ResourceDiagnostics } from './resourceDiagnostics';
import { SettingsManager } from './settingsManager';
import { UserMessages } from './userMessages';
import { WorkspaceIndex } from './workspaceIndex';
import { TypingPauses } from './typingPauses';

/** How long the warm-up waits for the documents opened with the server to be checked before giving up. */
const WARM_UP_WAIT_MS = 10_000;

/**
 * Wires the language server: the engine, documents, settings and the feature
 * modules. Handlers live in lsp/features; this function only connects them.
 */
export function startServer(connection: Connection, engine: PolicyEngine): void {
  // The segmenter's state is told to the client once initialized (LSP: nothing before initialize is answered).
  let initialized = false;
  let locale: Locale = 'en';
  let client = { canWatchFiles: false, progress: false, roots: [] as string[] };
  const documents = new TextDocuments<LineDocument>(LineDocument);
  const messages = new UserMessages(connection, () => locale);
  const settings = new SettingsManager(connection, (problem) => messages.show(MessageType.Warning, problem.replacedBy ? 'settingRetired' : 'settingInvalid', { ...problem }));
  const resources = new ResourceDiagnostics(connection, engine, messages, () => locale);
  const store = new DocumentStore(engine);
  const typing = new TypingPauses();
  const context: ServerContext = { connection, documents, engine, store, segmentation: engine.segmentation, locale: () => locale, settings: () => engine.settings, typing };
  const workspace = new WorkspaceIndex(connection, store, () => documents.all(), () => engine.settings, engine.host.files);
  const diagnostics = registerDiagnostics(context, (document) =>
    messages.show(MessageType.Info, 'largeDocument', { name: document.uri.split('/').pop() ?? '', size: document.getText().length, limit: engine.settings.maxDocumentSize }),
  );
  const openText = (uri: string) => documents.get(uri)?.getText();
  /** Settings or files changed: the engine follows, then every open document is checked again. */
  const applyConfiguration = () => {
    engine.configure(settings.current);
    engine.startSegmentation();
    resources.reloadGlossary(openText);
    const changed = resources.reloadReferences();
    // Idle time while the dictionary loads: the first document opened need not wait for the index.
    setImmediate(() => engine.prepareReferences());
    return changed;
  };

  connection.onInitialize((params: InitializeParams) => {
    const options = params.initializationOptions as { locale?: string; trusted?: boolean; settings?: unknown } | undefined;
    // The VS Code client's own choice (policyLens.language) wins over the editor's display language.
    locale = localeFrom(options?.locale ?? params.locale);
    const found = workspaceOf(params, engine.host.files);
    client = { canWatchFiles: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true, progress: params.capabilities.window?.workDoneProgress === true, roots: found.roots };
    // The VS Code client says whether the workspace is trusted; others are trusted by default.
    engine.setWorkspace(found.root, options?.trusted !== false);
    settings.initialize(params.capabilities.workspace?.configuration === true, options?.settings);
    // Settings sent along apply at once: requests may come before the pull answers.
    engine.configure(settings.current);
    return capabilities();
  });

  connection.onInitialized(async () => {
    await settings.start();
    applyConfiguration();
    initialized = true;
    announce(engine.segmentation.state);
    diagnostics.refreshAll();
    if (client.canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${WORKSPACE_REFERENCES}/**` }] }).catch(() => undefined);
    workspace.index(client.roots, client.progress);
    if (engine.host.withoutFiles) messages.show(MessageType.Info, 'withoutFiles');
    // Only ever a head start: whatever goes wrong in it is logged, and the documents are checked as before.
    warmUpWhenIdle().catch((error) => connection.console.error(`warm-up failed: ${String(error?.stack ?? error)}`));
  });

  /**
   * Once the documents opened with the server have been checked, the analysis runs over sample
   * text (engine/warmUp.ts) while nothing else is to be done — while the dictionary loads, and on
   * after it is ready: the next document opened finds the rules compiled and room in the heap.
   * It yields often and stops as soon as a document is to be checked; it gives up if none of the
   * first WARM_UP_WAIT_MS is idle.
   */
  async function warmUpWhenIdle(): Promise<void> {
    const waitUntil = performance.now() + WARM_UP_WAIT_MS;
    while (diagnostics.busy()) {
      if (performance.now() > waitUntil) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const started = performance.now();
    const chars = await warmUp(engine, () => !diagnostics.busy(), () => new Promise((resolve) => setImmediate(resolve)));
    if (chars > 0) connection.console.info(messages.text('warmUpDone', { chars, ms: Math.round(performance.now() - started) }));
    // The warm-up's garbage goes, and the next large document opened finds room (adapters/v8Tuning.ts).
    if (chars > 0 && !diagnostics.busy()) engine.host.collectWithHeadroom?.();
  }

  connection.onDidChangeConfiguration(async (change) => {
    await settings.changed(change);
    applyConfiguration();
    diagnostics.refreshAll();
  });

  connection.onDidChangeWatchedFiles(async (change) => {
    for (const c of change.changes) await workspace.update(c.uri, c.type === 3);
    if (change.changes.some((c) => engine.isGlossaryUri(c.uri))) {
      resources.reloadGlossary(openText);
      diagnostics.refreshAll();
    }
    if (change.changes.some((c) => engine.isReferenceUri(c.uri)) && resources.reloadReferences()) diagnostics.refreshAll();
  });

  /** Tells the client a segmenter state, with the messages that go with a settled one. */
  function announce(state: SegmenterState): void {
    void connection.sendNotification(StatusNotificationType.method, statusOf(state, messages));
    if (state.kind === 'fallback') messages.show(MessageType.Warning, 'segmenterFallback', { reason: state.reason });
    if (state.kind === 'ready') {
      connection.console.info(messages.text('segmenterReady', { segmenter: state.segmenter, ms: Math.round(state.loadMs), words: state.userWords }));
      if (state.substituted) {
        // Expected with `auto` in a package without nodejieba (same words): logged. Chosen explicitly: shown.
        if (engine.settings.segmenter === 'auto') connection.console.info(messages.text('segmenterSubstituted', { reason: state.substituted, segmenter: state.segmenter }));
        else messages.show(MessageType.Warning, 'segmenterSubstituted', { reason: state.substituted, segmenter: state.segmenter });
      }
      state.problems.forEach((problem) => messages.fileProblem(problem));
    }
  }
  engine.segmentation.onStateChange((state) => {
    if (initialized) announce(state);
  });

  // Opening is no keystroke: the first check of a document waits for no typing to settle.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    typing.opened(document.uri, document.version);
  });
  // An open glossary file is served too: editing it updates hovers without saving or restarting.
  documents.onDidChangeContent(({ document }) => {
    typing.changed(document.uri, document.version);
    const opened = justOpened.delete(document.uri);
    if (!engine.isGlossaryUri(document.uri)) return diagnostics.schedule(document.uri, opened);
    resources.reloadGlossary(openText);
    diagnostics.refreshAll();
  });
  documents.onDidClose(({ document }) => {
    typing.closed(document.uri);
    // A closed glossary file goes back to what is on disk.
    if (engine.isGlossaryUri(document.uri)) return void setImmediate(() => resources.reloadGlossary(openText));
    store.delete(document.uri);
    diagnostics.clear(document.uri);
  });

  for (const register of [registerOutline, registerDocumentLinks, registerHover, registerCompletion, registerSemanticTokens, registerSegmentRequest, registerCodeActions, registerFormatting]) register(context);
  registerWorkspaceFeatures(context, workspace);
  registerTermStatistics(context, workspace);
  registerDocxViews(context, (uri) => diagnostics.schedule(uri));
  connection.onShutdown(() => engine.dispose());
  documents.listen(connection);
  connection.listen();
}
