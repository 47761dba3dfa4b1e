import type { Span } from '../types';
import type { Chain } from './chains';
import type { CollationIndex } from './collationIndex';
import type { Deviation, Gap } from './collate';
import type { Evidence } from './evidence';
import type { DocumentStream } from './stream';

/** Characters a context never extends across: a difference is shown within its clause. */
const CLAUSE_BREAK = '，,、；;：:。！？!?“”‘’（）()《》-';
/** Characters of context shown on each side of a difference. */
const CONTEXT = 6;

/** A gap as a deviation: where to point, the fix restoring the reference, and both wordings with their context. */
export function describe(index: CollationIndex, stream: DocumentStream, chain: Chain, gap: Gap, evidence: Evidence): Deviation {
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
  return { start: stream.offsetAt(from), end: stream.offsetAt(to - 1) + 1 };
}

/** Where text missing before unit `at` goes: right after the unit before it. */
function insertionPoint(stream: DocumentStream, at: number): Span {
  const offset = at > 0 ? stream.offsetAt(at - 1) + 1 : stream.key.length > 0 ? stream.offsetAt(0) : 0;
  return { start: offset, end: offset };
}

/** The characters around a place where text is missing (the last one of the paragraph for a truncation). */
function neighbours(stream: DocumentStream, at: number, truncated: boolean): Span {
  if (at <= 0) return { start: stream.offsetAt(0), end: stream.offsetAt(0) + 1 };
  const before = stream.offsetAt(at - 1);
  if (truncated || at >= stream.key.length || stream.paragraphOf[at] !== stream.paragraphOf[at - 1]) return { start: before, end: before + 1 };
  return { start: before, end: stream.offsetAt(at) + 1 };
}

/** The document's own text of stream units `[from, to)` (within one paragraph, or joined across). */
export function documentText(stream: DocumentStream, from: number, to: number): string {
  let text = '';
  let u = Math.max(0, from);
  const end = Math.min(to, stream.key.length);
  while (u < end) {
    const p = stream.paragraphOf[u];
    let v = u;
    while (v + 1 < end && stream.paragraphOf[v + 1] === p) v++;
    const paragraph = stream.paragraphs[p];
    text += paragraph.text.slice(stream.offsetAt(u) - paragraph.start, stream.offsetAt(v) - paragraph.start + 1);
    u = v + 1;
  }
  return text;
}
