/**
 * The term report's content, computed from the server's `policyLens/termStatistics` answer. Pure
 * (no `vscode`, no DOM): the extension builds the input, the webview script draws it, tests check it.
 */
import type { FindingSeverityName, TermStatisticsResult } from '../../../server/src/protocol';

/** Every text the report shows, in the editor's display language (from the extension's l10n bundle). */
export interface ReportLabels {
  /** `{0}` characters, `{1}` terms and slogans, `{2}` occurrences, `{3}` findings. */
  readonly summary: string;
  readonly topTerms: string;
  readonly term: string;
  readonly slogan: string;
  readonly occurrences: string;
  readonly density: string;
  readonly densityNote: string;
  /** A section without a heading (text before the first one). */
  readonly opening: string;
  readonly total: string;
  readonly findings: string;
  readonly rule: string;
  readonly count: string;
  /** `{0}` a count, with the noun for one and for more (English `1 warning`, `2 warnings`). */
  readonly severities: Readonly<Record<FindingSeverityName, { readonly one: string; readonly other: string }>>;
  readonly noTerms: string;
  readonly noFindings: string;
  readonly refresh: string;
  /** `{0}` a 1-based line number. */
  readonly line: string;
  /** `{0}` shown, `{1}` total. */
  readonly truncated: string;
  readonly history: string;
  readonly historyNote: string;
}

/** What the extension posts to the webview. */
export interface ReportInput {
  readonly title: string;
  readonly labels: ReportLabels;
  readonly result: TermStatisticsResult;
  /** How to name each document (by URI) in locations and columns: its path in the workspace. */
  readonly documentNames: Readonly<Record<string, string>>;
}

export type ReportMessage = { readonly type: 'render'; readonly input: ReportInput };
export type ReportRequest =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'reveal'; readonly uri: string; readonly line: number; readonly character: number; readonly endLine: number; readonly endCharacter: number };

/** Fills `{0}`, `{1}` … */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** Thousands grouped the way the display language does it (12,345 / 12,345). */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function summaryLine(input: ReportInput): string {
  const { result, labels } = input;
  const occurrences = result.terms.reduce((sum, t) => sum + t.count, 0);
  const findings = result.rules.reduce((sum, r) => sum + r.count, 0);
  return format(labels.summary, formatNumber(result.characters), result.terms.length, occurrences, findings);
}

export interface BarData {
  readonly labels: readonly string[];
  /** One value per label: the count for terms, null for slogans (two datasets, so the legend tells them apart). */
  readonly terms: readonly (number | null)[];
  readonly slogans: readonly (number | null)[];
}

/** The `limit` most used terms and slogans, most used first. */
export function barData(result: TermStatisticsResult, limit = 20): BarData {
  const top = result.terms.slice(0, limit);
  return {
    labels: top.map((t) => t.term),
    terms: top.map((t) => (t.kind === 'term' ? t.count : null)),
    slogans: top.map((t) => (t.kind === 'slogan' ? t.count : null)),
  };
}

export interface HistoryChart {
  /** Government work report years of the corpus, from the earliest first use among the charted terms. */
  readonly years: readonly number[];
  readonly series: readonly { readonly term: string; readonly kind: 'term' | 'slogan'; readonly counts: readonly number[] }[];
}

/**
 * The life of the document's most used terms in the government work reports: occurrences per
 * report year, for the `limit` most used terms that at least two reports use. Undefined when none.
 */
export function historyChart(result: TermStatisticsResult, limit = 6): HistoryChart | undefined {
  const corpusYears = result.historyCorpus?.gwrYears ?? [];
  const charted = result.terms.filter((t) => (t.history?.gwr.length ?? 0) >= 2).slice(0, limit);
  if (charted.length === 0 || corpusYears.length === 0) return undefined;
  const from = Math.min(...charted.map((t) => t.history!.gwr[0][0]));
  const years = corpusYears.filter((year) => year >= from);
  return {
    years,
    series: charted.map((t) => {
      const byYear = new Map(t.history!.gwr.map(([year, count]) => [year, count] as const));
      return { term: t.term, kind: t.kind, counts: years.map((year) => byYear.get(year) ?? 0) };
    }),
  };
}

export interface HeatCell {
  readonly count: number;
  readonly perThousand: number;
  /** 0…1: this cell's density relative to the densest cell of the table. */
  readonly intensity: number;
}

export interface Heatmap {
  /** `label` the header, `title` the full name, `tooltip` the header's tooltip (full name, line, characters). */
  readonly columns: readonly { readonly label: string; readonly title: string; readonly tooltip: string; readonly characters: number }[];
  readonly rows: readonly { readonly term: string; readonly kind: 'term' | 'slogan'; readonly total: number; readonly cells: readonly HeatCell[] }[];
}

const COLUMN_LABEL_LENGTH = 10;

