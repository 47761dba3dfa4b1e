import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { cleanForNative, segmentParagraph } from '../../server/src/core/segment/tokens';
import { withWordTagMemo } from '../../server/src/core/segment/wordTagMemo';
import type { Segmenter } from '../../server/src/core/types';
import { corpusTextFiles } from '../helpers/corpus';

const USER_DICTIONARY = path.join(__dirname, '../fixtures/dictionaries/agreement.dict.utf8');

/** A toy jieba: `甲乙` is one word in a sentence but two when alone; tags are word lengths. */
function toyJieba() {
  const calls = { cut: 0, tag: [] as string[] };
  const split = (text: string) => text.match(/甲乙(?=丙)|\n|[^\n]/g) ?? [];
  const cut = (text: string) => {
    calls.cut++;
    return split(text);
  };
  const tag = (text: string) => {
    calls.tag.push(text);
    return split(text).map((word) => ({ word, tag: word === '\n' ? 'x' : `t${word.length}` }));
  };
  return { calls, segmenter: withWordTagMemo(cut, tag) };
}

describe('withWordTagMemo', () => {
  it('tags a paragraph whose words are mostly new as a whole, and then only cuts', () => {
    const { calls, segmenter } = toyJieba();
    expect(segmenter.tagPieces!('天地天')).toEqual({ words: ['天', '地', '天'], tags: ['t1', 't1', 't1'] });
    expect(calls.tag).toEqual(['天地天']);
    expect(segmenter.tagPieces!('地天')).toEqual({ words: ['地', '天'], tags: ['t1', 't1'] });
    expect(calls.tag).toEqual(['天地天']);
    expect(calls.cut).toBe(2);
  });

  it('tags the few new words of a paragraph alone, one per line, once', () => {
    const { calls, segmenter } = toyJieba();
    segmenter.tagPieces!('天地');
    expect(segmenter.tagPieces!('天地天地人和')).toEqual({ words: ['天', '地', '天', '地', '人', '和'], tags: ['t1', 't1', 't1', 't1', 't1', 't1'] });
    expect(calls.tag).toEqual(['天地', '人\n和']);
    segmenter.tagPieces!('人和天地');
    expect(calls.tag).toHaveLength(2);
  });

  it('tags the whole paragraph when a word does not come back whole on its own line, and remembers its tag', () => {
    const { calls, segmenter } = toyJieba();
    segmenter.tagPieces!('丙天');
    expect(segmenter.tagPieces!('甲乙丙天丙天')).toEqual({ words: ['甲乙', '丙', '天', '丙', '天'], tags: ['t2', 't1', 't1', 't1', 't1'] });
    expect(calls.tag).toEqual(['丙天', '甲乙', '甲乙丙天丙天']);
    // The split word's tag, learnt from its paragraph: the next paragraph with it only cuts.
    expect(segmenter.tagPieces!('天甲乙丙')).toEqual({ words: ['天', '甲乙', '丙'], tags: ['t1', 't2', 't1'] });
    expect(calls.tag).toHaveLength(3);
  });

  it('tags long pieces for their paragraph without remembering them', () => {
    const tagged: string[] = [];
    const long = 'x'.repeat(17);
    const cut = (text: string) => text.match(/x+|[^x]/g) ?? [];
    const tag = (text: string) => {
      tagged.push(text);
      return cut(text).map((word) => ({ word, tag: `t${word.length}` }));
    };
    const memo = withWordTagMemo(cut, tag);
    expect(memo.tagPieces!(`天${long}`)).toEqual({ words: ['天', long], tags: ['t1', 't17'] });
    expect(memo.tagPieces!(`天${long}`)).toEqual({ words: ['天', long], tags: ['t1', 't17'] });
    expect(memo.tagPieces!(`天${long}`)).toEqual({ words: ['天', long], tags: ['t1', 't17'] });
    expect(tagged).toEqual([`天${long}`, long, long]);
  });

  it('gives what tag gives for text with line breaks and for empty text', () => {
    const { segmenter } = toyJieba();
    expect(segmenter.tagPieces!('天\n\n地')).toEqual({ words: ['天', '\n', '\n', '地'], tags: ['t1', 'x', 'x', 't1'] });
    expect(segmenter.tagPieces!('')).toEqual({ words: [], tags: [] });
  });
});

describe('nodejieba with the word tag memo', () => {
  let segmenter: Segmenter;
  beforeAll(() => {
    segmenter = loadJieba([USER_DICTIONARY]).segmenter;
  }, 60_000);

  /** Odd text and every paragraph of the corpus: those (at most five) where `same` says no to what `tag` gives, and the pieces compared. */
  function againstTag(same: (paragraph: string, expected: readonly { word: string; tag: string }[]) => boolean): { differing: string[]; compared: number } {
    const odd = ['GDP增长5.2%左右', 'CPI 涨幅 3%\t左右，“十四五”', '𠀀𠀁新质生产力😀', cleanForNative('a\uD800b\0c'), 'iPhone15和5G基站', '　　全角空格', '稳就业'];
    const paragraphs = corpusTextFiles().flatMap((file) => fs.readFileSync(file, 'utf8').split(/\r?\n/));
    let compared = 0;
    const differing: string[] = [];
    for (const paragraph of [...odd, ...paragraphs]) {
      if (paragraph === '') continue;
      const expected = segmenter.tag!(paragraph);
      compared += expected.length;
      if (!same(paragraph, expected) && differing.length < 5) differing.push(paragraph.slice(0, 40));
    }
    return { differing, compared };
  }

  it('gives exactly the words and parts of speech of nodejieba.tag on the whole corpus', () => {
    const { differing, compared } = againstTag((paragraph, expected) => {
      const actual = segmenter.tagPieces!(paragraph);
      return actual.words.length === expected.length && expected.every((t, i) => t.word === actual.words[i] && t.tag === actual.tags[i]);
    });
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(900_000);
  }, 120_000);

  it("gives exactly tag's lengths and parts of speech through the patched binding's tagLengths on the whole corpus", () => {
    // The postinstall (scripts/patch-nodejieba.mjs) adds tagLengths: without it this segmenter has no pieceLengths.
    expect(segmenter.pieceLengths).toBeTypeOf('function');
    const { differing, compared } = againstTag((paragraph, expected) => {
      const actual = segmenter.pieceLengths!(paragraph);
      return actual !== undefined && actual.lengths.length === expected.length && expected.every((t, i) => t.word.length === actual.lengths[i] && t.tag === actual.tags[i]);
    });
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(900_000);
    // A word of the user's dictionary with its own part of speech (稳就业 nz), and an astral character as two units.
    expect(segmenter.pieceLengths!('稳就业𠀀')).toEqual({ lengths: Uint32Array.of(3, 2), tags: ['nz', 'x'] });
  }, 120_000);

  it('makes tokens from those lengths with the original text, lone surrogates and all', () => {
    const text = '稳就业a\uD800b𠀀';
    expect(segmentParagraph(segmenter, text)).toEqual([
      { text: '稳就业', start: 0, end: 3, tag: 'nz' },
      { text: 'a', start: 3, end: 4, tag: 'x' },
      { text: '\uD800', start: 4, end: 5, tag: 'x' },
      { text: 'b', start: 5, end: 6, tag: 'x' },
      { text: '𠀀', start: 6, end: 8, tag: 'x' },
    ]);
  });
});
