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

/**
 * The first `length` codes as a string. The platform's UTF-16 decoder makes it in one call (seeding
 * made a string of every paragraph through `fromCharCode.apply`, which copies the codes into an
 * argument list first: ≈15 ms on opening the 1.6 MB compilation); the decoder would replace a lone
 * surrogate, so codes that `mayHaveSurrogates` go through `fromCharCode`, in slices (it takes its
 * arguments on the stack).
 */
export function codesToString(codes: Uint16Array, length: number, mayHaveSurrogates = true): string {
  if (UTF16 && !mayHaveSurrogates) return UTF16.decode(codes.subarray(0, length));
  let text = '';
  for (let i = 0; i < length; i += 4096) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[]);
  return text;
}

/** A UTF-16 decoder reading code units in this machine's byte order, where there is one (little-endian: all current ones). */
const UTF16 = typeof TextDecoder === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le') : undefined;

/** The comparison form of one UTF-16 unit; '' for units that are dropped. */
export function foldUnit(code: number): string {
  const folded = foldCode(code);
  return folded < 0 ? '' : String.fromCharCode(folded);
}

/** `foldUnit` as a code, -1 for units that are dropped: seeding folds every unit of a document and makes no strings. */
export function foldCode(code: number): number {
  // Fast paths: CJK ideographs and ASCII letters and digits stay as they are.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x7a && (code <= 0x5a || code >= 0x61))) return code;
  if (isDroppedSpace(code)) return -1;
  if (code >= 0xff01 && code <= 0xff5e) {
    const folded = code - 0xfee0;
    return folded === 0x22 ? 0x201c : folded;
  }
  if (code === 0x2d || isDash(code)) return 0x2d;
  if (isDot(code)) return 0xb7;
  if (code === 0x22 || code === 0x201d) return 0x201c;
  if (code === 0x27 || code === 0x2019) return 0x2018;
  return code;
}

/**
 * `foldCode` of every UTF-16 unit, 0 for units that are dropped (U+0000 is dropped too, where it
 * matters: seeding and the reference streams skip it). Seeding folds every unit of every document,
 * and a call per unit (the server's V8 does not inline them, and foldCode makes more) cost as much
 * as the rest of the seeding. 128 KB, made once.
 */
export const FOLDED_CODES: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  for (let code = 1; code < 65536; code++) table[code] = Math.max(0, foldCode(code));
  return table;
})();

/** The dash family: U+2010–2015, −, ﹘, ﹣, －, ⸺, ⸻. */
function isDash(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63 || code === 0xff0d || code === 0x2e3a || code === 0x2e3b;
}

/** The middle-dot family: ·, •, ‧, ∙, ・, ･. */
function isDot(code: number): boolean {
  return code === 0xb7 || code === 0x2022 || code === 0x2027 || code === 0x2219 || code === 0x30fb || code === 0xff65;
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
