import { codesToString, FOLDED_CODES } from './normalize';
import type { ReferenceText } from './referenceIndex';

/** Seed length: maximal exact matches start from a shared run of this many comparison units. */
export const SEED = 6;
/** A k-gram found in more places of the references than this is too common to seed from. */
const MAX_OCCURRENCES = 48;
/** Separates two references in the stream: it matches nothing, so no anchor crosses it. */
const SOURCE_BREAK = 0;

/** Where a unit of the reference stream comes from. */
export interface ReferencePlace {
  readonly source: number;
  /** Zero-based line of the reference text. */
  readonly line: number;
  /** UTF-16 offset within that line. */
  readonly offset: number;
}

/**
 * All reference texts as one stream of comparison units (see normalize.ts),
 * paragraph breaks removed but remembered, and an index from every k-gram
 * (k = SEED) to where it occurs: the seeds of local alignments. Built once
 * per set of references and shared by every document and edit.
 */
export class CollationIndex {
  readonly sources: readonly ReferenceText[];
  /** The stream: each reference's lines in comparison form, joined; references separated by U+0000. */
  readonly key: string;
  /** Per stream unit: its source, line and offset in the line. */
  readonly sourceOf: Uint16Array;
  readonly lineOf: Int32Array;
  readonly offsetOf: Int32Array;
  /** 1 where a unit is the first of a reference line (a paragraph start). */
  readonly lineStart: Uint8Array;
  /** The lines of each source (to show and restore the reference wording). */
  readonly lines: readonly (readonly string[])[];
  /** Stream positions whose k-gram is indexed: all but those past 8 388 607 (see the constructor). */
  readonly indexed: number;
  /** Stream units per source (a document quoting most of a reference is measured against it). */
  readonly sourceLength: readonly number[];
  /**
   * k-gram hash → run of stream positions in `#positions` (open addressing): per slot, at
   * `4 × slot`, the hash + 1 (0: empty), the run's start and end, and the sources the k-gram occurs
   * in (`sourceBit` of each: what the seeds need without walking the run). Side by side, so that a
   * lookup reads one cache line (separate arrays were a miss each for every k-gram a document shares).
   */
  readonly #slots: Int32Array;
  readonly #positions: Int32Array;
  readonly #mask: number;
  /**
   * One bit per value of a hash's low 20 bits, set for the hashes the references have: most
   * k-grams of a document are not in them, and this 128 KB table (it stays in the processor's
   * cache, unlike the slots) rejects nine in ten of those with one read.
   */
  readonly #seen = new Int32Array(1 << 15);

  constructor(sources: readonly ReferenceText[]) {
    this.sources = sources;
    // Typed arrays sized for every unit of every source (units ≤ characters, plus a break each):
    // a JavaScript array and a string per unit took most of the ≈35 ms this index cost at each start.
    const room = sources.reduce((n, text) => n + text.text.length + 1, 0);
    const codes = new Uint16Array(room);
    const sourceOf = new Uint16Array(room);
    const lineOf = new Int32Array(room);
    const offsetOf = new Int32Array(room);
    const lineStart = new Uint8Array(room);
    const lines: string[][] = [];
    const sourceLength: number[] = [];
    let units = 0;
    sources.forEach((text, s) => {
      const own = text.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      lines.push(own);
      const before = units;
      own.forEach((content, l) => {
        let first = true;
        for (let i = 0; i < content.length; i++) {
          // foldCode from its table (a call per character of every reference at each start); U+0000 stays.
          const code = content.charCodeAt(i);
          const folded = FOLDED_CODES[code];
          if (folded === 0 && code !== 0) continue;
          if (first) lineStart[units] = 1;
          first = false;
          codes[units] = folded;
          sourceOf[units] = s;
          lineOf[units] = l;
          offsetOf[units++] = i;
        }
      });
      sourceLength.push(units - before);
      codes[units] = SOURCE_BREAK;
      sourceOf[units] = s;
      lineOf[units] = own.length;
      offsetOf[units++] = 0;
    });
    const key = codesToString(codes, units);
    this.key = key;
    this.sourceOf = sourceOf.slice(0, units);
    this.lineOf = lineOf.slice(0, units);
    this.offsetOf = offsetOf.slice(0, units);
    this.lineStart = lineStart.slice(0, units);
    this.lines = lines;
    this.sourceLength = sourceLength;

    // Sorted (hash, position) pairs, then a table from each hash to its run.
    // Positions must fit 23 bits in the pair encoding: a larger stream is indexed up to there.
    const count = Math.min(8388607, Math.max(0, key.length - SEED + 1));
    this.indexed = count;
    const pairs = new Float64Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const hash = kgramHash(key, i);
      if (hash >= 0) pairs[n++] = hash * 8388608 + i;
    }
    const sorted = pairs.subarray(0, n).sort();
    this.#positions = new Int32Array(n);
    const groupHash: number[] = [];
    const groupStart: number[] = [];
    for (let k = 0; k < n; k++) {
      const hash = Math.floor(sorted[k] / 8388608);
      if (groupHash.length === 0 || groupHash[groupHash.length - 1] !== hash) {
        groupHash.push(hash);
        groupStart.push(k);
      }
      this.#positions[k] = sorted[k] - hash * 8388608;
    }
    let capacity = 16;
    while (capacity < groupHash.length * 2) capacity *= 2;
    this.#mask = capacity - 1;
    const slots = (this.#slots = new Int32Array(capacity * 4));
    const positions = this.#positions;
    const sourceOfUnit = this.sourceOf;
    for (let g = 0; g < groupHash.length; g++) {
      let slot = groupHash[g] & this.#mask;
      while (slots[4 * slot] !== 0) slot = (slot + 1) & this.#mask;
      slots[4 * slot] = groupHash[g] + 1;
      const bit = groupHash[g] & 0xfffff;
      this.#seen[bit >>> 5] |= 1 << (bit & 31);
      const end = g + 1 < groupHash.length ? groupStart[g + 1] : n;
      slots[4 * slot + 1] = groupStart[g];
      slots[4 * slot + 2] = end;
      let sources = 0;
      for (let q = groupStart[g]; q < end; q++) {
        const source = sourceOfUnit[positions[q]];
        sources |= source < 31 ? 1 << source : 1 << 31;
      }
      slots[4 * slot + 3] = sources;
    }
  }

