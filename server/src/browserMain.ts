import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createBrowserHost } from './adapters/browser/browserHost';
import { PolicyEngine } from './engine/engine';
import { startServer } from './lsp/server';
import type { JiebaWasmFiles } from './protocol';

/**
 * Entry point of dist/browserServer.js: the language server in a web worker
 * (vscode.dev, github.dev, code-server's web worker extension host). The
 * client's first message carries jieba-wasm's module and data (read from the
 * extension's files); JSON-RPC starts after it.
 */
interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
}
declare const self: WorkerScope;
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

self.onmessage = (event) => {
  const files = (event.data as { policyLensJiebaWasm?: JiebaWasmFiles } | null)?.policyLensJiebaWasm;
  if (!files) return;
  self.onmessage = null;
  // The reader takes over `onmessage` at once: the next message (initialize) is already its.
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
  startServer(connection, new PolicyEngine(createBrowserHost(files)));
};
