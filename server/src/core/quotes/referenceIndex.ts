import { splitParagraphs } from '../text/paragraphs';
import { CollationIndex } from './collationIndex';
import { sentencesOf } from './units';

/** A reference text as the user supplied it: a name to show and its content. */
export interface ReferenceText {
  /** Shown in messages, e.g. `2024政府工作报告`. */
  readonly name: string;
  readonly text: string;
  /** Where it came from (a path), for the server to recognise the reference document itself. */
  readonly origin?: string;
}

/** One sentence of a reference text. */
export interface ReferenceSentence {
  readonly source: number;
  /** The reference's name (`ReferenceText.name`). */
  readonly name: string;
  /** Zero-based line in the reference text. */
  readonly line: number;
  /** Comparison key (see normalize.ts) of the sentence without its final punctuation. */
  readonly key: string;
  /** The line the sentence is on (to show and restore the original wording). */
  readonly lineText: string;
  /** The sentence within `lineText` (trimmed, without its final punctuation). */
  readonly start: number;
  readonly end: number;
}

/** Shingle width: character trigrams. */
export const SHINGLE = 3;
/** Shingles found in more sentences than this are too common to select candidates by. */
const MAX_POSTINGS = 4000;

/**
 * The reference sentences, indexed once: an exact-key map (an identical
 * sentence is never a finding) and an inverted index from character trigrams
 * to the sentences containing them, which selects the few candidates worth an
 * alignment (q-gram filter: k edits destroy at most 3k trigrams).
 */
export class ReferenceIndex {
  readonly sources: readonly ReferenceText[];
  readonly sentences: readonly ReferenceSentence[];
  /** Identifies the content: part of every cache key that depends on the references. */
  readonly id: string;
  readonly #exact = new Set<string>();
  /** The inverted index, flat: see `PostingTable`. */
  readonly #postings: PostingTable;
  /** Scratch counters for candidate selection. */
  readonly #counts: Int32Array;
  readonly #stamp: Int32Array;
  #generation = 0;
  #collation: CollationIndex | undefined;

  constructor(sources: readonly ReferenceText[]) {
    this.sources = sources;
    const sentences: ReferenceSentence[] = [];
    sources.forEach((source, sourceIndex) => {
      for (const paragraph of splitParagraphs(source.text)) {
        for (const passage of sentencesOf(paragraph.text)) {
          if (passage.key.length < 2) continue;
          sentences.push({ source: sourceIndex, name: source.name, line: paragraph.line, key: passage.key, lineText: paragraph.text, start: passage.start, end: passage.end });
          this.#exact.add(passage.key);
        }
      }
    });
    this.#postings = new PostingTable(sentences);
    this.sentences = sentences;
    this.#counts = new Int32Array(sentences.length);
    this.#stamp = new Int32Array(sentences.length);
    this.id = ReferenceIndex.idOf(sources);
  }

  /** The id an index of these texts gets (a hash of names and contents), without building it. */
  static idOf(sources: readonly ReferenceText[]): string {
    let hash = 0x811c9dc5;
    let length = 0;
    for (const source of sources) {
      hash = fnv(fnv(hash, source.name), source.text);
      length += source.text.length;
    }
    return `${sources.length}:${length}:${(hash >>> 0).toString(36)}`;
  }

  /** The k-gram index of the same texts for collation by local alignment, built on first use. */
  get collation(): CollationIndex {
    this.#collation ??= new CollationIndex(this.sources);
    return this.#collation;
  }

  get size(): number {
    return this.sentences.length;
  }

  /** True when some reference sentence has exactly this key. */
  hasSentence(key: string): boolean {
    return this.#exact.has(key);
  }

