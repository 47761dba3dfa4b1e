/** Character classes used by several rules. */

/** CJK ideographs, including Extension A and B–F (astral, hence the `u` flag). */
export const HAN = /\p{Script=Han}/u;

/** Full-width CJK punctuation that Chinese prose uses. */
export const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2014\u2026\u201c\u201d\u2018\u2019《》]/;

/**
 * A character class answered per UTF-16 unit from a table filled from its expression as units are
 * first met: rules ask for every space, mark and token of a document, and a Unicode property
 * expression per call showed in profiles (the server's V8 does not inline). Strings of more than
 * one unit go to the expression.
 */
class UnitClass {
  /** By code unit: 0 not met yet, 1 in the class, 2 not. */
  readonly #known = new Uint8Array(65536);

  constructor(private readonly expression: RegExp) {}

  /** What the expression says of the unit alone. */
  hasUnit(code: number): boolean {
    let known = this.#known[code];
    if (known === 0) this.#known[code] = known = this.expression.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }

  /** `expression.test(char)`, false for no character. */
  test(char: string | undefined): boolean {
    if (char === undefined) return false;
    return char.length === 1 ? this.hasUnit(char.charCodeAt(0)) : this.expression.test(char);
  }
}

const HAN_UNITS = new UnitClass(HAN);
const CJK_PUNCTUATION_UNITS = new UnitClass(CJK_PUNCTUATION);

/** Whether `char` (or, if longer, any character of it) is Han. */
export function isHan(char: string | undefined): boolean {
  return HAN_UNITS.test(char);
}

/** `/^\p{Script=Han}+$/u.test(text)`: a word of Han characters only (asked for every token a rule reads); a text with surrogates goes to the expression. */
export function isHanWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return HAN_WORD.test(text);
    if (!HAN_UNITS.hasUnit(code)) return false;
  }
  return true;
}

const HAN_WORD = /^\p{Script=Han}+$/u;

/** Whether `char` (or, if longer, any character of it) is CJK punctuation. */
export function isCjkPunctuation(char: string | undefined): boolean {
  return CJK_PUNCTUATION_UNITS.test(char);
}

/** The code point that starts at `offset`, or ends at `offset` when `before`. */
export function charAt(text: string, offset: number, before = false): string | undefined {
  if (before) {
    if (offset <= 0) return undefined;
    const low = text.charCodeAt(offset - 1);
    if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
      const high = text.charCodeAt(offset - 2);
      if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
    }
    return text[offset - 1];
  }
  if (offset >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(offset)!);
}

/** True for the code units `\s` matches in a regular expression, without making a string of one. */
export function isWhiteSpaceCode(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The UTF-16 codes of `chars` (each one unit), for tests on `text.charCodeAt(i)` in loops over whole documents. */
/**
 * The same as a table indexed by UTF-16 code (1 for each of `chars`): for loops over every unit of
 * a document, where a `Set.has` call per unit showed in profiles (the server does not inline calls).
 */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

export function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}
