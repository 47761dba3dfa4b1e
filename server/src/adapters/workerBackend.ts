import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CutPieces, SegmenterBackend, SegmenterLoad } from '../engine/host';
import type { SegmenterChoice } from '../engine/settings';
import { adoptHeadStart, adoptPrestartedWorker, hasHeadStart, SEGMENTATION_WORKER_SCRIPT as WORKER_SCRIPT } from './prestart';
import type { FromWorker, ToWorker } from './segmentationProtocol';
import { segmenterOrder } from './segmenterChain';

/** The bundled worker script; absent when running from sources (tests). */
export function segmentationWorkerScript(): string | undefined {
  return fs.existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : undefined;
}

/**
 * nodejieba (else jieba-wasm) in a worker thread, so that its 1 s dictionary
 * load and long cuts never block the language server's main thread. If the
 * worker fails or exits, every pending and later call rejects (the engine falls back).
 * The worker keeps the process alive only while a load or a cut is pending
 * (the command line has nothing else to wait on).
 */
export class WorkerBackend implements SegmenterBackend {
  readonly name: 'jieba' | 'jieba-wasm';
  #worker: Worker | undefined;
  readonly #pending = new Map<number, { resolve: (pieces: CutPieces[]) => void; reject: (error: Error) => void }>();
  #load: { id: number; resolve: (load: SegmenterLoad) => void; reject: (error: Error) => void } | undefined;
  /** Loads the worker was told to do and has not answered: it is inside nodejieba until then. */
  #unansweredLoads = 0;
  #failure: Error | undefined;
  #nextId = 1;
  #nextLoadId = 1;
  readonly #exit: (code: number) => void;
  /** Resolves with the thread's exit code once it has stopped. */
  readonly exited: Promise<number>;

  constructor(
    private readonly choice: Exclude<SegmenterChoice, 'intl'> = 'auto',
    private readonly workerPath = WORKER_SCRIPT,
  ) {
    this.name = segmenterOrder(choice)[0];
    let exit!: (code: number) => void;
    this.exited = new Promise((resolve) => (exit = resolve));
    this.#exit = exit;
    // The server's head start is claimed by the first load, which knows the dictionaries (adapters/prestart.ts).
    if (hasHeadStart(choice, workerPath)) return;
    // The command line may have booted it already (adapters/prestart.ts).
    this.#attach((workerPath === WORKER_SCRIPT ? adoptPrestartedWorker() : undefined) ?? new Worker(workerPath));
  }

  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    if (this.#failure) return Promise.reject(this.#failure);
    let worker = this.#worker;
    if (!worker) {
      const head = adoptHeadStart(this.choice, userDictionaryPaths, this.workerPath);
      worker = this.#attach(head?.worker ?? new Worker(this.workerPath));
      if (head) {
        // Told to load at process start: its answer may be here already.
        this.#unansweredLoads++;
        return new Promise((resolve, reject) => {
          this.#load = { id: head.load.id, resolve, reject };
          worker!.ref();
          for (const reply of head.replies) this.#onMessage(reply);
        });
      }
    }
    const id = this.#nextLoadId++;
    this.#unansweredLoads++;
    return new Promise((resolve, reject) => {
      this.#load = { id, resolve, reject };
      worker.ref();
      this.#send({ type: 'load', id, userDictionaryPaths, choice: this.choice });
    });
  }

  /** The worker's thread id (undefined before the first load when a head start is to be claimed). */
  get threadId(): number | undefined {
    return this.#worker?.threadId;
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (!this.#worker) return Promise.reject(new Error('jieba is not loaded'));
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      this.#send({ type: 'cut', id, texts });
    });
  }

  #attach(worker: Worker): Worker {
    this.#worker = worker;
    worker.on('message', (message: FromWorker) => this.#onMessage(message));
    worker.on('error', (error) => this.#fail(new Error(`worker: ${error.message}`)));
    worker.on('exit', (code) => {
      this.#fail(new Error(`worker exited with code ${code}`));
      this.#exit(code);
    });
    worker.unref();
    return worker;
  }

  /**
   * Stops the worker. Terminating it inside a nodejieba call (a dictionary load, a cut)
   * aborts the whole process (`Napi::Error`), so a busy worker is asked to stop after the
   * work it was sent; its answers are ignored. An idle one is terminated at once.
   */
  dispose(): void {
    const busy = this.#unansweredLoads > 0 || this.#pending.size > 0;
    this.#failure ??= new Error('disposed');
    const worker = this.#worker;
    if (!worker) return this.#exit(0);
    if (busy) {
      this.#send({ type: 'stop' });
      worker.unref();
    } else void worker.terminate();
  }

  #onMessage(message: FromWorker): void {
    if (message.type === 'loaded' || message.type === 'loadFailed') {
      this.#unansweredLoads = Math.max(0, this.#unansweredLoads - 1);
      // Only the answer to the load asked for last counts.
      const load = this.#load?.id === message.id ? this.#load : undefined;
      if (load) this.#load = undefined;
      if (message.type === 'loaded') {
        const { segmenter, substituted, loadMs, userWords, problems } = message;
        load?.resolve({ segmenter, ...(substituted ? { substituted } : {}), loadMs, userWords, problems });
      } else load?.reject(new Error(message.error));
    } else {
      const request = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      const { lengths, starts, tagIds, tagNames } = message;
      const pieces: CutPieces[] = [];
      // Copies, not views: a view would keep its batch's whole buffer alive as long as this one paragraph is cached.
      for (let i = 0; i + 1 < starts.length; i++) pieces.push({ lengths: lengths.slice(starts[i], starts[i + 1]), tags: tagsOf(tagIds, starts[i], starts[i + 1], tagNames) });
      request?.resolve(pieces);
    }
    if (!this.#load && this.#pending.size === 0) this.#worker?.unref();
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#load?.reject(error);
    this.#load = undefined;
    for (const request of this.#pending.values()) request.reject(error);
    this.#pending.clear();
  }

  #send(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }
}

/** Tag names by id, in an index loop: `Array.from` with a mapping function made an iterator result per token. */
function tagsOf(ids: Uint16Array, start: number, end: number, names: readonly string[]): string[] {
  const tags = new Array<string>(end - start);
  for (let k = start; k < end; k++) tags[k - start] = names[ids[k]];
  return tags;
}
