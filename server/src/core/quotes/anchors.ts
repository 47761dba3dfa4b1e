import { COMMON, CollationIndex, SEED } from './collationIndex';
import { codesToString, foldCode } from './normalize';

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

/** Seeds and extends: every maximal exact match of at least SEED units between a paragraph and the references. */
export function anchorsOf(index: CollationIndex, text: string): ParagraphAnchors {
  const codes = new Uint16Array(text.length);
  const allOffsets = new Int32Array(text.length);
  let units = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // foldCode's fast path written out (the server does not inline calls; this runs for every unit of every document).
    const folded = code >= 0x4e00 && code <= 0x9fff ? code : foldCode(code);
    if (folded <= 0) continue;
    if (folded >= 0xd800 && folded <= 0xdfff) surrogates = true;
    codes[units] = folded;
    allOffsets[units++] = i;
  }
  const key = codesToString(codes, units, surrogates);
  const offsets = allOffsets.slice(0, units);
  const ref = index.key;
  const positions = index.positions;
  const found: number[] = [];
  const extended = new Set<number>();
  let previousCommon = false;
  const slots = new Int32Array(Math.max(0, key.length - SEED + 1));
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
