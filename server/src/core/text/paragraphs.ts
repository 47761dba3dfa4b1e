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
export function detach(part: string): string {
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

/**
 * The paragraphs of `text`, reusing those of a previous version of the same
 * document where the text did not change. Unchanged paragraphs keep their
 * `text` string (and so its cached hash in every memo); those after the edit
 * are shifted. Equal to `splitParagraphs(text)` in content.
 */
export function updateParagraphs(previousText: string, previous: readonly Paragraph[], text: string): Paragraph[] {
  const prefix = commonPrefix(previousText, text);
  if (prefix === previousText.length && prefix === text.length) return previous as Paragraph[];
  const suffix = commonSuffix(previousText, text, Math.min(previousText.length, text.length) - prefix);

  const first = paragraphAt(previous, prefix);
  let last = paragraphAt(previous, previousText.length - suffix);
  // The edit reached into the line break after `last`: that paragraph's end changes too.
  if (previousText.length - suffix > previous[last].end && last + 1 < previous.length) last++;
  const delta = text.length - previousText.length;
  const middleStart = previous[first].start;
  const middleEnd = previous[last].end + delta;
  // A `\r` and a `\n` meeting across the edit's border form one line break: start over.
  if (text.charCodeAt(middleEnd - 1) === 13 && text.charCodeAt(middleEnd) === 10) return splitParagraphs(text);
  if (text.charCodeAt(middleStart - 1) === 13 && text.charCodeAt(middleStart) === 10) return splitParagraphs(text);

  const result = previous.slice(0, first) as Paragraph[];
  for (const p of splitParagraphs(text.slice(middleStart, middleEnd))) {
    result.push({ line: first + p.line, start: middleStart + p.start, end: middleStart + p.end, text: p.text });
  }
  const lineDelta = result.length - (last + 1);
  for (let i = last + 1; i < previous.length; i++) {
    const p = previous[i];
    result.push({ line: p.line + lineDelta, start: p.start + delta, end: p.end + delta, text: p.text });
  }
  return result;
}

/**
 * Chunks compared as strings before characters one by one: V8 compares flat strings with
 * memcmp, a loop of charCodeAt over a 1.6 MB document took ≈8 ms per edit.
 */
const CHUNK = 2048;

function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let n = 0;
  while (n + CHUNK <= shorter && a.slice(n, n + CHUNK) === b.slice(n, n + CHUNK)) n += CHUNK;
  while (n < shorter && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common end of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
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
