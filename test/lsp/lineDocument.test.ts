import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import { LineDocument } from '../../server/src/lsp/lineDocument';

/**
 * LineDocument must be indistinguishable from vscode-languageserver-textdocument's
 * TextDocument: same text after any sequence of edits, same positions and offsets.
 */
describe('LineDocument', () => {
  const piece = fc.constantFrom('高质量发展', '\n', '\r\n', '\r', '𠀀', '，', 'a', '', ' ', '👍🏽');
  const textArb = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  // Positions may point past line ends and past the last line: editors send such ranges.
  const positionArb = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
  const changeArb = fc.oneof(
    { weight: 9, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: textArb }) },
    { weight: 1, arbitrary: fc.record({ text: textArb }) },
  );

  function expectSame(mine: LineDocument, text: string): void {
    const theirs = TextDocument.create('file:///x', 'policy', 1, text);
    expect(mine.getText()).toBe(text);
    expect(mine.length).toBe(text.length);
    expect(mine.lineCount).toBe(theirs.lineCount);
    expect(mine.paragraphs().map((p) => p.text).join('\n')).toBe(text.split(/\r\n|\r|\n/).join('\n'));
    for (let offset = -1; offset <= text.length + 1; offset++) expect(mine.positionAt(offset)).toEqual(theirs.positionAt(offset));
    for (let line = -1; line <= theirs.lineCount; line++) {
      for (let character = -1; character <= 14; character++) expect(mine.offsetAt({ line, character })).toBe(theirs.offsetAt({ line, character }));
      expect(mine.getLineRange(line)).toEqual(theirs.getLineRange(line));
      expect(mine.getEOLCharacters(line)).toBe(theirs.getEOLCharacters(line));
    }
    for (let start = 0; start <= text.length; start += 3) {
      for (let end = start; end <= text.length; end += 2) expect(mine.text.slice(start, end)).toBe(text.slice(start, end));
    }
  }

  it('has the text, positions, offsets and slices of TextDocument after any edits', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, edits) => {
        const mine = LineDocument.create('file:///x', 'policy', 1, initial);
        let text = initial;
        let version = 1;
        for (const changes of edits) {
          version++;
          LineDocument.update(mine, changes, version);
          // The reference applies each change to a fresh TextDocument: the library's own
          // line offsets drift after a range past the last line, and later edits go astray.
          for (const change of changes) {
            const theirs = TextDocument.create('file:///x', 'policy', 1, text);
            TextDocument.update(theirs, [change], version);
            text = theirs.getText();
          }
          expect(mine.version).toBe(version);
          expectSame(mine, text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('takes a paste of 300 000 lines as one incremental change', () => {
    const document = LineDocument.create('file:///x', 'policy', 1, '标题\n结尾');
    const pasted = Array.from({ length: 300_000 }, (_, i) => `第${i}段。`).join('\n');
    LineDocument.update(document, [{ range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, text: `\n${pasted}\n` }], 2);
    expect(document.lineCount).toBe(300_002);
    expect(document.getText()).toBe(`标题\n${pasted}\n结尾`);
    expect(document.positionAt(document.length)).toEqual({ line: 300_001, character: 2 });
  });

  it('joins lines only when the whole text is asked for, and reads ranges across lines', () => {
    const document = LineDocument.create('file:///x', 'policy', 1, '一、总体要求\r\n坚持稳中求进\n\n𠀀结尾');
    LineDocument.update(document, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, text: '改' }], 2);
    expect(document.paragraphs().map((p) => p.text)).toEqual(['一、总体要求', '坚持改求进', '', '𠀀结尾']);
    expect(document.getText({ start: { line: 0, character: 4 }, end: { line: 1, character: 3 } })).toBe('要求\r\n坚持改');
    expect(document.paragraphs()[3].start).toBe(15);
    expect(document.getText()).toBe('一、总体要求\r\n坚持改求进\n\n𠀀结尾');
  });
});

/** The analysis takes a line document's paragraphs; they must be those of a fresh split of its text. */
describe('LineDocument.paragraphs', () => {
  const piece = fc.constantFrom('高质量发展', '\n', '\r\n', '\r', '𠀀', '，', '一、', 'a', '');
  const textArb = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  /** `before` as a line document, its paragraphs, then the edit replacing [start, end) by `insert`. */
  function edited(before: string, start: number, end: number, insert: string) {
    const document = LineDocument.create('file:///p', 'policy', 1, before);
    const previous = document.paragraphs();
    LineDocument.update(document, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }], 2);
    return { previous, next: document.paragraphs(previous), after: before.slice(0, start) + insert + before.slice(end) };
  }

  it('equals a fresh split after any edit', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), textArb, (before, a, b, insert) => {
        // Edits start and end on character boundaries that positions can express (not inside \r\n).
        const start = Math.min(a, b) % (before.length + 1);
        const end = Math.min(before.length, start + (Math.max(a, b) % 5));
        const document = LineDocument.create('file:///p', 'policy', 1, before);
        const from = document.offsetAt(document.positionAt(start));
        const to = Math.max(from, document.offsetAt(document.positionAt(end)));
        const { next, after } = edited(before, from, to, insert);
        expect(next).toEqual(splitParagraphs(after));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals a fresh split after any edit of a long document', () => {
    const longArb = fc.tuple(textArb, fc.integer({ min: 0, max: 3000 }), textArb, fc.integer({ min: 0, max: 3000 }), textArb).map(
      ([a, n, b, m, c]) => a + '发展，'.repeat(n) + b + '\n推进'.repeat(m) + c,
    );
    fc.assert(
      fc.property(longArb, fc.nat(), fc.nat(), textArb, (before, a, b, insert) => {
        const document = LineDocument.create('file:///p', 'policy', 1, before);
        const from = document.offsetAt(document.positionAt(a % (before.length + 1)));
        const to = Math.max(from, document.offsetAt(document.positionAt(Math.min(before.length, from + (b % 5)))));
        const { next, after } = edited(before, from, to, insert);
        expect(next).toEqual(splitParagraphs(after));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the text strings of unchanged paragraphs', () => {
    const { previous, next } = edited('第一段。\n第二段。\n第三段。', 8, 8, '改');
    expect(next[0]).toBe(previous[0]);
    expect(next[1].text).toBe('第二段改。');
    expect(next[2]).toEqual({ line: 2, start: 11, end: 15, text: '第三段。' });
    expect(next[2].text).toBe(previous[2].text);
  });
});
