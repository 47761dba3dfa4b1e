import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CutPieces, SegmenterBackend, SegmenterLoad } from '../engine/host';
import type { SegmenterChoice } from '../engine/settings';
import type { FromWorker, ToWorker } from './segmentationProtocol';
import { segmenterOrder } from './segmenterChain';

/**
 * nodejieba (else jieba-wasm) in a worker thread, so that its 1 s dictionary
 * load and long cuts never block the language server's main thread. If the
 * worker fails or exits, every pending and later call rejects (the engine falls back).
 */
export class WorkerBackend implements SegmenterBackend {
  readonly name: 'jieba' | 'jieba-wasm';
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (pieces: CutPieces[]) => void; reject: (error: Error) => void }>();
  #load: { resolve: (load: SegmenterLoad) => void; reject: (error: Error) => void } | undefined;
  #failure: Error | undefined;
  #nextId = 1;

  constructor(
    private readonly choice: Exclude<SegmenterChoice, 'intl'> = 'auto',
    workerPath = path.join(__dirname, 'segmentationWorker.js'),
  ) {
    this.name = segmenterOrder(choice)[0];
    const worker = new Worker(workerPath);
    this.#worker = worker;
    worker.on('message', (message: FromWorker) => this.#onMessage(message));
    worker.on('error', (error) => this.#fail(new Error(`worker: ${error.message}`)));
    worker.on('exit', (code) => this.#fail(new Error(`worker exited with code ${code}`)));
    worker.unref();
  }

  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#load = { resolve, reject };
      this.#send({ type: 'load', userDictionaryPaths, choice: this.choice });
    });
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#send({ type: 'cut', id, texts });
    });
  }

  dispose(): void {
    this.#failure ??= new Error('disposed');
    void this.#worker.terminate();
  }

  #onMessage(message: FromWorker): void {
    if (message.type === 'loaded') {
      const { segmenter, substituted, loadMs, userWords, problems } = message;
      this.#load?.resolve({ segmenter, ...(substituted ? { substituted } : {}), loadMs, userWords, problems });
    } else if (message.type === 'loadFailed') {
      this.#load?.reject(new Error(message.error));
    } else {
      const request = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      const { tagIds, tagNames } = message;
      request?.resolve(message.lengths.map((lengths, i) => ({ lengths, tags: Array.from(tagIds[i], (id) => tagNames[id]) })));
    }
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#load?.reject(error);
    for (const request of this.#pending.values()) request.reject(error);
    this.#pending.clear();
  }

  #send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }
}
