import { BoundedMemo } from '../../memo';
import type { Span, Token } from '../../types';

/**
 * The verbs and adverbs of formulaic writing that pile up in drafts
 * (`进一步…进一步…进一步`, `加快…加快…加快`). Deliberately short: 加强, 推进,
 * 坚持 or 提高 carry a work report's measures and repeat by design.
 */
export const FORMULAIC_MODIFIERS = new Set(['进一步', '加快', '大力', '着力', '切实', '不断', '积极', '努力', '坚决', '更加', '认真', '扎实', '深入', '持续', '逐步']);

/**
 * Fillers: a clause that opens with 进一步 or 切实 again and again is padding,
 * not rhetoric (`进一步优化…，进一步深化…，进一步提升…`), so opening a clause
 * does not make them a frame.
 */
const FILLERS = new Set(['进一步', '切实']);

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
 * 着力…`, `更加积极、更加开放`) or otherwise belongs to a parallel frame (see
 * `inFrame`) is rhetoric (排比), not carelessness; only the others count, but
 * the finding lists every occurrence.
 */
export function modifierRepeats(text: string, tokens: readonly Token[], minCount: number, quoted: readonly Span[] = []): { phrase: string; spans: Span[] }[] {
  const byWord = new Map<string, { span: Span; afterNoun: boolean }[]>();
  // An index loop with the cheap test first: a closure per token for every paragraph was garbage.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!FORMULAIC_MODIFIERS.has(token.text) || insideQuotation(token, quoted)) continue;
    const before = text.slice(Math.max(0, token.start - 1), token.start);
    if (BOUND_BEFORE.test(before) || NOUN_USE_BEFORE.test(before) || NOUN_USE_AFTER.test(text.slice(token.end, token.end + 1))) continue;
    const list = byWord.get(token.text) ?? [];
    list.push({ span: { start: token.start, end: token.end }, afterNoun: i > 0 && /^(n|vn)/.test(tokens[i - 1].tag ?? '') });
    byWord.set(token.text, list);
  }
  const repeats: { phrase: string; spans: Span[] }[] = [];
  for (const [phrase, uses] of byWord) {
    const free = uses.filter((_, i) => !inFrame(text, uses, i)).map((u) => u.span);
    if (free.some((s, i) => i + minCount - 1 < free.length && free[i + minCount - 1].end - s.start <= WINDOW)) repeats.push({ phrase, spans: uses.map((u) => u.span) });
  }
  return repeats;
}

/**
 * Whether some modifier occurs `minCount` times within WINDOW characters of `text` as a substring:
 * without that, no run of its tokens does (`modifierRepeats` counts tokens in such a span, and a
 * token is an occurrence in the text), and the paragraph's tokens are not needed for modifiers.
 * Counting in the window, not in the whole paragraph, spares nearly half the paragraphs of a
 * report their token objects (a long paragraph uses 持续 or 积极 three times, far apart).
 */
export function mayRepeatModifier(text: string, minCount: number): boolean {
  // Asked for every paragraph twice (whether the rule reads its tokens, then when it checks it): remembered.
  let most = MOST_REPEATED.get(text);
  if (most === undefined) MOST_REPEATED.set(text, (most = mostRepeatedNearby(text)));
  return most >= Math.max(1, minCount);
}

const MOST_REPEATED = new BoundedMemo<number>(20_000, { maxChars: 4_000_000 });

/**
 * The most occurrences of one modifier within WINDOW characters of `text` (from the start of the
 * first to the end of the last). One pass over the text, not one search per modifier: this runs
 * for every paragraph of every document opened, to decide which ones jieba cuts. No modifier
 * overlaps itself, so occurrences of one never overlap.
 */
function mostRepeatedNearby(text: string): number {
  let most = 0;
  for (let m = 0; m < MODIFIERS.length; m++) RECENT[m].length = 0;
  FIRST_RECENT.fill(0);
  for (let i = 0; i < text.length; i++) {
    const group = FIRST_CHARACTER_GROUP[text.charCodeAt(i)];
    if (group === 0) continue;
    const candidates = GROUPS[group - 1];
    for (let c = 0; c < candidates.length; c++) {
      const m = candidates[c];
      if (!text.startsWith(MODIFIERS[m], i)) continue;
      // The occurrences of this modifier that a span ending with this one can hold.
      const recent = RECENT[m];
      recent.push(i);
      let first = FIRST_RECENT[m];
      while (i + MODIFIERS[m].length - recent[first] > WINDOW) first++;
      FIRST_RECENT[m] = first;
      most = Math.max(most, recent.length - first);
    }
  }
  return most;
}

const MODIFIERS = [...FORMULAIC_MODIFIERS];
/** Per modifier, the starts of its occurrences so far, and the first of them still within WINDOW. */
const RECENT: number[][] = MODIFIERS.map(() => []);
const FIRST_RECENT = new Int32Array(MODIFIERS.length);
/** By the code of a character, 1 + the index in GROUPS of the modifiers starting with it (0: none). */
const FIRST_CHARACTER_GROUP = new Uint8Array(65536);
const GROUPS: number[][] = [];
MODIFIERS.forEach((modifier, m) => {
  const code = modifier.charCodeAt(0);
  if (FIRST_CHARACTER_GROUP[code] === 0) FIRST_CHARACTER_GROUP[code] = GROUPS.push([]);
  GROUPS[FIRST_CHARACTER_GROUP[code] - 1].push(m);
});

/** True when `word` occurs at least `count` times in `text` without overlapping. */
export function occursApart(text: string, word: string, count: number): boolean {
  let found = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) if (++found >= count) return true;
  return false;
}

/** True when the token lies inside a quotation longer than it (a quoted modifier is not the writer's). */
function insideQuotation(token: Token, quoted: readonly Span[]): boolean {
  for (let q = 0; q < quoted.length; q++) {
    if (quoted[q].start <= token.start && token.end <= quoted[q].end && quoted[q].end - quoted[q].start > token.text.length + 2) return true;
  }
  return false;
}

/** Characters from the last clause break before `offset`. */
function clauseOffset(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !CLAUSE_BREAK.test(text[i - 1])) i--;
  return offset - i;
}

/** `一是更加注重…二是更加注重…`: the modifier opens a lead item. */
const LEAD_ITEM_BEFORE = /[一二三四五六七八九十]是$/;

/**
 * Whether occurrence `i` belongs to a parallel frame (排比): it opens a clause
 * (fillers aside) or a lead item; or it stands in an enumeration
 * (`A更加紧密、B更加完备`); or it follows a subject like another occurrence does
 * (`基础持续巩固…环境持续改善`, the style of a work review); or it stands at the
 * same place of the neighbouring clause as another occurrence; or another
 * occurrence has the same two characters before it (`我们坚决支持…我们坚决支持`).
 */
function inFrame(text: string, uses: readonly { span: Span; afterNoun: boolean }[], i: number): boolean {
  const { start } = uses[i].span;
  const filler = FILLERS.has(text.slice(start, uses[i].span.end));
  if (!filler && (start === 0 || CLAUSE_BREAK.test(text[start - 1]))) return true;
  if (LEAD_ITEM_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return true;
  if (uses[i].afterNoun && uses.some((u, j) => j !== i && u.afterNoun)) return true;
  const before = text.slice(Math.max(0, start - 2), start);
  return uses.some((u, j) => {
    if (j === i) return false;
    if (text.slice(Math.max(0, u.span.start - 2), u.span.start) === before) return true;
    // Neighbouring clauses: in an enumeration (only 、 between), or at the same place of
    // their clauses (`维护更加持久的和平，建设更加繁荣的世界`).
    const [from, to] = j < i ? [u.span.end, start] : [uses[i].span.end, u.span.start];
    const between = text.slice(from, to);
    const breaks = between.match(/[，。；：！？、]/g) ?? [];
    if (breaks.length !== 1) return false;
    const offset = clauseOffset(text, start);
    return breaks[0] === '、' || (clauseOffset(text, u.span.start) === offset && !(filler && offset === 0));
  });
}
