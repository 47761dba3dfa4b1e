import { codeTable } from '../text/chars';
import type { FoldedParagraph, ParagraphSeeds } from './anchors';
import { MAX_DOC_GAP, type Chain } from './chains';
import { sourceBit, type CollationIndex } from './collationIndex';
import { MIN_EVIDENT_CHAIN } from './evidence';

/** How much of a document is one reference's text. */
export interface ReuseShare {
  readonly source: number;
  readonly name: string;
  /** Units of the document copied from the reference (in chains long enough to be copies, not formulas). */
  readonly units: number;
  /** `units` over the document's units (0–1). */
  readonly share: number;
}

/** Shares of the document that each reference supplies, largest first (references supplying nothing are left out). */
export function reuseShares(index: CollationIndex, chains: readonly Chain[], documentUnits: number): ReuseShare[] {
  const units = new Map<number, number>();
  for (const chain of chains) {
    if (chain.anchored < MIN_EVIDENT_CHAIN) continue;
    units.set(chain.source, (units.get(chain.source) ?? 0) + chain.anchored);
  }
  return [...units]
    .map(([source, count]) => ({ source, name: index.sources[source].name, units: count, share: documentUnits > 0 ? count / documentUnits : 0 }))
    .sort((a, b) => b.units - a.units || a.source - b.source);
}

/**
 * At least the units of a text (one stream of paragraphs, collated on its own) that each
 * reference (by name, as the rule adds shares) can supply, from the paragraphs' seeds alone,
 * without anchors. A chain links anchors of one reference at most MAX_DOC_GAP units apart with no
 * sentence end between them (or touching), so it lies in one cluster of such anchors, and the
 * chains counted (MIN_EVIDENT_CHAIN units or more) cover at most the units of clusters that long.
 * Each anchor lies in a seed span naming its source, so clusters of spans bound clusters of
 * anchors: their gaps are no wider and hold no more sentence ends. One pass over the spans.
 */
export function reuseBound(index: CollationIndex, seeded: readonly ParagraphSeeds[]): { units: number; sources: Map<string, number> } {
  const sources = index.sources.length;
  const clusterEnd = new Float64Array(sources).fill(-Infinity);
  const coveredTo = new Float64Array(sources);
  const clustered = new Float64Array(sources);
  const counted = new Float64Array(sources);
  const bits = Int32Array.from({ length: sources }, (_, s) => sourceBit(s));
  const bases = new Float64Array(seeded.length);
  let base = 0;
  for (let p = 0; p < seeded.length; p++) {
    bases[p] = base;
    const spans = seeded[p].spans;
    for (let k = 0; k < spans.length; k += 3) {
      const d = base + spans[k];
      const end = base + spans[k + 1];
      const mask = spans[k + 2];
      for (let s = 0; s < sources; s++) {
        if ((mask & bits[s]) === 0) continue;
        if (d > clusterEnd[s] + MAX_DOC_GAP || (clusterEnd[s] <= d && sentenceEndIn(seeded, bases, p, clusterEnd[s], d))) {
          if (clustered[s] >= MIN_EVIDENT_CHAIN) counted[s] += clustered[s];
          clustered[s] = 0;
          coveredTo[s] = d;
        }
        const from = Math.max(d, coveredTo[s]);
        if (end > from) clustered[s] += end - from;
        coveredTo[s] = Math.max(coveredTo[s], end);
        clusterEnd[s] = Math.max(clusterEnd[s], end);
      }
    }
    base += seeded[p].key.length;
  }
  const byName = new Map<string, number>();
  for (let s = 0; s < sources; s++) {
    const units = counted[s] + (clustered[s] >= MIN_EVIDENT_CHAIN ? clustered[s] : 0);
    if (units > 0) byName.set(index.sources[s].name, (byName.get(index.sources[s].name) ?? 0) + units);
  }
  return { units: base, sources: byName };
}

/** The largest share `reuseBound` allows one reference. */
export function largestShare(bound: { units: number; sources: ReadonlyMap<string, number> }): number {
  return bound.units > 0 ? Math.max(0, ...bound.sources.values()) / bound.units : 0;
}

const SENTENCE_ENDS = codeTable('。！？；!?;');

/** True when document units `[from, to)` (at most MAX_DOC_GAP, ending in paragraph `p` of `seeded`) hold a sentence end. */
function sentenceEndIn(seeded: readonly FoldedParagraph[], bases: Float64Array, p: number, from: number, to: number): boolean {
  let q = p;
  for (let u = to - 1; u >= from; u--) {
    while (q > 0 && bases[q] > u) q--;
    if (SENTENCE_ENDS[seeded[q].key.charCodeAt(u - bases[q])] === 1) return true;
  }
  return false;
}
