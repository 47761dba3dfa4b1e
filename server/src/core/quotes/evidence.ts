import { codeTable } from '../text/chars';
import type { Chain } from './chains';
import type { CollationIndex } from './collationIndex';
import { kgramHash, SEED, TOO_COMMON } from './collationIndex';
import type { Gap } from './collate';
import type { ReuseShare } from './reuse';
import type { DocumentStream } from './stream';
/** A source named, then a verb of saying, right before the copied text: `报告指出，`, `总书记强调：“`. */
import { LEAD_IN_ANYWHERE, LEAD_IN_BEFORE as LEAD_IN } from './units';

/**
 * Why a gap counts as a misquotation and not as independent writing that
 * happens to share formulas with a reference:
 * - `quotation`: it lies inside `“…”`;
 * - `lead-in`: its sentence introduces the reference (`报告指出，…`);
 * - `reuse`: the document is mostly text of that reference (a summary, a copy);
 * - `sentence`: a whole reference sentence copied but for one word;
 * - `anchors`: long exact matches on both sides that no other reference shares.
 */
export type Evidence = 'quotation' | 'lead-in' | 'reuse' | 'sentence' | 'anchors';

export interface EvidenceOptions {
  /** Exact match needed on each side of a gap when anchors are the only evidence. */
  readonly minAnchor: number;
  /** Share of a document (percent) that must be one reference's text for `reuse`. */
  readonly minReuse: number;
  /** Report changed figures on anchor evidence alone (local documents fill national templates with their own). */
  readonly checkNumbers: boolean;
  /** Grant `reuse` to every long enough chain and let the caller check the share of the whole document. */
  readonly deferReuse?: boolean;
}

/** Chains shorter than this say nothing about copying: formulas are that long. */
export const MIN_EVIDENT_CHAIN = 20;
/** Quotation marks need less: the writer claims the words. */
const MIN_QUOTED_ANCHOR = 8;
/**
 * A share of a handful of lines says nothing about the document: a title block, or a
 * resolution restating the report's formula sentence with its own additions.
 */
const MIN_REUSING_DOCUMENT = 1000;
/** The longest difference reported on anchor evidence alone. */
const MAX_WORD = 4;
/** Sentence ends, by code: the evidence walks sentences unit by unit for every gap. */
const TERMINAL_CODES = codeTable('。！？；!?;');

export function evidenceFor(index: CollationIndex, stream: DocumentStream, chain: Chain, gap: Gap, reuse: readonly ReuseShare[], options: EvidenceOptions): Evidence | undefined {
  // The end of a sentence is a boundary of its own: a changed last word has only its left anchor.
  const flanks = gap.tail ? gap.left.length : Math.min(gap.left.length, gap.right.length);
  if (flanks >= MIN_QUOTED_ANCHOR && insideQuotation(index, stream, chain, gap)) return 'quotation';
  // Wording that another reference has exactly is a correct quotation of that one.
  if (quotesAnother(index, stream, gap)) return undefined;
  if (chain.anchored >= MIN_EVIDENT_CHAIN && flanks >= MIN_QUOTED_ANCHOR && leadIn(stream, chain, gap)) return 'lead-in';
  const strict = strictEvidence(index, stream, gap, options);
  if (strict) return strict;
  // Reuse is judged on the whole document: a chunk of a long one defers it to the caller (see `deferReuse`).
  if (chain.anchored < MIN_EVIDENT_CHAIN) return undefined;
  if (options.deferReuse) return 'reuse';
  const share = reuse.find((r) => r.source === chain.source);
  return share && isReusing(share.share, stream.key.length, options) ? 'reuse' : undefined;
}

/** True when a document of `units` units of which `share` is one reference's text counts as a copy of it. */
export function isReusing(share: number, units: number, options: EvidenceOptions): boolean {
  return share * 100 >= options.minReuse && units >= MIN_REUSING_DOCUMENT;
}

