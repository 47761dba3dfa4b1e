import { fromParagraph } from '../findings';
import { anchorsOf, seedsOf, type ParagraphAnchors, type ParagraphSeeds } from '../quotes/anchors';
import { paragraphsToSeed } from '../quotes/chains';
import { collate, type Deviation } from '../quotes/collate';
import { isReusing, mayQuote } from '../quotes/evidence';
import type { CollationIndex } from '../quotes/collationIndex';
import { findQuoteMismatches, type QuoteMismatch } from '../quotes/match';
import type { ReferenceIndex } from '../quotes/referenceIndex';
import { largestShare, reuseBound } from '../quotes/reuse';
import { documentStream, keyStream, withAnchors, type DocumentStream } from '../quotes/stream';
import type { Finding, Paragraph } from '../types';
import { paragraphsByDocument } from './documentScopes';
import type { DocumentFacts, Rule, RuleOptions } from './rule';

/**
 * `quote.mismatch`: text copied from a reference (the government work report,
 * a law, a speech) that departs from it — a changed, missing, extra or moved
 * word, a changed figure, a dropped 顿号, a sentence cut off at a paragraph
 * end. Each document of a file is collated with the references by local
 * alignment (quotes/collate.ts) and a gap is reported only where evidence
 * says the text is a copy (quotes/evidence.ts). Quotations in “…” are also
 * compared with reference sentences as a whole (quotes/match.ts), which
 * catches short ones. Anchors are remembered per paragraph and findings per
 * document, so an edit re-aligns one document and re-seeds one paragraph.
 */
