import type { Span } from '../types';
import type { Anchor, Chain } from './chains';
import { chainAnchors, MAX_REF_GAP } from './chains';
import type { CollationIndex } from './collationIndex';
import { isPermutation } from './align';
import { type DocumentStream, startsParagraphAt } from './stream';
import { evidenceFor, occurrencesOf, type Evidence, type EvidenceOptions } from './evidence';
import { SEED } from './collationIndex';
import { reuseShares, type ReuseShare } from './reuse';

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
const TERMINAL_CODES = new Set([...TERMINALS].map((c) => c.charCodeAt(0)));
const CLAUSE_BREAK = '，,、；;：:。！？!?“”‘’（）()《》-';
const PUNCTUATION = /[，,、；;：:。！？!?“”‘’（）()《》〈〉【】\-·…—．.]/;
const CONTEXT = 6;
/** Two gaps with at most this much text between them may be one transposition. */
const MOVE_SPAN = 60;
/** Chains with less matching text than this are formulas: their gaps are not looked at. */
const MIN_CHAIN_WITH_GAPS = 12;
/** The longest changed last word of a sentence reported. */
const TAIL_WORD = 6;

/** Aligns a document's stream with the references and lists every deviation that evidence says is a misquotation. */
export function collate(index: CollationIndex, stream: DocumentStream, options: EvidenceOptions): Collation {
  const chains = chainAnchors(index, stream.anchors, stream);
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
  const reordered = reorderedSentences(index, stream, deviations.filter((d) => d.evidence !== 'reuse'));
  if (reordered.length > 0) {
    const kept = deviations.filter((d) => !reordered.some((r) => d.docFrom < r.docTo && r.docFrom < d.docTo + 1));
    deviations.length = 0;
    deviations.push(...kept, ...reordered);
  }
  return { chains, deviations, joins, reuse };
}

/** Shortest sentence compared whole for reordered words, and the longest reordered stretch (longer: a list its author rearranged). */
const MIN_REORDERED_SENTENCE = 12;
const MAX_REORDERED = 10;

/**
 * Sentences that are a reference sentence with a few short words in another
 * order (`以进促稳、稳中求进` for `稳中求进、以进促稳`): the moved words are
 * too short to anchor a chain, so the whole sentence is looked up by its
 * first or last SEED units.
 */
function reorderedSentences(index: CollationIndex, stream: DocumentStream, found: readonly Deviation[]): Deviation[] {
  const doc = stream.key;
  const out: Deviation[] = [];
  let start = 0;
  for (let u = 0; u <= doc.length; u++) {
    const ends = u === doc.length || TERMINAL_CODES.has(doc.charCodeAt(u)) || (u > start && stream.paragraphOf[u] !== stream.paragraphOf[u - 1]);
    if (!ends) continue;
    const n = u - start;
    if (n >= MIN_REORDERED_SENTENCE && !found.some((d) => d.docFrom < u && d.docTo > start)) {
      const hit = reorderedAt(index, doc.slice(start, u));
      if (hit !== undefined) {
        const sentence = doc.slice(start, u);
        const ref = index.key.slice(hit, hit + n);
        let prefix = 0;
        while (sentence[prefix] === ref[prefix]) prefix++;
        let suffix = 0;
        while (sentence[n - 1 - suffix] === ref[n - 1 - suffix]) suffix++;
        const gap: Gap = {
          kind: 'reordered',
          docFrom: start + prefix,
          docTo: u - suffix,
          refFrom: hit + prefix,
          refTo: hit + n - suffix,
          left: { d: start, r: hit, length: prefix },
          right: { d: u - suffix, r: hit + n - suffix, length: suffix },
        };
        out.push(describe(index, stream, { source: index.sourceOf[hit], anchors: [], anchored: n, docStart: start, docEnd: u }, gap, 'sentence'));
      }
    }
    start = u === doc.length || TERMINAL_CODES.has(doc.charCodeAt(u)) ? u + 1 : u;
  }
  return out;
}