/** Evidence from the text around the gap alone: a whole sentence, or long anchors on both sides. */
function strictEvidence(index: CollationIndex, stream: DocumentStream, gap: Gap, options: EvidenceOptions): Evidence | undefined {
  if (gap.kind === 'truncation') return undefined;
  if (!options.checkNumbers && numeric(index, stream, gap)) return undefined;
  // On anchors alone only a changed word: reports of different years rewrite whole clauses of the same formula.
  if (Math.max(gap.docTo - gap.docFrom, gap.refTo - gap.refFrom) > MAX_WORD) return undefined;
  if (wholeSentence(index, stream, gap, options.minAnchor)) return sharedFormula(index, gap) ? undefined : 'sentence';
  if (gap.left.length >= options.minAnchor && gap.right.length >= options.minAnchor) {
    // A formula in two references (two years' reports) is common property, not a quotation of either.
    if (sharedFormula(index, gap)) return undefined;
    return 'anchors';
  }
  return undefined;
}

const NUMERALS = /[0-9零〇一二两三四五六七八九十百千万亿%.]/;

/** True when a figure changed: digits in the gap, numerals only, or right after a figure (`1200万人左右` for `…以上`). */
function numeric(index: CollationIndex, stream: DocumentStream, gap: Gap): boolean {
  const doc = stream.key.slice(gap.docFrom, gap.docTo);
  const ref = index.key.slice(gap.refFrom, gap.refTo);
  if (/[0-9]/.test(doc + ref)) return true;
  if ([...doc, ...ref].every((c) => NUMERALS.test(c))) return true;
  return /[0-9%]/.test(stream.key.slice(Math.max(0, gap.docFrom - 3), gap.docFrom));
}

/**
 * True when the gap lies inside one `“…”` of its paragraph, with at least
 * MIN_QUOTED_ANCHOR matching units inside the marks on either side of it.
 */
function insideQuotation(index: CollationIndex, stream: DocumentStream, chain: Chain, gap: Gap): boolean {
  const marks = /[\u201c「」『』]/;
  if (marks.test(stream.key.slice(gap.docFrom, gap.docTo)) || marks.test(index.key.slice(gap.refFrom, gap.refTo))) return false;
  const p = stream.paragraphOf[Math.max(0, gap.docFrom - 1)];
  if (gap.docTo > gap.docFrom && stream.paragraphOf[gap.docTo - 1] !== p) return false;
  const from = stream.starts[p];
  const to = stream.starts[p + 1];
  // Comparison form folds ” into “: quotation marks alternate.
  let open = -1;
  const key = stream.key;
  for (let u = from; u < gap.docFrom; u++) if (QUOTATION_MARKS[key.charCodeAt(u)] === 1) open = open < 0 ? u : -1;
  if (open < 0 || gap.docFrom - open - 1 < MIN_QUOTED_ANCHOR) return false;
  for (let u = gap.docTo; u < to; u++) if (QUOTATION_MARKS[key.charCodeAt(u)] === 1) return u - gap.docTo >= MIN_QUOTED_ANCHOR && quotesThisReference(chain, open + 1, u - 1);
  return false;
}

/**
 * True when the reference's text starts or ends the quotation (its first or last unit, `first`
 * and `last`, lies in an anchor of the chain). Where neither does, the quotation is another text
 * that shares a formula with the reference: the Constitution's amendments quote its preamble,
 * “在马克思列宁主义、毛泽东思想、邓小平理论和‘三个代表’重要思想指引下”, whose enumeration the
 * report to the 20th Party Congress continues differently (科学发展观，全面贯彻…).
 */
function quotesThisReference(chain: Chain, first: number, last: number): boolean {
  for (const anchor of chain.anchors) {
    if (anchor.d > last) break;
    if ((anchor.d <= first && first < anchor.d + anchor.length) || (anchor.d <= last && last < anchor.d + anchor.length)) return true;
  }
  return false;
}

const QUOTATION_MARKS = codeTable('\u201c「」『』');

/**
 * False only where neither `insideQuotation` nor `leadIn` can find evidence in the paragraph of
 * stream units `[from, to)`: no pair of quotation marks (paired from the paragraph's start, as
 * there) holds MIN_QUOTED_ANCHOR units on either side of a gap, and it has no lead-in.
 */
export function mayQuote(key: string, from: number, to: number): boolean {
  let open = -1;
  for (let u = from; u < to; u++) {
    if (QUOTATION_MARKS[key.charCodeAt(u)] !== 1) continue;
    if (open < 0) open = u;
    else if (u - open > 2 * MIN_QUOTED_ANCHOR) return true;
    else open = -1;
  }
  return LEAD_IN_ANYWHERE.test(key.slice(from, to));
}

