import { codeTable } from '../text/chars';
import type { CollationIndex } from './collationIndex';
import type { ParagraphSeeds } from './anchors';

/** An exact match: document stream `[d, d + length)` equals reference stream `[r, r + length)`. */
export interface Anchor {
  readonly d: number;
  readonly r: number;
  readonly length: number;
}

/** Collinear anchors in one reference: the document copies that stretch of it, with gaps. */
export interface Chain {
  readonly source: number;
  /** Non-overlapping, increasing on both sides. */
  readonly anchors: readonly Anchor[];
  /** Units matched exactly. */
  readonly anchored: number;
  readonly docStart: number;
  readonly docEnd: number;
}

/** The document may differ by this many units between two anchors of one chain… */
export const MAX_DOC_GAP = 40;
/** …and leave out this many of the reference (an omission of any length within a passage). */
export const MAX_REF_GAP = 300;
/** A gap longer than this on both sides is rewriting, not a changed word: the chain ends. */
export const MAX_BOTH_GAP = 16;
/** Predecessors looked at per anchor. */
const LOOK_BACK = 96;

/**
 * Chains collinear anchors (triples d, r, length, sorted by `d`, then `r`) by dynamic programming:
 * each anchor extends the best-scoring compatible predecessor (same
 * reference, both sides increasing, gaps within bounds; overlaps trimmed).
 * Chains are then taken best first, and each document unit belongs to at
 * most one chain: where two references share a passage, the longer copy wins.
 */
export function chainAnchors(index: CollationIndex, anchors: Int32Array, doc: ChainedText): Chain[] {
  if (anchors.length === 0) return [];
  const n = anchors.length / 3;
  // The units the anchors span (a few clusters of a long document, often): what the chaining reads.
  const lo = anchors[0];
  let hi = lo;
  for (let k = 0; k < n; k++) hi = Math.max(hi, anchors[3 * k] + anchors[3 * k + 2]);
  const barriers = barrierCounts(doc, lo, hi);
  // The anchors' fields apart: the look-back below reads them ≈100 times per anchor.
  const ad = new Int32Array(n);
  const ar = new Int32Array(n);
  const al = new Int32Array(n);
  const as = new Int32Array(n);
  let longest = 0;
  for (let k = 0; k < n; k++) {
    ad[k] = anchors[3 * k];
    ar[k] = anchors[3 * k + 1];
    al[k] = anchors[3 * k + 2];
    as[k] = index.sourceOf[ar[k]];
    longest = Math.max(longest, al[k]);
  }
  // Only anchors of the same reference chain: each anchor's previous one of its reference.
  const previousOfSource = new Int32Array(n);
  const lastOfSource = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    previousOfSource[k] = lastOfSource.get(as[k]) ?? -1;
    lastOfSource.set(as[k], k);
  }
  const score = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  const trim = new Int32Array(n);
  // Anchors [0, far) start more than 2 000 units before the current one (`d` ascends).
  let far = 0;
  for (let j = 0; j < n; j++) {
    const bd = ad[j];
    const br = ar[j];
    const bl = al[j];
    score[j] = bl;
    // Predecessors are the LOOK_BACK anchors before this one, back to the first that ends
    // too far before it (of any reference); of those, the ones of its reference are tried.
    while (far < j && bd - ad[far] > 2000) far++;
    const window = Math.max(0, j - LOOK_BACK);
    let stop = window - 1;
    for (let k = Math.min(far, j) - 1; k >= window; k--) {
      if (ad[k] + al[k] + MAX_DOC_GAP < bd) {
        stop = k;
        break;
      }
    }
    // A predecessor starting this far back ends more than MAX_DOC_GAP before (none is longer): so do all before it.
    const earliest = bd - MAX_DOC_GAP - longest;
    for (let k = previousOfSource[j]; k > stop && ad[k] >= earliest; k = previousOfSource[k]) {
      const aEnd = ad[k] + al[k];
      if (ad[k] >= bd || ar[k] >= br) continue;
      const overlap = Math.max(0, aEnd - bd, ar[k] + al[k] - br);
      if (overlap >= bl) continue;
      const docGap = bd + overlap - aEnd;
      const refGap = br + overlap - (ar[k] + al[k]);
      if (docGap > MAX_DOC_GAP || refGap > MAX_REF_GAP || Math.min(docGap, refGap) > MAX_BOTH_GAP) continue;
      // The document's own sentences between two copies, or its own text on both sides of a paragraph break, end a chain.
      if (docGap > 0 && !continuous(barriers, aEnd - lo, bd + overlap - lo)) continue;
      const penalty = docGap === 0 && refGap === 0 ? 0 : 1 + 0.3 * Math.min(docGap, refGap) + 0.01 * Math.abs(docGap - refGap);
      const candidate = score[k] + bl - overlap - penalty;
      if (candidate > score[j]) {
        score[j] = candidate;
        pred[j] = k;
        trim[j] = overlap;
      }
    }
  }
  const order = byScore(score);
  const used = new Uint8Array(n);
  // `covered[u - lo]` for document unit u.
  const covered = new Uint8Array(hi - lo + 1);
  const chains: Chain[] = [];
  for (let t = 0; t < n; t++) {
    const top = order[t];
    if (used[top]) continue;
    const members: number[] = [];
    for (let k = top; k >= 0 && !used[k]; k = pred[k]) members.push(k);
    members.reverse();
    for (const k of members) used[k] = 1;
    // The first member's trim was against a predecessor outside this chain.
    const trimmed = members.map((k, m) => {
      const cut = m === 0 ? 0 : trim[k];
      return { d: ad[k] + cut, r: ar[k] + cut, length: al[k] - cut };
    });
    for (const run of freeRuns(trimmed, covered, lo)) {
      const anchored = run.reduce((sum, a) => sum + a.length, 0);
      const last = run[run.length - 1];
      const chain = { source: index.sourceOf[run[0].r], anchors: run, anchored, docStart: run[0].d, docEnd: last.d + last.length };
      for (let u = chain.docStart; u < chain.docEnd; u++) covered[u - lo] = 1;
      chains.push(chain);
    }
  }
  return chains.sort((x, y) => x.docStart - y.docStart);
}

