import { describe, expect, it } from 'vitest';
import { firstParagraphStart } from '../../server/src/core/quotes/collate';
import { documentStream, startsParagraphAt } from '../../server/src/core/quotes/stream';
import type { Paragraph } from '../../server/src/core/types';

/**
 * The collation asks, for every gap of every chain, where the first paragraph break inside it is:
 * answered from the paragraph of its first unit, not by testing each unit. Same answer as testing
 * each unit, for every range of random streams (with empty paragraphs, at both ends).
 */
describe('firstParagraphStart', () => {
  it('is the first unit of a range where a paragraph starts, as testing each unit finds', () => {
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let found = 0;
    for (let round = 0; round < 300; round++) {
      let start = 0;
      const paragraphs: Paragraph[] = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, line) => {
        const text = '字'.repeat(Math.floor(random() * 5));
        const paragraph = { line, start, end: start + text.length, text };
        start += text.length + 1;
        return paragraph;
      });
      const stream = documentStream(paragraphs, (p) => ({ key: p.text, offsets: Int32Array.from(p.text, (_, i) => i), anchors: new Int32Array(0) }));
      const length = stream.key.length;
      for (let from = 0; from <= length; from++) {
        for (let to = from - 1; to <= length; to++) {
          let expected = -1;
          for (let u = from; u <= to; u++) {
            if (startsParagraphAt(stream, u)) {
              expected = u;
              break;
            }
          }
          if (firstParagraphStart(stream, from, to) !== expected) expect({ texts: paragraphs.map((p) => p.text), from, to, got: firstParagraphStart(stream, from, to) }).toEqual({ texts: paragraphs.map((p) => p.text), from, to, got: expected });
          if (expected > from) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(500);
  });
});
