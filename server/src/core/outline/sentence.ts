import { codeSet } from '../text/chars';
/** Where sentences and lines start and end, as UTF-16 offsets into one line. */

/**
 * ASCII white space, the ideographic space U+3000, NBSP, BOM and the zero-width
 * spaces web pages leave on lines of their own (U+200B–U+200D, U+2060).
 */
function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 11 || code === 12 || (code >= 0x200b && code <= 0x200d) || code === 0x2060
  );
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

const BODY_FINAL = codeSet('。！？!?；;：:…');
const CLOSERS = codeSet('”’」』）)》');

/**
 * True when the (trimmed) line ends the way body text does — with sentence or
 * clause punctuation, possibly followed by closing quotes — not like a heading
 * or title. Scans from the end: lines can be thousands of characters long.
 */
export function endsLikeBody(line: string): boolean {
  let i = contentEnd(line) - 1;
  while (i >= 0 && CLOSERS.has(line.charCodeAt(i))) i--;
  return i >= 0 && BODY_FINAL.has(line.charCodeAt(i));
}

/** True when the line holds nothing but white space. */
export function isBlankLine(line: string): boolean {
  return contentStart(line) === line.length;
}

const OPENERS = codeSet('《“‘（(「『【〔[');
const CONTINUERS = codeSet('》”’）)」』】〕]，,、。；;：:！？!?%％');

/** How a line shows it is a piece of a sentence broken by the links of a web page (bit flags). */
export const FRAGMENT = {
  /** Ends with an opening bracket or quote: `我国第一部《`. */
  opensAtEnd: 1,
  /** Starts with a closing bracket or with punctuation that continues a sentence: `》开始实施。`. */
  continuesAtStart: 2,
  /** Holds no letter, digit or Han character: `——`, `《`. */
  noWords: 4,
} as const;

/** The `FRAGMENT` flags of a line; 0 for an ordinary or blank line. */
export function fragmentFlags(line: string): number {
  const start = contentStart(line);
  const end = contentEnd(line);
  if (start >= end) return 0;
  let flags = 0;
  if (OPENERS.has(line.charCodeAt(end - 1))) flags |= FRAGMENT.opensAtEnd;
  if (CONTINUERS.has(line.charCodeAt(start)) || continuesWithCopula(line, start)) flags |= FRAGMENT.continuesAtStart;
  if (!hasWordIn(line, start, Math.min(end, start + 200))) flags |= FRAGMENT.noWords;
  return flags;
}

/**
 * `是：地区生产总值年均增长5%左右，…`: a line that opens with 是/为/即 and a colon finishes a sentence
 * begun above (Guangdong 2026 as published online: `“十五五”时期经济社会发展的` / `主要目标` / `是：…`).
 */
function continuesWithCopula(line: string, start: number): boolean {
  const first = line.charCodeAt(start);
  const second = line.charCodeAt(start + 1);
  return (first === 0x662f || first === 0x4e3a || first === 0x5373) && (second === 0xff1a || second === 0x3a);
}

/** True when a letter or digit lies in `line[start, end)`. Most lines start with one: no slice, no regular expression. */
function hasWordIn(line: string, start: number, end: number): boolean {
  const first = line.charCodeAt(start);
  if ((first >= 0x4e00 && first <= 0x9fff) || (first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) return true;
  return /[\p{L}\p{N}]/u.test(line.slice(start, end));
}