  /**
   * The slot table itself, for seeding's inner loop (no call per k-gram: the server's V8 does not
   * inline): the sources (`sourceBit` of each) whose text holds a seeded slot's k-gram are
   * `slotFields[SLOT_FIELDS * slot + MASK_FIELD]`.
   */
  get slotFields(): Int32Array {
    return this.#slots;
  }

  /** The place of stream unit `i`. */
  place(i: number): ReferencePlace {
    return { source: this.sourceOf[i], line: this.lineOf[i], offset: this.offsetOf[i] };
  }

  /**
   * Stream positions where the k-gram hashed to `hash` may occur (verify the
   * characters: hashes collide), or undefined when it is unknown or too common.
   */
  occurrences(hash: number): Int32Array | undefined {
    const slot = this.slotOf(hash);
    if (slot === UNKNOWN) return undefined;
    if (slot === COMMON) return TOO_COMMON;
    return this.#positions.subarray(this.#slots[4 * slot + 1], this.#slots[4 * slot + 2]);
  }

  /**
   * `occurrences` without making a view: the slot of the k-gram's run of positions
   * (read them with `positionAt(slot, k)`, `runLength(slot)`), or UNKNOWN or COMMON.
   * Seeding asks once per unit of every document.
   */
  slotOf(hash: number): number {
    if (hash < 0) return UNKNOWN;
    const bit = hash & 0xfffff;
    if ((this.#seen[bit >>> 5] & (1 << (bit & 31))) === 0) return UNKNOWN;
    const key = hash + 1;
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const found = slots[4 * slot];
      if (found === 0) return UNKNOWN;
      if (found !== key) continue;
      return slots[4 * slot + 2] - slots[4 * slot + 1] > MAX_OCCURRENCES ? COMMON : slot;
    }
  }

  /**
   * `slotOf(kgramHash(text, i))` for every i from 0 to `text.length - SEED`, into `slots`: the
   * seeding's inner loop, once per unit of every document, as one loop without calls (the
   * server does not let V8 inline them, and a call per unit showed in profiles).
   */
  slotsOf(text: string, slots: Int32Array): void {
    const table = this.#slots;
    const seen = this.#seen;
    const mask = this.#mask;
    const last = text.length - SEED;
    // kgramHash rolled along the text: the polynomial of text[i, i + SEED) before mixing.
    let rolling = 0;
    let lastBreak = -1;
    for (let j = 0; j < SEED - 1 && j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code === 0) lastBreak = j;
      rolling = (Math.imul(rolling, BASE) + code) | 0;
    }
    for (let i = 0; i <= last; i++) {
      const entering = text.charCodeAt(i + SEED - 1);
      if (entering === 0) lastBreak = i + SEED - 1;
      rolling = (Math.imul(rolling, BASE) + entering) | 0;
      // mixed(rolling), written out like the rest of this loop.
      let hash = rolling ^ (rolling >>> 16);
      hash = Math.imul(hash, 0x45d9f3b);
      hash = ((hash ^ (hash >>> 16)) >>> 2) & 0x3fffffff;
      // The code leaving the window, taken out for the next position.
      rolling = (rolling - Math.imul(text.charCodeAt(i), BASE_TOP)) | 0;
      const bit = hash & 0xfffff;
      if (lastBreak >= i || (seen[bit >>> 5] & (1 << (bit & 31))) === 0) {
        slots[i] = UNKNOWN;
        continue;
      }
      const key = hash + 1;
      let slot = hash & mask;
      while (table[4 * slot] !== 0 && table[4 * slot] !== key) slot = (slot + 1) & mask;
      slots[i] = table[4 * slot] === 0 ? UNKNOWN : table[4 * slot + 2] - table[4 * slot + 1] > MAX_OCCURRENCES ? COMMON : slot;
    }
  }

