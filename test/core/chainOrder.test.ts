import { describe, expect, it } from 'vitest';
import { byScore } from '../../server/src/core/quotes/chains';

/** Chains are taken best first: anchors by descending score, ties by ascending index, as a sort with a comparator orders them. */
describe('the order anchors are taken in', () => {
  it('is the comparator sort’s, ties included, for random scores of every size', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 2000; round++) {
      const n = Math.floor(random() * 40);
      // Few distinct values, so that ties are common; fractions as the penalties make them.
      const score = Float64Array.from({ length: n }, () => Math.floor(random() * 8) + (random() < 0.3 ? 0.31 : 0));
      const expected = Array.from({ length: n }, (_, k) => k).sort((x, y) => score[y] - score[x] || x - y);
      expect([...byScore(score)]).toEqual(expected);
    }
  });
});
