import type { GradedFinding } from '../analysis';
import type { OutlineNode } from '../outline/types';
import { paragraphsBySpan } from '../rules/documentScopes';
import { charactersOf, perThousand, sectionUnits } from './sections';
import type { DocumentFacts } from '../rules/rule';
import type { FormRole, GlossaryEntry } from '../terms/glossary';
import type { Span } from '../types';

/**
 * Term statistics of a document (the Policy Terms view and the term report): which glossary
 * terms and slogans it uses and how often, how densely the most used ones occur in each part, and
 * what each check found. Pure: facts and findings in, numbers and spans out.
 */

export interface FormCount {
  readonly form: string;
  readonly role: FormRole;
  readonly count: number;
}

export interface TermTally {
  readonly entry: GlossaryEntry;
  /** Occurrences of any of its forms (the term, aliases, accepted and wrong spellings). */
  readonly count: number;
  /** The forms written, most frequent first. */
  readonly forms: readonly FormCount[];
  /** Document offsets, in document order. */
  readonly occurrences: readonly Span[];
}

/** A unit of the density table: a part (`一、`) or chapter, a document's opening before its first part, or a whole document. */
export interface StatSection {
  /** The heading, or '' for text before any heading. */
  readonly name: string;
  readonly line: number;
  readonly span: Span;
  /** Characters on its non-empty lines: what densities are per 1 000 of. */
  readonly characters: number;
}

export interface DensityRow {
  readonly entry: GlossaryEntry;
  /** Occurrences in each section, in the order of `sections`. */
  readonly counts: readonly number[];
  /** Occurrences per 1 000 characters of each section (0 for a section without text). */
  readonly perThousand: readonly number[];
}

export type FindingSeverity = GradedFinding['severity'];

export interface RuleTally<F = GradedFinding> {
  readonly code: string;
  readonly count: number;
  readonly bySeverity: Readonly<Record<FindingSeverity, number>>;
  readonly findings: readonly F[];
}

export interface DocumentStatistics {
  /** Characters on non-empty lines. */
  readonly characters: number;
  /** Most used first; equal counts by term. */
  readonly terms: readonly TermTally[];
  readonly sections: readonly StatSection[];
  /** The most used terms and slogans (`densityRows` of them), section by section. */
  readonly density: readonly DensityRow[];
  /** Findings grouped by rule, rules in the order their first finding came (the registry's order). */
  readonly rules: readonly RuleTally[];
}

export interface StatisticsOptions {
  /** How many of the most used entries get a row in the density table. */
  readonly densityRows: number;
}

export const DEFAULT_STATISTICS_OPTIONS: StatisticsOptions = { densityRows: 10 };

export function documentStatistics(
  facts: DocumentFacts,
  findings: readonly GradedFinding[],
  options: StatisticsOptions = DEFAULT_STATISTICS_OPTIONS,
): DocumentStatistics {
  const terms = tallyTerms(facts);
  const sections = statSections(facts);
  const density = terms.slice(0, options.densityRows).map((tally) => densityRow(tally, sections));
  const characters = facts.paragraphs.reduce((sum, p) => sum + (p.text.length > 0 ? p.text.length : 0), 0);
  return { characters, terms, sections, density, rules: tallyRules(findings) };
}

function tallyTerms(facts: DocumentFacts): TermTally[] {
  const byEntry = new Map<GlossaryEntry, { forms: Map<string, { role: FormRole; count: number }>; occurrences: Span[] }>();
  for (const paragraph of facts.paragraphs) {
    if (paragraph.text.length === 0) continue;
    for (const hit of facts.termHits(paragraph)) {
      let tally = byEntry.get(hit.match.entry);
      if (!tally) byEntry.set(hit.match.entry, (tally = { forms: new Map(), occurrences: [] }));
      const form = tally.forms.get(hit.form);
      if (form) form.count++;
      else tally.forms.set(hit.form, { role: hit.match.role, count: 1 });
      tally.occurrences.push({ start: paragraph.start + hit.start, end: paragraph.start + hit.end });
    }
  }
  return [...byEntry]
    .map(([entry, { forms, occurrences }]) => ({
      entry,
      count: occurrences.length,
      forms: [...forms].map(([form, { role, count }]) => ({ form, role, count })).sort((a, b) => b.count - a.count || compare(a.form, b.form)),
      occurrences,
    }))
    .sort((a, b) => b.count - a.count || compare(a.entry.term, b.entry.term));
}

/**
 * The parts of the document for the density table: `一、` parts and `第X章` chapters (of each
 * document of a compilation), a document's opening before its first part, documents without parts,
 * and text before the first heading. Units without text are left out.
 */
