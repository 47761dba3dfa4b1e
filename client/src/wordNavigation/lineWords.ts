/**
 * Words of document lines for the word motions, fast enough for a held-down key: the server's jieba
 * tokens cached by line text, fetched ahead of the cursor, and — when the server is not running,
 * still loading its dictionary, or slower than the deadline — Intl.Segmenter on the line, replaced
 * by jieba's tokens once they arrive. No `vscode` import: the editor glue injects the request.
 */
import { createIntlSegmenter } from '../../../server/src/core/segment/intlSegmenter';
import { segmentParagraph } from '../../../server/src/core/segment/tokens';
import type { Segmenter } from '../../../server/src/core/types';
import { wordsOf, type Span, type Word } from './wordMotion';

/** A line as it was when its tokens were asked for. `start` is its document offset (UTF-16). */
export interface RequestedLine {
  readonly line: number;
  readonly start: number;
  readonly text: string;
}

/** A token as `policyLens/segment` returns it: document offsets. */
export interface DocumentToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Asks the server for the tokens of some lines; resolves to line-relative tokens per line, or undefined. */
export type SegmentLines = (lines: readonly RequestedLine[]) => Promise<ReadonlyMap<number, readonly Span[]> | undefined>;

interface Entry {
  readonly words: readonly Word[];
  /** From the server (jieba with the policy and user dictionaries), not the local fallback. */
  readonly exact: boolean;
}

/** How long a motion waits for the server before it uses the local fallback. */
export const DEADLINE_MS = 50;
/** Lines remembered (by text). A 1.6 MB compilation has ~30 000 lines; the cursor visits few of them. */
const CACHE_LINES = 5000;

/** Words by line text, least recently used dropped first. */
export class WordCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly limit = CACHE_LINES) {}

  get size(): number {
    return this.#entries.size;
  }

  get(text: string): Entry | undefined {
    const entry = this.#entries.get(text);
    if (entry) {
      this.#entries.delete(text);
      this.#entries.set(text, entry);
    }
    return entry;
  }

  /** Stores the server's tokens of a line (they replace a fallback entry). */
  putExact(text: string, tokens: readonly Span[]): void {
    this.#set(text, { words: wordsOf(text, tokens), exact: true });
  }

  /** The words of a line, from the cache or else by the local segmenter (and then cached as inexact). */
  wordsOrLocal(text: string): readonly Word[] {
    const cached = this.get(text);
    if (cached) return cached.words;
    const words = wordsOf(text, localTokens(text));
    this.#set(text, { words, exact: false });
    return words;
  }

  clear(): void {
    this.#entries.clear();
  }

  #set(text: string, entry: Entry): void {
    this.#entries.delete(text);
    this.#entries.set(text, entry);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

let intl: Segmenter | undefined;

/** Intl.Segmenter (ICU's dictionary) on one line, sentence by sentence in chunks: the server's own fallback. */
export function localTokens(text: string): Span[] {
  intl ??= createIntlSegmenter();
  return segmentParagraph(intl, text);
}

/**
 * The server's tokens (document offsets) sorted into the requested lines, line-relative. A line is
 * answered only when its tokens spell exactly its text as it was asked for: after an edit crossed
 * the request, the stale line is left out rather than given wrong boundaries.
 */
export function tokensByLine(lines: readonly RequestedLine[], tokens: readonly DocumentToken[]): Map<number, Span[]> {
  const result = new Map<number, Span[]>();
  const ordered = [...tokens].sort((a, b) => a.start - b.start);
  for (const line of lines) {
    const end = line.start + line.text.length;
    const spans: Span[] = [];
    let at = 0;
    let ok = true;
    for (let i = firstEndingAfter(ordered, line.start); i < ordered.length && ordered[i].start < end; i++) {
      const token = ordered[i];
      const start = token.start - line.start;
      const stop = token.end - line.start;
      if (start !== at || stop > line.text.length || line.text.slice(start, stop) !== token.text) {
        ok = false;
        break;
      }
      spans.push({ start, end: stop });
      at = stop;
    }
    if (ok && at === line.text.length) result.set(line.line, spans);
  }
  return result;
}

/** Index of the first token ending after `offset` (tokens sorted and not overlapping, so ends are sorted too). */
function firstEndingAfter(tokens: readonly DocumentToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Resolves to the promise's value, or to undefined after `ms` (the promise keeps running). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** At most this many lines per background request (a screenful or two). */
const PREFETCH_LINES = 400;

/**
 * Words of lines: cached → at once; else the server within the deadline; else the local fallback.
 * Requests are shared by line text, and a late answer still fills the cache for the next key press.
 */
export class LineWords {
  readonly cache: WordCache;
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(
    cache = new WordCache(),
    private readonly deadlineMs = DEADLINE_MS,
  ) {
    this.cache = cache;
  }

  /** Words per requested line. `segment` is undefined when the server is not there to ask. */
  async words(lines: readonly RequestedLine[], segment: SegmentLines | undefined): Promise<Map<number, readonly Word[]>> {
    const waits: Promise<unknown>[] = [];
    const missing: RequestedLine[] = [];
    for (const line of lines) {
      if (this.cache.get(line.text)?.exact) continue;
      const pending = this.#inFlight.get(line.text);
      if (pending) waits.push(pending);
      else missing.push(line);
    }
    if (segment && missing.length > 0) waits.push(this.#request(missing, segment));
    if (segment && waits.length > 0) await within(Promise.all(waits), this.deadlineMs);
    return new Map(lines.map((line) => [line.line, this.cache.wordsOrLocal(line.text)]));
  }

  /** Asks the server in the background for lines that have no exact words yet (the next key press is then a cache hit). */
  prefetch(lines: readonly RequestedLine[], segment: SegmentLines | undefined): Promise<unknown> {
    if (!segment) return Promise.resolve();
    const missing = lines.filter((line) => !this.cache.get(line.text)?.exact && !this.#inFlight.has(line.text)).slice(0, PREFETCH_LINES);
    return missing.length > 0 ? this.#request(missing, segment) : Promise.resolve();
  }

  #request(lines: readonly RequestedLine[], segment: SegmentLines): Promise<unknown> {
    const texts = [...new Set(lines.map((line) => line.text))];
    const request = segment(lines)
      .then((answered) => {
        for (const line of lines) {
          const tokens = answered?.get(line.line);
          if (tokens) this.cache.putExact(line.text, tokens);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        for (const text of texts) if (this.#inFlight.get(text) === request) this.#inFlight.delete(text);
      });
    for (const text of texts) this.#inFlight.set(text, request);
    return request;
  }
}
