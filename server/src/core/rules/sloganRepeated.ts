import { fromParagraph } from '../findings';
import type { OutlineNode } from '../outline/types';
import type { GlossaryEntry } from '../terms/glossary';
import type { TermHit } from '../terms/termMatcher';
import { relativeParagraph } from '../text/paragraphs';
import type { Finding, Paragraph, Span, Token } from '../types';
import { charactersOf, perThousand, sectionUnits } from '../stats/sections';
import { paragraphsBySpan } from './documentScopes';
import { isParallelFrame, overlaps, phraseOccurrences } from './phrases';
import { paragraphInput, type DocumentFacts, type ParagraphInput, type Rule, type RuleOptions } from './rule';
import { headingsAt } from './slogan/headings';
import { mayRepeatModifier, modifierRepeats, occursApart } from './slogan/modifiers';
import { isNeverSlogan } from './slogan/notSlogans';
import { isTopic, leadSentence } from './slogan/topics';

const CODE = 'slogan.repeated';
/** Longer "paragraphs" are not prose: they are not checked for repeats within themselves. */
const MAX_PARAGRAPH_LENGTH = 10_000;
const NONE: readonly Finding[] = [];

/**
 * `slogan.repeated`: a slogan used too often — a formula (提法) of the glossary,
 * or a modifier of formulaic writing (进一步, 加快 …), three or more times in one
 * paragraph; a glossary formula too densely in one section. Not a slogan: names,
 * titles, institutions, places, laws, meetings, statistical indicators, plain
 * nouns (社会主义, 科学技术) and the topic a heading or lead sentence announces.
 * Deliberate parallel frames and occurrences inside longer fixed formulas of the
 * glossary do not count. One finding per phrase and scope, the other
 * occurrences as related places; a phrase dense in a section is reported for
 * the section only, not again for its paragraphs.
 */
