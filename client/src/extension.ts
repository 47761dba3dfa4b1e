import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showSegmentation } from './commands/showSegmentation';
import { createLanguageClient } from './languageClient';
import { createStatusItem } from './statusItem';

let client: LanguageClient | undefined;

/** Starts the language server and registers the editor-only commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Policy Lens', { log: true });
  const start = async () => {
    client = createLanguageClient(context, output);
    const status = createStatusItem(client);
    context.subscriptions.push(status);
    await client.start();
  };
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('policyLens.showSegmentation', () => (client ? showSegmentation(client, output) : undefined)),
    vscode.commands.registerCommand('policyLens.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when a client starts: restart to apply it.
      if (event.affectsConfiguration('policyLens.enableForPlaintext') || event.affectsConfiguration('policyLens.enableForMarkdown')) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
