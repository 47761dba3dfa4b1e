import { describe, expect, it, vi } from 'vitest';
import { LineWords, WordCache, localTokens, tokensByLine, within, type RequestedLine, type SegmentLines } from '../../client/src/wordNavigation/lineWords';
import type { Span } from '../../client/src/wordNavigation/wordMotion';

const LINE_0 = '加快发展新质生产力。';
const LINE_1 = '';
const LINE_2 = '坚持稳中求进';
const DOCUMENT = [LINE_0, LINE_1, LINE_2].join('\n');
const requested = (line: number): RequestedLine => {
  const lines = DOCUMENT.split('\n');
  const start = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0);
  return { line, start, text: lines[line] };
};
/** What the server answers for the whole document: jieba's tokens with document offsets. */
const SERVER_TOKENS = [
  { text: '加快', start: 0, end: 2 },
  { text: '发展', start: 2, end: 4 },
  { text: '新质生产力', start: 4, end: 9 },
  { text: '。', start: 9, end: 10 },
  { text: '坚持', start: 12, end: 14 },
  { text: '稳中求进', start: 14, end: 18 },
];
const texts = (line: string, words: readonly Span[]) => words.map((w) => line.slice(w.start, w.end));

describe('tokensByLine', () => {
  it('sorts the server’s document-offset tokens into line-relative tokens per requested line', () => {
    const byLine = tokensByLine([requested(0), requested(1), requested(2)], SERVER_TOKENS);
    expect(byLine.get(0)).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 9 }, { start: 9, end: 10 }]);
    expect(byLine.get(1)).toEqual([]);
    expect(byLine.get(2)).toEqual([{ start: 0, end: 2 }, { start: 2, end: 6 }]);
  });

  it('leaves out a line whose tokens do not spell its text (an edit crossed the request)', () => {
    const edited = { ...requested(2), text: '坚持稳中求进，以进促稳' };
    expect(tokensByLine([requested(0), edited], SERVER_TOKENS).has(2)).toBe(false);
    const shifted = SERVER_TOKENS.map((t) => ({ ...t, start: t.start + 1, end: t.end + 1 }));
    expect(tokensByLine([requested(0)], shifted).has(0)).toBe(false);
  });
});

describe('LineWords: cache, deadline, fallback', () => {
  const answer = (tokens = SERVER_TOKENS): SegmentLines => async (lines) => tokensByLine(lines, tokens);

  it('asks the server once per line text and answers later presses from the cache', async () => {
    const segment = vi.fn(answer());
    const lineWords = new LineWords();
    const first = await lineWords.words([requested(0)], segment);
    expect(texts(LINE_0, first.get(0)!)).toEqual(['加快', '发展', '新质生产力', '。']);
    await lineWords.words([requested(0)], segment);
    expect(segment).toHaveBeenCalledTimes(1);
    expect(lineWords.cache.get(LINE_0)?.exact).toBe(true);
  });

  it('without a server, or with one slower than the deadline, uses Intl.Segmenter — and takes jieba’s answer when it comes', async () => {
    const offline = await new LineWords().words([requested(0)], undefined);
    expect(texts(LINE_0, offline.get(0)!)).toEqual(texts(LINE_0, localTokens(LINE_0)));

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: SegmentLines = async (lines) => {
      await gate;
      return tokensByLine(lines, SERVER_TOKENS);
    };
    const lineWords = new LineWords(new WordCache(), 20);
    const started = Date.now();
    const early = await lineWords.words([requested(0)], slow);
    expect(Date.now() - started).toBeLessThan(500);
    expect(texts(LINE_0, early.get(0)!)).not.toContain('新质生产力'); // ICU cuts it up
    expect(lineWords.cache.get(LINE_0)?.exact).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lineWords.cache.get(LINE_0)?.exact).toBe(true);
    const late = await lineWords.words([requested(0)], slow);
    expect(texts(LINE_0, late.get(0)!)).toContain('新质生产力');
  });

  it('falls back when the request fails, and shares one request between overlapping asks', async () => {
    const failing: SegmentLines = () => Promise.reject(new Error('unknown document'));
    const words = await new LineWords().words([requested(2)], failing);
    expect(words.get(2)!.length).toBeGreaterThan(0);

    const segment = vi.fn(answer());
    const lineWords = new LineWords();
    await Promise.all([lineWords.prefetch([requested(0), requested(2)], segment), lineWords.words([requested(0)], segment)]);
    expect(segment).toHaveBeenCalledTimes(1);
    await lineWords.prefetch([requested(0), requested(2)], segment);
    expect(segment).toHaveBeenCalledTimes(1);
  });

  it('forgets the least recently used lines beyond its size', () => {
    const cache = new WordCache(2);
    cache.putExact('甲', [{ start: 0, end: 1 }]);
    cache.putExact('乙', [{ start: 0, end: 1 }]);
    cache.get('甲');
    cache.putExact('丙', [{ start: 0, end: 1 }]);
    expect([cache.get('甲')?.exact, cache.get('乙'), cache.size]).toEqual([true, undefined, 2]);
  });

  it('within() gives up after the deadline without cancelling the work', async () => {
    expect(await within(new Promise(() => undefined), 5)).toBeUndefined();
    expect(await within(Promise.resolve(3), 5)).toBe(3);
    expect(await within(Promise.reject(new Error('x')), 5)).toBeUndefined();
  });
});
