import type { Chain } from './chains';
import type { CollationIndex } from './collationIndex';
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