export const sloganRepeatedRule: Rule = {
  id: CODE,
  defaultSeverity: 'information',
  needsTokens: true,
  // A copied sentence repeats its phrases; a term written two ways is about its form.
  yieldsTo: ['sentence.duplicated', 'term.inconsistent', 'term.variant', 'quote.mismatch'],
  cost: 'full',
  example: '`高质量发展` ×4 in one paragraph',
  description: {
    en: 'A slogan (提法) or a modifier of formulaic writing (进一步, 加快) repeated within a short span of a paragraph, or a slogan too dense in a section.',
    zh: '同一提法或套话（进一步、加快等）在一段内短距离重复，或提法在一节中过密。',
  },
  options: [
    { name: 'minLength', type: 'number', default: 4, minimum: 2, maximum: 20, description: { en: 'Shortest slogan (characters) counted within a paragraph; the modifiers 进一步, 加快 … always count.', zh: '段内计数的最短提法（字数）；进一步、加快等套话不受此限。' } },
    { name: 'minCount', type: 'number', default: 3, minimum: 2, maximum: 50, description: { en: 'Occurrences within a short span of one paragraph from which a slogan or modifier is reported.', zh: '同一段内短距离出现多少次即提示。' } },
    { name: 'flagParallelFrames', type: 'boolean', default: false, description: { en: 'Also report parallel frames such as 必须始终坚持… repeated at the start of clauses.', zh: '同时提示排比句式（如分句开头重复的“必须始终坚持……”）。' } },
    { name: 'sectionDensity', type: 'number', default: 4, minimum: 0.1, maximum: 100, description: { en: 'Occurrences of one glossary slogan per 1 000 characters of a section from which it is reported.', zh: '同一提法在一节中每千字出现多少次即提示。' } },
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
  // The tokens are read where a modifier or a formula's wording occurs minCount times (checkParagraph).
  readsTokens(facts: DocumentFacts, index: number, options: RuleOptions): boolean {
    const paragraph = facts.paragraphs[index];
    const text = paragraph.text;
    const minCount = options.minCount as number;
    if (text.length < 2 * minCount || text.length > MAX_PARAGRAPH_LENGTH) return false;
    return mayRepeat(facts, paragraph, minCount);
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const sections = checkSections(facts, options);
    const claimed = sections.flatMap((f) => [f.span, ...(f.related ?? [])]);
    const paragraphs = checkParagraphs(facts, options).filter((f) => !claimed.some((s) => overlaps(s, f.span)));
    return [...paragraphs, ...sections].sort((a, b) => a.span.start - b.span.start);
  },
};

/**
 * Paragraph level, cached per paragraph text; the topic the headings above a
 * paragraph announce is applied afterwards. Laws are skipped: a statute
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
    if (!found || found.length === 0) continue;
    // The topic the headings above announce is no slogan in this paragraph (not cached: headings change apart).
    const headings = headingsAt(facts.outline, paragraph.start).join('\n');
    findings.push(...fromParagraph(found.filter((f) => !isTopic(String(f.args.phrase), CORES.get(f) ?? '', headings)), paragraph));
  }
  return findings;
}

/** The memoised findings of one paragraph; undefined for paragraphs never checked. */
function paragraphFindings(facts: DocumentFacts, paragraph: Paragraph, options: RuleOptions): readonly Finding[] | undefined {
  // The modifiers (进一步 ×3) are shorter than minLength: a paragraph needs only room for them.
  if (paragraph.text.length < 2 * (options.minCount as number)) return undefined;
  // Matching repeats is quadratic in a paragraph's phrases: a line of 1 MB (a PDF dump
  // without line breaks) took minutes and blocked the server. Real paragraphs are far shorter.
  if (paragraph.text.length > MAX_PARAGRAPH_LENGTH) return undefined;
  // `checkParagraph` would find nothing: most paragraphs stop here, before their tokens, term hits and memo entry.
  if (!mayRepeat(facts, paragraph, options.minCount as number)) return NONE;
  if (!facts.hasTokens(paragraph)) return undefined;
  return facts.memo('paragraphs', paragraph, computeFor(facts, options));
}

/**
 * Whether a modifier or a glossary formula occurs minCount times in the paragraph: where neither
 * does, `checkParagraph` finds nothing (its term hits are among the candidates read here), so
 * the rule reads no tokens there and answers at once.
 */
function mayRepeat(facts: DocumentFacts, paragraph: Paragraph, minCount: number): boolean {
  return mayRepeatModifier(paragraph.text, minCount) || formulaMayRepeat(facts.termCandidates(paragraph), minCount);
}

/** One compute function per analysis (facts), not one closure per paragraph: that was garbage on every edit. */
const computers = new WeakMap<DocumentFacts, (paragraph: Paragraph) => Finding[]>();

function computeFor(facts: DocumentFacts, options: RuleOptions): (paragraph: Paragraph) => Finding[] {
  let compute = computers.get(facts);
  if (!compute) {
    compute = (p) => checkParagraph(paragraphInput(relativeParagraph(p), facts, p, facts.termHits(p)), options);
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

interface Repeat {
  readonly phrase: string;
  /** The glossary formula the phrase contains (高质量发展 in 推动高质量发展), '' for modifiers. */
  readonly core: string;
  readonly spans: Span[];
}

/** Reads `input.tokens` only where a formula or a modifier occurs often enough: most paragraphs never need the token objects. */
function checkParagraph(input: ParagraphInput, options: RuleOptions): Finding[] {
  const { paragraph, terms, ignored } = input;
  const minLength = options.minLength as number;
  const minCount = options.minCount as number;
  const text = paragraph.text;
  // A repeat is reported only for a phrase holding a formula, so the formula occurs minCount
  // times: without such a formula there is nothing to find (nor frames to find it in). Nor
  // without a modifier occurring minCount times: most paragraphs stop here.
  const mayFormula = mayRepeatFormula(text, terms, minCount);
  const mayModifier = mayRepeatModifier(text, minCount);
  if (!mayFormula && !mayModifier) return [];
  const isIgnored = (phrase: string) => {
    for (const i of ignored) if (phrase.includes(i)) return true;
    return false;
  };
  // Occurrences inside a longer fixed formula (以高质量发展促进高水平安全…) are part of the formula.
  const formulas = terms.filter((t) => t.match.entry.kind === 'slogan' && t.end - t.start > minLength);
  const candidates: Repeat[] = [];
  const frames: Span[] = [];
  const quoted = quotations(text);
  const phrases = mayFormula ? phraseOccurrences(text, input.tokens ?? [], terms, minLength, 8, minCount) : new Map<string, Span[]>();
  for (const [phrase, all] of phrases) {
    // Ignoring 高质量发展 also silences the longer 推动高质量发展 it would otherwise uncover.
    if (all.length < minCount || isIgnored(phrase)) continue;
    const spans = all.filter((s) => !formulas.some((f) => f.form !== phrase && f.start <= s.start && s.end <= f.end));
    if (spans.length < minCount) continue;
    if (!options.flagParallelFrames && isParallelFrame(text, spans)) {
      frames.push(...spans);
      continue;
    }
    const entry = formulaIn(terms, spans[0]);
    // Only formulas are slogans: a plain noun phrase (社会主义, 科学技术, 养老保险) or the
    // name of a policy area, industry or programme (营商环境, 数字经济) is the subject matter.
    if (!entry || !isFormula(entry)) continue;
    // 高质量发展大会, 高质量发展示范区: part of a name. And a repeat is within a short span.
    const named = spans.filter((s) => !NAME_FOLLOWS.test(text.slice(s.end, s.end + 5)) && !NAME_BEFORE.test(text.slice(Math.max(0, s.start - 5), s.start)));
    // Words inside quotation marks are quoted (a leader's request, a central document), not the writer's to vary.
    const own = named.filter((s) => !quoted.some((q) => q.start <= s.start && s.end <= q.end && q.end - q.start > s.end - s.start + 2));
    if (!withinSpan(own, minCount) || sharedOpening(text, own, minCount)) continue;
    if (isNeverSlogan(phrase, tokensIn(input.tokens ?? [], spans[0]), entry)) continue;
    candidates.push({ phrase, core: entry.term, spans: own });
  }
  // Parts of a parallel frame (始终坚持 in 必须始终坚持…) belong to the frame.
  const free = candidates.filter((c) => !c.spans.every((s) => frames.some((f) => f.start <= s.start && s.end <= f.end)));
  // Keep maximal repeats: the most frequent phrase of an overlapping family, the longest on a tie.
  free.sort((a, b) => b.spans.length - a.spans.length || b.phrase.length - a.phrase.length || a.spans[0].start - b.spans[0].start);
  const accepted: Repeat[] = [];
  for (const candidate of free) {
    if (accepted.some((a) => a.spans.some((s) => candidate.spans.some((c) => overlaps(s, c))))) continue;
    accepted.push(candidate);
  }
  for (const { phrase, spans } of mayModifier ? modifierRepeats(text, input.tokens ?? [], minCount, quoted) : []) {
    if (!isIgnored(phrase)) accepted.push({ phrase, core: '', spans });
  }
  // The topic a short lead sentence announces (积极推进新型城镇化。) is no slogan in its paragraph.
  const lead = leadSentence(text);
  return accepted
    .filter((r) => !isTopic(r.phrase, r.core, lead))
    .map(({ phrase, core, spans }) => repeatFinding('paragraph', phrase, core, spans, { phrase, count: spans.length }))
    .sort((a, b) => a.span.start - b.span.start);
}

/** Before a formula used inside the name of a regional strategy: 长江经济带高质量发展. */
const NAME_BEFORE = /(经济带|经济圈|大湾区|流域|一体化)$/;

/** Spans inside “…” (and 「…」), quotation marks included. A term in quotes (“两个毫不动摇”) is not a quotation. */
export function quotations(text: string): Span[] {
  const spans: Span[] = [];
  // Most paragraphs quote nothing: two searches instead of a regular expression over the paragraph.
  if (!text.includes('“') && !text.includes('「')) return spans;
  for (const match of text.matchAll(/“[^“”]*”|「[^「」]*」/g)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

/**
 * Anaphora: `minCount` occurrences opening their clauses the same way
 * (`，加快高质量发展其略已定…，加快高质量发展正逢其时`) are a deliberate frame.
 */
function sharedOpening(text: string, spans: readonly Span[], minCount: number): boolean {
  const openings = new Map<string, number>();
  for (const s of spans) {
    const before = text.slice(Math.max(0, s.start - 3), s.start);
    if (before.length === 3 && /[，。；：！？、]/.test(before[0])) openings.set(before, (openings.get(before) ?? 0) + 1);
  }
  return [...openings.values()].some((n) => n >= minCount);
}

/** "In a short span": `minCount` occurrences of a formula within this many characters. */
const FORMULA_WINDOW = 400;

function withinSpan(spans: readonly Span[], minCount: number): boolean {
  return spans.some((s, i) => i + minCount - 1 < spans.length && spans[i + minCount - 1].end - s.start <= FORMULA_WINDOW);
}

/** The glossary formula inside each cached paragraph finding's phrase, for the headings' topic test. */
const CORES = new WeakMap<Finding, string>();

/** One finding per phrase: on its first occurrence, every other one related. */
function repeatFinding(messageId: string, phrase: string, core: string, spans: readonly Span[], args: Record<string, string | number>): Finding {
  const finding: Finding = { code: CODE, messageId, span: spans[0], args, related: spans.slice(1), ignoreKey: phrase };
  if (core) CORES.set(finding, core);
  return finding;
}

/** What follows a formula used inside a name: a meeting, a zone, a plan, a project's quoted code (高质量发展“331”工程). */
const NAME_FOLLOWS = /^(大会|会议|论坛|峰会|博览会|示范区|试验区|先行区|集聚|实施方案|规划|条例|行动|三年行动|行动方案|行动计划|工程|暨|“[0-9A-Za-z+])/;

/** Formulas (提法): the glossary's slogans and its ideas of development (高质量发展, 新发展格局, 中国式现代化). */
export function isFormula(entry: GlossaryEntry): boolean {
  return entry.kind === 'slogan' || entry.category === '发展理念';
}

/**
 * True when the wording of some formula among `terms` occurs at least `minCount` times in the text
 * (apart). Given the term candidates (every form occurring, boundaries aside), true wherever it is
 * true of the term hits.
 */
export function mayRepeatFormula(text: string, terms: readonly TermHit[], minCount: number): boolean {
  const tried = new Set<string>();
  for (const hit of terms) {
    if (tried.has(hit.form) || !isFormula(hit.match.entry)) continue;
    tried.add(hit.form);
    if (occursApart(text, hit.form, minCount)) return true;
  }
  return false;
}

/**
 * `mayRepeatFormula(text, candidates, minCount)` read off the candidates, which are every
 * occurrence of every glossary form (by start): no search of the text per formula.
 */
export function formulaMayRepeat(candidates: readonly TermHit[], minCount: number): boolean {
  let counted: Map<string, { count: number; free: number }> | undefined;
  for (let k = 0; k < candidates.length; k++) {
    const hit = candidates[k];
    if (!isFormula(hit.match.entry)) continue;
    counted ??= new Map();
    let form = counted.get(hit.form);
    if (!form) counted.set(hit.form, (form = { count: 0, free: 0 }));
    if (hit.start < form.free) continue;
    if (++form.count >= minCount) return true;
    form.free = hit.end;
  }
  return false;
}

/** The glossary formula a phrase occurrence is or contains (the longest), if any. */
function formulaIn(terms: readonly TermHit[], span: Span): GlossaryEntry | undefined {
  let best: TermHit | undefined;
  for (const hit of terms) {
    if (hit.start >= span.start && hit.end <= span.end && (!best || hit.end - hit.start > best.end - best.start)) best = hit;
  }
  return best?.match.entry;
}

function tokensIn(tokens: readonly Token[], span: Span): Token[] {
  return tokens.filter((t) => t.start >= span.start && t.end <= span.end);
}

/**
 * Section level: glossary formulas too dense in a part of a report, cached per
 * section; a part about the formula (its heading names it) is left alone afterwards.
 */
function checkSections(facts: DocumentFacts, options: RuleOptions): Finding[] {
  const density = options.sectionDensity as number;
  const minCount = options.sectionMinCount as number;
  const findings: Finding[] = [];
  const laws = lawSpans(facts.outline, facts.text.length);
  const found = sectionUnits(facts.outline, { openings: false })
    .map((unit) => unit.node)
    .filter((node) => !laws.some((law) => law.start <= node.span.start && node.span.end <= law.end));
  const sections = found.length > 0 ? found : laws.length > 0 ? [] : [undefined];
  const spans = sections.map((node) => node?.span ?? { start: 0, end: facts.text.length });
  paragraphsBySpan(facts.paragraphs, spans).forEach((paragraphs, i) => {
    const node = sections[i];
    const topic = node ? [...headingsAt(facts.outline, node.span.start), node.name].join('\n') : '';
    // A section no edit touched keeps its findings.
    const compute = () => sectionFindings(facts, paragraphs, density, minCount);
    findings.push(...facts.memoScope('sections', paragraphs, compute).filter((f) => !isTopic(String(f.args.phrase), '', topic)));
  });
  return findings;
}

function sectionFindings(facts: DocumentFacts, paragraphs: readonly Paragraph[], density: number, minCount: number): Finding[] {
  const findings: Finding[] = [];
  const occurrences = new Map<string, Span[]>();
  const entries = new Map<string, GlossaryEntry>();
  const characters = charactersOf(paragraphs);
  // Index loops: every term hit of a section, first before V8 has optimised this.
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    const hits = facts.termHits(paragraph);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      const entry = hit.match.entry;
      if (hit.end - hit.start < 4 || !isFormula(entry) || facts.ignored.has(entry.term)) continue;
      const list = occurrences.get(entry.term) ?? [];
      list.push({ start: paragraph.start + hit.start, end: paragraph.start + hit.end });
      occurrences.set(entry.term, list);
      entries.set(entry.term, entry);
    }
  }
  for (const [phrase, spans] of occurrences) {
    const found = perThousand(spans.length, characters);
    if (spans.length < minCount || found < density) continue;
    if (isNeverSlogan(phrase, [], entries.get(phrase))) continue;
    findings.push(repeatFinding('section', phrase, '', spans, { phrase, count: spans.length, density: found.toFixed(1) }));
  }
  return findings;
}