  /**
   * The stream positions of every seeded k-gram, run after run: `positions[runStart(slot) …
   * runEnd(slot))` are those of one slot (seeding reads them without a call per position).
   */
  get positions(): Int32Array {
    return this.#positions;
  }

  runStart(slot: number): number {
    return this.#slots[4 * slot + 1];
  }

  runEnd(slot: number): number {
    return this.#slots[4 * slot + 2];
  }

  runLength(slot: number): number {
    return this.#slots[4 * slot + 2] - this.#slots[4 * slot + 1];
  }

  positionAt(slot: number, k: number): number {
    return this.#positions[this.#slots[4 * slot + 1] + k];
  }

  /**
   * The original text of stream units `[from, to)`: the reference's own
   * characters (spaces and all) from the first unit to the last, line by line.
   */
  original(from: number, to: number): string {
    if (to <= from) return '';
    let text = '';
    let i = from;
    while (i < to) {
      const source = this.sourceOf[i];
      const line = this.lineOf[i];
      let j = i;
      while (j + 1 < to && this.sourceOf[j + 1] === source && this.lineOf[j + 1] === line) j++;
      text += this.lines[source][line]?.slice(this.offsetOf[i], this.offsetOf[j] + 1) ?? '';
      i = j + 1;
    }
    return text;
  }

  /** True when stream unit `i` starts a reference line or a reference. */
  startsParagraph(i: number): boolean {
    return i <= 0 || i >= this.key.length || this.lineStart[i] === 1 || this.key.charCodeAt(i - 1) === 0;
  }
}

/** Marks a k-gram found too often: callers skip it, but know it exists. */
export const TOO_COMMON = new Int32Array(0);
/** `slotOf` for a k-gram the references do not have… */
export const UNKNOWN = -1;
/** …and for one they have too often to seed from (like TOO_COMMON). */
export const COMMON = -2;

/** Base of the k-gram hash, and its (SEED − 1)th power: what leaves the hash when the window moves on. */
const BASE = 0x01000193;
const BASE_TOP = (() => {
  let power = 1;
  for (let k = 1; k < SEED; k++) power = Math.imul(power, BASE);
  return power;
})();

/** Fields per slot of `CollationIndex.slotFields`, and the one holding the slot's sources. */
export const SLOT_FIELDS = 4;
export const MASK_FIELD = 3;

/** A source's bit in a mask of sources; sources past the 31st share the last bit. */
export function sourceBit(source: number): number {
  return source < 31 ? 1 << source : 1 << 31;
}

/**
 * Hash of `text[i, i + SEED)` as a non-negative 30-bit integer; -1 when it spans a U+0000. A
 * polynomial in the codes (so that `slotsOf` can roll it along a text: two codes per position
 * instead of SEED) with its bits mixed, since the tables read the low ones.
 */
export function kgramHash(text: string, i: number): number {
  let hash = 0;
  for (let j = i; j < i + SEED; j++) {
    const code = text.charCodeAt(j);
    if (code === 0) return -1;
    hash = (Math.imul(hash, BASE) + code) | 0;
  }
  return mixed(hash);
}

/** The polynomial's bits mixed (its low bits depend only on the codes' low bits); slotsOf writes this out. */
function mixed(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x45d9f3b);
  hash ^= hash >>> 16;
  return (hash >>> 2) & 0x3fffffff;
}
