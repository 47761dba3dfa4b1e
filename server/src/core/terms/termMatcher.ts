import { OpeningFilter } from '../text/openingFilter';
import type { Span, Token } from '../types';
import type { Glossary, GlossaryForm } from './glossary';

/** A glossary form found in the text. */
export interface TermHit extends Span {
  readonly form: string;
  readonly match: GlossaryForm;
}

/** Forms this long match anywhere; shorter ones only from a token boundary to a token boundary. */
export const LONG_FORM = 4;

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  form?: string;
}

/**
 * Finds glossary forms in text: leftmost-longest, so 高质量发展 wins over 发展,
 * and forms are found inside unspaced Chinese text. Works on UTF-16 code
 * units, which is exact for any form and keeps offsets surrogate-safe.
 */
export class TermMatcher {
  readonly #root: TrieNode = { next: new Map() };
  /** Rejects the positions where no form starts without hashing (most of them). */
  readonly #opens = new OpeningFilter();
  /**
   * Forms by their first two UTF-16 units (shortest first), and one-unit forms by their unit: what
   * `occurrences` tries at a position. One lookup there and a comparison per form sharing the
   * pair, instead of a map lookup per character walking the trie (every paragraph of every
   * document opened is scanned).
   */
  readonly #byPair = new Map<number, { readonly form: string; readonly match: GlossaryForm }[]>();
  readonly #single = new Map<number, { readonly form: string; readonly match: GlossaryForm }>();

  constructor(readonly glossary: Glossary) {
    for (const [form, match] of glossary.forms) {
      this.#insert(form);
      if (form.length === 0) continue;
      if (form.length === 1) {
        this.#single.set(form.charCodeAt(0), { form, match });
        continue;
      }
      const pair = form.charCodeAt(0) * 65536 + form.charCodeAt(1);
      const list = this.#byPair.get(pair);
      if (list) list.push({ form, match });
      else this.#byPair.set(pair, [{ form, match }]);
    }
    for (const list of this.#byPair.values()) list.sort((a, b) => a.form.length - b.form.length);
  }

  /**
   * Hits in `text` (a paragraph). With the tokens' boundaries (`tokenBoundaries`), a short
   * form (under four characters) must start and end on one, so 两区 is not found in
   * 两/区域; long forms are distinctive enough to match anywhere.
   */
  match(text: string, boundaries?: Uint8Array): TermHit[] {
    const hits: TermHit[] = [];
    const root = this.#root;
    // Most characters start no form: the filter skips them.
    for (let i = this.#opens.next(text, 0); i < text.length; i = this.#opens.next(text, i)) {
      const first = root.next.get(text.charCodeAt(i));
      const found = first ? this.#longestFrom(text, i, first, boundaries) : undefined;
      if (found) {
        hits.push({ start: i, end: i + found.length, form: found, match: this.glossary.forms.get(found)! });
        i += found.length;
      } else {
        i++;
      }
    }
    return hits;
  }

  /**
   * `match(text, boundaries)` read off `occurrences(text)` (every form at every start, by start,
   * shorter first): at each start not inside the last hit, the longest acceptable form. The
   * occurrences are found anyway before the text is cut (what to cut depends on them): one scan of
   * the text instead of two.
   */
  matchAmong(occurrences: readonly TermHit[], boundaries?: Uint8Array): TermHit[] {
    const hits: TermHit[] = [];
    let free = 0;
    for (let k = 0; k < occurrences.length; ) {
      const start = occurrences[k].start;
      const fromBoundary = !boundaries || boundaries[start] === 1;
      let best: TermHit | undefined;
      for (; k < occurrences.length && occurrences[k].start === start; k++) {
        const hit = occurrences[k];
        if (start >= free && (hit.form.length >= LONG_FORM || (fromBoundary && (!boundaries || boundaries[hit.end] === 1)))) best = hit;
      }
      if (!best) continue;
      hits.push({ start, end: best.end, form: best.form, match: best.match });
      free = best.end;
    }
    return hits;
  }

  /**
   * Every occurrence of every form, overlapping ones included, token boundaries aside (by start,
   * then length): a superset of what `match` finds with any boundaries. With `shorterThan`, only
   * forms shorter than it: `match(text, boundaries)` reads the boundaries at both ends of those
   * (of forms under four characters) and nowhere else, so they are where tokens must be known.
   */
  occurrences(text: string, shorterThan = Infinity): TermHit[] {
    const hits: TermHit[] = [];
    for (let start = this.#opens.next(text, 0); start < text.length; start = this.#opens.next(text, start + 1)) {
      const code = text.charCodeAt(start);
      // One-unit forms are rare (none built in): no lookup without them.
      const single = this.#single.size > 0 ? this.#single.get(code) : undefined;
      if (single !== undefined && 1 < shorterThan) hits.push({ start, end: start + 1, form: single.form, match: single.match });
      if (start + 1 >= text.length) continue;
      const forms = this.#byPair.get(code * 65536 + text.charCodeAt(start + 1));
      if (forms === undefined) continue;
      for (let f = 0; f < forms.length; f++) {
        const { form, match } = forms[f];
        if (form.length >= shorterThan) break;
        if (text.startsWith(form, start)) hits.push({ start, end: start + form.length, form, match });
      }
    }
    return hits;
  }

  /**
   * The longest acceptable form starting at `start`, whose first character led to `node`.
   * Long forms (four characters or more) are accepted anywhere; shorter ones only from a
   * token boundary to a token boundary when there are tokens.
   */
  #longestFrom(text: string, start: number, node: TrieNode, boundaries: Uint8Array | undefined): string | undefined {
    const fromBoundary = !boundaries || boundaries[start] === 1;
    let best: string | undefined;
    let current: TrieNode | undefined = node;
    for (let i = start; current; ) {
      const form = current.form;
      if (form !== undefined && (form.length >= LONG_FORM || (fromBoundary && (!boundaries || boundaries[i + 1] === 1)))) best = form;
      if (++i >= text.length) break;
      current = current.next.get(text.charCodeAt(i));
    }
    return best;
  }

  #insert(form: string): void {
    let node = this.#root;
    this.#opens.add(form);
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.form = form;
  }
}

/** 1 at every offset where a token starts or ends (offsets 0…length). */
export function tokenBoundaries(tokens: readonly Token[], length: number): Uint8Array {
  const boundaries = new Uint8Array(length + 1);
  for (const token of tokens) {
    if (token.start <= length) boundaries[token.start] = 1;
    if (token.end <= length) boundaries[token.end] = 1;
  }
  return boundaries;
}
