import { BoundedMemo } from '../core/memo';
import { InternTable } from '../core/text/internTable';
import { createIntlSegmenter } from '../core/segment/intlSegmenter';
import { clausesAround } from '../core/segment/clauses';
import { segmentParagraph } from '../core/segment/tokens';
import { tokenBoundaries } from '../core/terms/termMatcher';
import type { Segmenter, Span, Token } from '../core/types';
import { SEGMENTATION_BUDGETS } from '../core/budgets';
import type { CutPieces, FileProblem, SegmenterBackend, SegmenterName } from './host';
import type { SegmenterChoice } from './settings';

export type SegmenterState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'ready';
      readonly segmenter: SegmenterName;
      readonly loadMs: number;
      readonly userWords: number;
      readonly problems: readonly FileProblem[];
      /** Why the segmenters before this one in the `auto` order could not load. */
      readonly substituted?: string;
    }
  | { readonly kind: 'fallback'; readonly reason: string };

/**
 * Paragraph tokens for the engine. A backend (jieba in a worker thread for
 * the server, in-process for the command line) owns the dictionary; results
 * are cached by paragraph text, so an edit costs one paragraph. If the backend
 * cannot start or dies, Intl.Segmenter takes over here and the state says so.
 */
export class SegmentationService {
  /**
   * By paragraph text: its segmentation, or its token boundaries where term matching reads them
   * (`ensureReady`). One map, so that asking whether a paragraph is ready is one lookup (the rules
   * ask for every paragraph on every edit).
   */
  readonly #cache = new BoundedMemo<SegmentedParagraph | TermBoundaries>(SEGMENTATION_BUDGETS.paragraphs);
  /** Texts sent to the backend and not answered yet (see #track). */
  readonly #inFlight = new Map<string, { readonly whole: boolean; readonly done: Promise<void> }>();
  /** Paragraphs a rule read the tokens of although they were cut only for term matching (`needWhole`). */
  readonly #wholeNeeded = new Set<string>();
  readonly #listeners: ((state: SegmenterState) => void)[] = [];
  #backend: SegmenterBackend | undefined;
  #fallback: Segmenter | undefined;
  #state: SegmenterState = { kind: 'loading' };
  /** Tells a stale backend's answers (after a restart) from the current one's. */
  #generation = 0;
  #ready!: Promise<void>;
  #markReady!: () => void;

  constructor(private readonly createBackend: (choice: Exclude<SegmenterChoice, 'intl'>) => SegmenterBackend) {
    this.#resetReady();
  }

  get state(): SegmenterState {
    return this.#state;
  }

