import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, Middleware } from 'vscode-languageclient';
import { cleanUpPastedText } from './commands/cleanUpPastedText';
import { ignorePhrase } from './commands/ignorePhrase';
import { addGlossaryEntry, addReference, openSample, openWalkthrough } from './commands/gettingStarted';
import { showSegmentation } from './commands/showSegmentation';
import { documentSelector } from './clientOptions';
import { PausedDocuments } from './status/pausedDocuments';
import { createStatusBar, showStatusActions, STATUS_ACTIONS_COMMAND } from './status/statusBar';
import { registerTermReport } from './views/reportPanel';
import { registerTermsView } from './views/termsView';
import { registerWordNavigation } from './wordNavigation/wordNavigation';

let client: LanguageClient | undefined;
let clientResources: vscode.Disposable | undefined;

/** Creates the language client: a Node process on the desktop, a web worker in the browser. */
export type ClientFactory = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel, middleware?: Middleware) => LanguageClient | Promise<LanguageClient>;

/**
 * Registers the commands and starts the language server once a document it
 * serves is open (plain text and Markdown activate the extension too, but the
 * 250 MB dictionary is loaded only if the user enabled them).
 */
export async function activatePolicyLens(
  context: vscode.ExtensionContext,
  createLanguageClient: ClientFactory,
  /** Features of one platform only (the desktop's Word documents); `startClient` starts the server if needed. */
  registerPlatformFeatures: (startClient: () => Promise<LanguageClient | undefined>) => vscode.Disposable[] = () => [],
): Promise<void> {
  const output = vscode.window.createOutputChannel('Policy Lens', { log: true });
  const paused = new PausedDocuments(context.workspaceState, () => client);
  // Checked documents (the selector also holds the workspace glossary, which gets no status item).
  const serves = (document: vscode.TextDocument) => vscode.languages.match(documentSelector(), document) > 0 && document.languageId !== 'json';

  // One start at a time: the web client is created asynchronously, and a document opened
  // meanwhile (the workbench restoring its editors) started a second client — two servers, and
  // every outline, hover and finding twice.
  let starting: Promise<void> | undefined;
  const start = (): Promise<void> => {
    starting ??= (async () => {
      try {
        const created = await createLanguageClient(context, output, paused.middleware);
        client = created;
        clientResources = createStatusBar(created, paused, serves);
        await created.start();
      } finally {
        starting = undefined;
      }
    })();
    return starting;
  };
  const stop = async () => {
    await starting?.catch(() => undefined);
    const running = client;
    client = undefined;
    clientResources?.dispose();
    clientResources = undefined;
    await running?.stop();
  };
  const restart = async () => {
    await stop();
    await startIfNeeded();
  };
  const startIfNeeded = async () => {
    if (starting) return starting;
    if (!client && vscode.workspace.textDocuments.some((d) => vscode.languages.match(documentSelector(), d) > 0)) await start();
  };

  context.subscriptions.push(
    output,
    paused,
    { dispose: () => void stop() },
    vscode.commands.registerCommand('policyLens.showSegmentation', async () => {
      await startIfNeeded();
      if (client) await showSegmentation(client, output);
    }),
    vscode.commands.registerCommand('policyLens.ignorePhrase', ignorePhrase),
    vscode.commands.registerCommand('policyLens.cleanUpPastedText', cleanUpPastedText),
    vscode.commands.registerCommand('policyLens.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.commands.registerCommand('policyLens.openSample', () => openSample(context)),
    vscode.commands.registerCommand('policyLens.openWalkthrough', openWalkthrough),
    vscode.commands.registerCommand('policyLens.addReference', addReference),
    vscode.commands.registerCommand('policyLens.addGlossaryEntry', () => addGlossaryEntry(context)),
    vscode.commands.registerCommand(STATUS_ACTIONS_COMMAND, () => showStatusActions(paused)),
    vscode.commands.registerCommand('policyLens.togglePause', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document && serves(document)) await paused.toggle(document.uri);
    }),
    registerWordNavigation(() => client),
    registerTermsView(context, () => client),
    registerTermReport(context, () => client),
    ...registerPlatformFeatures(async () => {
      if (!client) await start();
      return client;
    }),
    vscode.workspace.onDidOpenTextDocument(() => void startIfNeeded()),
    // Workspace glossaries and dictionaries are read only once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when a client starts: restart to apply it.
      // The server's language is fixed at initialize too.
      if (['enableForPlaintext', 'enableForMarkdown', 'language'].some((key) => event.affectsConfiguration(`policyLens.${key}`))) await restart();
    }),
  );
  await startIfNeeded();
}

export async function deactivatePolicyLens(): Promise<void> {
  clientResources?.dispose();
  await client?.stop();
}
