import { fromParagraph } from '../findings';
import type { OutlineNode } from '../outline/types';
import { relativeParagraph } from '../text/paragraphs';
import type { Finding, Paragraph, Span } from '../types';
import { charactersOf, perThousand, sectionUnits } from '../stats/sections';
import { paragraphsBySpan } from './documentScopes';
import { isParallelFrame, overlaps, phraseOccurrences } from './phrases';
import type { DocumentFacts, ParagraphInput, Rule, RuleOptions } from './rule';

const CODE = 'slogan.repeated';
/** Longer "paragraphs" are not prose: they are not checked for repeats within themselves. */
const MAX_PARAGRAPH_LENGTH = 10_000;

/**
 * `slogan.repeated`: a phrase or slogan used too often — three or more times in
 * one paragraph, or too densely in one section. Deliberate parallel frames and
 * occurrences inside longer fixed formulas of the glossary do not count.
 */
export const sloganRepeatedRule: Rule = {
  id: CODE,
  defaultSeverity: 'information',
  needsTokens: true,
  cost: 'full',
  example: '`高质量发展` ×4 in one paragraph',
  description: {
    en: 'The same phrase or slogan repeated too often in a paragraph or a section.',
    zh: '同一短语或提法在一段或一节中重复过多。',
  },
  options: [
    { name: 'minLength', type: 'number', default: 4, minimum: 2, maximum: 20, description: { en: 'Shortest phrase (characters) counted within a paragraph.', zh: '段内计数的最短短语（字数）。' } },
    { name: 'minCount', type: 'number', default: 3, minimum: 2, maximum: 50, description: { en: 'Occurrences in one paragraph from which a phrase is reported.', zh: '同一段内出现多少次即提示。' } },
    { name: 'flagParallelFrames', type: 'boolean', default: false, description: { en: 'Also report parallel frames such as 必须始终坚持… repeated at the start of clauses.', zh: '同时提示排比句式（如分句开头重复的“必须始终坚持……”）。' } },
    { name: 'sectionDensity', type: 'number', default: 3, minimum: 0.1, maximum: 100, description: { en: 'Occurrences of one glossary slogan or term per 1 000 characters of a section from which it is reported.', zh: '同一术语或提法在一节中每千字出现多少次即提示。' } },
    { name: 'sectionMinCount', type: 'number', default: 8, minimum: 2, maximum: 500, description: { en: 'Fewest occurrences in a section before its density is judged.', zh: '一节中至少出现多少次才判断密度。' } },
  ],
  messages: {
    paragraph: { en: '"{phrase}" occurs {count} times in this paragraph.', zh: '“{phrase}”在本段出现 {count} 次。' },
    section: {
      en: '"{phrase}" occurs {count} times in this section ({density} per 1 000 characters).',
      zh: '“{phrase}”在本节出现 {count} 次（每千字 {density} 次）。',
    },
  },
  warmParagraph(facts: DocumentFacts, paragraph: Paragraph, options: RuleOptions): void {
    paragraphFindings(facts, paragraph, options);
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    return [...checkParagraphs(facts, options), ...checkSections(facts, options)];
  },
};

/**
 * Paragraph level, cached per paragraph text. Laws are skipped: a statute
 * repeats its defined terms (国家秘密 ×6 in one article) by necessity.
 */
function checkParagraphs(facts: DocumentFacts, options: RuleOptions): Finding[] {
  const articles = lawSpans(facts.outline, facts.text.length);
  const findings: Finding[] = [];
  let a = 0;
  for (const paragraph of facts.paragraphs) {
    while (a < articles.length && articles[a].end <= paragraph.start) a++;
    if (a < articles.length && articles[a].start <= paragraph.start) continue;
    const found = paragraphFindings(facts, paragraph, options);
    if (found) findings.push(...fromParagraph(found, paragraph));
  }
  return findings;
}

/** The memoised findings of one paragraph; undefined for paragraphs never checked. */
function paragraphFindings(facts: DocumentFacts, paragraph: Paragraph, options: RuleOptions): readonly Finding[] | undefined {
  if (paragraph.text.length < (options.minLength as number) * (options.minCount as number)) return undefined;
  // Matching repeats is quadratic in a paragraph's phrases: a line of 1 MB (a PDF dump
  // without line breaks) took minutes and blocked the server. Real paragraphs are far shorter.
  if (paragraph.text.length > MAX_PARAGRAPH_LENGTH) return undefined;
  const tokens = facts.tokensOf(paragraph);
  if (!tokens) return undefined;
  return facts.memo('paragraphs', paragraph, computeFor(facts, options));
}

/** One compute function per analysis (facts), not one closure per paragraph: that was garbage on every edit. */
const computers = new WeakMap<DocumentFacts, (paragraph: Paragraph) => Finding[]>();

function computeFor(facts: DocumentFacts, options: RuleOptions): (paragraph: Paragraph) => Finding[] {
  let compute = computers.get(facts);
  if (!compute) {
    compute = (p) => checkParagraph({ paragraph: relativeParagraph(p), tokens: facts.tokensOf(p), terms: facts.termHits(p), ignored: facts.ignored }, options);
    computers.set(facts, compute);
  }
  return compute;
}