/** The density table: a row per top term, a column per section (or document), cells shaded by density. */
export function heatmap(input: ReportInput): Heatmap {
  const { result, labels } = input;
  const max = Math.max(0, ...result.density.flatMap((row) => row.perThousand));
  const titles = result.sections.map((section) =>
    result.scope === 'workspace' ? (input.documentNames[section.uri] ?? section.name) : section.name || labels.opening,
  );
  const shortLabels = columnLabels(titles, COLUMN_LABEL_LENGTH);
  const columns = result.sections.map((section, i) => {
    // In a document, the line tells apart sections of the same name (each report's 一、2023年工作回顾).
    const where = result.scope === 'document' ? ` · ${format(labels.line, section.line + 1)}` : '';
    return { label: shortLabels[i], title: titles[i], tooltip: `${titles[i]}${where} (${formatNumber(section.characters)})`, characters: section.characters };
  });
  const rows = result.density.map((row) => ({
    term: row.term,
    kind: row.kind,
    total: row.counts.reduce((a, b) => a + b, 0),
    cells: row.counts.map((count, i) => ({ count, perThousand: row.perThousand[i], intensity: max > 0 ? row.perThousand[i] / max : 0 })),
  }));
  return { columns, rows };
}

export interface RuleRow {
  readonly code: string;
  readonly title: string;
  readonly count: number;
  /** Non-zero severities, most severe first, e.g. "7 information". */
  readonly severities: string;
  readonly findings: readonly { readonly message: string; readonly location: string; readonly reveal: Extract<ReportRequest, { type: 'reveal' }> }[];
  /** Set when the server sent fewer findings than `count`. */
  readonly truncated?: string;
}

const SEVERITY_ORDER: readonly FindingSeverityName[] = ['error', 'warning', 'information', 'hint'];

export function ruleRows(input: ReportInput): RuleRow[] {
  const { result, labels } = input;
  return result.rules.map((rule) => ({
    code: rule.code,
    title: rule.title,
    count: rule.count,
    severities: SEVERITY_ORDER.filter((s) => rule.bySeverity[s] > 0)
      .map((s) => format(rule.bySeverity[s] === 1 ? labels.severities[s].one : labels.severities[s].other, rule.bySeverity[s]))
      .join(' · '),
    findings: rule.findings.map((finding) => {
      const line = format(labels.line, finding.range.start.line + 1);
      const location = result.scope === 'workspace' ? `${input.documentNames[finding.uri] ?? finding.uri} · ${line}` : line;
      const { start, end } = finding.range;
      return {
        message: finding.message,
        location,
        reveal: { type: 'reveal' as const, uri: finding.uri, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character },
      };
    }),
    truncated: rule.findings.length < rule.count ? format(labels.truncated, rule.findings.length, rule.count) : undefined,
  }));
}

/**
 * A theme colour without its transparency: some themes give chart colours an alpha (Dark Modern's
 * `charts.orange` is `rgba(234, 92, 0, 0.33)`), which makes bars and labels hard to read.
 */
export function opaque(color: string): string {
  const rgba = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*[\d.]+%?\s*\)$/i.exec(color);
  if (rgba) return `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`;
  const long = /^#([0-9a-f]{6})[0-9a-f]{2}$/i.exec(color);
  if (long) return `#${long[1]}`;
  const short = /^#([0-9a-f]{3})[0-9a-f]$/i.exec(color);
  return short ? `#${short[1]}` : color;
}

function shorten(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : text;
}

/** How many leading characters a label keeps before the part that tells it from its neighbours. */
const LABEL_HEAD = 3;
/** At most this many characters of that distinguishing part (an ellipsis included). */
const LABEL_TAIL = 8;
/** Digits and Chinese numerals: a number is shown whole, never from its middle (`22日`, not `2日`). */
const NUMERAL = /[0-9０-９〇零一二三四五六七八九十百千]/;

/**
 * Column headers, at most `length` characters where that keeps them apart: names cut at the end
 * (`一、2023年工作…`), but names that would then read the same — a compilation's articles all
 * credited `《人民日报》（2024年03月…`, files in one folder — keep their head and the part where they
 * differ (`《人民…22日第01版）`). Different names always get different labels; only names that are
 * the same stay the same (the full name is the header's tooltip).
 */
export function columnLabels(titles: readonly string[], length: number): string[] {
  const heads = titles.map((title) => shorten(title, length));
  const labels = titles.map((title, i) => {
    if (heads[i] === title) return title;
    const rivals = titles.filter((other, j) => j !== i && other !== title && heads[j] === heads[i]);
    if (rivals.length === 0) return heads[i];
    const chars = [...title];
    // Where this name departs from the rival closest to it, moved back to the start of a number.
    let start = Math.max(...rivals.map((rival) => commonPrefixLength(chars, [...rival])));
    while (start > LABEL_HEAD && NUMERAL.test(chars[start - 1])) start--;
    // A name that is the start of a longer one: its last characters.
    if (start >= chars.length) start = Math.max(LABEL_HEAD, chars.length - LABEL_TAIL);
    const tail = chars.slice(start);
    const shown = tail.length > LABEL_TAIL ? `${tail.slice(0, LABEL_TAIL - 1).join('')}…` : tail.join('');
    return `${chars.slice(0, Math.min(LABEL_HEAD, start)).join('')}…${shown}`;
  });
  // Two different names whose labels still meet (they differ only beyond the part shown) keep their full names.
  return labels.map((label, i) => (titles.some((other, j) => other !== titles[i] && labels[j] === label) ? titles[i] : label));
}

function commonPrefixLength(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
