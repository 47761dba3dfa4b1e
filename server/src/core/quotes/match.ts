import type { Span } from '../types';
import { boundedDistance, closestSubstring, diffHunks, groupHunks, isPermutation, type Hunk } from './align';
import { normalize, sourceSpan } from './normalize';
import type { ReferenceIndex, ReferenceSentence } from './referenceIndex';
import { LEAD_IN_ANYWHERE, leadInPassagesOf, passageAt, quotationsOf, sentenceSpans, sentencesOf, type Passage } from './units';

export interface QuoteCheckOptions {
  /** Shortest passage compared, in comparison-key units (≈ characters). */
  readonly minLength: number;
  /** Largest share of the passage, in percent, that may differ for it to count as a (mis)quotation. */
  readonly maxDifference: number;
  /** Also report sentences (not quotations) that differ from the reference only in figures. */
  readonly checkNumbers?: boolean;
  /** Compare quotations only (bare sentences are collated by local alignment, see collate.ts). */
  readonly quotationsOnly?: boolean;
}

/** One place where a passage departs from the reference sentence it nearly matches. Spans are relative to the line. */
export interface QuoteMismatch {
  readonly kind: 'sentence' | 'quote';
  /** The same characters in another order. */
  readonly reordered: boolean;
  /** Where to point: the changed text, or its neighbours when text is missing. */
  readonly span: Span;
  /** The smallest replacement that restores the reference wording here. */
  readonly fix: { readonly span: Span; readonly newText: string };
  /** The reference wording around the difference, and the document's. */
  readonly expected: string;
  readonly actual: string;
  readonly reference: ReferenceSentence;
  /** The whole passage compared (for tests and reports). */
  readonly passage: Span;
}

/** Characters a context never extends across: a difference is shown within its clause. */
const CLAUSE_BREAK = /[，,、；;：:。！？!?“”‘’（）()《》\-—]/;
const CONTEXT = 6;
/** Alignments are computed against at most this many candidates per passage. */
const MAX_CANDIDATES = 12;


/** Edits a passage (or reference sentence) of `length` units may differ by. */
export function allowedEdits(length: number, options: QuoteCheckOptions): number {
  return Math.max(1, Math.round((length * options.maxDifference) / 100));
}

/**
 * Sentences and quotations of `line` that nearly — but not exactly — match a
 * reference sentence. An identical sentence (in comparison form) is never
 * reported, whatever else it resembles.
 */
export function findQuoteMismatches(index: ReferenceIndex, line: string, options: QuoteCheckOptions): QuoteMismatch[] {
  const found: QuoteMismatch[] = [];
  const settled: Span[] = [];
  if (options.quotationsOnly) {
    // Quotation marks or a lead-in are what this pass compares: most paragraphs have neither.
    const leadIn = LEAD_IN_ANYWHERE.test(line);
    if (!leadIn && !/[“「『]/.test(line)) return found;
    const quotations = quotationsOf(line, options.minLength).filter((q) => q.key.length >= options.minLength);
    // Most quotation marks hold a term (“三农”), too short to compare: no sentences needed then.
    if (quotations.length === 0 && !leadIn) return found;
    const sentences = sentenceSpans(line);
    // A lead-in opens a sentence, so it is found in the line too (LEAD_IN_AT_START is LEAD_IN_ANYWHERE anchored).
    const quotes = leadIn ? [...quotations, ...leadInPassagesOf(line, options.minLength, sentences).filter((q) => q.key.length >= options.minLength)] : quotations;
    if (quotes.length === 0) return found;
    // An identical sentence is never reported, whatever quotation it holds: only sentences holding one are compared.
    for (const span of sentences) {
      if (!quotes.some((q) => span.start <= q.start && q.end <= span.end)) continue;
      const sentence = passageAt(line, span, 'sentence');
      if (sentence.key.length >= options.minLength && index.hasSentence(sentence.key)) settled.push(sentence);
    }
    return quotationMismatches(index, line, quotes, settled, options);
  }
  for (const sentence of sentencesOf(line)) {
    if (sentence.key.length < options.minLength) continue;
    if (index.hasSentence(sentence.key)) {
      settled.push(sentence);
      continue;
    }
    const match = closestSentence(index, sentence.key, options);
    if (!match) continue;
    settled.push(sentence);
    found.push(...mismatches(line, sentence, match.sentence, 0, match.sentence.key, 'sentence', options.checkNumbers === true));
  }
  const quotes = [...quotationsOf(line, options.minLength), ...leadInPassagesOf(line, options.minLength)].filter((q) => q.key.length >= options.minLength);
  return [...found, ...quotationMismatches(index, line, quotes, settled, options)];
}

