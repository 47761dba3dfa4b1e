import { beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { segmentParagraph } from '../../server/src/core/segment/tokens';
import type { Segmenter } from '../../server/src/core/types';
import { localTokens } from '../../client/src/wordNavigation/lineWords';
import {
  deleteWordLeftRange,
  deleteWordRightRange,
  expandToWords,
  lineSource,
  wordAt,
  wordLeft,
  wordRight,
  wordsOf,
  type LineSource,
  type Pos,
  type Span,
} from '../../client/src/wordNavigation/wordMotion';
import { fixtureLines } from '../helpers/analyzeText';

/** Tokens given as `a/b/c` (the way Show Segmentation prints them). */
function tokens(slashed: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const piece of slashed.split('/')) {
    spans.push({ start: at, end: at + piece.length });
    at += piece.length;
  }
  return spans;
}

/** Where Ctrl+→ (or Ctrl+←) stops, pressed from `from` until the line's edge, on one line. */
function stops(source: LineSource, from: number, motion: typeof wordLeft): number[] {
  const found: number[] = [];
  let pos: Pos = { line: 0, character: from };
  for (;;) {
    const next = motion(source, pos);
    if (next.line !== 0 || (next.character === pos.character && next.line === pos.line)) return found;
    found.push(next.character);
    pos = next;
  }
}

const HEADING = '　　（一）大力推进现代化产业体系建设，加快发展新质生产力。';
const HEADING_TOKENS = '　/　/（/一/）/大力/推进/现代化产业体系/建设/，/加快/发展/新质生产力/。';

describe('words of a line', () => {
  it('are the tokens with text; punctuation runs merge; blanks are no words', () => {
    const text = '坚持“两个毫不动摇”。增长5.2%';
    const words = wordsOf(text, tokens('坚持/“/两个毫不动摇/”/。/增长/5.2/%'));
    expect(words.map((w) => [text.slice(w.start, w.end), w.kind])).toEqual([
      ['坚持', 'regular'],
      ['“', 'separator'],
      ['两个毫不动摇', 'regular'],
      ['”。', 'separator'],
      ['增长', 'regular'],
      ['5.2', 'regular'], // the segmenter kept the number whole, so does the cursor
      ['%', 'separator'],
    ]);
    const indented = wordsOf(HEADING, tokens(HEADING_TOKENS));
    expect(indented[0]).toEqual({ start: 2, end: 3, kind: 'separator' });
  });

  it('split text no valid token covers by character class, and never inside a surrogate pair', () => {
    const text = '发展𠀀经济 ，';
    // a bogus token ending inside 𠀀 is ignored; the rest of the line is classified by character
    const words = wordsOf(text, [{ start: 0, end: 3 }]);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['发展𠀀经济', '，']);
    expect(wordsOf('', [])).toEqual([]);
  });
});

describe('word motions on jieba tokens (the national report heading)', () => {
  const source = lineSource([HEADING], () => tokens(HEADING_TOKENS));

  it('Ctrl+→ stops at the end of each word, passing a lone punctuation mark before a word', () => {
    // VS Code stops once at 建设 and once at 新质生产力 (one "word" between punctuation marks)
    expect(stops(source, 0, wordRight)).toEqual([4, 7, 9, 16, 18, 21, 23, 28, 29]);
    expect(HEADING.slice(23, 28)).toBe('新质生产力');
  });

  it('Ctrl+← stops at the start of each word, the mirror image', () => {
    expect(stops(source, HEADING.length, wordLeft)).toEqual([23, 21, 19, 16, 9, 7, 5, 3, 2, 0]);
  });

  it('from inside a word goes to that word’s edge', () => {
    expect(wordRight(source, { line: 0, character: 25 })).toEqual({ line: 0, character: 28 });
    expect(wordLeft(source, { line: 0, character: 25 })).toEqual({ line: 0, character: 23 });
  });
});

