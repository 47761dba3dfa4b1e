import { codeTable } from '../text/chars';
import type { Span } from '../types';
import { normalize, type Normalized } from './normalize';

/**
 * The passages of a line that quotation checks compare: sentences (ended by
 * 。！？； or the end of the line) and passages in quotation marks. Offsets
 * are relative to the line.
 */
export interface Passage extends Normalized {
  readonly kind: 'sentence' | 'quote';
  /** The compared text: without the final punctuation, surrounding spaces and unmatched quotation marks. */
  readonly start: number;
  readonly end: number;
}

/** Marks that end a sentence, by code: sentence splitting looks at every character of every paragraph. */
const TERMINAL_CODES = codeTable('。！？!?；;');
const OPENERS = '“‘「『（(《〈[【"';
const CLOSERS = '”’」』）)》〉]】"';
const QUOTE = /[“「『]/g;
const QUOTE_CLOSE: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』' };

/** Sentences of a line, trimmed; empty ones are left out. */
export function sentencesOf(line: string): Passage[] {
  return sentenceSpans(line).map((span) => passageAt(line, span, 'sentence'));
}

/** Where the sentences of `sentencesOf` lie, without their comparison form (which costs most). */
export function sentenceSpans(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && TERMINAL_CODES[line.charCodeAt(i)] !== 1) continue;
    const span = trimmedSpan(line, start, i);
    if (span) spans.push(span);
    start = i + 1;
  }
  return spans;
}

/** A span of `line` as a passage, with its comparison form. */
export function passageAt(line: string, span: Span, kind: Passage['kind']): Passage {
  return { kind, start: span.start, end: span.end, ...normalize(line, span.start, span.end) };
}

/** Passages in “…”, 「…」 or 『…』 of at least `minLength` units (nested quotes belong to the outer one). */
export function quotationsOf(line: string, minLength: number): Passage[] {
  const passages: Passage[] = [];
  QUOTE.lastIndex = 0;
  for (let match = QUOTE.exec(line); match; match = QUOTE.exec(line)) {
    const open = match[0];
    const close = QUOTE_CLOSE[open];
    let depth = 1;
    let end = match.index + 1;
    for (; end < line.length && depth > 0; end++) {
      if (line[end] === open) depth++;
      else if (line[end] === close) depth--;
    }
    if (depth > 0) break;
    const inner = end - 1;
    QUOTE.lastIndex = end;
    if (inner - match.index - 1 < minLength) continue;
    // A final 。 inside the quotation is punctuation, not wording.
    let stop = inner;
    while (stop > match.index + 1 && TERMINAL_CODES[line.charCodeAt(stop - 1)] === 1) stop--;
    const span = trimmedSpan(line, match.index + 1, stop);
    if (span) passages.push(passageAt(line, span, 'quote'));
  }
  return passages;
}

/**
 * `[from, to)` without surrounding spaces and unmatched quotation marks or brackets; undefined when
 * nothing is left. On codes (a one-character string per test made garbage for every sentence).
 */
function trimmedSpan(line: string, from: number, to: number): Span | undefined {
  let start = from;
  let end = to;
  for (;;) {
    while (start < end && isSpace(line.charCodeAt(start))) start++;
    while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
    if (start >= end) break;
    const first = line.charCodeAt(start);
    const last = line.charCodeAt(end - 1);
    // Drop a quotation mark or bracket whose partner is outside the passage: `“要…任务` of `“要…任务。”`.
    if (CLOSER_OF[first] !== 0 && !holds(line, start + 1, end, CLOSER_OF[first])) {
      start++;
      continue;
    }
    if (OPENER_OF[last] !== 0 && !holds(line, start, end - 1, OPENER_OF[last])) {
      end--;
      continue;
    }
    // A closing mark at the start belongs to the sentence before (`。”今年…`), an opening one at the end to the next.
    if (OPENER_OF[first] !== 0 && first !== OPENER_OF[first]) {
      start++;
      continue;
    }
    if (CLOSER_OF[last] !== 0 && last !== CLOSER_OF[last]) {
      end--;
      continue;
    }
    break;
  }
  if (start >= end) return undefined;
  return { start, end };
}

/** True when `line[from, to)` holds the unit `code`. */
function holds(line: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (line.charCodeAt(i) === code) return true;
  return false;
}

/** By code: the closing partner of each opening mark, and the opening partner of each closing one (0: none). */
const CLOSER_OF = new Uint16Array(65536);
const OPENER_OF = new Uint16Array(65536);
for (let k = 0; k < OPENERS.length; k++) {
  CLOSER_OF[OPENERS.charCodeAt(k)] = CLOSERS.charCodeAt(k);
  OPENER_OF[CLOSERS.charCodeAt(k)] = OPENERS.charCodeAt(k);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

/**
 * A source named, then a verb of saying: `报告指出`, `总书记强调`, `会议要求`. Written out in each
 * pattern that uses it (regular expressions are literals only: test/robustness/security.test.ts).
 */
export const LEAD_IN_ANYWHERE = /(?:报告|总书记|习近平|总理|会议|全会|讲话|文件|决定|纲要|规划|公报|他|她)[^，。；：“”]{0,8}(?:指出|强调|要求|提出|表示|明确|宣布|阐明|写道|提到|部署|说)/;
const LEAD_IN_AT_START = /^(?:报告|总书记|习近平|总理|会议|全会|讲话|文件|决定|纲要|规划|公报|他|她)[^，。；：“”]{0,8}(?:指出|强调|要求|提出|表示|明确|宣布|阐明|写道|提到|部署|说)[:：，,]/;
/** The same lead-in at the end of the text before a copied passage, with an optional `要` and an opening quotation mark. */
export const LEAD_IN_BEFORE = /(?:报告|总书记|习近平|总理|会议|全会|讲话|文件|决定|纲要|规划|公报|他|她)[^，。；：“”]{0,8}(?:指出|强调|要求|提出|表示|明确|宣布|阐明|写道|提到|部署|说)[:：，,]?(?:要|必须|我们要)?[“"]?$/;

/**
 * What follows a lead-in (`报告要求，推动传统产业…。`) up to the end of the
 * sentence: the writer presents it as the source's words, like a quotation.
 */
export function leadInPassagesOf(line: string, minLength: number, sentences: readonly Span[] = sentenceSpans(line)): Passage[] {
  const passages: Passage[] = [];
  for (const sentence of sentences) {
    const text = line.slice(sentence.start, sentence.end);
    const lead = LEAD_IN_AT_START.exec(text);
    if (!lead || /[“「『]/.test(text)) continue;
    const span = trimmedSpan(line, sentence.start + lead[0].length, sentence.end);
    const passage = span && passageAt(line, span, 'quote');
    if (passage && passage.key.length >= minLength) passages.push(passage);
  }
  return passages;
}
