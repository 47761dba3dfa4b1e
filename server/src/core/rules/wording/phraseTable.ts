import { BoundedMemo } from '../../memo';
import { OpeningFilter } from '../../text/openingFilter';
import type { Token } from '../../types';

export interface PhraseEntry {
  /** The form found in the text. */
  readonly form: string;
  /** What to write instead. */
  readonly replacement: string;
  readonly source: string;
}

export interface PhraseHit {
  readonly start: number;
  readonly end: number;
  readonly entry: PhraseEntry;
}

/**
 * A list of forms looked up by first character. A form matches only where it
 * starts and ends on token boundaries: `习贯` (for 习惯) lies inside 学习/贯彻,
 * `防犯` inside 预防/犯罪, `安祥` inside 平安/祥和, and none of them is an error there.
 */
export class PhraseTable {
  /** By the first UTF-16 unit's code: a one-character string per position of every paragraph was garbage. */
  readonly #byFirst = new Map<number, PhraseEntry[]>();
  /** Rejects the positions where no form starts without hashing. */
  readonly #opens = new OpeningFilter();

  constructor(entries: readonly PhraseEntry[]) {
    for (const entry of entries) {
      const first = entry.form.charCodeAt(0);
      this.#opens.add(entry.form);
      const list = this.#byFirst.get(first) ?? [];
      list.push(entry);
      this.#byFirst.set(first, list);
    }
    // Longest first, so that a four-character form wins over a two-character one inside it.
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  /**
   * Whether some form occurs in `text` at all, token boundaries aside (`find` finds nothing
   * otherwise). Remembered for the last texts asked about: a rule asks once to say whether it reads
   * a paragraph's tokens and again when it checks it, and each answer scans the whole paragraph.
   */
  occursIn(text: string): boolean {
    let occurs = this.#occurs.get(text);
    if (occurs === undefined) this.#occurs.set(text, (occurs = this.#scan(text)));
    return occurs;
  }

  readonly #occurs = new BoundedMemo<boolean>(20_000, { maxChars: 4_000_000 });

  #scan(text: string): boolean {
    for (let i = this.#opens.next(text, 0); i < text.length; i = this.#opens.next(text, i + 1)) {
      const candidates = this.#byFirst.get(text.charCodeAt(i))!;
      for (let c = 0; c < candidates.length; c++) if (text.startsWith(candidates[c].form, i)) return true;
    }
    return false;
  }

  find(text: string, tokens: readonly Token[]): PhraseHit[] {
    // Offsets where a token starts (bit 1) or ends (bit 2): arrays, not sets, for megabyte lines.
    // One scratch array for every call, cleared where it was marked (a paragraph each was garbage).
    const boundary = scratch(text.length + 1);
    for (let t = 0; t < tokens.length; t++) {
      boundary[tokens[t].start] |= 1;
      boundary[tokens[t].end] |= 2;
    }
    const hits: PhraseHit[] = [];
    for (let i = this.#opens.next(text, 0); i < text.length; i = this.#opens.next(text, i + 1)) {
      if ((boundary[i] & 1) === 0) continue;
      const candidates = this.#byFirst.get(text.charCodeAt(i));
      if (!candidates) continue;
      // A loop, not `find` with a closure: that closure was made at every candidate position.
      let entry: PhraseEntry | undefined;
      for (let c = 0; c < candidates.length && !entry; c++) {
        const form = candidates[c].form;
        if ((boundary[i + form.length] & 2) !== 0 && text.startsWith(form, i)) entry = candidates[c];
      }
      if (!entry) continue;
      hits.push({ start: i, end: i + entry.form.length, entry });
      i += entry.form.length - 1;
    }
    for (let t = 0; t < tokens.length; t++) {
      boundary[tokens[t].start] = 0;
      boundary[tokens[t].end] = 0;
    }
    return hits;
  }
}

let shared = new Uint8Array(4096);

/**
 * A zeroed array of at least `length` bytes, shared: callers clear what they mark before
 * returning. A megabyte line gets one of its own, so that the shared one stays small.
 */
function scratch(length: number): Uint8Array {
  if (length > 1 << 16) return new Uint8Array(length);
  if (shared.length < length) shared = new Uint8Array(1 << 16);
  return shared;
}
