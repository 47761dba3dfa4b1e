import type { TermHit } from '../terms/termMatcher';
import type { Span, Token } from '../types';

/**
 * Function words that neither start nor end a phrase worth counting, so that
 * fragments such as `是更加注重` or `的高质量发展` never become phrases.
 */
const FUNCTION_WORDS = new Set([
  '的', '地', '得', '之', '和', '与', '及', '以及', '或', '或者', '是', '在', '了', '着', '过', '为', '对', '把', '被', '将',
  '从', '向', '于', '以', '等', '要', '也', '都', '而', '并', '且', '更', '更加', '很', '让', '使', '其', '这', '那', '各', '每',
]);

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * Parts of speech a phrase may end on: nouns and noun-like idioms (jieba's
 * tags). `产业紧扣` or `标准提高到` end on a verb: fragments of a parallel
 * sentence pattern, not a 提法.
 */
const NOUN_LIKE = /^(n|vn|an|l|i|j|eng)/;

/**
 * Occurrences of each token-aligned phrase of at least `minLength` characters
 * in a paragraph, for phrases that may occur `minCount` times. A phrase ends on
 * a noun-like token when tags are known.
 *
 * A phrase occurs no more often than its rarest token, so phrases holding a
 * token seen fewer than `minCount` times are not collected (most of them: this
 * was the bulk of the slogan rule's time), unless a glossary term of the
 * paragraph has that wording: its hits are added to the token occurrences.
 */
export function phraseOccurrences(tokens: readonly Token[], terms: readonly TermHit[], minLength: number, maxTokens: number, minCount = 1): Map<string, Span[]> {
  const occurrences = new Map<string, Span[]>();
  const add = (phrase: string, span: Span) => {
    const list = occurrences.get(phrase);
    if (!list) occurrences.set(phrase, [span]);
    else if (list[list.length - 1].end <= span.start) list.push(span);
  };
  const words = tokens.map(isWord);
  const counts = new Map<string, number>();
  if (minCount > 1) for (let i = 0; i < tokens.length; i++) if (words[i]) counts.set(tokens[i].text, (counts.get(tokens[i].text) ?? 0) + 1);
  const frequent = (i: number) => minCount <= 1 || counts.get(tokens[i].text)! >= minCount;
  const termForms = new Set<string>();
  const termLengths = new Set<number>();
  for (const hit of terms) {
    termForms.add(hit.form);
    termLengths.add(hit.form.length);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!words[i] || FUNCTION_WORDS.has(tokens[i].text)) continue;
    let phrase = '';
    let rare = false;
    for (let j = i; j < tokens.length && j < i + maxTokens && words[j]; j++) {
      phrase += tokens[j].text;
      rare ||= !frequent(j);
      // A rare phrase is kept only for the glossary term it may spell.
      if (rare && !(termLengths.has(phrase.length) && termForms.has(phrase))) continue;
      const tag = tokens[j].tag;
      if (phrase.length >= minLength && !FUNCTION_WORDS.has(tokens[j].text) && (tag === undefined || NOUN_LIKE.test(tag))) {
        add(phrase, { start: tokens[i].start, end: tokens[j].end });
      }
    }
  }
  // Glossary terms count as phrases even where the segmenter split them differently.
  for (const hit of terms) {
    if (hit.end - hit.start >= minLength && !occurrences.get(hit.form)?.some((s) => s.start === hit.start)) add(hit.form, hit);
  }
  for (const list of occurrences.values()) list.sort((a, b) => a.start - b.start);
  return occurrences;
}

function isWord(token: Token): boolean {
  return HAN_ONLY.test(token.text);
}

const CLAUSE_BREAK = /[，。；：！？、,;:!?“”（）()\s]/;

/**
 * True when every occurrence opens a clause (`必须始终坚持…` ×5) or every one
 * closes a clause: a deliberate parallel frame (排比), not careless repetition.
 */
export function isParallelFrame(text: string, spans: readonly Span[]): boolean {
  const opens = spans.every((s) => s.start === 0 || CLAUSE_BREAK.test(text[s.start - 1]));
  const closes = spans.every((s) => s.end === text.length || CLAUSE_BREAK.test(text[s.end]));
  return opens || closes;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