/**
 * Anchor indexes by descending score, ties by ascending index: the order chains are taken in. A
 * heap sort with its comparisons written out: `sort` with a comparator made a call per comparison
 * (the server's V8 does not inline), the largest part of chaining a copied report.
 */
export function byScore(score: Float64Array): Int32Array {
  const n = score.length;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  // A max-heap by "comes later": the root is the anchor taken last, moved to the end each round.
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(order, score, start, n);
  for (let end = n - 1; end > 0; end--) {
    const last = order[0];
    order[0] = order[end];
    order[end] = last;
    siftDown(order, score, 0, end);
  }
  return order;
}

function siftDown(order: Int32Array, score: Float64Array, from: number, size: number): void {
  let parent = from;
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= size) return;
    // The child that comes later (lower score, or equal score and higher index).
    const right = child + 1;
    if (right < size) {
      const a = order[child];
      const b = order[right];
      if (score[b] < score[a] || (score[b] === score[a] && b > a)) child = right;
    }
    const p = order[parent];
    const c = order[child];
    if (!(score[c] < score[p] || (score[c] === score[p] && c > p))) return;
    order[parent] = c;
    order[child] = p;
    parent = child;
  }
}

/** The document side of a chain: its stream and where paragraphs start. */
export interface ChainedText {
  readonly key: string;
  /** Stream positions where paragraphs start, ascending. */
  readonly starts: readonly number[];
}

const TERMINAL_CODES = codeTable('。！？；!?;');

/**
 * Prefix counts of sentence ends (`[0]`, a terminal at unit u) and paragraph starts (`[1]`) over
 * units `[lo, hi]`, indexed from `lo`, so that a gap is checked in constant time.
 */
function barrierCounts(doc: ChainedText, lo: number, hi: number): [Int32Array, Int32Array] {
  const n = doc.key.length;
  const width = hi - lo + 1;
  const terminals = new Int32Array(width + 1);
  const isStart = new Uint8Array(width + 1);
  for (const start of doc.starts) if (start > 0 && start < n && start >= lo && start <= hi) isStart[start - lo] = 1;
  const starts = new Int32Array(width + 1);
  for (let k = 0; k < width; k++) {
    terminals[k + 1] = terminals[k] + (lo + k < n ? TERMINAL_CODES[doc.key.charCodeAt(lo + k)] : 0);
    starts[k + 1] = starts[k] + isStart[k];
  }
  return [terminals, starts];
}

/** True when document units `[from, to)` (counted from the barriers' first unit) may lie inside one copied passage: no sentence end, no paragraph break inside. */
function continuous([terminals, starts]: [Int32Array, Int32Array], from: number, to: number): boolean {
  return terminals[to] === terminals[from] && starts[to] === starts[from + 1];
}

/** The part of an anchor no better chain covers (its longest uncovered stretch from the first free unit), or undefined; `covered[u - lo]` for unit u. */
function uncovered(anchor: Anchor, covered: Uint8Array, lo: number): Anchor | undefined {
  let start = anchor.d;
  const end = anchor.d + anchor.length;
  while (start < end && covered[start - lo]) start++;
  let stop = start;
  while (stop < end && !covered[stop - lo]) stop++;
  if (stop - start < 2) return undefined;
  return { d: start, r: anchor.r + (start - anchor.d), length: stop - start };
}