/** True when the sentence of the gap starts with a lead-in naming a source before the copied text. */
function leadIn(stream: DocumentStream, chain: Chain, gap: Gap): boolean {
  const p = stream.paragraphOf[Math.max(0, gap.docFrom - 1)];
  const paragraphStart = stream.starts[p];
  // The first anchored unit of the gap's sentence.
  let sentenceStart = gap.docFrom;
  while (sentenceStart > paragraphStart && TERMINAL_CODES[stream.key.charCodeAt(sentenceStart - 1)] !== 1) sentenceStart--;
  const copied = Math.max(sentenceStart, chain.docStart);
  const before = stream.key.slice(sentenceStart, copied);
  return before.length <= 24 && LEAD_IN.test(before);
}

/**
 * True when the gap is the only difference between a whole sentence of the
 * document and a whole sentence of the reference (of at least `minLength`
 * units): from sentence start to sentence end on both sides.
 */
function wholeSentence(index: CollationIndex, stream: DocumentStream, gap: Gap, minLength: number): boolean {
  const doc = stream.key;
  const ref = index.key;
  const p = stream.paragraphOf[Math.max(0, gap.docFrom - 1)];
  let start = gap.docFrom;
  while (start > stream.starts[p] && TERMINAL_CODES[doc.charCodeAt(start - 1)] !== 1) start--;
  if (gap.left.d > start) return false;
  const refStart = gap.left.r + (start - gap.left.d);
  if (!startsSentence(index, refStart)) return false;
  // The sentence ends inside the right anchor (or the gap runs to the end of both sentences).
  const end = gap.right.d + gap.right.length;
  let stop = gap.docTo;
  const q = stream.paragraphOf[Math.min(doc.length - 1, gap.docTo)];
  while (stop < stream.starts[q + 1] && TERMINAL_CODES[doc.charCodeAt(stop)] !== 1) stop++;
  if (stop > end) return false;
  const refStop = gap.right.r + (stop - gap.right.d);
  const refEnds = refStop >= ref.length || TERMINAL_CODES[ref.charCodeAt(refStop)] === 1 || index.startsParagraph(refStop) || ref.charCodeAt(refStop) === 0;
  return refEnds && stop - start >= minLength;
}

/** A number that opens a reference paragraph without being part of its sentence: `第二条`, `（一）`, `一、`, `1.`. */
const PARAGRAPH_NUMBER = /^(?:第[一二三四五六七八九十百零〇0-9]+[条章节款]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.．、])$/;

/** True when reference unit `at` starts a sentence, or follows only the number of its paragraph (a law's `第二条`). */
function startsSentence(index: CollationIndex, at: number): boolean {
  if (index.startsParagraph(at) || TERMINAL_CODES[index.key.charCodeAt(at - 1)] === 1) return true;
  let from = at;
  while (from > 0 && at - from < 12 && !index.startsParagraph(from)) from--;
  return index.startsParagraph(from) && PARAGRAPH_NUMBER.test(index.key.slice(from, at));
}

/** True when the document's wording around the gap occurs verbatim in a reference. */
function quotesAnother(index: CollationIndex, stream: DocumentStream, gap: Gap): boolean {
  const from = gap.docFrom - Math.min(gap.left.length, SEED);
  const to = gap.docTo + Math.min(gap.right.length, SEED);
  if (to - from < SEED || gap.right.length === 0) return false;
  return occurrencesOf(index, stream.key.slice(from, to)).length > 0;
}

/** True when the reference wording around the gap is in two or more references. */
function sharedFormula(index: CollationIndex, gap: Gap): boolean {
  const wording = index.key.slice(gap.refFrom - Math.min(gap.left.length, SEED), gap.refTo + Math.min(gap.right.length, SEED));
  const sources = new Set(occurrencesOf(index, wording).map((p) => index.sourceOf[p]));
  return sources.size >= 2;
}

/** Positions of `text` (≥ SEED units) in the reference stream. */
export function occurrencesOf(index: CollationIndex, text: string, scanCommon = true): number[] {
  if (text.length < SEED) return [];
  const places = index.occurrences(kgramHash(text, 0));
  if (!places) return [];
  const found: number[] = [];
  if (places === TOO_COMMON) {
    if (!scanCommon) return found;
    for (let at = index.key.indexOf(text); at >= 0; at = index.key.indexOf(text, at + 1)) found.push(at);
    return found;
  }
  for (const p of places) if (index.key.startsWith(text, p)) found.push(p);
  return found;
}
