import { COMMON, CollationIndex, MASK_FIELD, SEED, SLOT_FIELDS, UNKNOWN } from './collationIndex';
import { codesToString, FOLDED_CODES } from './normalize';

/** A paragraph in comparison form: its key and the offset in the paragraph of each unit. */
export interface FoldedParagraph {
  /** Comparison form of the paragraph (see normalize.ts). */
  readonly key: string;
  /** `offsets[i]`: offset in the paragraph of `key[i]`. */
  readonly offsets: Int32Array;
}

/**
 * A paragraph with where it may share text with the references, without the anchors: enough to
 * bound what it takes from each reference (quotes/reuse.ts) and to tell which paragraphs of a
 * document that copies little need their anchors (`paragraphsToSeed`). Seeding without
 * extending costs about half of `anchorsOf`.
 */
export interface ParagraphSeeds extends FoldedParagraph {
  /**
   * Triples (start, end, sources) by start: the maximal runs of units whose k-grams all occur in
   * the references (as `slotsOf` tells), holding a seeded one, with the sources of those (one
   * `sourceBit` each). Every anchor of the paragraph lies in one of them and its source is in it.
   */
  readonly spans: Int32Array;
}

/**
 * One paragraph in comparison form with its anchors: the maximal exact
 * matches (≥ SEED units) between it and the reference stream. Computed per
 * paragraph text and remembered, so an edit re-seeds one paragraph.
 */
export interface ParagraphAnchors {
  /** Comparison form of the paragraph (see normalize.ts). */
  readonly key: string;
  /** `offsets[i]`: offset in the paragraph of `key[i]`. */
  readonly offsets: Int32Array;
  /** Triples (start in key, start in reference stream, length), by start in key. */
  readonly anchors: Int32Array;
}

/** Anchors per paragraph are capped: a paragraph repeating one formula hundreds of times is not prose. */
const MAX_ANCHORS = 20_000;

/** A paragraph's comparison form. */
export function foldParagraph(text: string): FoldedParagraph {
  const codes = text.length <= SCRATCH ? SCRATCH_CODES : new Uint16Array(text.length);
  const allOffsets = text.length <= SCRATCH ? SCRATCH_OFFSETS : new Int32Array(text.length);
  let units = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const folded = FOLDED_CODES[text.charCodeAt(i)];
    if (folded === 0) continue;
    if (folded >= 0xd800 && folded <= 0xdfff) surrogates = true;
    codes[units] = folded;
    allOffsets[units++] = i;
  }
  // Nothing dropped (most paragraphs: no white space): unit i is at offset i, a view of one shared table.
  const offsets = units === text.length && units <= SCRATCH ? IDENTITY.subarray(0, units) : allOffsets.slice(0, units);
  return { key: codesToString(codes, units, surrogates), offsets };
}

/**
 * Working arrays for paragraphs up to this long: seeding runs over every paragraph of every document,
 * and typed arrays made for each (their memory outside V8's heap) cost as much as the folding.
 */
const SCRATCH = 65536;
const SCRATCH_CODES = new Uint16Array(SCRATCH);
const SCRATCH_OFFSETS = new Int32Array(SCRATCH);
const SCRATCH_SLOTS = new Int32Array(SCRATCH);
/** `IDENTITY[i] = i`: the offsets of a paragraph none of whose units is dropped (read only). */
const IDENTITY = Int32Array.from({ length: SCRATCH }, (_, i) => i);

/** Room for the k-gram slots of a key (`slotsOf`): the working array's start when it is long enough. */
function slotsFor(key: string): Int32Array {
  const length = Math.max(0, key.length - SEED + 1);
  return length <= SCRATCH ? SCRATCH_SLOTS.subarray(0, length) : new Int32Array(length);
}