/** Quotations that nearly match a stretch of a reference sentence, except those inside a settled sentence. */
function quotationMismatches(index: ReferenceIndex, line: string, quotes: readonly Passage[], settled: readonly Span[], options: QuoteCheckOptions): QuoteMismatch[] {
  const found: QuoteMismatch[] = [];
  for (const quote of quotes) {
    if (settled.some((s) => s.start <= quote.start && quote.end <= s.end)) continue;
    const match = closestQuotation(index, quote.key, options);
    if (!match) continue;
    found.push(...mismatches(line, quote, match.sentence, match.start, match.sentence.key.slice(match.start, match.end), 'quote', true));
  }
  return found;
}

/** The reference sentence closest to a whole sentence, if it is close enough. */
function closestSentence(index: ReferenceIndex, key: string, options: QuoteCheckOptions): { sentence: ReferenceSentence } | undefined {
  const n = key.length;
  // The most edits any candidate of acceptable length allows.
  const most = allowedEdits(Math.ceil(n / (1 - Math.min(options.maxDifference, 90) / 100)), options);
  const candidates = index.candidates(key, n - 2 - 3 * most, (s) => Math.abs(s.key.length - n) <= allowedEdits(s.key.length, options));
  let best: { sentence: ReferenceSentence; distance: number } | undefined;
  for (const sentence of candidates.slice(0, MAX_CANDIDATES)) {
    const allowed = allowedEdits(sentence.key.length, options);
    let distance = boundedDistance(key, sentence.key, allowed);
    if (distance > allowed && isReordering(key, sentence.key)) distance = allowed;
    if (distance <= allowed && (!best || distance < best.distance)) best = { sentence, distance };
  }
  return best;
}

/** The reference sentence with a substring closest to a quotation, if it is close enough (and not exact). */
function closestQuotation(index: ReferenceIndex, key: string, options: QuoteCheckOptions): { sentence: ReferenceSentence; start: number; end: number } | undefined {
  const n = key.length;
  // Quotation marks claim the words are the reference's: a quotation may be twice as far off as a bare sentence.
  const allowed = Math.max(2, allowedEdits(n, { ...options, maxDifference: 2 * options.maxDifference }));
  const candidates = index.candidates(key, n - 2 - 3 * allowed, (s) => s.key.length >= n - allowed);
  if (candidates.some((s) => s.key.includes(key))) return undefined;
  let best: { sentence: ReferenceSentence; start: number; end: number; distance: number } | undefined;
  for (const sentence of candidates.slice(0, MAX_CANDIDATES)) {
    const closest = closestSubstring(key, sentence.key);
    let distance = closest.distance;
    if (distance > allowed && isReordering(key, sentence.key.slice(closest.start, closest.end))) distance = allowed;
    if (distance <= allowed && (!best || distance < best.distance)) best = { sentence, ...closest, distance };
  }
  return best;
}

