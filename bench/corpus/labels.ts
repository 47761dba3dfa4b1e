import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingKey, type CorpusFinding } from './corpusRun';

/** One judged finding: a line of `test/fixtures/labels/<rule>.tsv`. */
export interface Label {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly phrase: string;
  readonly verdict: boolean;
  readonly reason: string;
  /** Where the label is written: `slogan.repeated.tsv:12`. */
  readonly source: string;
}

export const LABEL_COLUMNS = ['file', 'line', 'code', 'phrase', 'verdict', 'reason'] as const;

/** Parses one labels file; throws on a malformed line, naming it. */
export function parseLabels(text: string, name: string): Label[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0].split('\t').join(',') !== LABEL_COLUMNS.join(',')) throw new Error(`${name}:1: the header must be ${LABEL_COLUMNS.join('<TAB>')}`);
  const labels: Label[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${name}:${i + 2}`;
    const cells = raw.split('\t');
    if (cells.length !== LABEL_COLUMNS.length) throw new Error(`${where}: ${cells.length} columns, expected ${LABEL_COLUMNS.length}`);
    const [file, line, code, phrase, verdict, reason] = cells;
    if (!/^[1-9]\d*$/.test(line)) throw new Error(`${where}: line "${line}" is not a positive number`);
    if (verdict !== 'true' && verdict !== 'false') throw new Error(`${where}: verdict "${verdict}" is not true or false`);
    if (reason.trim() === '') throw new Error(`${where}: no reason`);
    labels.push({ file, line: Number(line), code, phrase, verdict: verdict === 'true', reason, source: where });
  });
  return labels;
}

/** Every `*.tsv` of a folder, in name order (other branches add their own files). */
export function readLabelFolder(folder: string): Label[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.tsv'))
    .sort()
    .flatMap((name) => parseLabels(fs.readFileSync(path.join(folder, name), 'utf8'), name));
}

export interface RulePrecision {
  readonly code: string;
  readonly labelled: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  /** Of the labelled findings that still occur: true / (true + false); 1 when none occur. */
  readonly precision: number;
  /** Labelled false alarms that the rules report again. */
  readonly falseReturned: readonly Label[];
  /** Labelled true findings that the rules no longer report. */
  readonly trueMissing: readonly Label[];
  /** Labelled false alarms that are gone (fixed). */
  readonly falseGone: number;
}

/**
 * Matches labels against a run's findings by file, line, rule and phrase
 * (each label consumes one finding) and computes per-rule precision.
 */
export function judge(labels: readonly Label[], findings: readonly CorpusFinding[]): RulePrecision[] {
  const present = new Map<string, number>();
  for (const f of findings) present.set(findingKey(f), (present.get(findingKey(f)) ?? 0) + 1);
  const byCode = new Map<string, { found: Label[]; missing: Label[] }>();
  for (const label of labels) {
    const entry = byCode.get(label.code) ?? { found: [], missing: [] };
    byCode.set(label.code, entry);
    const key = findingKey(label);
    const left = present.get(key) ?? 0;
    if (left > 0) {
      present.set(key, left - 1);
      entry.found.push(label);
    } else entry.missing.push(label);
  }
  return [...byCode]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { found, missing }]) => {
      const truePositives = found.filter((l) => l.verdict).length;
      const falsePositives = found.length - truePositives;
      return {
        code,
        labelled: found.length + missing.length,
        truePositives,
        falsePositives,
        precision: found.length > 0 ? truePositives / found.length : 1,
        falseReturned: found.filter((l) => !l.verdict),
        trueMissing: missing.filter((l) => l.verdict),
        falseGone: missing.filter((l) => !l.verdict).length,
      };
    });
}
