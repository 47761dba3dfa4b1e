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

describe('OpeningFilter.next', () => {
  /** The definition: the first position whose unit opens a one-unit word, or whose two units open a longer one (pairs by slot). */
  function reference(words: readonly string[], text: string, from: number): number {
    const slot = (a: number, b: number) => ((a << 7) ^ b ^ (a >>> 9)) & 0xffff;
    const singles = new Set(words.filter((w) => w.length === 1).map((w) => w.charCodeAt(0)));
    const firsts = new Set(words.filter((w) => w.length > 0).map((w) => w.charCodeAt(0)));
    const pairs = new Set(words.filter((w) => w.length > 1).map((w) => slot(w.charCodeAt(0), w.charCodeAt(1))));
    for (let i = Math.max(0, from); i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!firsts.has(code)) continue;
      if (singles.has(code) || (i + 1 < text.length && pairs.has(slot(code, text.charCodeAt(i + 1))))) return i;
    }
    return text.length;
  }

  it('gives the positions of the definition for random word lists and texts, from every start', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // A small alphabet, so that words open often.
    const alphabet = ['高', '质', '量', '新', '两', '个', '𠀀'.charAt(0), '𠀀'.charAt(1), 'a', '。'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)];
    let found = 0;
    for (let round = 0; round < 500; round++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(''));
      const filter = new OpeningFilter();
      words.forEach((w) => filter.add(w));
      const text = Array.from({ length: Math.floor(random() * 30) }, pick).join('');
      for (let from = 0; from <= text.length + 1; from++) {
        const expected = reference(words, text, from);
        if (filter.next(text, from) !== expected) expect({ words, text, from, got: filter.next(text, from) }).toEqual({ words, text, from, got: expected });
        if (expected < text.length) found++;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('lets a colliding pair through only where its first unit opens some word', () => {
    // (1, 0) and (0, 128) share slot 128; no word opens with unit 0.
    const filter = new OpeningFilter();
    filter.add('\u0001\u0000');
    expect(filter.next('\u0000\u0080', 0)).toBe(2);
    expect(filter.next('\u0001\u0000', 0)).toBe(0);
  });
});