/** True when, between their common beginning and end, the two keys hold the same characters in another order. */
function isReordering(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let prefix = 0;
  while (prefix < a.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return isPermutation(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
}

/** One mismatch per group of differences between a passage and (part of) a reference sentence. */
function mismatches(
  line: string,
  passage: Passage,
  reference: ReferenceSentence,
  refOffset: number,
  refKey: string,
  kind: QuoteMismatch['kind'],
  checkNumbers: boolean,
): QuoteMismatch[] {
  const refNormalized = normalize(reference.lineText, reference.start, reference.end);
  const raw = diffHunks(passage.key, refKey);
  const hunks = groupHunks(raw, passage.key, refKey);
  if (kind === 'quote' && (differsAtBothEdges(hunks, passage.key.length) || hunks.some((hunk) => localizes(hunk, passage.key, refKey)))) return [];
  const reported = hunks.filter((hunk) => {
    if (isEdge(hunk, passage.key.length, refKey.length)) return false;
    if (kind === 'quote') return true;
    // A group is an adaptation when each of its differences is one.
    const members = raw.filter((r) => r.aStart >= hunk.aStart && r.aEnd <= hunk.aEnd && r.bStart >= hunk.bStart && r.bEnd <= hunk.bEnd);
    return !members.every((member) => isAdaptation(member, passage.key, refKey, checkNumbers));
  });
  return reported.map((hunk) => {
    const i = hunks.indexOf(hunk);
    const docSpan = sourceSpan(passage, hunk.aStart, hunk.aEnd, passage.end);
    const refSpan = sourceSpan(refNormalized, refOffset + hunk.bStart, refOffset + hunk.bEnd, reference.end);
    const [left, right] = contextWidths(passage.key, hunk, hunks[i - 1], hunks[i + 1]);
    const shown = sourceSpan(passage, hunk.aStart - left, hunk.aEnd + right, passage.end);
    const expectedSpan = sourceSpan(refNormalized, refOffset + hunk.bStart - left, refOffset + hunk.bEnd + right, reference.end);
    return {
      kind,
      reordered: hunk.aEnd - hunk.aStart > 1 && isPermutation(passage.key.slice(hunk.aStart, hunk.aEnd), refKey.slice(hunk.bStart, hunk.bEnd)),
      span: docSpan.end > docSpan.start ? docSpan : shown,
      fix: { span: docSpan, newText: reference.lineText.slice(refSpan.start, refSpan.end) },
      expected: reference.lineText.slice(expectedSpan.start, expectedSpan.end),
      actual: line.slice(shown.start, shown.end),
      reference,
      passage: { start: passage.start, end: passage.end },
    };
  });
}

/**
 * A quotation whose first and last words both differ from the closest stretch of a reference
 * sentence quotes another text that shares a formula with it: the Constitution's amendments
 * quote its preamble, “在马克思列宁主义、毛泽东思想、邓小平理论指引下”, an enumeration the
 * report to the 20th Party Congress writes within its own sentence (…邓小平理论、“三个代表”…).
 */
function differsAtBothEdges(hunks: readonly Hunk[], length: number): boolean {
  return hunks.some((hunk) => hunk.aStart === 0) && hunks.some((hunk) => hunk.aEnd === length);
}

/**
 * A difference that puts a province, city or county where the reference has none: the quotation
 * is the writer's own target modelled on the reference, not a quotation of it (Sichuan 2026:
 * “建设现代化经济强省取得重要进展”等主要目标, after the 20th Congress' 建设现代化经济体系取得重大进展).
 */
function localizes(hunk: Hunk, a: string, b: string): boolean {
  return LOCAL_WORD.test(a.slice(hunk.aStart, hunk.aEnd)) && !LOCAL_WORD.test(b.slice(hunk.bStart, hunk.bEnd));
}

/** 全省, 我市, 本县, 强省, 各区 …, or 省 (not 省略, 节省): words that make a national text local; 市场, 地区 are not. */
const LOCAL_WORD = /[全我本强各该][省市县区州旗盟]|(?<![节反])省(?![略钱])/;

/**
 * Differences at the edges of a passage are where quoting and adapting
 * legitimately differ: a lead word changed, added or dropped at the start
 * (要 / 我们要 / 必须 / 深入), or a passage that stops before the reference
 * sentence does. Neither is reported; a changed or extra ending is.
 */
function isEdge(hunk: Hunk, length: number, refLength: number): boolean {
  if (hunk.aStart === 0 && hunk.bStart === 0) return true;
  return hunk.aStart === length && hunk.aEnd === length && hunk.bEnd === refLength;
}

const FIGURE = /^[0-9.,%‰万亿千百十零〇一二两三四五六七八九-]*$/;
const PUNCTUATION = /^[\p{P}\p{S}]*$/u;
const LOCAL = /[省市区县州旗盟]/;

/**
 * A difference in a bare sentence (not in quotation marks) that is how local
 * documents adapt national wording rather than misquote it: figures only
 * (`1200` → `70`, a local target in a national template), punctuation only
 * (`蓝天、碧水、净土` → `蓝天碧水净土`), or the country made local (`国内` →
 * `全省`). Quotations claim to be the reference's words and get none of this.
 */
function isAdaptation(hunk: Hunk, a: string, b: string, checkNumbers: boolean): boolean {
  const ours = a.slice(hunk.aStart, hunk.aEnd);
  const theirs = b.slice(hunk.bStart, hunk.bEnd);
  const changed = ours + theirs;
  if (!checkNumbers && /[0-9]/.test(changed) && FIGURE.test(changed)) return true;
  if (PUNCTUATION.test(changed)) return true;
  return theirs.includes('国') && LOCAL.test(ours);
}

/**
 * How many equal characters to show before and after a difference: up to
 * six, within the clause, not into a neighbouring difference — and at least
 * one when one side of the difference is empty, so neither side reads "".
 */
function contextWidths(key: string, hunk: Hunk, previous: Hunk | undefined, next: Hunk | undefined): [number, number] {
  const leftLimit = previous ? previous.aEnd : 0;
  const rightLimit = next ? next.aStart : key.length;
  let left = 0;
  while (left < CONTEXT && hunk.aStart - left - 1 >= leftLimit && !CLAUSE_BREAK.test(key[hunk.aStart - left - 1])) left++;
  let right = 0;
  while (right < CONTEXT && hunk.aEnd + right < rightLimit && !CLAUSE_BREAK.test(key[hunk.aEnd + right])) right++;
  const empty = hunk.aStart === hunk.aEnd || hunk.bStart === hunk.bEnd;
  if (empty && left === 0 && right === 0) {
    if (hunk.aStart > leftLimit) left = 1;
    else if (hunk.aEnd < rightLimit) right = 1;
  }
  return [left, right];
}

