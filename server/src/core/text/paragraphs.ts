import type { Paragraph } from '../types';

/**
 * Splits a document into lines (`\r\n`, `\n` or a lone `\r` end a line).
 * Every line is returned, blank ones too, so `paragraphs[n].line === n`.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  let line = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    paragraphs.push({ line: line++, start, end: i, text: detach(text.slice(start, i)) });
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  paragraphs.push({ line, start, end: length, text: detach(text.slice(start, length)) });
  return paragraphs;
}

/**
 * A copy of `part` that does not keep the string it was sliced from alive. V8 represents
 * a slice as a view of its parent: a paragraph cached by its text (tokens, findings,
 * line classes) would pin the whole document version it came from, and every edit of a
 * large document kept another copy of it (the server ran out of memory after a few hundred
 * edits). Concatenating and slicing again makes V8 copy the characters.
 */
function detach(part: string): string {
  return part.length === 0 ? '' : (' ' + part).slice(1);
}

/** The paragraph as a document of its own: findings are cached by text, so their offsets are relative to it. */
export function relativeParagraph(paragraph: Paragraph): Paragraph {
  return { line: paragraph.line, start: 0, end: paragraph.text.length, text: paragraph.text };
}

/** True when the line holds nothing but white space. */
export function isBlank(text: string): boolean {
  return /^[\s\u3000]*$/.test(text);
}

/** Index (= line) of the last paragraph starting at or before `offset`. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (paragraphs[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
