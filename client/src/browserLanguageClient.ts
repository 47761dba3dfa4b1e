import * as vscode from 'vscode';
import { LanguageClient, type Middleware } from 'vscode-languageclient/browser';
import type { JiebaWasmFiles } from '../../server/src/protocol';
import { clientOptions } from './clientOptions';
import { l10n } from './l10n';

/** What the client needs of the worker API (its tsconfig has no DOM library). */
declare const Worker: new (url: string) => Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * The browser client (vscode.dev, github.dev, code-server's web worker host):
 * dist/browserServer.js in a web worker, segmenting with jieba-wasm. The
 * extension's files are read through VS Code (their URIs may be remote ones a
 * worker cannot load), the script started from a blob and jieba-wasm's data
 * handed over in the worker's first message.
 */
export async function createBrowserLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, middleware?: Middleware): Promise<LanguageClient> {
  const read = (file: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, file));
  const [script, wasm, mainDictionary, hmmModel] = await Promise.all([
    read('dist/browserServer.js'),
    read('dist/jieba-wasm/jieba_rs_wasm_bg.wasm'),
    read('dist/jieba-wasm/jieba.dict.utf8'),
    read('dist/jieba-wasm/hmm_model.utf8'),
  ]);
  const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  const decoder = new TextDecoder();
  const wasmBuffer = wasm.slice().buffer;
  const files: JiebaWasmFiles = { wasm: wasmBuffer, mainDictionary: decoder.decode(mainDictionary), hmmModel: decoder.decode(hmmModel) };
  worker.postMessage({ policyLensJiebaWasm: files }, [wasmBuffer]);
  // vscode-languageclient 10+: (id, name, serverOptions — the worker —, clientOptions).
  return new LanguageClient('policyLens', l10n.t('Policy Lens'), worker, clientOptions(output, middleware));
}
