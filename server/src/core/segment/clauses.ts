import type { Span } from '../types';

/**
 * jieba cuts the stretches between these characters independently: cppjieba's `PreFilter`
 * (space, tab, line feed, ，and 。, each a piece of its own) and jieba-rs's blocks (runs of
 * CJK letters and ASCII word characters; all five break them). So the pieces of a stretch that
 * starts and ends at one of them (or at the paragraph's edges) are exactly the pieces the
 * whole paragraph's cut has there: `test/segmentation/clauses.test.ts` checks it on the corpus.
 */
export function isClauseSeparator(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0xff0c || code === 0x3002;
}

/** 1 at the code of each separator (the loops below read it without a call: the server's V8 does not inline). */
const SEPARATORS = new Uint8Array(65536);
for (const code of [0x20, 0x09, 0x0a, 0xff0c, 0x3002]) SEPARATORS[code] = 1;

/**
 * The stretches of `text` to cut so that the token boundaries at both ends of every span are
 * known: each span widened to the separators around it, overlapping stretches merged. `spans`
 * are sorted by start.
 */
export function clausesAround(text: string, spans: readonly Span[]): Span[] {
  const clauses: Span[] = [];
  let last: { start: number; end: number } | undefined;
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i];
    if (last && end <= last.end) continue;
    let to = end;
    while (to < text.length && SEPARATORS[text.charCodeAt(to)] === 0) to++;
    // A span starting inside the last stretch extends it (terms of one clause: most of them).
    if (last && start <= last.end) {
      last.end = to;
      continue;
    }
    let from = start;
    while (from > 0 && SEPARATORS[text.charCodeAt(from - 1)] === 0) from--;
    if (last && from <= last.end) last.end = to;
    else clauses.push((last = { start: from, end: to }));
  }
  return clauses;
}
