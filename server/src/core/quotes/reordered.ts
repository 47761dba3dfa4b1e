import { isPermutation } from './align';
import type { Deviation, Gap } from './collate';
import { SEED, type CollationIndex } from './collationIndex';
import { describe } from './describe';
import { occurrencesOf } from './evidence';
import type { DocumentStream } from './stream';

const TERMINALS = '。！？；!?;';
const TERMINAL_CODES = new Set([...TERMINALS].map((c) => c.charCodeAt(0)));

/** Shortest sentence compared whole for reordered words, and the longest reordered stretch (longer: a list its author rearranged). */
const MIN_REORDERED_SENTENCE = 12;
const MAX_REORDERED = 10;

/**
 * Sentences that are a reference sentence with a few short words in another
 * order (`以进促稳、稳中求进` for `稳中求进、以进促稳`): the moved words are
 * too short to anchor a chain, so the whole sentence is looked up by its
 * first or last SEED units.
 */
export function reorderedSentences(index: CollationIndex, stream: DocumentStream, found: readonly Deviation[]): Deviation[] {
  const doc = stream.key;
  const out: Deviation[] = [];
  let start = 0;
  for (let u = 0; u <= doc.length; u++) {
    const ends = u === doc.length || TERMINAL_CODES.has(doc.charCodeAt(u)) || (u > start && stream.paragraphOf[u] !== stream.paragraphOf[u - 1]);
    if (!ends) continue;
    const n = u - start;
    if (n >= MIN_REORDERED_SENTENCE && !found.some((d) => d.docFrom < u && d.docTo > start)) {
      const hit = reorderedAt(index, doc.slice(start, u));
      if (hit !== undefined) {
        const sentence = doc.slice(start, u);
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
        out.push(describe(index, stream, { source: index.sourceOf[hit], anchors: [], anchored: n, docStart: start, docEnd: u }, gap, 'sentence'));
      }
    }
    start = u === doc.length || TERMINAL_CODES.has(doc.charCodeAt(u)) ? u + 1 : u;
  }
  return out;
}

/** Where a reference sentence holding `sentence`'s characters, a few in another order, starts; undefined if none. */
function reorderedAt(index: CollationIndex, sentence: string): number | undefined {
  const n = sentence.length;
  const ref = index.key;
  const candidates = [
    ...occurrencesOf(index, sentence.slice(0, SEED), false),
    ...occurrencesOf(index, sentence.slice(n - SEED), false).map((p) => p + SEED - n),
  ];
  for (const p of candidates) {
    if (p < 0 || p + n > ref.length) continue;
    if (!(index.startsParagraph(p) || TERMINALS.includes(ref[p - 1]))) continue;
    if (!(p + n === ref.length || TERMINALS.includes(ref[p + n]) || index.startsParagraph(p + n) || ref.charCodeAt(p + n) === 0)) continue;
    const candidate = ref.slice(p, p + n);
    if (candidate === sentence) return undefined;
    let prefix = 0;
    while (sentence[prefix] === candidate[prefix]) prefix++;
    let suffix = 0;
    while (suffix < n - prefix && sentence[n - 1 - suffix] === candidate[n - 1 - suffix]) suffix++;
    if (n - prefix - suffix <= MAX_REORDERED && isPermutation(sentence.slice(prefix, n - suffix), candidate.slice(prefix, n - suffix))) return p;
  }
  return undefined;
}
