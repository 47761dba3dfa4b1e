import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions } from './clientOptions';

/** The web worker constructor (the client's tsconfig has no DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The browser client (vscode.dev, github.dev): dist/browserServer.js in a web
 * worker, segmenting with jieba-wasm fetched from dist/jieba-wasm/.
 */
export function createBrowserLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/browserServer.js');
  const data = vscode.Uri.joinPath(context.extensionUri, 'dist/jieba-wasm/');
  const worker = new Worker(`${script.toString(true)}?data=${encodeURIComponent(data.toString(true))}`);
  return new LanguageClient('policyLens', vscode.l10n.t('Policy Lens'), clientOptions(output), worker);
}
