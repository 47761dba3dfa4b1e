import type { Span, Token } from '../types';
import type { Glossary, GlossaryForm } from './glossary';

/** A glossary form found in the text. */
export interface TermHit extends Span {
  readonly form: string;
  readonly match: GlossaryForm;
}

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

  constructor(readonly glossary: Glossary) {
    for (const form of glossary.forms.keys()) this.#insert(form);
  }

  /**
   * Hits in `text` (a paragraph). With tokens, a short form (under four
   * characters) must start and end on token boundaries, so 两区 is not found in
   * 两/区域; long forms are distinctive enough to match anywhere.
   */
  match(text: string, tokens?: readonly Token[]): TermHit[] {
    const boundaries = tokens ? tokenBoundaries(tokens) : undefined;
    const hits: TermHit[] = [];
    let i = 0;
    while (i < text.length) {
      const found = this.#longestAt(text, i, boundaries);
      if (found) {
        hits.push({ start: i, end: i + found.length, form: found, match: this.glossary.forms.get(found)! });
        i += found.length;
      } else {
        i++;
      }
    }
    return hits;
  }

  #longestAt(text: string, start: number, boundaries: Set<number> | undefined): string | undefined {
    if (boundaries && !boundaries.has(start)) {
      // Only long forms may start inside a token.
      return this.#walk(text, start, (form) => form.length >= 4);
    }
    return this.#walk(text, start, (form, end) => !boundaries || form.length >= 4 || boundaries.has(end));
  }

  #walk(text: string, start: number, accept: (form: string, end: number) => boolean): string | undefined {
    let node: TrieNode | undefined = this.#root;
    let best: string | undefined;
    for (let i = start; i < text.length && node; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (node?.form && accept(node.form, i + 1)) best = node.form;
    }
    return best;
  }

  #insert(form: string): void {
    let node = this.#root;
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

function tokenBoundaries(tokens: readonly Token[]): Set<number> {
  const boundaries = new Set<number>();
  for (const token of tokens) {
    boundaries.add(token.start);
    boundaries.add(token.end);
  }
  return boundaries;
}
