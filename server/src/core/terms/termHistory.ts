/**
 * The life of a term across the national reports: how often each government work report
 * (1954–2025) and each Party Congress report in the corpus uses it. Counted at build time
 * (scripts/buildData.ts → data/term-history.json); summarised here for the hover and the report.
 */

/** `[year or congress number, count]`, ascending, only non-zero counts. */
export type Series = readonly (readonly [number, number])[];

export interface TermHistoryRecord {
  /** Government work reports by year. */
  readonly gwr?: Series;
  /** Party Congress reports by congress number (18 = 2012, 20 = 2022). */
  readonly cpc?: Series;
}

/** The compact data file data/term-history.json. */
export interface TermHistoryData {
  readonly version: 1;
  /** The report years the corpus holds (years not listed are missing from it, not empty). */
  readonly gwrYears: readonly number[];
  readonly congresses: readonly number[];
  /** By glossary term: counts of the term, its aliases and accepted variants. */
  readonly terms: Readonly<Record<string, TermHistoryRecord>>;
}

export interface SeriesSummary {
  readonly first: number;
  readonly last: number;
  readonly total: number;
  /** How many reports use the term. */
  readonly reports: number;
  readonly peak: { readonly key: number; readonly count: number };
}

/** The timeline of one term, as `policyLens/termStatistics` sends it. */
export interface TermTimeline {
  readonly gwr: Series;
  readonly cpc: Series;
  readonly gwrYears: readonly number[];
  readonly congresses: readonly number[];
}

export function summarizeSeries(series: Series | undefined): SeriesSummary | undefined {
  if (!series || series.length === 0) return undefined;
  let peak = series[0];
  let total = 0;
  for (const point of series) {
    total += point[1];
    if (point[1] > peak[1]) peak = point;
  }
  return { first: series[0][0], last: series[series.length - 1][0], total, reports: series.length, peak: { key: peak[0], count: peak[1] } };
}

export function timelineOf(data: TermHistoryData, term: string): TermTimeline {
  const record = data.terms[term] ?? {};
  return { gwr: record.gwr ?? [], cpc: record.cpc ?? [], gwrYears: data.gwrYears, congresses: data.congresses };
}

/** One national report of the corpus, its lines already cleaned of zero-width characters. */
export interface HistoryDocument {
  readonly series: 'gwr' | 'cpc';
  /** The year (gwr) or the congress number (cpc). */
  readonly key: number;
  readonly lines: readonly string[];
}

/**
 * Counts the terms of the documents. `termsOfLine` gives the canonical terms found on a line, one
 * per occurrence (the caller matches with the same matcher and tokens as the editor).
 */
export function countTermHistory(documents: readonly HistoryDocument[], termsOfLine: (line: string) => readonly string[]): TermHistoryData {
  const counts = new Map<string, { gwr: Map<number, number>; cpc: Map<number, number> }>();
  for (const document of documents) {
    for (const line of document.lines) {
      for (const term of termsOfLine(line)) {
        let record = counts.get(term);
        if (!record) counts.set(term, (record = { gwr: new Map(), cpc: new Map() }));
        const series = record[document.series];
        series.set(document.key, (series.get(document.key) ?? 0) + 1);
      }
    }
  }
  const terms: Record<string, TermHistoryRecord> = {};
  for (const term of [...counts.keys()].sort()) {
    const record = counts.get(term)!;
    const gwr = toSeries(record.gwr);
    const cpc = toSeries(record.cpc);
    terms[term] = { ...(gwr.length > 0 ? { gwr } : {}), ...(cpc.length > 0 ? { cpc } : {}) };
  }
  const keys = (series: 'gwr' | 'cpc') => [...new Set(documents.filter((d) => d.series === series).map((d) => d.key))].sort((a, b) => a - b);
  return { version: 1, gwrYears: keys('gwr'), congresses: keys('cpc'), terms };
}

function toSeries(map: ReadonlyMap<number, number>): [number, number][] {
  return [...map.entries()].sort((a, b) => a[0] - b[0]);
}
