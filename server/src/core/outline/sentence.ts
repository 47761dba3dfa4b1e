/** Where sentences and lines start and end, as UTF-16 offsets into one line. */

/** ASCII white space, the ideographic space U+3000, NBSP and BOM. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 11 || code === 12;
}

/** Offset of the first non-space character (`line.length` for a blank line). */
export function contentStart(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the last non-space character. */
export function contentEnd(line: string): number {
  let i = line.length;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  return i;
}

/** Characters that end a sentence: the heading of an inline section stops at the first one. */
const SENTENCE_FINAL = /[。！？!?]/g;

/**
 * End of the first sentence in `line[from, to)`: the offset of its final
 * punctuation, or `to` when the text has none (a standalone heading).
 */
export function firstSentenceEnd(line: string, from: number, to: number): number {
  SENTENCE_FINAL.lastIndex = from;
  const match = SENTENCE_FINAL.exec(line);
  return match && match.index < to ? match.index : to;
}

const BODY_FINAL = new Set('。！？!?；;：:…');
const CLOSERS = new Set('”’」』）)》');

/**
 * True when the (trimmed) line ends the way body text does — with sentence or
 * clause punctuation, possibly followed by closing quotes — not like a heading
 * or title. Scans from the end: lines can be thousands of characters long.
 */
export function endsLikeBody(line: string): boolean {
  let i = contentEnd(line) - 1;
  while (i >= 0 && CLOSERS.has(line[i])) i--;
  return i >= 0 && BODY_FINAL.has(line[i]);
}

/** True when the line holds nothing but white space. */
export function isBlankLine(line: string): boolean {
  return contentStart(line) === line.length;
}