/** The seeds of a paragraph (see ParagraphSeeds). */
export function seedsOf(index: CollationIndex, text: string): ParagraphSeeds {
  const { key, offsets } = foldParagraph(text);
  const slots = slotsFor(key);
  // A reference stream indexed only in part (8 M units) may share text the table does not know: all of it may be shared.
  if (index.indexed < index.key.length - SEED + 1) return { key, offsets, spans: key.length >= SEED ? Int32Array.of(0, key.length, -1) : EMPTY };
  index.slotsOf(key, slots);
  const fields = index.slotFields;
  const spans: number[] = [];
  for (let i = 0; i < slots.length; ) {
    if (slots[i] === UNKNOWN) {
      i++;
      continue;
    }
    // A run of k-grams the references have; an anchor's k-grams are all the reference's, so it lies in one run.
    let j = i;
    let sources = 0;
    for (; j < slots.length && slots[j] !== UNKNOWN; j++) if (slots[j] >= 0) sources |= fields[SLOT_FIELDS * slots[j] + MASK_FIELD];
    // Only seeded k-grams start anchors (common ones are extended over): a run of common ones holds none.
    if (sources !== 0) spans.push(i, j - 1 + SEED, sources);
    i = j;
  }
  return { key, offsets, spans: spans.length === 0 ? EMPTY : Int32Array.from(spans) };
}

const EMPTY = new Int32Array(0);

/**
 * Seeds and extends: every maximal exact match of at least SEED units between a paragraph and
 * the references. `folded`: the paragraph's comparison form when known (its seeds).
 */
export function anchorsOf(index: CollationIndex, text: string, folded: FoldedParagraph = foldParagraph(text)): ParagraphAnchors {
  const { key, offsets } = folded;
  const ref = index.key;
  const positions = index.positions;
  const found: number[] = [];
  const extended = new Set<number>();
  let previousCommon = false;
  const slots = slotsFor(key);
  index.slotsOf(key, slots);
  for (let i = 0; i + SEED <= key.length && found.length < MAX_ANCHORS * 3; i++) {
    const slot = slots[i];
    if (slot < 0) {
      previousCommon = slot === COMMON;
      continue;
    }
    // The run's positions read in place: calls per position showed in profiles.
    for (let q = index.runStart(slot), end = index.runEnd(slot); q < end; q++) {
      const p = positions[q];
      // Not left-maximal: the match was seeded further left, unless that k-gram was too common to seed from.
      // (Checked first: inside a copied passage this rejects almost every place with one comparison.)
      const extendsLeft = i > 0 && p > 0 && key.charCodeAt(i - 1) === ref.charCodeAt(p - 1);
      if (extendsLeft && !previousCommon) continue;
      let same = 0;
      while (same < SEED && key.charCodeAt(i + same) === ref.charCodeAt(p + same)) same++;
      // k-gram hashes collide.
      if (same < SEED) continue;
      let start = i;
      let refStart = p;
      if (extendsLeft) {
        while (start > 0 && refStart > 0 && key.charCodeAt(start - 1) === ref.charCodeAt(refStart - 1)) {
          start--;
          refStart--;
        }
        // Found already at `start` if its k-gram is seeded there: the match is left-maximal at
        // `start`, so that place did not skip it. Else found from another place after a common
        // k-gram, maybe: only those few are remembered (a set of every anchor showed in profiles).
        if (slots[start] >= 0 && refStart < index.indexed) continue;
        const id = start * 16777216 + refStart;
        if (extended.has(id)) continue;
        extended.add(id);
      }
      let length = i - start + SEED;
      while (start + length < key.length && refStart + length < ref.length && key.charCodeAt(start + length) === ref.charCodeAt(refStart + length)) length++;
      found.push(start, refStart, length);
    }
    previousCommon = false;
  }
  return { key, offsets, anchors: sortedTriples(found) };
}

/** True when `a[i, i + length)` equals `b[j, j + length)` (k-gram hashes collide). */
export function sameRun(a: string, i: number, b: string, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Triples sorted by start in the paragraph, then by reference position. */
function sortedTriples(flat: number[]): Int32Array {
  const count = flat.length / 3;
  // Found left to right, they are in order unless a match was extended left past a common k-gram.
  let inOrder = true;
  for (let k = 3; k < flat.length && inOrder; k += 3) inOrder = flat[k - 3] < flat[k] || (flat[k - 3] === flat[k] && flat[k - 2] <= flat[k + 1]);
  if (flat.length === 0) return EMPTY;
  if (inOrder) return Int32Array.from(flat);
  const order = Array.from({ length: count }, (_, k) => k);
  order.sort((x, y) => flat[3 * x] - flat[3 * y] || flat[3 * x + 1] - flat[3 * y + 1]);
  const sorted = new Int32Array(flat.length);
  order.forEach((k, n) => {
    sorted[3 * n] = flat[3 * k];
    sorted[3 * n + 1] = flat[3 * k + 1];
    sorted[3 * n + 2] = flat[3 * k + 2];
  });
  return sorted;
}
