import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

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