/** Spans of laws: documents (or the whole text) that contain articles (第X条), in document order. */
function lawSpans(outline: readonly OutlineNode[], length: number): Span[] {
  const hasArticles = (node: OutlineNode): boolean => node.kind === 'article' || node.children.some(hasArticles);
  const documents = outline.filter((node) => node.kind === 'document');
  if (documents.length === 0) return outline.some(hasArticles) ? [{ start: 0, end: length }] : [];
  return documents.filter(hasArticles).map((node) => node.span);
}

function checkParagraph({ paragraph, tokens, terms, ignored }: ParagraphInput, options: RuleOptions): Finding[] {
  if (!tokens) return [];
  const minLength = options.minLength as number;
  const minCount = options.minCount as number;
  const text = paragraph.text;
  // Occurrences inside a longer fixed formula (以高质量发展促进高水平安全…) are part of the formula.
  const formulas = terms.filter((t) => t.match.entry.kind === 'slogan' && t.end - t.start > minLength);
  const candidates: { phrase: string; spans: Span[] }[] = [];
  const frames: Span[] = [];
  for (const [phrase, all] of phraseOccurrences(tokens, terms, minLength, 8)) {
    // Ignoring 高质量发展 also silences the longer 推动高质量发展 it would otherwise uncover.
    if (all.length < minCount || [...ignored].some((i) => phrase.includes(i))) continue;
    const spans = all.filter((s) => !formulas.some((f) => f.form !== phrase && f.start <= s.start && s.end <= f.end));
    if (spans.length < minCount) continue;
    if (!options.flagParallelFrames && isParallelFrame(text, spans)) {
      frames.push(...spans);
      continue;
    }
    candidates.push({ phrase, spans });
  }
  // Parts of a parallel frame (始终坚持 in 必须始终坚持…) belong to the frame.
  const free = candidates.filter((c) => !c.spans.every((s) => frames.some((f) => f.start <= s.start && s.end <= f.end)));
  candidates.length = 0;
  candidates.push(...free);
  // Keep maximal repeats: the most frequent phrase of an overlapping family, the longest on a tie.
  candidates.sort((a, b) => b.spans.length - a.spans.length || b.phrase.length - a.phrase.length || a.spans[0].start - b.spans[0].start);
  const accepted: { phrase: string; spans: Span[] }[] = [];
  for (const candidate of candidates) {
    if (accepted.some((a) => a.spans.some((s) => candidate.spans.some((c) => overlaps(s, c))))) continue;
    accepted.push(candidate);
  }
  const findings: Finding[] = [];
  for (const { phrase, spans } of accepted) {
    spans.slice(minCount - 1).forEach((span) => {
      findings.push({
        code: CODE,
        messageId: 'paragraph',
        span,
        args: { phrase, count: spans.length },
        // The other occurrences, at most 20 (as term.inconsistent): all of them made the
        // findings of a phrase repeated n times quadratic in size (2 000 × 2 000 spans).
        related: spans.filter((s) => s !== span).slice(0, 20),
        ignoreKey: phrase,
      });
    });
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** Section level: glossary terms and slogans too dense in a part of a report. */
function checkSections(facts: DocumentFacts, options: RuleOptions): Finding[] {
  const density = options.sectionDensity as number;
  const minCount = options.sectionMinCount as number;
  const findings: Finding[] = [];
  const laws = lawSpans(facts.outline, facts.text.length);
  const found = sectionUnits(facts.outline, { openings: false }).map((unit) => unit.node).filter((node) => !laws.some((law) => law.start <= node.span.start && node.span.end <= law.end));
  const sections = found.length > 0 ? found.map((node) => node.span) : laws.length > 0 ? [] : [{ start: 0, end: facts.text.length }];
  for (const paragraphs of paragraphsBySpan(facts.paragraphs, sections)) {
    // A section no edit touched keeps its findings.
    const compute = () => sectionFindings(facts, paragraphs, density, minCount);
    findings.push(...facts.memoScope('sections', paragraphs, compute));
  }
  return findings;
}

function sectionFindings(facts: DocumentFacts, paragraphs: readonly Paragraph[], density: number, minCount: number): Finding[] {
  const findings: Finding[] = [];
  const occurrences = new Map<string, Span[]>();
  const characters = charactersOf(paragraphs);
  for (const paragraph of paragraphs) {
    for (const hit of facts.termHits(paragraph)) {
      if (hit.end - hit.start < 4 || facts.ignored.has(hit.match.entry.term)) continue;
      const list = occurrences.get(hit.match.entry.term) ?? [];
      list.push({ start: paragraph.start + hit.start, end: paragraph.start + hit.end });
      occurrences.set(hit.match.entry.term, list);
    }
  }
  for (const [phrase, spans] of occurrences) {
    const found = perThousand(spans.length, characters);
    if (spans.length < minCount || found < density) continue;
    findings.push({
      code: CODE,
      messageId: 'section',
      span: spans[spans.length - 1],
      args: { phrase, count: spans.length, density: found.toFixed(1) },
      related: spans.slice(0, -1),
      ignoreKey: phrase,
    });
  }
  return findings;
}
