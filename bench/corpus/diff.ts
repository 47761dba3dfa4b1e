import { findingKey, type CorpusFinding } from './corpusRun';

export interface RuleDiff {
  readonly code: string;
  readonly added: readonly CorpusFinding[];
  readonly gone: readonly CorpusFinding[];
}

/**
 * New and gone findings per rule between two runs. Findings are compared by
 * file, line, rule and phrase, as multisets (a phrase may be reported twice on a line).
 */
export function diffRuns(before: readonly CorpusFinding[], after: readonly CorpusFinding[]): RuleDiff[] {
  const remaining = new Map<string, CorpusFinding[]>();
  for (const f of before) {
    const list = remaining.get(findingKey(f)) ?? [];
    list.push(f);
    remaining.set(findingKey(f), list);
  }
  const added: CorpusFinding[] = [];
  for (const f of after) {
    const list = remaining.get(findingKey(f));
    if (list && list.length > 0) list.pop();
    else added.push(f);
  }
  const gone = [...remaining.values()].flat();
  const codes = [...new Set([...added, ...gone].map((f) => f.code))].sort();
  return codes.map((code) => ({ code, added: added.filter((f) => f.code === code), gone: gone.filter((f) => f.code === code) }));
}
