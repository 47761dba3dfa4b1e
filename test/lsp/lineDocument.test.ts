import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
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
    expect(mine.lines.join('\n')).toBe(text.split(/\r\n|\r|\n/).join('\n'));
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

  it('joins lines only when the whole text is asked for, and reads ranges across lines', () => {
    const document = LineDocument.create('file:///x', 'policy', 1, '一、总体要求\r\n坚持稳中求进\n\n𠀀结尾');
    LineDocument.update(document, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, text: '改' }], 2);
    expect(document.lines).toEqual(['一、总体要求', '坚持改求进', '', '𠀀结尾']);
    expect(document.getText({ start: { line: 0, character: 4 }, end: { line: 1, character: 3 } })).toBe('要求\r\n坚持改');
    expect(document.lineStart(3)).toBe(15);
    expect(document.getText()).toBe('一、总体要求\r\n坚持改求进\n\n𠀀结尾');
  });
});