export function statSections(facts: Pick<DocumentFacts, 'text' | 'paragraphs' | 'outline'>): StatSection[] {
  const units: { name: string; line: number; span: Span }[] = [];
  // Units start with their heading's line (a heading's span starts at its marker, after any indent).
  const lineStart = (node: OutlineNode) => facts.paragraphs[node.line]?.start ?? node.span.start;
  const firstPart = (node: OutlineNode) => node.children.find((child) => child.kind === 'part' || child.kind === 'chapter')!;
  for (const { node, opening } of sectionUnits(facts.outline, { openings: true })) {
    // The title, preface and greeting before 一、 end where the first part starts.
    units.push({ name: node.name, line: node.line, span: { start: lineStart(node), end: opening ? lineStart(firstPart(node)) : node.span.end } });
  }
  units.sort((a, b) => a.span.start - b.span.start);

  // Text outside every unit (before the first heading, between documents) is a section of its own.
  const spans: { name: string; line: number; span: Span }[] = [];
  let at = 0;
  const gap = (end: number) => {
    if (end > at) spans.push({ name: '', line: -1, span: { start: at, end } });
  };
  for (const unit of units) {
    if (unit.span.start < at) continue; // nested in a unit already taken
    gap(unit.span.start);
    spans.push({ name: unit.name, line: unit.line, span: unit.span });
    at = unit.span.end;
  }
  gap(facts.text.length);

  const groups = paragraphsBySpan(facts.paragraphs, spans.map((s) => s.span));
  const sections: StatSection[] = [];
  spans.forEach((s, i) => {
    const paragraphs = groups[i];
    if (paragraphs.length === 0) return;
    const characters = charactersOf(paragraphs);
    sections.push({ name: s.name, line: s.line >= 0 ? s.line : paragraphs[0].line, span: s.span, characters });
  });
  return sections;
}

function densityRow(tally: TermTally, sections: readonly StatSection[]): DensityRow {
  const counts = sections.map(() => 0);
  let s = 0;
  for (const occurrence of tally.occurrences) {
    while (s < sections.length && occurrence.start >= sections[s].span.end) s++;
    if (s >= sections.length) break;
    if (occurrence.start >= sections[s].span.start) counts[s]++;
  }
  return { entry: tally.entry, counts, perThousand: counts.map((count, i) => perThousand(count, sections[i].characters)) };
}

export { perThousand };

function tallyRules<F extends { readonly code: string; readonly severity: FindingSeverity }>(findings: readonly F[]): RuleTally<F>[] {
  const byCode = new Map<string, F[]>();
  for (const finding of findings) {
    const list = byCode.get(finding.code) ?? [];
    list.push(finding);
    byCode.set(finding.code, list);
  }
  return [...byCode].map(([code, list]) => ({ code, count: list.length, bySeverity: severities(list), findings: list }));
}

function severities(findings: readonly { readonly severity: FindingSeverity }[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** A document of a workspace and its statistics. */
export interface NamedStatistics {
  readonly name: string;
  readonly statistics: DocumentStatistics;
}

export interface CombinedTermTally {
  readonly entry: GlossaryEntry;
  readonly count: number;
  readonly forms: readonly FormCount[];
  /** Occurrences in each document, in the order given. */
  readonly perDocument: readonly number[];
}

/** A finding and the index of its document. */
export interface DocumentFinding {
  readonly document: number;
  readonly finding: GradedFinding;
}

export interface CombinedStatistics {
  readonly characters: number;
  readonly terms: readonly CombinedTermTally[];
  /** One section per document: the density table compares documents. */
  readonly sections: readonly StatSection[];
  readonly density: readonly DensityRow[];
  readonly rules: readonly RuleTally<DocumentFinding & { readonly code: string; readonly severity: FindingSeverity }>[];
}

/**
 * Statistics of many documents (a workspace) from theirs: counts add up, the density table has a
 * column per document, findings keep the index of their document.
 */
export function combineStatistics(documents: readonly NamedStatistics[], options: StatisticsOptions = DEFAULT_STATISTICS_OPTIONS): CombinedStatistics {
  const byTerm = new Map<string, { entry: GlossaryEntry; forms: Map<string, { role: FormRole; count: number }>; perDocument: number[] }>();
  documents.forEach(({ statistics }, d) => {
    for (const tally of statistics.terms) {
      let combined = byTerm.get(tally.entry.term);
      if (!combined) byTerm.set(tally.entry.term, (combined = { entry: tally.entry, forms: new Map(), perDocument: documents.map(() => 0) }));
      combined.perDocument[d] += tally.count;
      for (const { form, role, count } of tally.forms) {
        const known = combined.forms.get(form);
        if (known) known.count += count;
        else combined.forms.set(form, { role, count });
      }
    }
  });
  const terms: CombinedTermTally[] = [...byTerm.values()]
    .map(({ entry, forms, perDocument }) => ({
      entry,
      count: perDocument.reduce((a, b) => a + b, 0),
      forms: [...forms].map(([form, { role, count }]) => ({ form, role, count })).sort((a, b) => b.count - a.count || compare(a.form, b.form)),
      perDocument,
    }))
    .sort((a, b) => b.count - a.count || compare(a.entry.term, b.entry.term));
  const sections: StatSection[] = documents.map(({ name, statistics }) => ({
    name,
    line: 0,
    span: { start: 0, end: 0 },
    characters: statistics.characters,
  }));
  const density = terms.slice(0, options.densityRows).map((tally) => ({
    entry: tally.entry,
    counts: tally.perDocument,
    perThousand: tally.perDocument.map((count, d) => perThousand(count, sections[d].characters)),
  }));
  const located = documents.flatMap(({ statistics }, document) =>
    statistics.rules.flatMap((rule) => rule.findings.map((finding) => ({ document, finding, code: finding.code, severity: finding.severity }))),
  );
  return {
    characters: documents.reduce((sum, d) => sum + d.statistics.characters, 0),
    terms,
    sections,
    density,
    rules: tallyRules(located),
  };
}

/** Code-unit order: deterministic; the client sorts names for people (pinyin). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
