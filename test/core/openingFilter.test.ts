import { describe, expect, it } from 'vitest';
import { OpeningFilter } from '../../server/src/core/text/openingFilter';

describe('OpeningFilter', () => {
  const filter = new OpeningFilter();
  for (const word of ['高质量发展', '新质生产力', '𠀀试验', '两']) filter.add(word);
  // 1 where a word may open: the next candidate from there is there.
  const opens = (text: string) => [...text].map((_, i) => (filter.next(text, i) === i ? 1 : 0)).join('');

  it('lets through the positions where a word starts, by its first two units', () => {
    // 高质 and 新质 open words; 高兴 and 新的 do not, although 高 and 新 start words.
    expect(opens('高质量高兴新质新的')).toBe('100001000');
    // A one-unit word opens wherever its unit is; a pair at the text's end opens nothing.
    expect(opens('两个两')).toBe('101');
    expect(opens('高')).toBe('0');
  });

  it('works on UTF-16 units: an astral first character is its two surrogates', () => {
    const text = '开展𠀀试验';
    expect(filter.next(text, 0)).toBe(2);
    expect(filter.next(text, 3)).toBe(text.length);
  });
});
