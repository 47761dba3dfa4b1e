import { codeTable } from '../text/chars';
import { isPermutation } from './align';
import { sameRun } from './anchors';
import type { Deviation, Gap } from './collate';
import { kgramHash, SEED, type CollationIndex } from './collationIndex';
import { describe } from './describe';
import type { DocumentStream } from './stream';

const TERMINALS = '。！？；!?;';
const TERMINAL_CODES = codeTable(TERMINALS);

/** Shortest sentence compared whole for reordered words, and the longest reordered stretch (longer: a list its author rearranged). */
const MIN_REORDERED_SENTENCE = 12;
const MAX_REORDERED = 10;

/**
 * Sentences that are a reference sentence with a few short words in another
 * order (`以进促稳、稳中求进` for `稳中求进、以进促稳`): the moved words are
 * too short to anchor a chain, so the whole sentence is looked up by its
 * first or last SEED units. With `relevant`, only the sentences of the paragraphs it marks.
 */
export function reorderedSentences(index: CollationIndex, stream: DocumentStream, found: readonly Deviation[], relevant?: Uint8Array): Deviation[] {
  const doc = stream.key;
  const out: Deviation[] = [];
  // Sentences end at terminal punctuation and at paragraph ends: each paragraph on its own.
  for (let p = 0; p < stream.paragraphs.length; p++) {
    if (relevant && relevant[p] !== 1) continue;
    const end = stream.starts[p + 1];
    let start = stream.starts[p];
    for (let u = start; u <= end; u++) {
      if (u < end && TERMINAL_CODES[doc.charCodeAt(u)] !== 1) continue;
      const n = u - start;
      if (n >= MIN_REORDERED_SENTENCE && !overlapsAny(found, start, u)) {
        const reordered = reorderedDeviation(index, stream, start, u);
        if (reordered) out.push(reordered);
      }
      start = u + 1;
    }
  }
  return out;
}

/** The deviation of the sentence `doc[start, end)` if it is a reference sentence with a few words moved. */
function reorderedDeviation(index: CollationIndex, stream: DocumentStream, start: number, u: number): Deviation | undefined {
  const hit = reorderedAt(index, stream.key, start, u);
  if (hit === undefined) return undefined;
  const n = u - start;
  const sentence = stream.key.slice(start, u);
  const ref = index.key.slice(hit, hit + n);
  let prefix = 0;
  while (sentence[prefix] === ref[prefix]) prefix++;
  let suffix = 0;
  while (sentence[n - 1 - suffix] === ref[n - 1 - suffix]) suffix++;
  const gap: Gap = {
    kind: 'reordered',
    docFrom: start + prefix,
    docTo: u - suffix,
    refFrom: hit + prefix,
    refTo: hit + n - suffix,
    left: { d: start, r: hit, length: prefix },
    right: { d: u - suffix, r: hit + n - suffix, length: suffix },
  };
  return describe(index, stream, { source: index.sourceOf[hit], anchors: [], anchored: n, docStart: start, docEnd: u }, gap, 'sentence');
}

/** True when a deviation already found overlaps document units `[from, to)`. */
function overlapsAny(found: readonly Deviation[], from: number, to: number): boolean {
  for (let k = 0; k < found.length; k++) if (found[k].docFrom < to && found[k].docTo > from) return true;
  return false;
}

/**
 * Where a reference sentence holding the characters of the document's sentence `doc[start, end)`,
 * a few in another order, starts; undefined if none. Looked up by its first or last SEED units
 * (in that order), compared in place: every sentence of a document is tried, few are reordered.
 */
function reorderedAt(index: CollationIndex, doc: string, start: number, end: number): number | undefined {
  const n = end - start;
  const ref = index.key;
  // Only k-grams the references have at most MAX_OCCURRENCES times (COMMON and UNKNOWN give none).
  const first = index.slotOf(kgramHash(doc, start));
  const last = index.slotOf(kgramHash(doc, end - SEED));
  const firstCount = first >= 0 ? index.runLength(first) : 0;
  const lastCount = last >= 0 ? index.runLength(last) : 0;
  for (let k = 0; k < firstCount + lastCount; k++) {
    let p: number;
    if (k < firstCount) {
      p = index.positionAt(first, k);
      if (!sameRun(doc, start, ref, p, SEED)) continue;
    } else {
      const q = index.positionAt(last, k - firstCount);
      if (!sameRun(doc, end - SEED, ref, q, SEED)) continue;
      p = q + SEED - n;
    }
    if (p < 0 || p + n > ref.length) continue;
    if (!(index.startsParagraph(p) || TERMINAL_CODES[ref.charCodeAt(p - 1)] === 1)) continue;
    if (!(p + n === ref.length || TERMINAL_CODES[ref.charCodeAt(p + n)] === 1 || index.startsParagraph(p + n) || ref.charCodeAt(p + n) === 0)) continue;
    let prefix = 0;
    while (prefix < n && doc.charCodeAt(start + prefix) === ref.charCodeAt(p + prefix)) prefix++;
    // The very sentence: it is copied, not reordered.
    if (prefix === n) return undefined;
    let suffix = 0;
    while (suffix < n - prefix && doc.charCodeAt(end - 1 - suffix) === ref.charCodeAt(p + n - 1 - suffix)) suffix++;
    if (n - prefix - suffix <= MAX_REORDERED && isPermutation(doc.slice(start + prefix, end - suffix), ref.slice(p + prefix, p + n - suffix))) return p;
  }
  return undefined;
}
