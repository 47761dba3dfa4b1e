import type { TermHit } from '../terms/termMatcher';
import type { Span, Token } from '../types';
import { isHanWord } from '../text/chars';

/**
 * Function words that neither start nor end a phrase worth counting, so that
 * fragments such as `是更加注重` or `的高质量发展` never become phrases.
 */
const FUNCTION_WORDS = new Set([
  '的', '地', '得', '之', '和', '与', '及', '以及', '或', '或者', '是', '在', '了', '着', '过', '为', '对', '把', '被', '将',
  '从', '向', '于', '以', '等', '要', '也', '都', '而', '并', '且', '更', '更加', '很', '让', '使', '其', '这', '那', '各', '每',
]);

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
 * was the bulk of the slogan rule's time), except where they spell a glossary
 * term of the paragraph, whose hits are added to its token occurrences.
 */
export function phraseOccurrences(text: string, tokens: readonly Token[], terms: readonly TermHit[], minLength: number, maxTokens: number, minCount = 1): Map<string, Span[]> {
  const occurrences = new Map<string, Span[]>();
  const add = (phrase: string, span: Span) => {
    const list = occurrences.get(phrase);
    if (!list) occurrences.set(phrase, [span]);
    else if (list[list.length - 1].end <= span.start) list.push(span);
  };
  const words = tokens.map(isWord);
  const frequent = frequentTokens(tokens, words, minCount);
  const ends = (j: number, phrase: string) => phrase.length >= minLength && !FUNCTION_WORDS.has(tokens[j].text) && (tokens[j].tag === undefined || NOUN_LIKE.test(tokens[j].tag!));
  for (let i = 0; i < tokens.length; i++) {
    if (!words[i] || FUNCTION_WORDS.has(tokens[i].text)) continue;
    let phrase = '';
    for (let j = i; j < tokens.length && j < i + maxTokens && words[j] && frequent[j]; j++) {
      phrase += tokens[j].text;
      if (ends(j, phrase)) add(phrase, { start: tokens[i].start, end: tokens[j].end });
    }
  }
  // Glossary terms count as phrases even where the segmenter split them differently.
  const forms = new Set(terms.filter((hit) => hit.end - hit.start >= minLength).map((hit) => hit.form));
  for (const form of forms) {
    // All the term's token-aligned occurrences, those with a rare token too, then its hits.
    occurrences.delete(form);
    for (const span of alignedOccurrences(text, form, tokens, words, maxTokens, ends)) add(form, span);
  }
  for (const hit of terms) {
    if (hit.end - hit.start >= minLength && !occurrences.get(hit.form)?.some((s) => s.start === hit.start)) add(hit.form, hit);
  }
  for (const list of occurrences.values()) list.sort((a, b) => a.start - b.start);
  return occurrences;
}

/** Per token: true when its text occurs at least `minCount` times among the paragraph's words. */
function frequentTokens(tokens: readonly Token[], words: readonly boolean[], minCount: number): boolean[] {
  if (minCount <= 1) return tokens.map(() => true);
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) if (words[i]) counts.set(tokens[i].text, (counts.get(tokens[i].text) ?? 0) + 1);
  return tokens.map((t, i) => words[i] && counts.get(t.text)! >= minCount);
}

/** Where `form` is spelled by a run of word tokens that the phrase collection above accepts, in text order. */
function alignedOccurrences(text: string, form: string, tokens: readonly Token[], words: readonly boolean[], maxTokens: number, ends: (j: number, phrase: string) => boolean): Span[] {
  const spans: Span[] = [];
  let i = 0;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    // The token starting at `at`, if one does (tokens cover the text in order).
    while (i < tokens.length && tokens[i].start < at) i++;
    if (i >= tokens.length) break;
    if (tokens[i].start !== at || !words[i] || FUNCTION_WORDS.has(tokens[i].text)) continue;
    const end = at + form.length;
    for (let j = i; j < tokens.length && j < i + maxTokens && words[j] && tokens[j].end <= end; j++) {
      if (tokens[j].end === end && ends(j, form)) spans.push({ start: at, end });
    }
  }
  return spans;
}

function isWord(token: Token): boolean {
  return isHanWord(token.text);
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
