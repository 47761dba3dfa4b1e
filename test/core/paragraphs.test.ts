import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, updateParagraphs } from '../../server/src/core/text/paragraphs';

describe('splitParagraphs', () => {
  it('splits on \\n, \\r\\n and lone \\r, keeping blank lines and exact offsets', () => {
    expect(splitParagraphs('一、总则\r\n\r\n（一）𠀀\r第二行\n')).toEqual([
      { line: 0, start: 0, end: 4, text: '一、总则' },
      { line: 1, start: 6, end: 6, text: '' },
      { line: 2, start: 8, end: 13, text: '（一）𠀀' },
      { line: 3, start: 14, end: 17, text: '第二行' },
      { line: 4, start: 18, end: 18, text: '' },
    ]);
    expect(splitParagraphs('')).toEqual([{ line: 0, start: 0, end: 0, text: '' }]);
  });
});

describe('updateParagraphs', () => {
  const piece = fc.constantFrom('高质量发展', '\n', '\r\n', '\r', '𠀀', '，', '一、', 'a', '');
  const textArb = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('equals a fresh split after any edit', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), textArb, (before, a, b, insert) => {
        const start = Math.min(a, b) % (before.length + 1);
        const end = Math.min(before.length, start + (Math.max(a, b) % 5));
        const after = before.slice(0, start) + insert + before.slice(end);
        expect(updateParagraphs(before, splitParagraphs(before), after)).toEqual(splitParagraphs(after));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals a fresh split after any edit of a long document (prefix and suffix compared in chunks)', () => {
    // Long runs of one piece around the edit, so that common prefixes and suffixes span many chunks.
    const longArb = fc.tuple(textArb, fc.integer({ min: 0, max: 3000 }), textArb, fc.integer({ min: 0, max: 3000 }), textArb).map(
      ([a, n, b, m, c]) => a + '发展，'.repeat(n) + b + '\n推进'.repeat(m) + c,
    );
    fc.assert(
      fc.property(longArb, fc.nat(), fc.nat(), textArb, (before, a, b, insert) => {
        const start = a % (before.length + 1);
        const end = Math.min(before.length, start + (b % 5));
        const after = before.slice(0, start) + insert + before.slice(end);
        expect(updateParagraphs(before, splitParagraphs(before), after)).toEqual(splitParagraphs(after));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the text strings of unchanged paragraphs', () => {
    const before = '第一段。\n第二段。\n第三段。';
    const previous = splitParagraphs(before);
    const next = updateParagraphs(before, previous, '第一段。\n第二段改。\n第三段。');
    expect(next[0]).toBe(previous[0]);
    expect(next[1].text).toBe('第二段改。');
    expect(next[2]).toEqual({ line: 2, start: 11, end: 15, text: '第三段。' });
    expect(next[2].text).toBe(previous[2].text);
  });
});