export const quoteMismatchRule: Rule = {
  id: 'quote.mismatch',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  textOnly: true,
  example: '`地方层面有序推进` → `地方层面有序展开` (2024 report, line 21)',
  description: {
    en: 'Text copied from a reference text (e.g. the government work report) that departs from it.',
    zh: '摘自参考文本（如政府工作报告）而与原文不一致的文字。',
  },
  options: [
    {
      name: 'minLength',
      type: 'number',
      default: 16,
      minimum: 6,
      maximum: 200,
      description: {
        en: 'Exact match (characters) needed on each side of a difference when nothing else shows the text is a quotation (no quotation marks, no lead-in such as 报告指出, the document not mostly copied).',
        zh: '未加引号、无“报告指出”等引语、文档亦非大部分摘自原文时，差异两侧须与原文完全一致的字数。',
      },
    },
    {
      name: 'minReuse',
      type: 'number',
      default: 50,
      minimum: 5,
      maximum: 100,
      description: {
        en: 'Share of a document (percent) copied from one reference above which every difference from it is reported.',
        zh: '文档摘自同一参考文本的比例（百分比）达到此值时，报告与其原文的每一处差异。',
      },
    },
    {
      name: 'checkNumbers',
      type: 'boolean',
      default: false,
      description: {
        en: 'Also report changed figures where only the matching text around them shows a quotation (quotations, lead-ins and copied documents always are).',
        zh: '仅凭前后文字一致判断为引用时，也报告数字的改动（引号、引语和摘抄文档始终报告）。',
      },
    },
  ],
  messages: {
    mismatch: {
      en: 'Differs from the reference "{reference}" (line {line}): it reads "{expected}", here "{actual}".',
      zh: '与参考文本《{reference}》第 {line} 行原文不一致：原文为“{expected}”，此处为“{actual}”。',
    },
    reordered: {
      en: 'Word order differs from the reference "{reference}" (line {line}): it reads "{expected}", here "{actual}".',
      zh: '语序与参考文本《{reference}》第 {line} 行原文不一致：原文为“{expected}”，此处为“{actual}”。',
    },
    truncated: {
      en: 'The sentence breaks off here; the reference "{reference}" (line {line}) goes on: "{missing}".',
      zh: '句子在此中断，参考文本《{reference}》第 {line} 行原文接续为“{missing}”。',
    },
  },
  // Seeding is most of the work: done per paragraph while the rest of the document is being segmented.
  warmParagraph(facts: DocumentFacts, paragraph: Paragraph): void {
    if (facts.references && facts.references.size > 0) seedMemo(facts, facts.references)(paragraph);
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const index = facts.references;
    if (!index || index.size === 0) return [];
    const collation = index.collation;
    const evidence = { minAnchor: options.minLength as number, minReuse: options.minReuse as number, checkNumbers: options.checkNumbers === true };
    const seedsFor = seedMemo(facts, index);
    const anchorsFor = anchorMemo(facts, index, seedsFor);
    // Memo names are constants: the engine adds the rule, its options and the reference set.
    const quoteNamespace = 'quotes';
    const quoteSettings = { minLength: QUOTATION_MIN_LENGTH, maxDifference: 10, checkNumbers: true, quotationsOnly: true };
    const quotesOf = (paragraph: Paragraph) =>
      findQuoteMismatches(index, paragraph.text, quoteSettings)
        .filter((m) => !punctuationSwapped(paragraph.text.slice(m.fix.span.start, m.fix.span.end), m.fix.newText))
        .map(toQuoteFinding);
    const quotationsIn = (paragraph: Paragraph): readonly Finding[] =>
      paragraph.text.length < QUOTATION_MIN_LENGTH ? NONE : fromParagraph(facts.memo(quoteNamespace, paragraph, quotesOf), paragraph);
    const deferred = { ...evidence, deferReuse: true };
    /** The findings of a chunk; of a document that copies little (`independent`), only those that can be reported. */
    const collateChunk = (paragraphs: readonly Paragraph[], independent: boolean): Finding[] => {
      const quotations = paragraphs.map(quotationsIn);
      let stream: DocumentStream;
      let relevant: Uint8Array | undefined;
      if (independent) {
        // Anchors only where a cluster may touch a paragraph that can be reported (most paragraphs have none).
        const seeds = paragraphs.map(seedsFor);
        const keys = keyStream(paragraphs, seeds);
        relevant = relevantParagraphs(keys, quotations);
        const needed = paragraphsToSeed(keys, seeds, relevant);
        stream = withAnchors(keys, paragraphs.map((p, i) => (needed[i] === 1 ? anchorsFor(p) : UNSEEDED)));
      } else stream = documentStream(paragraphs, anchorsFor);
      const result = collate(collation, stream, deferred, relevant);
      const findings = result.deviations.map((d) => toFinding(d, collation));
      for (const found of quotations) {
        for (const finding of found) {
          if (!findings.some((f) => f.span.start < finding.span.end + 2 && finding.span.start < f.span.end + 2)) findings.push(finding);
        }
      }
      if (independent) return findings.filter(reportedInIndependent).sort((a, b) => a.span.start - b.span.start);
      findings.sort((a, b) => a.span.start - b.span.start);
      // What the chunk reuses of each reference travels with its findings (cached together), for the document's share.
      const at = paragraphs[0]?.start ?? 0;
      const sources = Object.fromEntries(result.reuse.map((r) => [r.name, r.units]));
      findings.push({ code: REUSE_RECORD, messageId: 'reuse', span: { start: at, end: at }, args: { units: stream.key.length, sources: JSON.stringify(sources) } });
      return findings;
    };
    const findings: Finding[] = [];
    // What each chunk can take from each reference at most, remembered with the chunk (this runs on every edit).
    const boundOf = (chunk: readonly Paragraph[]): Finding[] => {
      const bound = reuseBound(collation, chunk.map(seedsFor));
      const at = chunk[0]?.start ?? 0;
      return [{ code: BOUND_RECORD, messageId: 'bound', span: { start: at, end: at }, args: { units: bound.units, sources: JSON.stringify(Object.fromEntries(bound.sources)) } }];
    };
    for (const scope of paragraphsByDocument(facts)) {
      const chunks = chunksOf(scope);
      const bound = documentReuse(chunks.flatMap((chunk) => facts.memoScope('bounds', chunk, () => boundOf(chunk))), BOUND_RECORD);
      const share = largestShare(bound);
      // Too little of it can be any reference's text for reuse or bare sentences to count (see below): most documents.
      const independent = bound.units >= INDEPENDENT_DOCUMENT && share < MIN_BARE_SHARE && share * 100 < evidence.minReuse;
      const namespace = independent ? 'independent chunks' : 'chunks';
      const found: Finding[] = [];
      for (const chunk of chunks) {
        const compute = () => collateChunk(chunk, independent);
        found.push(...facts.memoScope(namespace, chunk, compute));
      }
      if (independent) {
        findings.push(...found);
        continue;
      }
      const reuse = documentReuse(found);
      for (const finding of found) {
        if (finding.code === REUSE_RECORD) continue;
        const share = (reuse.sources.get(String(finding.args.reference)) ?? 0) / Math.max(1, reuse.units);
        // Reuse as evidence is a property of the whole document, not of one chunk.
        if (finding.args.evidence === 'reuse' && !isReusing(share, reuse.units, evidence)) continue;
        // A long document that takes little from the reference writes its formulas, it does not quote them.
        if ((finding.args.evidence === 'sentence' || finding.args.evidence === 'anchors') && reuse.units >= INDEPENDENT_DOCUMENT && share < MIN_BARE_SHARE) continue;
        findings.push(finding);
      }
    }
    return findings;
  },
};

