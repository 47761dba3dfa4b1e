import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { createIntlSegmenter } from '../../server/src/core/segment/intlSegmenter';
import { cleanForNative, codePointTokens, piecesToTokens, segmentParagraph } from '../../server/src/core/segment/tokens';
import type { Segmenter, Token } from '../../server/src/core/types';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name), 'utf8');
const NATIONAL = fixture('002_8dfe99efc033ddf8.txt').split('\n').slice(0, 181);
const lineWith = (needle: string) => NATIONAL.find((line) => line.includes(needle))!;

/** Every token's text is exactly the slice of the input at its offsets, and they tile it. */
function expectExactTiling(text: string, tokens: readonly Token[]): void {
  let offset = 0;
  const broken: Token[] = [];
  for (const token of tokens) {
    if (token.start !== offset || text.slice(token.start, token.end) !== token.text) broken.push(token);
    offset = token.end;
  }
  expect(broken).toEqual([]);
  expect(offset).toBe(text.length);
}

describe('jieba with the policy dictionary', () => {
  let jieba: Segmenter;
  beforeAll(() => {
    jieba = loadJieba([]).segmenter;
  });

  it.each(['新质生产力', '高质量发展', '因地制宜', '专精特新', '全过程人民民主', '两个毫不动摇'])('keeps %s whole in the national report', (term) => {
    const line = NATIONAL.find((l) => l.includes(term)) ?? `坚持${term}。`;
    const tokens = segmentParagraph(jieba, line).map((t) => t.text);
    expect(tokens).toContain(term);
  });

  it('segments a sentence of the 2024 report exactly', () => {
    const sentence = '大力推进现代化产业体系建设，加快发展新质生产力。';
    expect(lineWith(sentence)).toBeDefined();
    const tokens = segmentParagraph(jieba, sentence);
    expect(tokens.find((t) => t.text === '新质生产力')!.tag).toBe('n');
    expect(tokens.map(({ text, start, end }) => ({ text, start, end }))).toEqual([
      { text: '大力', start: 0, end: 2 },
      { text: '推进', start: 2, end: 4 },
      { text: '现代化产业体系', start: 4, end: 11 },
      { text: '建设', start: 11, end: 13 },
      { text: '，', start: 13, end: 14 },
      { text: '加快', start: 14, end: 16 },
      { text: '发展', start: 16, end: 18 },
      { text: '新质生产力', start: 18, end: 23 },
      { text: '。', start: 23, end: 24 },
    ]);
  });

  it('keeps UTF-16 offsets after Ext-B characters and emoji', () => {
    const text = '𠀀𠀁推进👍🏽高质量发展，𪚥因地制宜。';
    const tokens = segmentParagraph(jieba, text);
    expectExactTiling(text, tokens);
    const quality = tokens.find((t) => t.text === '高质量发展')!;
    expect(quality.start).toBe(text.indexOf('高质量发展'));
    expect(quality.start).toBe(10);
    expect(tokens.find((t) => t.text === '因地制宜')!.start).toBe(text.indexOf('因地制宜'));
  });

  it('survives lone surrogates, NUL and control characters without shifting offsets', () => {
    const text = '坚持\uD800高质量发展\u0000，\uDC00稳中求进\u0007。';
    const tokens = segmentParagraph(jieba, text);
    expectExactTiling(text, tokens);
    expect(tokens.find((t) => t.text === '高质量发展')!.start).toBe(3);
  });

  it('tiles every paragraph of the national report', () => {
    for (const line of NATIONAL) expectExactTiling(line, segmentParagraph(jieba, line));
  });
});

describe('Intl.Segmenter fallback', () => {
  const intl = createIntlSegmenter();

  it('tiles text with surrogate pairs and long runs without sentence ends', () => {
    const text = '𠀀'.repeat(700) + '推进高质量发展。' + '发展'.repeat(600);
    expectExactTiling(text, segmentParagraph(intl, text));
  });

  it('cuts a 1 MB line quickly because it works in chunks', () => {
    const text = '加快发展新质生产力，'.repeat(100_000);
    const started = performance.now();
    const tokens = segmentParagraph(intl, text);
    expectExactTiling(text, tokens);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('token helpers', () => {
  it('rejects pieces that do not cover the text', () => {
    expect(piecesToTokens('高质量发展', ['高质量', '发'])).toBeUndefined();
    expect(piecesToTokens('高质量发展', ['高质量', '发展', '了'])).toBeUndefined();
  });

  it('falls back to code points when a segmenter misbehaves', () => {
    const broken: Segmenter = { cut: () => ['x'] };
    expect(segmentParagraph(broken, '𠀀发')).toEqual(codePointTokens('𠀀发'));
    expect(codePointTokens('𠀀发')).toEqual([
      { text: '𠀀', start: 0, end: 2 },
      { text: '发', start: 2, end: 3 },
    ]);
  });

  it('replaces only lone surrogates and NUL, one unit for one', () => {
    expect(cleanForNative('a\uD800b\u0000𠀀')).toBe('a\uFFFDb\uFFFD𠀀');
    expect(cleanForNative('a\uD800b').length).toBe(3);
  });
});