  /** The segmenter producing tokens now (jieba while it loads, since tokens wait for it). */
  get segmenterName(): SegmenterName {
    if (this.#fallback) return 'intl';
    return this.#state.kind === 'ready' ? this.#state.segmenter : (this.#backend?.name ?? 'intl');
  }

  /** Resolves when tokens can be produced (the dictionary loaded, or the fallback chosen). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  onStateChange(listener: (state: SegmenterState) => void): void {
    this.#listeners.push(listener);
  }

  /** Starts (or restarts, after a dictionary or setting change) loading in a fresh backend. */
  start(userDictionaryPaths: readonly string[], choice: SegmenterChoice = 'auto'): void {
    this.#stopBackend();
    this.#cache.clear();
    this.#wholeNeeded.clear();
    this.#inFlight.clear();
    this.#fallback = undefined;
    const generation = ++this.#generation;
    if (this.#state.kind !== 'loading') this.#resetReady();
    this.#setState({ kind: 'loading' });
    if (choice === 'intl') {
      // Chosen in the settings: no dictionary to load, nothing to warn about.
      this.#fallback = createIntlSegmenter();
      this.#setState({ kind: 'ready', segmenter: 'intl', loadMs: 0, userWords: 0, problems: [] });
      this.#markReady();
      return;
    }
    let backend: SegmenterBackend;
    try {
      backend = this.createBackend(choice);
    } catch (error) {
      this.#useFallback(`${String(error)}`);
      return;
    }
    this.#backend = backend;
    backend.load(userDictionaryPaths).then(
      (loaded) => {
        if (generation !== this.#generation) return;
        this.#setState({ kind: 'ready', ...loaded, segmenter: loaded.segmenter ?? backend.name });
        this.#markReady();
      },
      (error: unknown) => {
        if (generation === this.#generation) this.#useFallback(error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Cached tokens of a paragraph (offsets relative to it); an in-process backend cuts at once. */
  tokens(text: string): readonly Token[] | undefined {
    return this.segmented(text)?.tokens;
  }

  /**
   * A paragraph's segmentation without making its tokens (see SegmentedParagraph); undefined while
   * the dictionary loads. An in-process backend cuts at once.
   */
  segmented(text: string): SegmentedParagraph | undefined {
    if (text.length === 0) return EMPTY;
    const cached = this.#cache.get(text);
    if (cached instanceof SegmentedParagraph) return cached;
    if (this.#state.kind === 'loading' && !this.#backend?.cutNow) return undefined;
    // Cut only around its terms (TermBoundaries): a worker cannot cut it whole now.
    if (cached !== undefined && !this.#fallback && !this.#backend?.cutNow) return undefined;
    const segmented = this.#fallback ? SegmentedParagraph.ofTokens(text, segmentParagraph(this.#fallback, text)) : this.#cutNow(text);
    if (segmented) this.#cache.set(text, segmented);
    return segmented;
  }

  /** True when the text's tokens are cached. */
  has(text: string): boolean {
    return this.#cache.get(text) instanceof SegmentedParagraph;
  }

  /**
   * A rule read the tokens of these paragraphs although they were cut only for term matching: they
   * are not ready any more, and are cut whole whenever asked for again.
   */
  needWhole(texts: readonly string[]): void {
    if (this.#wholeNeeded.size + texts.length > SEGMENTATION_BUDGETS.batch * 16) this.#wholeNeeded.clear();
    for (const text of texts) {
      this.#wholeNeeded.add(text);
      if (!this.has(text)) this.#cache.delete(text);
    }
  }

  /** True when a paragraph is ready for the rules: its tokens, or the boundaries term matching reads, are cached. */
  isReady(text: string): boolean {
    return text.length === 0 || this.#cache.has(text);
  }

  /** Whether the rules can run on a paragraph now: it is ready, or its tokens can be made at once (in process, or the fallback). */
  canTokenize(text: string): boolean {
    return this.isReady(text) || this.#fallback !== undefined || this.#backend?.cutNow !== undefined;
  }

  /**
   * What term matching needs of a paragraph's segmentation: token boundaries, read only at both
   * ends of the `spans` it names (TermMatcher.occurrences). The whole segmentation if cached, else
   * the stretches around the spans; in process they are cut at once. Undefined while a worker has
   * not cut the paragraph (or the dictionary loads).
   */
  termBoundaries(text: string, spans: (text: string) => readonly Span[]): { boundaries(): Uint8Array } | undefined {
    if (text.length === 0) return EMPTY;
    const ready = this.#cache.get(text);
    if (ready !== undefined) return ready;
    const cutNow = this.#backend?.cutNow;
    if (this.#fallback || !cutNow || this.#state.kind === 'loading') return this.segmented(text);
    try {
      const clauses = clausesAround(text, spans(text));
      const boundaries = TermBoundaries.of(text, clauses, clauses.map((c) => cutNow.call(this.#backend, text.slice(c.start, c.end))));
      if (boundaries) {
        this.#cache.set(text, boundaries);
        return boundaries;
      }
    } catch {
      // segmented() below falls back and says why.
    }
    return this.segmented(text);
  }

  /**
   * Makes paragraphs ready for the rules, cutting no more than they read: `whole` texts get their
   * tokens; the `partial` ones only the stretches around their spans (where term matching reads
   * token boundaries; none: nothing to cut). jieba cuts such a stretch exactly as it cuts it inside
   * the paragraph (core/segment/clauses.ts). `onBatch` hears each batch of texts once ready.
   */
  ensureReady(whole: readonly string[], partial: readonly { readonly text: string; readonly spans: readonly Span[] }[], onBatch?: (texts: readonly string[]) => void): Promise<void> {
    if (this.#state.kind === 'loading') return this.#ready.then(() => this.ensureReady(whole, partial, onBatch));
    const backend = this.#backend;
    // Intl.Segmenter (the fallback) is not known to cut stretches as it cuts paragraphs: whole.
    if (this.#fallback || !backend) return this.#dispatch([...whole, ...partial.map((p) => p.text)], onBatch);
    const wholeDone = this.#dispatch(this.#wholeNeeded.size === 0 ? whole : [...whole, ...partial.filter((p) => this.#wholeNeeded.has(p.text)).map((p) => p.text)], onBatch);
    const generation = this.#generation;
    const nothingToCut: string[] = [];
    const toCut: { text: string; clauses: Span[] }[] = [];
    const waiting = new Map<Promise<void>, string[]>();
    for (const { text, spans } of partial) {
      if (text.length === 0 || this.isReady(text) || this.#wholeNeeded.has(text)) continue;
      const flight = this.#inFlight.get(text);
      if (flight) {
        addTo(waiting, flight.done, text);
      } else if (spans.length === 0) {
        this.#cache.set(text, NOTHING_READ);
        nothingToCut.push(text);
      } else {
        toCut.push({ text, clauses: clausesAround(text, spans) });
      }
    }
    const batches: Promise<void>[] = [wholeDone];
    for (const [done, texts] of waiting) batches.push(done.then(() => onBatch?.(texts.filter((t) => this.isReady(t)))));
    // Heard after the caller's synchronous work, as a worker's batch would be.
    if (nothingToCut.length > 0) batches.push(Promise.resolve().then(() => onBatch?.(nothingToCut)));
    for (let i = 0; i < toCut.length; i += SEGMENTATION_BUDGETS.batch) {
      const jobs = toCut.slice(i, i + SEGMENTATION_BUDGETS.batch);
      const stretches: string[] = [];
      for (const { text, clauses } of jobs) for (const c of clauses) stretches.push(text.slice(c.start, c.end));
      batches.push(
        this.#track(jobs.map((j) => j.text), false, backend.cut(stretches).then(
          async (pieces) => {
            if (generation !== this.#generation) return;
            const texts: string[] = [];
            const uncovered: string[] = [];
            let k = 0;
            for (const { text, clauses } of jobs) {
              const boundaries = TermBoundaries.of(text, clauses, pieces.slice(k, (k += clauses.length)));
              if (this.has(text)) {
                // Cut whole meanwhile (another version's demand): kept.
                texts.push(text);
              } else if (boundaries && !this.#wholeNeeded.has(text)) {
                // (Unless a rule has asked for its tokens meanwhile, needWhole: cut whole below.)
                this.#cache.set(text, boundaries);
                texts.push(text);
              } else {
                uncovered.push(text);
              }
            }
            onBatch?.(texts);
            // Pieces that do not cover their stretch are not trusted either: the paragraph is cut whole.
            if (uncovered.length > 0) await this.#dispatch(uncovered, onBatch);
          },
          async (error: unknown) => {
            if (generation !== this.#generation) return;
            if (!this.#fallback) this.#useFallback(error instanceof Error ? error.message : String(error));
            await this.#dispatch(jobs.map((j) => j.text), onBatch);
          },
        )),
      );
    }
    return Promise.all(batches).then(() => undefined);
  }

  /**
   * Segments every text not cached yet; resolves when all are. `onBatch` hears
   * each batch of texts as soon as its tokens are cached, so callers can work
   * on them while later batches are still being cut.
   */
  ensure(texts: readonly string[], onBatch?: (texts: readonly string[]) => void): Promise<void> {
    // Dispatched at once when the dictionary is ready: callers work while the worker cuts.
    if (this.#state.kind === 'loading') return this.#ready.then(() => this.ensure(texts, onBatch));
    return this.#dispatch(texts, onBatch);
  }

  async #dispatch(texts: readonly string[], onBatch?: (texts: readonly string[]) => void): Promise<void> {
    const missing = [...new Set(texts.filter((t) => t.length > 0 && !this.has(t)))];
    if (missing.length === 0) return;
    const backend = this.#backend;
    if (this.#fallback || !backend) {
      for (const text of missing) this.tokens(text);
      onBatch?.(missing);
      return;
    }
    const generation = this.#generation;
    const batches: Promise<void>[] = [];
    // Those another caller has sent whole already are waited for, not sent again.
    const toSend: string[] = [];
    const waiting = new Map<Promise<void>, string[]>();
    for (const text of missing) {
      const flight = this.#inFlight.get(text);
      if (flight?.whole) addTo(waiting, flight.done, text);
      else toSend.push(text);
    }
    for (const [done, texts] of waiting) batches.push(done.then(() => onBatch?.(texts.filter((t) => this.has(t)))));
    for (let i = 0; i < toSend.length; i += SEGMENTATION_BUDGETS.batch) {
      const texts = toSend.slice(i, i + SEGMENTATION_BUDGETS.batch);
      batches.push(
        this.#track(texts, true, backend.cut(texts).then(
          (pieces) => {
            if (generation !== this.#generation) return;
            texts.forEach((text, j) => this.#cache.set(text, new SegmentedParagraph(text, pieces[j])));
            onBatch?.(texts);
          },
          (error: unknown) => {
            if (generation !== this.#generation) return;
            // The backend died: the fallback answers, and says why once.
            if (!this.#fallback) this.#useFallback(error instanceof Error ? error.message : String(error));
            for (const text of texts) this.tokens(text);
            onBatch?.(texts);
          },
        )),
      );
    }
    await Promise.all(batches);
  }

  /**
   * Marks `texts` as sent (`whole`: cut whole) until `done` settles, so that a second caller (an
   * editor asks for semantic tokens while the diagnostics prepare the same document) waits for
   * them instead of having the worker cut them again.
   */
  #track(texts: readonly string[], whole: boolean, done: Promise<void>): Promise<void> {
    const flight = { whole, done };
    for (const text of texts) this.#inFlight.set(text, flight);
    const landed = () => {
      for (const text of texts) if (this.#inFlight.get(text) === flight) this.#inFlight.delete(text);
    };
    done.then(landed, landed);
    return done;
  }

  dispose(): void {
    this.#stopBackend();
  }

  #cutNow(text: string): SegmentedParagraph | undefined {
    const backend = this.#backend;
    if (!backend?.cutNow) return undefined;
    try {
      return new SegmentedParagraph(text, backend.cutNow(text));
    } catch (error) {
      this.#useFallback(error instanceof Error ? error.message : String(error));
      return SegmentedParagraph.ofTokens(text, segmentParagraph(this.#fallback!, text));
    }
  }

  #useFallback(reason: string): void {
    this.#stopBackend();
    this.#fallback = createIntlSegmenter();
    this.#setState({ kind: 'fallback', reason });
    this.#markReady();
  }

  #stopBackend(): void {
    const backend = this.#backend;
    this.#backend = undefined;
    backend?.dispose();
  }

  #setState(state: SegmenterState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  #resetReady(): void {
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
  }
}

/**
 * A paragraph's segmentation as the segmenter gave it: piece lengths and parts of speech. Token
 * objects are made the first time a rule asks for them: most paragraphs only need the token
 * boundaries (term matching), and the slogan and wording rules read tokens only where their words
 * occur; 290 000 token objects for the 1.6 MB compilation were a fifth of its live heap and much of
 * the garbage collectors' work on an open.
 */
export class SegmentedParagraph {
  #tokens: readonly Token[] | undefined;

  constructor(
    private readonly text: string,
    private readonly pieces: CutPieces | undefined,
  ) {}

  static ofTokens(text: string, tokens: readonly Token[]): SegmentedParagraph {
    const segmented = new SegmentedParagraph(text, undefined);
    segmented.#tokens = tokens;
    return segmented;
  }

  get tokens(): readonly Token[] {
    return (this.#tokens ??= tokensFromPieces(this.text, this.pieces));
  }

  /** Whether the token objects were made (a test of the laziness above). */
  get madeTokens(): boolean {
    return this.#tokens !== undefined;
  }

  /**
   * 1 at every offset (0…length) where a token starts or ends. Read at once and not kept (term
   * matching): for most paragraphs the array is a working one, reused by the next call; a typed
   * array made for every paragraph cut cost more than filling it.
   */
  boundaries(): Uint8Array {
    const lengths = this.pieces?.lengths;
    if (this.#tokens !== undefined || lengths === undefined) return tokenBoundaries(this.tokens, this.text.length);
    const size = this.text.length + 1;
    const boundaries = size <= BOUNDARY_SCRATCH.length ? BOUNDARY_SCRATCH.subarray(0, size).fill(0) : new Uint8Array(size);
    let offset = 0;
    boundaries[0] = 1;
    for (let i = 0; i < lengths.length; i++) {
      offset += lengths[i];
      if (offset > this.text.length) break;
      boundaries[offset] = 1;
    }
    // Pieces that do not cover the text are not trusted (tokensFromPieces falls back the same way).
    return offset === this.text.length ? boundaries : tokenBoundaries(this.tokens, this.text.length);
  }
}

const EMPTY = SegmentedParagraph.ofTokens('', []);
/** The working array of `SegmentedParagraph.boundaries`. */
const BOUNDARY_SCRATCH = new Uint8Array(65536);

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A paragraph's token boundaries inside the stretches that were cut (`ensureReady`); nothing is
 * known outside them, where term matching reads none.
 */
class TermBoundaries {
  constructor(readonly known: Uint8Array) {}

  /** The boundaries inside `clauses` from their pieces; undefined when pieces do not cover their stretch. */
  static of(text: string, clauses: readonly Span[], pieces: readonly CutPieces[]): TermBoundaries | undefined {
    const known = new Uint8Array(text.length + 1);
    for (let c = 0; c < clauses.length; c++) {
      const lengths = pieces[c]?.lengths;
      if (!lengths) return undefined;
      let offset = clauses[c].start;
      known[offset] = 1;
      for (let i = 0; i < lengths.length; i++) {
        offset += lengths[i];
        if (offset > clauses[c].end) return undefined;
        known[offset] = 1;
      }
      if (offset !== clauses[c].end) return undefined;
    }
    return new TermBoundaries(known);
  }

  boundaries(): Uint8Array {
    return this.known;
  }
}

/** For paragraphs where term matching reads no boundary (no short form occurs). */
const NOTHING_READ = new TermBoundaries(new Uint8Array(0));

/**
 * Words and tags are interned: a document of 300 000 tokens has some 25 000
 * distinct words and 60 tags, and every slice or cloned tag was a string of
 * its own (≈13 MB for the 1.6 MB compilation). Words are looked up before
 * they are sliced (core/text/internTable.ts). Bounded: cleared when full.
 */
const words = new InternTable(SEGMENTATION_BUDGETS.internedWords);
const tags = new Map<string, string>();

/** Forgets the interned words (the warm-up's made-up ones): interning only shares memory, it changes no token. */
export function forgetInternedWords(): void {
  words.clear();
}

function internTag(value: string): string {
  const known = tags.get(value);
  if (known !== undefined) return known;
  if (tags.size >= 1000) tags.clear();
  tags.set(value, value);
  return value;
}

function tokensFromPieces(text: string, pieces: CutPieces | undefined): readonly Token[] {
  const tokens: Token[] = [];
  if (!pieces) return segmentParagraph(createIntlSegmenter(), text);
  let offset = 0;
  // Literals, not `{ ...token, tag }`: see core/findings.ts on spread and hidden classes.
  for (let i = 0; i < pieces.lengths.length; i++) {
    const end = offset + pieces.lengths[i];
    const tag = pieces.tags[i];
    // Long pieces (a run of Latin text, a number) are rarely repeated: not worth a table entry.
    const word = end - offset <= 8 ? words.intern(text, offset, end) : text.slice(offset, end);
    tokens.push(tag ? { text: word, start: offset, end, tag: internTag(tag) } : { text: word, start: offset, end });
    offset = end;
  }
  // An answer that does not cover the text exactly is not trusted.
  return offset === text.length ? tokens : segmentParagraph(createIntlSegmenter(), text);
}