const NONE: readonly Finding[] = [];

/** Code of the record a chunk's findings carry of what it reuses; never reported. */
const REUSE_RECORD = 'quote.reuse';

/**
 * Code of the record of what a chunk can take from each reference at most (`reuseBound`): chains
 * do not cross chunks, so a document's chains take at most the sum over its chunks.
 */
const BOUND_RECORD = 'quote.bound';

/** Units of a document and how many of them each reference supplies (or can supply), from its chunks' records. */
function documentReuse(found: readonly Finding[], record = REUSE_RECORD): { units: number; sources: Map<string, number> } {
  let units = 0;
  const sources = new Map<string, number>();
  for (const finding of found) {
    if (finding.code !== record) continue;
    units += Number(finding.args.units);
    for (const [name, count] of Object.entries(sourcesOf(finding.args))) sources.set(name, (sources.get(name) ?? 0) + count);
  }
  return { units, sources };
}

/** A reuse record's sources, parsed once per record: the scope memo's shifted copies share its args, and this ran for every chunk on every edit. */
const parsedSources = new WeakMap<object, Record<string, number>>();
function sourcesOf(args: Finding['args']): Record<string, number> {
  let sources = parsedSources.get(args);
  if (!sources) parsedSources.set(args, (sources = JSON.parse(String(args.sources)) as Record<string, number>));
  return sources;
}

/**
 * In a document of at least INDEPENDENT_DOCUMENT units, a bare sentence one word off the
 * reference counts only when at least MIN_BARE_SHARE of the document is that reference's
 * text: the national reports of other years (≤ 11 % from any built-in) rewrite its formulas.
 */
const INDEPENDENT_DOCUMENT = 3000;
const MIN_BARE_SHARE = 0.15;

/** In such a document only quotations, lead-ins and the whole-quotation comparison are reported. */
function reportedInIndependent(finding: Finding): boolean {
  const evidence = finding.args.evidence;
  return evidence === undefined || evidence === 'quotation' || evidence === 'lead-in';
}

/**
 * The paragraphs of a chunk to collate in a document that copies little: where a quotation or a
 * lead-in can be evidence, and the next one (a reordered sentence starting where such a difference
 * ends replaces it); around a whole quotation that differs, the paragraphs whose findings can hide
 * it (one on either side) and the next (a reordered sentence that replaces one of those).
 */
function relevantParagraphs(stream: DocumentStream, quotations: readonly (readonly Finding[])[]): Uint8Array {
  const count = stream.paragraphs.length;
  const relevant = new Uint8Array(count + 3);
  for (let p = 0; p < count; p++) {
    if (quotations[p].length > 0) relevant.fill(1, Math.max(0, p - 1), p + 3);
    else if (mayQuote(stream.key, stream.starts[p], stream.starts[p + 1])) relevant.fill(1, p, p + 2);
  }
  return relevant.subarray(0, count);
}

/**
 * A document is collated in chunks, so an edit re-aligns one: a chunk ends after a paragraph
 * that ends a sentence and whose text hashes to 0 mod 8 once it holds MIN_CHUNK characters, or
 * at MAX_CHUNK. The cuts depend on the paragraphs' own texts, not on where they are, so typing
 * into a paragraph moves no cut after the next one (content-defined chunking).
 */
