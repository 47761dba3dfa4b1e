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
    if (from > last) return text.length;
    // The pair is tested first: it rejects nearly every position with one well-predicted branch,
    // where testing the first unit first branched both ways at most characters of policy prose
    // (≈ 6 → 4.5 ns a character). Each unit is read once.
    let code = text.charCodeAt(from);
    for (let i = from; i < last; i++) {
      const after = text.charCodeAt(i + 1);
      if (pairs[((code << 7) ^ after ^ (code >>> 9)) & 0xffff] === 1) {
        // A collision of pairs lets through only a unit that opens some word.
        if (firsts[code] !== 0) return i;
      } else if ((firsts[code] & 1) !== 0) return i;
      code = after;
    }
    // At the last unit only a one-unit word can open.
    return (firsts[code] & 1) !== 0 ? last : text.length;
  }
}

/** The slot of a pair of units (written out in `next`, its hot loop). */
function pairSlot(a: number, b: number): number {
  return ((a << 7) ^ b ^ (a >>> 9)) & 0xffff;
}
