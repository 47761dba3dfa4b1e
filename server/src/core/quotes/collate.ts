import type { Span } from '../types';
import type { Anchor, Chain } from './chains';
import { anchorsTouching, chainAnchors, MAX_REF_GAP } from './chains';
import type { CollationIndex } from './collationIndex';
import { isPermutation } from './align';
import { type DocumentStream, startsParagraphAt } from './stream';
import { describe } from './describe';
import { evidenceFor, type Evidence, type EvidenceOptions } from './evidence';
import { reorderedSentences } from './reordered';
import { reuseShares, type ReuseShare } from './reuse';
import { codeTable } from '../text/chars';

export type DeviationKind = 'substitution' | 'omission' | 'insertion' | 'reordered' | 'number' | 'punctuation' | 'truncation';

/** One gap inside a chain: where the document departs from the reference it copies. */
export interface Deviation {
  readonly kind: DeviationKind;
  readonly source: number;
  /** Document stream `[docFrom, docTo)` stands where the reference stream has `[refFrom, refTo)`. */
  readonly docFrom: number;
  readonly docTo: number;
  readonly refFrom: number;
  readonly refTo: number;
  /** Where to point, in document offsets. */
  readonly span: Span;
  /** Replacing this span by `newText` restores the reference wording. */
  readonly fix: { readonly span: Span; readonly newText: string };
  /** The reference wording around the gap, and the document's. */
  readonly expected: string;
  readonly actual: string;
  /** Zero-based line of the reference where the gap is. */
  readonly line: number;
  readonly evidence: Evidence;
}

/** A paragraph break inside copied text: the reference runs on where the document breaks the paragraph. */
export interface BrokenJoin {
  /** Index of the paragraph that ends mid-sentence (in `stream.paragraphs`). */
  readonly paragraph: number;
  readonly source: number;
  /** Units of the reference stream matched on both sides of the break. */
  readonly before: number;
  readonly after: number;
}

export interface Collation {
  readonly chains: readonly Chain[];
  readonly deviations: readonly Deviation[];
  readonly joins: readonly BrokenJoin[];
  readonly reuse: readonly ReuseShare[];
}

const TERMINALS = '。！？；!?;';
const TERMINAL_CODES = codeTable(TERMINALS);
const PUNCTUATION = /[，,、；;：:。！？!?“”‘’（）()《》〈〉【】\-·…—．.]/;
/** Two gaps with at most this much text between them may be one transposition. */
const MOVE_SPAN = 60;
/** Chains with less matching text than this are formulas: their gaps are not looked at. */
const MIN_CHAIN_WITH_GAPS = 12;
/** The longest changed last word of a sentence reported. */
const TAIL_WORD = 6;

/**
 * Aligns a document's stream with the references and lists every deviation that evidence says is a
 * misquotation. With `relevant` (one flag per paragraph of the stream), only what touches those
 * paragraphs: the chains of the anchors around them (exactly those of the whole, see
 * `anchorsTouching`) and the reordered sentences in them.
 */
export function collate(index: CollationIndex, stream: DocumentStream, options: EvidenceOptions, relevant?: Uint8Array): Collation {
  const chains = chainAnchors(index, relevant ? anchorsTouching(stream.anchors, stream, relevant) : stream.anchors, stream);
  const reuse = reuseShares(index, chains, stream.key.length);
  const deviations: Deviation[] = [];
  const joins: BrokenJoin[] = [];
  for (const chain of chains) {
    // Every kind of evidence needs more matching text than this (two anchors of MIN_QUOTED_ANCHOR).
    if (chain.anchored < MIN_CHAIN_WITH_GAPS) continue;
    const gaps = gapsOf(index, stream, chain, joins);
    for (const gap of mergeMoves(stream, index, gaps)) {
      const evidence = evidenceFor(index, stream, chain, gap, reuse, options);
      if (!evidence) continue;
      // Classified only now: most gaps are never reported.
      if (gap.kind === 'substitution') gap.kind = kindOf(stream.key.slice(gap.docFrom, gap.docTo), index.key.slice(gap.refFrom, gap.refTo));
      deviations.push(describe(index, stream, chain, gap, evidence));
    }
  }
  // A sentence found reordered whole explains the gaps inside it.
  const reordered = reorderedSentences(index, stream, deviations.filter((d) => d.evidence !== 'reuse'), relevant);
  if (reordered.length > 0) {
    const kept = deviations.filter((d) => !reordered.some((r) => d.docFrom < r.docTo && r.docFrom < d.docTo + 1));
    deviations.length = 0;
    deviations.push(...kept, ...reordered);
  }
  return { chains, deviations, joins, reuse };
}

/** A raw gap between two anchors of a chain. */
export interface Gap {
  kind: DeviationKind;
  docFrom: number;
  docTo: number;
  refFrom: number;
  refTo: number;
  /** The anchors on either side. */
  left: Anchor;
  right: Anchor;
  /** The rest of a sentence after a chain's last anchor: kept as half of a transposition, or alone when `alone`. */
  tail?: boolean;
  alone?: boolean;
}