  /**
   * Sentences sharing at least `minShared` distinct trigrams with `key`
   * (shingles too common to index count as shared). Sorted by shared count, most first.
   */
  candidates(key: string, minShared: number, accept: (sentence: ReferenceSentence) => boolean = () => true): ReferenceSentence[] {
    const generation = ++this.#generation;
    const counts = this.#counts;
    const stamp = this.#stamp;
    const touched: number[] = [];
    let wildcards = 0;
    // A trigram repeated in `key` is counted each time: counts can only be too high, never too low.
    const postings = this.#postings;
    for (let i = 0; i + SHINGLE <= key.length; i++) {
      const slot = postings.find(shingleAt(key, i));
      if (slot < 0) continue;
      const from = postings.starts[slot];
      const to = postings.ends[slot];
      if (to - from > MAX_POSTINGS) {
        wildcards++;
        continue;
      }
      for (let k = from; k < to; k++) {
        const s = postings.sentences[k];
        if (stamp[s] !== generation) {
          stamp[s] = generation;
          counts[s] = 1;
          touched.push(s);
        } else {
          counts[s]++;
        }
      }
    }
    const needed = minShared - wildcards;
    if (needed <= 0 && wildcards > 0) return []; // nothing selective left to go by
    const found: number[] = [];
    for (const s of touched) if (counts[s] >= needed && accept(this.sentences[s])) found.push(s);
    found.sort((x, y) => counts[y] - counts[x] || x - y);
    return found.map((s) => this.sentences[s]);
  }
}

/**
 * Trigram → sentences containing it, in typed arrays (a few bytes per
 * trigram instead of a JavaScript array per distinct trigram): the
 * (trigram, sentence) pairs sorted, and an open-addressing table from each
 * trigram to its run of sentences.
 */
class PostingTable {
  /** Sentence numbers, grouped by trigram, each group ascending and without repeats. */
  readonly sentences: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Trigram hash + 1 per slot (0 = empty). */
  readonly #keys: Int32Array;
  readonly #mask: number;

  constructor(sentences: readonly ReferenceSentence[]) {
    let total = 0;
    for (const sentence of sentences) total += Math.max(0, sentence.key.length - SHINGLE + 1);
    // hash · 2^23 + sentence < 2^53: exact in a double, and one numeric sort orders both.
    const pairs = new Float64Array(total);
    let n = 0;
    sentences.forEach((sentence, index) => {
      for (let i = 0; i + SHINGLE <= sentence.key.length; i++) pairs[n++] = shingleAt(sentence.key, i) * 8388608 + index;
    });
    pairs.sort();
    const flat = new Int32Array(total);
    const groupHash: number[] = [];
    const groupStart: number[] = [];
    let size = 0;
    let previous = -1;
    for (let k = 0; k < total; k++) {
      if (pairs[k] === previous) continue;
      previous = pairs[k];
      const hash = Math.floor(pairs[k] / 8388608);
      if (groupHash.length === 0 || groupHash[groupHash.length - 1] !== hash) {
        groupHash.push(hash);
        groupStart.push(size);
      }
      flat[size++] = pairs[k] - hash * 8388608;
    }
    this.sentences = flat.subarray(0, size);
    let capacity = 16;
    while (capacity < groupHash.length * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#keys = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    for (let g = 0; g < groupHash.length; g++) {
      let slot = groupHash[g] & this.#mask;
      while (this.#keys[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#keys[slot] = groupHash[g] + 1;
      this.starts[slot] = groupStart[g];
      this.ends[slot] = g + 1 < groupHash.length ? groupStart[g + 1] : size;
    }
  }

  /** The slot of a trigram hash, or -1. */
  find(hash: number): number {
    const key = hash + 1;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const found = this.#keys[slot];
      if (found === key) return slot;
      if (found === 0) return -1;
    }
  }
}

/**
 * The trigram at `key[i, i + 3)` hashed to a small integer (a V8 small
 * integer keeps the map fast). Two trigrams sharing a hash share a posting
 * list: counts can only grow, so no candidate is lost.
 */
export function shingleAt(key: string, i: number): number {
  return (Math.imul(key.charCodeAt(i), 0x9e3779b1) ^ Math.imul(key.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(key.charCodeAt(i + 2), 0xc2b2ae3d)) & 0x3fffffff;
}

function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
