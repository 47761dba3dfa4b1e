import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createBrowserHost } from './adapters/browser/browserHost';
import { PolicyEngine } from './engine/engine';
import { startServer } from './lsp/server';

/**
 * Entry point of dist/browserServer.js: the language server in a web worker
 * (vscode.dev, github.dev, code-server's web extension host). jieba-wasm's
 * data is fetched from the extension's dist/jieba-wasm/, next to this script
 * unless the client names the folder in the worker URL (`?data=`).
 */
declare const self: { readonly location: { readonly href: string } };
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const here = new URL(self.location.href);
const dataUrl = new URL(here.searchParams.get('data') ?? './jieba-wasm/', here);
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
startServer(connection, new PolicyEngine(createBrowserHost(dataUrl)));