function gapsOf(index: CollationIndex, stream: DocumentStream, chain: Chain, joins: BrokenJoin[]): Gap[] {
  const gaps: Gap[] = [];
  const ref = index.key;
  const doc = stream.key;
  for (let k = 1; k < chain.anchors.length; k++) {
    const left = chain.anchors[k - 1];
    const right = chain.anchors[k];
    const docFrom = left.d + left.length;
    const docTo = right.d;
    const refFrom = left.r + left.length;
    let refTo = right.r;
    const breakInside = firstParagraphStart(stream, docFrom, docTo);
    if (docFrom === docTo && refFrom === refTo) {
      if (breakInside >= 0 && !index.startsParagraph(refFrom)) joins.push({ paragraph: stream.paragraphOf[docFrom] - 1, source: chain.source, before: left.length, after: right.length });
      continue;
    }
    const docText = doc.slice(docFrom, docTo);
    const refText = ref.slice(refFrom, refTo);
    // Quotation marks of the writer's own open or close a quotation here: its edge, not a changed word.
    if (/[\u201c「」『』]/.test(docText) && !/[\u201c「」『』]/.test(refText)) continue;
    const refBreak = firstBreak(index, refFrom, refTo);
    if (refBreak < 0 && !hasTerminal(docText)) {
      if (breakInside > docFrom || (breakInside === docFrom && docFrom < docTo)) continue; // different text on both sides of a break
      if (breakInside === docFrom) {
        gaps.push({ kind: 'truncation', docFrom, docTo, refFrom, refTo, left, right });
        continue;
      }
      // Punctuation is wording only where a 顿号 is dropped or added (`时、度、效` → `时度效`), not swapped for another mark.
      if (onlyPunctuation(docText) && onlyPunctuation(refText) && !(docText === '' && refText === '、') && !(docText === '、' && refText === '')) continue;
      gaps.push({ kind: 'substitution', docFrom, docTo, refFrom, refTo, left, right });
      continue;
    }
    if (refBreak >= 0 && docFrom === docTo && breakInside === docFrom) {
      // The reference goes on to other sentences (left out: a selection). Only the rest of a sentence cut short is missing.
      if (TERMINAL_CODES[ref.charCodeAt(refFrom - 1)] === 1 || index.startsParagraph(refFrom)) continue;
      refTo = refBreak;
      const head = ref.slice(refFrom, refTo);
      if (onlyPunctuation(head)) continue;
      gaps.push({ kind: 'truncation', docFrom, docTo, refFrom, refTo, left, right });
    }
  }
  const tail = tailGap(index, stream, chain);
  if (tail) gaps.push(tail);
  // A chain that stops at the end of a paragraph in the middle of a reference sentence: the rest is missing.
  const last = chain.anchors[chain.anchors.length - 1];
  const end = last.d + last.length;
  const refEnd = last.r + last.length;
  if (startsParagraphAt(stream, end) && TERMINAL_CODES[doc.charCodeAt(end - 1)] !== 1 && TERMINAL_CODES[ref.charCodeAt(refEnd - 1)] !== 1 && !index.startsParagraph(refEnd)) {
    const stop = firstBreak(index, refEnd, Math.min(ref.length, refEnd + MAX_REF_GAP));
    // The next paragraph goes on with the reference's words: the sentence is broken across paragraphs, not cut.
    if (end + 2 <= doc.length && doc.startsWith(ref.slice(refEnd, refEnd + 2), end)) {
      joins.push({ paragraph: stream.paragraphOf[end] - 1, source: chain.source, before: last.length, after: 2 });
      return gaps;
    }
    if (stop > refEnd && !onlyPunctuation(ref.slice(refEnd, stop))) {
      gaps.push({ kind: 'truncation', docFrom: end, docTo: end, refFrom: refEnd, refTo: stop, left: last, right: { d: end, r: stop, length: 0 } });
    }
  }
  return gaps;
}

/**
 * After the last anchor, the rest of the document's sentence and of the
 * reference's, when both are short: `A，B。` copied as `B，A。` ends the chain
 * after `A`, and this is the other half of the move.
 */
function tailGap(index: CollationIndex, stream: DocumentStream, chain: Chain): Gap | undefined {
  const last = chain.anchors[chain.anchors.length - 1];
  const docFrom = last.d + last.length;
  const refFrom = last.r + last.length;
  const docTo = docSentenceEnd(stream, docFrom);
  const refTo = refSentenceEnd(index, refFrom);
  if (docTo <= docFrom && refTo <= refFrom) return undefined;
  // Reported alone only where both sentences go on: one that stops early is a shorter quotation, not a wrong one.
  const both = docTo > docFrom && refTo > refFrom;
  // The words both sentences end with are an anchor of their own (`有展开` for `有序展开`: `序` is missing).
  let same = 0;
  while (docTo - same > docFrom && refTo - same > refFrom && stream.key[docTo - same - 1] === index.key[refTo - same - 1]) same++;
  const right = { d: docTo - same, r: refTo - same, length: same };
  return { kind: 'substitution', docFrom, docTo: right.d, refFrom, refTo: right.r, left: last, right, tail: true, alone: both };
}

