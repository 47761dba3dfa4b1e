import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { segmentParagraph } from '../../server/src/core/segment/tokens';

const DIST = path.join(__dirname, '../../dist');

/**
 * The web extension's language server (dist/browserServer.js, built for the
 * browser) in a worker that offers only what a browser worker does: `self`
 * with postMessage and onmessage. The script runs as a function body in
 * which Node's globals (require, process, Buffer, setImmediate …) are undefined. As the browser client does,
 * the first message hands over jieba-wasm's files.
 */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
let listener = null;
parentPort.on('message', (data) => listener && listener({ data }));
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => {},
  get onmessage() { return listener; },
  set onmessage(value) { listener = value; },
};
const NODE_ONLY = ['require', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', '__dirname', '__filename'];
new Function(...NODE_ONLY, require('node:fs').readFileSync(workerData.script, 'utf8'))();
`;

class WorkerClient {
  readonly notifications: { method: string; params: any }[] = [];
  readonly #pending = new Map<number, (result: any) => void>();
  #waiters: { method: string; predicate: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  #nextId = 1;
  settings: Record<string, unknown> = {};

  constructor(readonly worker: Worker) {
    worker.on('message', (message: any) => {
      if (message.id !== undefined && !message.method) {
        this.#pending.get(message.id)?.(message.error ? Promise.reject(new Error(message.error.message)) : message.result);
        this.#pending.delete(message.id);
      } else if (message.id !== undefined) {
        const result = message.method === 'workspace/configuration' ? message.params.items.map((i: any) => this.settings[i.section] ?? null) : null;
        worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
      } else {
        this.notifications.push(message);
        this.#waiters = this.#waiters.filter((w) => (w.method === message.method && w.predicate(message.params) ? (w.resolve(message.params), false) : true));
      }
    });
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.worker.postMessage({ jsonrpc: '2.0', method, params });
  }

  waitFor(method: string, predicate: (params: any) => boolean = () => true): Promise<any> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve) => this.#waiters.push({ method, predicate, resolve }));
  }
}

describe('the browser language server (web worker, jieba-wasm, no Node APIs)', () => {
  let worker: Worker;
  let client: WorkerClient;

  beforeAll(async () => {
    worker = new Worker(BOOTSTRAP, { eval: true, workerData: { script: path.join(DIST, 'browserServer.js') } });
    const wasm = fs.readFileSync(path.join(DIST, 'jieba-wasm/jieba_rs_wasm_bg.wasm'));
    const files = {
      wasm: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      mainDictionary: fs.readFileSync(path.join(DIST, 'jieba-wasm/jieba.dict.utf8'), 'utf8'),
      hmmModel: fs.readFileSync(path.join(DIST, 'jieba-wasm/hmm_model.utf8'), 'utf8'),
    };
    worker.postMessage({ policyLensJiebaWasm: files }, [files.wasm]);
    client = new WorkerClient(worker);
    client.settings = { policyLens: { dictionaries: ['my.dict.utf8'] } };
    await client.request('initialize', {
      processId: null,
      rootUri: null,
      locale: 'en',
      capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] } } },
    });
    client.notify('initialized', {});
  }, 60_000);
  afterAll(async () => {
    await worker?.terminate();
  });

  it('loads jieba-wasm from the files it was handed and says so', async () => {
    const status = await client.waitFor('policyLens/status', (p) => p.state !== 'loading');
    expect(status).toMatchObject({ state: 'ready', segmenter: 'jieba-wasm' });
  }, 60_000);

  it('segments like nodejieba and serves outline, hover and diagnostics', async () => {
    const uri = 'vscode-vfs://github/org/repo/report.policy.txt';
    const text = '一、总体要求\n加快发展新质生产力,扎实推进高质量发展。';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'policy', version: 1, text } });
    const segmented = await client.request('policyLens/segment', { textDocument: { uri } });
    expect(segmented.segmenter).toBe('jieba-wasm');
    const native = loadJieba([]).segmenter;
    expect(segmented.tokens.map((t: any) => t.text)).toEqual(text.split('\n').flatMap((line) => segmentParagraph(native, line).map((t) => t.text)));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、总体要求']);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(hover.contents.value).toMatch(/^\*\*新质生产力\*\*/);
    const diagnostics = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    expect(diagnostics.diagnostics.map((d: any) => d.code)).toContain('punctuation.width');
  }, 60_000);

  it('says once what needs files and is not available in the browser', async () => {
    const note = await client.waitFor('window/showMessage', (p) => /^Policy Lens in the browser/.test(p.message));
    expect(note.message).toBe(
      'Policy Lens in the browser: documents that are not open, and dictionaries, glossaries and reference texts in files, are not available here (the command line neither); open documents are checked in full.',
    );
    expect(note.type).toBe(3);
  });

  it('says that files on disk are not available instead of failing', async () => {
    const message = await client.waitFor('window/showMessage', (p) => /my\.dict\.utf8/.test(p.message));
    expect(message.message).toMatch(/not available in the browser/);
  });
});
