import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileProblem } from '../adapters/textFiles';
import type { FromWorker, ToWorker } from '../adapters/segmentationProtocol';
import { BoundedMemo } from '../core/memo';
import { createIntlSegmenter } from '../core/segment/intlSegmenter';
import { segmentParagraph } from '../core/segment/tokens';
import type { Segmenter, Token } from '../core/types';

export type SegmenterState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly loadMs: number; readonly userWords: number; readonly problems: readonly FileProblem[] }
  | { readonly kind: 'fallback'; readonly reason: string };

/** Texts per worker message: large enough to amortise the hop, small enough to interleave with edits. */
const BATCH = 256;
const CACHE_PARAGRAPHS = 60_000;

/**
 * Paragraph tokens for the server. Segmentation runs in a worker thread that
 * owns nodejieba; results are cached by paragraph text, so an edit costs one
 * paragraph. If the worker cannot load jieba, Intl.Segmenter takes over here.
 */
export class SegmentationService {
  readonly #cache = new BoundedMemo<readonly Token[]>(CACHE_PARAGRAPHS);
  readonly #pending = new Map<number, { texts: readonly string[]; resolve: () => void }>();
  readonly #listeners: ((state: SegmenterState) => void)[] = [];
  #worker: Worker | undefined;
  #fallback: Segmenter | undefined;
  #state: SegmenterState = { kind: 'loading' };
  #nextId = 1;
  #ready!: Promise<void>;
  #markReady!: () => void;

  constructor(private readonly workerPath: string = path.join(__dirname, 'segmentationWorker.js')) {
    this.#resetReady();
  }

  get state(): SegmenterState {
    return this.#state;
  }

  /** Resolves when tokens can be produced (jieba loaded, or the fallback chosen). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  onStateChange(listener: (state: SegmenterState) => void): void {
    this.#listeners.push(listener);
  }

  /** Starts (or restarts, after a dictionary change) loading in a fresh worker. */
  start(userDictionaryPaths: readonly string[]): void {
    this.#stopWorker();
    this.#cache.clear();
    this.#fallback = undefined;
    if (this.#state.kind !== 'loading') this.#resetReady();
    this.#setState({ kind: 'loading' });
    let worker: Worker;
    try {
      worker = new Worker(this.workerPath);
    } catch (error) {
      this.#useFallback(`worker: ${String(error)}`);
      return;
    }
    this.#worker = worker;
    worker.on('message', (message: FromWorker) => this.#onMessage(message));
    worker.on('error', (error) => this.#useFallback(`worker: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#useFallback(`worker exited with code ${code}`);
    });
    worker.unref();
    this.#send({ type: 'load', userDictionaryPaths });
  }

  /** Cached tokens of a paragraph (offsets relative to it), if segmented already. */
  tokens(text: string): readonly Token[] | undefined {
    if (text.length === 0) return [];
    return this.#cache.get(text);
  }

  /** Segments every text not cached yet; resolves when all are. */
  async ensure(texts: readonly string[]): Promise<void> {
    await this.#ready;
    const missing = [...new Set(texts.filter((t) => t.length > 0 && !this.#cache.has(t)))];
    if (missing.length === 0) return;
    const fallback = this.#fallback;
    if (fallback) {
      for (const text of missing) this.#cache.set(text, segmentParagraph(fallback, text));
      return;
    }
    const batches: Promise<void>[] = [];
    for (let i = 0; i < missing.length; i += BATCH) batches.push(this.#cut(missing.slice(i, i + BATCH)));
    await Promise.all(batches);
  }

  dispose(): void {
    this.#stopWorker();
  }

  #cut(texts: readonly string[]): Promise<void> {
    return new Promise((resolve) => {
      const id = this.#nextId++;
      this.#pending.set(id, { texts, resolve });
      this.#send({ type: 'cut', id, texts });
    });
  }

  #onMessage(message: FromWorker): void {
    if (message.type === 'loaded') {
      this.#setState({ kind: 'ready', loadMs: message.loadMs, userWords: message.userWords, problems: message.problems });
      this.#markReady();
    } else if (message.type === 'loadFailed') {
      this.#useFallback(message.error);
    } else {
      const request = this.#pending.get(message.id);
      if (!request) return;
      this.#pending.delete(message.id);
      request.texts.forEach((text, i) => this.#cache.set(text, tokensFromLengths(text, message.lengths[i], message.tags[i])));
      request.resolve();
    }
  }

  #useFallback(reason: string): void {
    this.#stopWorker();
    this.#fallback = createIntlSegmenter();
    this.#setState({ kind: 'fallback', reason });
    // Requests in flight are answered by the fallback instead.
    for (const [id, request] of this.#pending) {
      this.#pending.delete(id);
      for (const text of request.texts) this.#cache.set(text, segmentParagraph(this.#fallback, text));
      request.resolve();
    }
    this.#markReady();
  }

  #send(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #stopWorker(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) void worker.terminate();
  }

  #setState(state: SegmenterState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  #resetReady(): void {
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
  }
}

function tokensFromLengths(text: string, lengths: Uint32Array, tags: readonly string[]): readonly Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  // Literals, not `{ ...token, tag }`: see core/findings.ts on spread and hidden classes.
  for (let i = 0; i < lengths.length; i++) {
    const end = offset + lengths[i];
    const tag = tags[i];
    tokens.push(tag ? { text: text.slice(offset, end), start: offset, end, tag } : { text: text.slice(offset, end), start: offset, end });
    offset = end;
  }
  // A worker answer that does not cover the text exactly is not trusted.
  return offset === text.length ? tokens : segmentParagraph(createIntlSegmenter(), text);
}