/**
 * The position of the next sentence end (terminal punctuation or paragraph end) within MAX_DOC_GAP
 * units of the document, or -1. Asked after every chain: codes from a table, no call per unit.
 */
function docSentenceEnd(stream: DocumentStream, from: number): number {
  const key = stream.key;
  const paragraphOf = stream.paragraphOf;
  const last = Math.min(key.length, from + 40);
  for (let u = from; u <= last; u++) {
    if (u === key.length || u <= 0) return u;
    const code = key.charCodeAt(u);
    if (TERMINAL_CODES[code] === 1 || paragraphOf[u] !== paragraphOf[u - 1] || code === 0) return u;
  }
  return -1;
}

/** `docSentenceEnd` in the reference stream. */
function refSentenceEnd(index: CollationIndex, from: number): number {
  const key = index.key;
  const last = Math.min(key.length, from + 40);
  for (let u = from; u <= last; u++) {
    if (u === key.length || u <= 0) return u;
    const code = key.charCodeAt(u);
    if (TERMINAL_CODES[code] === 1 || code === 0 || index.lineStart[u] === 1 || key.charCodeAt(u - 1) === 0) return u;
  }
  return -1;
}

/**
 * First paragraph start in the stream within `[from, to]`, or -1: `from` itself, or the start of the
 * paragraph after `from`'s (asked for every gap of every chain: no test of each unit).
 */
export function firstParagraphStart(stream: DocumentStream, from: number, to: number): number {
  if (from > to) return -1;
  if (startsParagraphAt(stream, from)) return from;
  const next = stream.starts[stream.paragraphOf[from] + 1];
  return next <= to ? next : -1;
}

/**
 * Where the reference's current sentence ends inside `[from, to)`: just after
 * its terminal punctuation, or at a paragraph start; -1 when it does not.
 */
function firstBreak(index: CollationIndex, from: number, to: number): number {
  const key = index.key;
  for (let u = from; u < to; u++) {
    if (u > from && index.startsParagraph(u)) return u;
    if (TERMINAL_CODES[key.charCodeAt(u)] === 1) return u + 1;
  }
  return to > from && index.startsParagraph(to) ? to : -1;
}

function hasTerminal(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TERMINAL_CODES[text.charCodeAt(i)] === 1) return true;
  return false;
}

function onlyPunctuation(text: string): boolean {
  for (const char of text) if (!PUNCTUATION.test(char)) return false;
  return true;
}

const DIGITS = /[0-9０-９.%％零〇一二两三四五六七八九十百千万亿]/;

function kindOf(doc: string, ref: string): DeviationKind {
  if (/[0-9]/.test(doc + ref) && [...doc, ...ref].every((c) => DIGITS.test(c))) return 'number';
  if (doc === '') return 'omission';
  if (ref === '') return 'insertion';
  if (isPermutation(doc, ref)) return 'reordered';
  if (onlyPunctuation(doc) && onlyPunctuation(ref)) return 'punctuation';
  if (/[0-9]/.test(doc + ref) && [...doc, ...ref].every((c) => DIGITS.test(c))) return 'number';
  return 'substitution';
}

/**
 * Two neighbouring gaps that together move text (`A，B` copied as `B，A`)
 * become one transposition.
 */
function mergeMoves(stream: DocumentStream, index: CollationIndex, gaps: Gap[]): Gap[] {
  const merged: Gap[] = [];
  for (const gap of gaps) {
    const last = merged[merged.length - 1];
    const docSpan = last ? gap.docTo - last.docFrom : -1;
    const refSpan = last ? gap.refTo - last.refFrom : -1;
    if (last && last.kind !== 'truncation' && gap.kind !== 'truncation' && docSpan > 0 && docSpan <= MOVE_SPAN && refSpan > 0 && refSpan <= MOVE_SPAN && docSpan === refSpan) {
      const doc = stripped(stream.key.slice(last.docFrom, gap.docTo));
      const ref = stripped(index.key.slice(last.refFrom, gap.refTo));
      if (doc !== ref && isPermutation(doc, ref) && !isPermutation(stripped(stream.key.slice(last.docFrom, last.docTo)), stripped(index.key.slice(last.refFrom, last.refTo)))) {
        merged[merged.length - 1] = { ...last, kind: 'reordered', docTo: gap.docTo, refTo: gap.refTo, right: gap.right, tail: false };
        continue;
      }
    }
    merged.push(gap);
  }
  // A changed last word stays (`市场秩序` → `市场环境`); a sentence that stops early is a shorter quotation, not a wrong one.
  return merged.filter((gap) => !gap.tail || (gap.alone === true && Math.max(gap.docTo - gap.docFrom, gap.refTo - gap.refFrom) <= TAIL_WORD && !onlyPunctuation(stream.key.slice(gap.docFrom, gap.docTo) + index.key.slice(gap.refFrom, gap.refTo))));
}

const PUNCTUATION_CODES = new Set([...'，,、；;：:。！？!?“”‘’（）()《》〈〉【】-·…—．.'].map((c) => c.charCodeAt(0)));

function stripped(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!PUNCTUATION_CODES.has(text.charCodeAt(i))) out += text[i];
  return out;
}

