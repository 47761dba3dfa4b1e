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

  constructor(readonly glossary: Glossary) {
    for (const form of glossary.forms.keys()) this.#insert(form);
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
    const root = this.#root;
    for (let start = this.#opens.next(text, 0); start < text.length; start = this.#opens.next(text, start + 1)) {
      let node = root.next.get(text.charCodeAt(start));
      for (let i = start; node; ) {
        const form = node.form;
        if (form !== undefined && form.length < shorterThan) hits.push({ start, end: i + 1, form, match: this.glossary.forms.get(form)! });
        if (++i >= text.length || i - start + 1 >= shorterThan) break;
        node = node.next.get(text.charCodeAt(i));
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