describe('word motions across lines', () => {
  const lines = ['推动高质量发展。', '', '　　坚持稳中求进'];
  const source = lineSource(lines, (text) => {
    const table: Record<string, string> = { '推动高质量发展。': '推动/高质量发展/。', '　　坚持稳中求进': '　　/坚持/稳中求进' };
    return text ? tokens(table[text]) : [];
  });

  it('Ctrl+← at column 0 goes to the start of the last word above (over empty lines one at a time)', () => {
    expect(wordLeft(source, { line: 2, character: 2 })).toEqual({ line: 2, character: 0 });
    expect(wordLeft(source, { line: 2, character: 0 })).toEqual({ line: 1, character: 0 });
    expect(wordLeft(source, { line: 1, character: 0 })).toEqual({ line: 0, character: 2 }); // 。 is passed over
    expect(wordLeft(source, { line: 0, character: 0 })).toEqual({ line: 0, character: 0 });
  });

  it('Ctrl+→ at the line end goes to the end of the first word below', () => {
    expect(wordRight(source, { line: 0, character: 8 })).toEqual({ line: 1, character: 0 });
    expect(wordRight(source, { line: 1, character: 0 })).toEqual({ line: 2, character: 4 });
    expect(wordRight(source, { line: 2, character: 8 })).toEqual({ line: 2, character: 8 });
  });

  it('Ctrl+Backspace deletes the word before the cursor, only the blanks when there are two or more, the line break at column 0', () => {
    expect(deleteWordLeftRange(source, { line: 0, character: 7 })).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 7 } });
    expect(deleteWordLeftRange(source, { line: 2, character: 2 })).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    expect(deleteWordLeftRange(source, { line: 2, character: 0 })).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
    expect(deleteWordLeftRange(source, { line: 0, character: 0 })).toBeUndefined();
    // one blank is deleted together with the word before it
    const spaced = lineSource(['发展 经济'], () => tokens('发展/ /经济'));
    expect(deleteWordLeftRange(spaced, { line: 0, character: 3 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('Ctrl+Delete deletes to the end of the next word; at a line end, the break and the next line’s indent', () => {
    expect(deleteWordRightRange(source, { line: 0, character: 2 })).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 7 } });
    expect(deleteWordRightRange(source, { line: 2, character: 0 })).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    expect(deleteWordRightRange(source, { line: 1, character: 0 })).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 2 } });
    expect(deleteWordRightRange(source, { line: 2, character: 8 })).toBeUndefined();
  });
});

describe('expand selection to the word', () => {
  const source = lineSource([HEADING], () => tokens(HEADING_TOKENS));
  const range = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });

  it('an empty selection takes the word it is in, or touches (the one before first, as double-click does)', () => {
    expect(expandToWords(source, range(25, 25))).toEqual(range(23, 28));
    expect(expandToWords(source, range(23, 23))).toEqual(range(21, 23));
    expect(expandToWords(source, range(2, 2))).toEqual(range(2, 2)); // only punctuation and blanks around: nothing to take
  });

  it('a selection grows to the words its ends are in, and stays when it already is whole words', () => {
    expect(expandToWords(source, range(10, 25))).toEqual(range(9, 28));
    expect(expandToWords(source, range(9, 28))).toEqual(range(9, 28));
  });

  it('wordAt never picks punctuation', () => {
    const words = wordsOf(HEADING, tokens(HEADING_TOKENS));
    expect(wordAt(words, 19)).toEqual({ start: 19, end: 21, kind: 'regular' });
    expect(wordAt(words, 29)).toBeUndefined();
  });
});

describe('with real segmenters', () => {
  let jieba: Segmenter;
  beforeAll(() => {
    jieba = loadJieba([]).segmenter;
  });

  it('jieba with the policy dictionary makes 新质生产力 and 产业链供应链 one stop each; the local fallback does not', () => {
    const line = fixtureLines('002_8dfe99efc033ddf8.txt').slice(0, 181).find((l) => l.includes('大力推进现代化产业体系建设，加快发展新质生产力'))!;
    const jiebaSource = lineSource([line], (text) => segmentParagraph(jieba, text));
    const intlSource = lineSource([line], (text) => localTokens(text));
    const end = line.indexOf('新质生产力') + '新质生产力'.length;
    expect(wordLeft(jiebaSource, { line: 0, character: end })).toEqual({ line: 0, character: end - 5 });
    expect(wordLeft(intlSource, { line: 0, character: end }).character).toBeGreaterThan(end - 5);

    const draft = '要因地制宜发展新质生产率，推动产业链供应链优化升级，积极培育新兴产业和未来产业。';
    const words = (segment: (text: string) => readonly Span[]) => {
      const source = lineSource([draft], segment);
      return stops(source, 0, wordRight).map((end, i, all) => draft.slice(i === 0 ? 0 : all[i - 1], end));
    };
    expect(words((text) => segmentParagraph(jieba, text))).toEqual(expect.arrayContaining(['产业链供应链', '新兴产业', '未来产业']));
    expect(words((text) => localTokens(text))).not.toContain('产业链供应链');
  });
});
