/**
 * The comparison form of quoted text. Quotations are compared on their
 * wording, not on typography: white space (PDF copies space out characters)
 * is dropped, full-width ASCII is folded to half width, the dash family (—,
 * －, ‐, –, ―) becomes one dash, the middle-dot family one dot and straight
 * quotes curly ones. Every kept UTF-16 unit maps back to its source offset,
 * so a difference found in the comparison form is a span in the document.
 */
export interface Normalized {
  /** The comparison form. */
  readonly key: string;
  /** `offsets[i]` is the source offset of `key[i]`; one unit in, at most one unit out. */
  readonly offsets: readonly number[];
}

const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b]/;
const DOTS = /[\u00b7\u2022\u2027\u2219\u30fb\uff65]/;

/** The comparison form of one UTF-16 unit; '' for units that are dropped. */
export function foldUnit(code: number): string {
  // Fast paths: CJK ideographs and ASCII letters and digits stay as they are.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x7a && (code <= 0x5a || code >= 0x61))) {
    return String.fromCharCode(code);
  }
  if (isDroppedSpace(code)) return '';
  if (code >= 0xff01 && code <= 0xff5e) {
    const folded = code - 0xfee0;
    return folded === 0x2d ? '-' : folded === 0x22 ? '\u201c' : String.fromCharCode(folded);
  }
  const char = String.fromCharCode(code);
  if (code === 0x2d || DASHES.test(char)) return '-';
  if (DOTS.test(char)) return '\u00b7';
  if (code === 0x22) return '\u201c';
  if (code === 0x201d) return '\u201c';
  if (code === 0x27 || code === 0x2019) return '\u2018';
  return char;
}

/** White space, zero-width characters and BOM. */
export function isDroppedSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200d) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  );
}

/** Normalises `text[start, end)`. */
export function normalize(text: string, start = 0, end = text.length): Normalized {
  let key = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const folded = foldUnit(text.charCodeAt(i));
    if (folded === '') continue;
    key += folded;
    offsets.push(i);
  }
  return { key, offsets };
}

/** Source span of `key[from, to)`; an empty range maps to the point before `key[from]`. */
export function sourceSpan(normalized: Normalized, from: number, to: number, end: number): { start: number; end: number } {
  const { offsets } = normalized;
  const startAt = from < offsets.length ? offsets[from] : offsets.length > 0 ? offsets[offsets.length - 1] + 1 : end;
  if (to <= from) return { start: startAt, end: startAt };
  return { start: startAt, end: offsets[to - 1] + 1 };
}
