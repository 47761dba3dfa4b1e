import type { Span, Token } from '../../types';

/**
 * The verbs and adverbs of formulaic writing that pile up in drafts
 * (`进一步…进一步…进一步`, `加快…加快…加快`). Deliberately short: 加强, 推进,
 * 坚持 or 提高 carry a work report's measures and repeat by design.
 */
export const FORMULAIC_MODIFIERS = new Set(['进一步', '加快', '大力', '着力', '切实', '不断', '积极', '努力', '坚决', '更加', '认真', '扎实', '深入', '持续', '逐步']);

const CLAUSE_BREAK = /[，。；：！？、,;:!?“”（）()\s—]/;
/** A modifier inside a longer word the segmenter split: 可/持续, 不/断. */
const BOUND_BEFORE = /[可不]$/;
/** A noun or adjective use (`作出很大的努力`, `积极的作用`) is no formulaic modifier. */
const NOUN_USE_BEFORE = /[的大]$/;
const NOUN_USE_AFTER = /^[的。，；！？、]/;
/** "In a short span": the counted occurrences lie within this many characters. */
const WINDOW = 150;

/**
 * Modifiers used at least `minCount` times within a short span of a paragraph
 * outside parallel frames. An occurrence that opens a clause (`，着力扩大内需，
 * 着力…`, `更加积极、更加开放`) or follows a subject in the clause next to
 * another one (`基础持续巩固，动力持续增强，保障持续改善`) belongs to a frame, which is
 * rhetoric (排比), not carelessness; only the others count, but the finding
 * lists every occurrence.
 */
export function modifierRepeats(text: string, tokens: readonly Token[], minCount: number): { phrase: string; spans: Span[] }[] {
  const byWord = new Map<string, { span: Span; afterNoun: boolean }[]>();
  tokens.forEach((token, i) => {
    if (!FORMULAIC_MODIFIERS.has(token.text)) return;
    const before = text.slice(Math.max(0, token.start - 1), token.start);
    if (BOUND_BEFORE.test(before) || NOUN_USE_BEFORE.test(before) || NOUN_USE_AFTER.test(text.slice(token.end, token.end + 1))) return;
    const list = byWord.get(token.text) ?? [];
    list.push({ span: { start: token.start, end: token.end }, afterNoun: i > 0 && /^(n|vn)/.test(tokens[i - 1].tag ?? '') });
    byWord.set(token.text, list);
  });
  const repeats: { phrase: string; spans: Span[] }[] = [];
  for (const [phrase, uses] of byWord) {
    const clauses = uses.map((u) => clauseIndex(text, u.span.start));
    // `经济持续好转，动力持续增强`: subject + modifier in neighbouring clauses is a frame too.
    const framed = (i: number) =>
      uses[i].span.start === 0 ||
      CLAUSE_BREAK.test(text[uses[i].span.start - 1]) ||
      (uses[i].afterNoun && uses.some((u, j) => j !== i && u.afterNoun && Math.abs(clauses[j] - clauses[i]) === 1));
    const free = uses.filter((_, i) => !framed(i)).map((u) => u.span);
    if (free.some((s, i) => i + minCount - 1 < free.length && free[i + minCount - 1].end - s.start <= WINDOW)) repeats.push({ phrase, spans: uses.map((u) => u.span) });
  }
  return repeats;
}

/** How many clause breaks precede `offset`: occurrences in neighbouring clauses differ by one. */
function clauseIndex(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (CLAUSE_BREAK.test(text[i])) n++;
  return n;
}
