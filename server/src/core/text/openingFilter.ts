/**
 * Which UTF-16 units, and which pairs of them, some word of a list opens with: lookups of
 * thousands of words (the glossary, the wording tables) try a position only if its first two
 * units open a word. Most characters of policy prose open some word (高, 新, 发 …) but few
 * pairs do, and a rejected position costs two array reads instead of a hash lookup.
 */
export class OpeningFilter {
  /** 1: some word is this one unit; 2: some longer word starts with it. */
  readonly #first = new Uint8Array(65536);
  /** 1 for each hashed pair of units some word starts with (collisions only let more positions through). */
  readonly #pairs = new Uint8Array(65536);

  add(word: string): void {
    if (word.length === 0) return;
    const first = word.charCodeAt(0);
    if (word.length === 1) {
      this.#first[first] |= 1;
      return;
    }
    this.#first[first] |= 2;
    this.#pairs[pairSlot(first, word.charCodeAt(1))] = 1;
  }

  /**
   * The first position from `from` on where a word of the list may start, or `text.length`. One
   * call per candidate, not per character: the server's V8 does not inline calls (adapters/v8Tuning.ts).
   */
  next(text: string, from: number): number {
    const firsts = this.#first;
    const pairs = this.#pairs;
    const last = text.length - 1;
    for (let i = from; i <= last; i++) {
      const code = text.charCodeAt(i);
      const first = firsts[code];
      if (first === 0) continue;
      if ((first & 1) !== 0 || (i < last && pairs[((code << 7) ^ text.charCodeAt(i + 1) ^ (code >>> 9)) & 0xffff] === 1)) return i;
    }
    return text.length;
  }
}

/** The slot of a pair of units (written out in `next`, its hot loop). */
function pairSlot(a: number, b: number): number {
  return ((a << 7) ^ b ^ (a >>> 9)) & 0xffff;
}