/** Runs of anchors that touch no unit already covered by a better chain (nor does the gap between them); `covered[u - lo]` for unit u. */
function freeRuns(anchors: readonly Anchor[], covered: Uint8Array, lo: number): Anchor[][] {
  const runs: Anchor[][] = [];
  let run: Anchor[] = [];
  let from = anchors.length > 0 ? anchors[0].d : 0;
  for (let k = 0; k < anchors.length; k++) {
    const whole = anchors[k];
    const anchor = uncovered(whole, covered, lo);
    if (!anchor) {
      if (run.length > 0) runs.push(run);
      run = [];
      from = whole.d + whole.length;
      continue;
    }
    let free = anchor.d === whole.d && anchor.length === whole.length;
    for (let u = from; free && u < anchor.d; u++) if (covered[u - lo]) free = false;
    if (!free && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(anchor);
    // A trimmed anchor ends its run: what follows it in the chain is no longer collinear with certainty.
    if (anchor.d + anchor.length !== whole.d + whole.length) {
      runs.push(run);
      run = [];
    }
    from = whole.d + whole.length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The anchors (triples, sorted by `d`) of the clusters that touch a paragraph marked in `relevant`
 * (indexed like `doc.paragraphs`); `chainAnchors` of these gives exactly the chains of all anchors
 * that lie in those clusters. A cluster ends at a sentence end no anchor covers: a link between
 * anchors on both sides of it would have a gap with the sentence end inside, and the document's
 * own sentences end a chain (`continuous`). Clusters are runs of the sorted anchors, so the
 * look-back window counts the same anchors; their chains cover disjoint units, so which chain
 * wins a unit is decided inside each cluster.
 */
export function anchorsTouching(anchors: Int32Array, doc: ChainedText & { readonly paragraphOf: Int32Array }, relevant: Uint8Array): Int32Array {
  const key = doc.key;
  const kept = new Int32Array(anchors.length);
  let size = 0;
  const n = anchors.length / 3;
  let first = 0;
  let maxEnd = -1;
  const flush = (to: number) => {
    const last = Math.max(0, Math.min(maxEnd, key.length - 1));
    for (let p = doc.paragraphOf[anchors[3 * first]]; p <= doc.paragraphOf[last]; p++) {
      if (relevant[p] !== 1) continue;
      kept.set(anchors.subarray(3 * first, 3 * to), size);
      size += 3 * (to - first);
      return;
    }
  };
  for (let k = 0; k < n; k++) {
    const d = anchors[3 * k];
    if (k > first && maxEnd <= d && hasTerminal(key, maxEnd, d)) {
      flush(k);
      first = k;
      maxEnd = -1;
    }
    maxEnd = Math.max(maxEnd, d + anchors[3 * k + 2]);
  }
  if (n > 0) flush(n);
  return kept.slice(0, size);
}

/**
 * The paragraphs whose anchors `anchorsTouching(…, relevant)` may keep, told from their seeds
 * (`seeded`, the stream's paragraphs) before any anchor is made. A cluster ends at every sentence
 * end no anchor covers, so at every one no seed span covers (each anchor lies in a span): such a
 * "sure break" bounds every cluster. The clusters touching a relevant paragraph lie between the
 * last sure break before it and the first one after it, so the paragraphs holding those and all
 * between are marked. Anchors of more paragraphs would change nothing: a cluster touching a
 * relevant paragraph has all its anchors either way.
 */
export function paragraphsToSeed(stream: ChainedText & { readonly starts: readonly number[] }, seeded: readonly ParagraphSeeds[], relevant: Uint8Array): Uint8Array {
  const count = seeded.length;
  const key = stream.key;
  // Whether each paragraph holds a sure break.
  const breaks = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const from = stream.starts[p];
    const to = stream.starts[p + 1];
    const spans = seeded[p].spans;
    let k = 0;
    for (let u = from; u < to; u++) {
      if (TERMINAL_CODES[key.charCodeAt(u)] !== 1) continue;
      // Spans are disjoint and sorted: skip those ending before the unit.
      while (k < spans.length && spans[k + 1] <= u - from) k += 3;
      if (k < spans.length && spans[k] <= u - from) continue;
      breaks[p] = 1;
      break;
    }
  }
  // For each relevant paragraph, from the last paragraph with a break before it to the first after it.
  const last = new Int32Array(count);
  for (let p = 0, before = 0; p < count; p++) {
    last[p] = before;
    if (breaks[p] === 1) before = p;
  }
  const marks = new Int32Array(count + 1);
  for (let p = count - 1, after = count - 1; p >= 0; p--) {
    if (relevant[p] === 1) {
      marks[last[p]]++;
      marks[after + 1]--;
    }
    if (breaks[p] === 1) after = p;
  }
  const needed = new Uint8Array(count);
  for (let p = 0, open = 0; p < count; p++) {
    open += marks[p];
    if (open > 0) needed[p] = 1;
  }
  return needed;
}

/** True when units `[from, to)` hold a sentence end (each unit is read once per cluster cut). */
function hasTerminal(key: string, from: number, to: number): boolean {
  for (let u = from; u < to; u++) if (TERMINAL_CODES[key.charCodeAt(u)] === 1) return true;
  return false;
}
