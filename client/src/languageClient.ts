import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/launch';
import { clientOptions } from './clientOptions';
import { l10n } from './l10n';

/** The desktop client: dist/server.js in a Node process (nodejieba, else jieba-wasm). */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, middleware?: Middleware): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS], env: { ...process.env, ...SERVER_ENVIRONMENT } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6011'], env: { ...process.env, ...SERVER_ENVIRONMENT } } },
  };
  return new LanguageClient('policyLens', l10n.t('Policy Lens'), serverOptions, clientOptions(output, middleware));
}