/** Where a reference sentence holding `sentence`'s characters, a few in another order, starts; undefined if none. */
function reorderedAt(index: CollationIndex, sentence: string): number | undefined {
  const n = sentence.length;
  const ref = index.key;
  const candidates = [
    ...occurrencesOf(index, sentence.slice(0, SEED), false),
    ...occurrencesOf(index, sentence.slice(n - SEED), false).map((p) => p + SEED - n),
  ];
  for (const p of candidates) {
    if (p < 0 || p + n > ref.length) continue;
    if (!(index.startsParagraph(p) || TERMINALS.includes(ref[p - 1]))) continue;
    if (!(p + n === ref.length || TERMINALS.includes(ref[p + n]) || index.startsParagraph(p + n) || ref.charCodeAt(p + n) === 0)) continue;
    const candidate = ref.slice(p, p + n);
    if (candidate === sentence) return undefined;
    let prefix = 0;
    while (sentence[prefix] === candidate[prefix]) prefix++;
    let suffix = 0;
    while (suffix < n - prefix && sentence[n - 1 - suffix] === candidate[n - 1 - suffix]) suffix++;
    if (n - prefix - suffix <= MAX_REORDERED && isPermutation(sentence.slice(prefix, n - suffix), candidate.slice(prefix, n - suffix))) return p;
  }
  return undefined;
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
      if (TERMINALS.includes(ref[refFrom - 1]) || index.startsParagraph(refFrom)) continue;
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
  if (startsParagraphAt(stream, end) && !TERMINALS.includes(doc[end - 1]) && !TERMINALS.includes(ref[refEnd - 1]) && !index.startsParagraph(refEnd)) {
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
  const docTo = sentenceEnd(stream.key, docFrom, (u) => startsParagraphAt(stream, u));
  const refTo = sentenceEnd(index.key, refFrom, (u) => index.startsParagraph(u));
  if (docTo <= docFrom && refTo <= refFrom) return undefined;
  // Reported alone only where both sentences go on: one that stops early is a shorter quotation, not a wrong one.
  const both = docTo > docFrom && refTo > refFrom;
  // The words both sentences end with are an anchor of their own (`有展开` for `有序展开`: `序` is missing).
  let same = 0;
  while (docTo - same > docFrom && refTo - same > refFrom && stream.key[docTo - same - 1] === index.key[refTo - same - 1]) same++;
  const right = { d: docTo - same, r: refTo - same, length: same };
  return { kind: 'substitution', docFrom, docTo: right.d, refFrom, refTo: right.r, left: last, right, tail: true, alone: both };
}

/** The position of the next sentence end (terminal punctuation or paragraph end) within MAX_DOC_GAP units, or -1. */
function sentenceEnd(key: string, from: number, startsParagraph: (u: number) => boolean): number {
  for (let u = from; u <= Math.min(key.length, from + 40); u++) {
    if (u === key.length || TERMINALS.includes(key[u]) || startsParagraph(u) || key.charCodeAt(u) === 0) return u;
  }
  return -1;
}

/** First paragraph start in the stream within `[from, to]`, or -1. */
function firstParagraphStart(stream: DocumentStream, from: number, to: number): number {
  for (let u = from; u <= to; u++) if (startsParagraphAt(stream, u)) return u;
  return -1;
}

/**
 * Where the reference's current sentence ends inside `[from, to)`: just after
 * its terminal punctuation, or at a paragraph start; -1 when it does not.
 */
function firstBreak(index: CollationIndex, from: number, to: number): number {
  for (let u = from; u < to; u++) {
    if (u > from && index.startsParagraph(u)) return u;
    if (TERMINALS.includes(index.key[u])) return u + 1;
  }
  return to > from && index.startsParagraph(to) ? to : -1;
}

function hasTerminal(text: string): boolean {
  for (const char of text) if (TERMINALS.includes(char)) return true;
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

function describe(index: CollationIndex, stream: DocumentStream, chain: Chain, gap: Gap, evidence: Evidence): Deviation {
  const { docFrom, docTo, refFrom, refTo } = gap;
  const doc = stream.key;
  const ref = index.key;
  // Context shared by both sides (the anchors are equal text), within the clause and the paragraph.
  let left = 0;
  const paragraph = stream.paragraphOf[Math.max(0, docFrom - 1)];
  while (left < CONTEXT && left < gap.left.length && docFrom - left - 1 >= 0 && stream.paragraphOf[docFrom - left - 1] === paragraph && !CLAUSE_BREAK.includes(doc[docFrom - left - 1])) left++;
  let right = 0;
  const rightParagraph = docTo < doc.length ? stream.paragraphOf[docTo] : paragraph;
  while (right < CONTEXT && right < gap.right.length && docTo + right < doc.length && stream.paragraphOf[docTo + right] === rightParagraph && !CLAUSE_BREAK.includes(doc[docTo + right])) right++;
  if (gap.kind === 'truncation') right = 0;
  const expected = index.original(refFrom - left, refTo + right);
  const actual = documentText(stream, docFrom - left, docTo + right);
  const fixSpan = docFrom < docTo ? unitSpan(stream, docFrom, docTo) : insertionPoint(stream, docFrom);
  const span = docFrom < docTo ? fixSpan : neighbours(stream, docFrom, gap.kind === 'truncation');
  return {
    kind: gap.kind,
    source: chain.source,
    docFrom,
    docTo,
    refFrom,
    refTo,
    span,
    fix: { span: fixSpan, newText: index.original(refFrom, refTo) },
    expected,
    actual,
    line: index.lineOf[Math.min(refFrom, ref.length - 1)],
    evidence,
  };
}

/** Document span of stream units `[from, to)` (to > from). */
function unitSpan(stream: DocumentStream, from: number, to: number): Span {
  return { start: stream.offsets[from], end: stream.offsets[to - 1] + 1 };
}

/** Where text missing before unit `at` goes: right after the unit before it. */
function insertionPoint(stream: DocumentStream, at: number): Span {
  const offset = at > 0 ? stream.offsets[at - 1] + 1 : stream.offsets[0] ?? 0;
  return { start: offset, end: offset };
}

/** The characters around a place where text is missing (the last one of the paragraph for a truncation). */
function neighbours(stream: DocumentStream, at: number, truncated: boolean): Span {
  if (at <= 0) return { start: stream.offsets[0], end: stream.offsets[0] + 1 };
  const before = stream.offsets[at - 1];
  if (truncated || at >= stream.key.length || stream.paragraphOf[at] !== stream.paragraphOf[at - 1]) return { start: before, end: before + 1 };
  return { start: before, end: stream.offsets[at] + 1 };
}

/** The document's own text of stream units `[from, to)` (within one paragraph, or joined across). */
function documentText(stream: DocumentStream, from: number, to: number): string {
  let text = '';
  let u = Math.max(0, from);
  const end = Math.min(to, stream.key.length);
  while (u < end) {
    const p = stream.paragraphOf[u];
    let v = u;
    while (v + 1 < end && stream.paragraphOf[v + 1] === p) v++;
    const paragraph = stream.paragraphs[p];
    text += paragraph.text.slice(stream.offsets[u] - paragraph.start, stream.offsets[v] - paragraph.start + 1);
    u = v + 1;
  }
  return text;
}

export { documentText };
