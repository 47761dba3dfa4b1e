import { describe, expect, it } from 'vitest';
import { firstMatch, matchesIn, nextMatch } from '../../server/src/core/text/matches';

describe('matches of a global expression without matchAll', () => {
  const texts = ['', '增长5.2%，下降1.5％。', '12-15%和3~5%', 'a,b;c:d', '。。，，！', '无匹配'];
  const patterns = [/\d+(?:\.\d+)?[%％]?/g, /[,;:]/g, /[，。！]{2,}/g, /(?=\d)/g, /x*/g];

  it('are those of matchAll, empty matches included, whatever lastIndex an earlier search left', () => {
    for (const pattern of patterns) {
      for (const text of texts) {
        pattern.lastIndex = 0;
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
        pattern.lastIndex = 3;
        expect(matchesIn(pattern, text).map((m) => [m.index, m[0]])).toEqual(expected);
        pattern.lastIndex = 3;
        const looped: [number, string][] = [];
        for (let m = firstMatch(pattern, text); m; m = nextMatch(pattern, text, m)) looped.push([m.index, m[0]]);
        expect(looped).toEqual(expected);
      }
    }
  });
});
