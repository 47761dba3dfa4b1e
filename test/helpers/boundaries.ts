import type { Token } from '../../server/src/core/types';

/** Counts of word boundaries (token end offsets) two segmentations share or not. */
export interface BoundaryCounts {
  both: number;
  onlyFirst: number;
  onlySecond: number;
}

export function countBoundaries(first: readonly Token[], second: readonly Token[], into: BoundaryCounts): void {
  const ends = new Set(first.map((t) => t.end));
  for (const token of second) {
    if (ends.delete(token.end)) into.both++;
    else into.onlySecond++;
  }
  into.onlyFirst += ends.size;
}

/** Boundary F1: harmonic mean of the share of each side's boundaries the other has. */
export function boundaryF1(counts: BoundaryCounts): number {
  const precision = counts.both / (counts.both + counts.onlySecond);
  const recall = counts.both / (counts.both + counts.onlyFirst);
  return (2 * precision * recall) / (precision + recall);
}
