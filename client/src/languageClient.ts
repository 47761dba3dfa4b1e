import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Which documents the server sees: `policy` always; plain text and Markdown when the user opts in. */
export function documentSelector(): DocumentSelector {
  const config = vscode.workspace.getConfiguration('policyLens');
  const selector: { scheme: string; language: string }[] = [
    { scheme: 'file', language: 'policy' },
    { scheme: 'untitled', language: 'policy' },
  ];
  if (config.get<boolean>('enableForPlaintext')) selector.push({ scheme: 'file', language: 'plaintext' }, { scheme: 'untitled', language: 'plaintext' });
  if (config.get<boolean>('enableForMarkdown')) selector.push({ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' });
  return selector;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: 'policyLens' },
    initializationOptions: { locale: vscode.env.language },
  };
  return new LanguageClient('policyLens', vscode.l10n.t('Policy Lens'), serverOptions, clientOptions);
}