const MIN_CHUNK = 3_000;
const MAX_CHUNK = 20_000;
const SENTENCE_END = new Set([...'。！？；!?;”」』）)'].map((c) => c.charCodeAt(0)));

function chunksOf(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const chunks: Paragraph[][] = [];
  let chunk: Paragraph[] = [];
  let size = 0;
  for (const paragraph of paragraphs) {
    chunk.push(paragraph);
    size += paragraph.text.length;
    if (size >= MAX_CHUNK || (size >= MIN_CHUNK && endsChunk(paragraph.text))) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** A sentence's end where the text decides to end a chunk (looked at only past MIN_CHUNK: this runs on every edit). */
function endsChunk(paragraph: string): boolean {
  const text = paragraph.trimEnd();
  return text.length > 0 && SENTENCE_END.has(text.charCodeAt(text.length - 1)) && (textHash(text) & 7) === 0;
}

/** A cheap hash of a paragraph (its length and a sample of its characters). */
function textHash(text: string): number {
  let hash = text.length;
  for (let i = 0; i < text.length; i += 7) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 3) & 0xffff;
}

/** Quotations (and reordered sentences) compared whole with reference sentences: at least this long. */
const QUOTATION_MIN_LENGTH = 12;

/** Anchors of a paragraph, remembered by its text for this set of references. */
export function anchorMemo(facts: DocumentFacts, index: ReferenceIndex, seedsFor = seedMemo(facts, index)): (paragraph: Paragraph) => ParagraphAnchors {
  const namespace = 'anchors';
  // The comparison form is the seeds' (made once per paragraph).
  const compute = (paragraph: Paragraph) => anchorsOf(index.collation, paragraph.text, seedsFor(paragraph));
  return (paragraph) => facts.memo(namespace, paragraph, compute);
}

/** Each paragraph's seeds (quotes/anchors.ts), remembered by text: every paragraph of every document has them. */
export function seedMemo(facts: DocumentFacts, index: ReferenceIndex): (paragraph: Paragraph) => ParagraphSeeds {
  const namespace = 'seeds';
  const compute = (paragraph: Paragraph) => seedsOf(index.collation, paragraph.text);
  return (paragraph) => facts.memo(namespace, paragraph, compute);
}

/** A paragraph left without anchors (a document that copies little, away from what can be reported). */
const UNSEEDED = { anchors: new Int32Array(0) };

function toFinding(deviation: Deviation, index: CollationIndex): Finding {
  const reference = index.sources[deviation.source].name;
  const line = deviation.line + 1;
  const fix = [{ span: deviation.fix.span, newText: deviation.fix.newText }];
  if (deviation.kind === 'truncation') {
    return { code: 'quote.mismatch', messageId: 'truncated', span: deviation.span, args: { reference, line, missing: deviation.fix.newText, evidence: deviation.evidence }, fix };
  }
  return {
    code: 'quote.mismatch',
    messageId: deviation.kind === 'reordered' ? 'reordered' : 'mismatch',
    span: deviation.span,
    args: { reference, line, expected: deviation.expected, actual: deviation.actual, evidence: deviation.evidence },
    fix,
  };
}

const PUNCTUATION = /^[，,、；;：:。！？!?“”‘’（）()《》\-—…·]+$/;

/** One mark for another (`，` for `、`) is form, not wording; a dropped or added 顿号 is wording. */
function punctuationSwapped(actual: string, expected: string): boolean {
  return PUNCTUATION.test(actual) && PUNCTUATION.test(expected);
}

function toQuoteFinding(mismatch: QuoteMismatch): Finding {
  return {
    code: 'quote.mismatch',
    messageId: mismatch.reordered ? 'reordered' : 'mismatch',
    span: mismatch.span,
    args: {
      reference: mismatch.reference.name,
      line: mismatch.reference.line + 1,
      expected: mismatch.expected,
      actual: mismatch.actual,
    },
    fix: [{ span: mismatch.fix.span, newText: mismatch.fix.newText }],
  };
}
