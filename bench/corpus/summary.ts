import type { CorpusFinding, CorpusRun } from './corpusRun';

export interface RuleSummary {
  readonly code: string;
  readonly findings: number;
  /** Findings per 10 000 characters of the run. */
  readonly per10k: number;
  /** Files with the most findings of this rule, most first. */
  readonly topFiles: readonly { file: string; count: number }[];
}

/** Per-rule counts and densities of a run, rules in `codes` order (all rules, even those without findings). */
export function summarize(run: CorpusRun, codes: readonly string[]): RuleSummary[] {
  const characters = run.files.reduce((sum, f) => sum + f.characters, 0);
  return codes.map((code) => {
    const mine = run.findings.filter((f) => f.code === code);
    const byFile = new Map<string, number>();
    for (const f of mine) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
    const topFiles = [...byFile].map(([file, count]) => ({ file, count })).sort((a, b) => b.count - a.count || a.file.localeCompare(b.file)).slice(0, 3);
    return { code, findings: mine.length, per10k: characters > 0 ? (mine.length * 10_000) / characters : 0, topFiles };
  });
}

/** `n` findings spread evenly over the list (deterministic, so two runs show comparable samples). */
export function sample(findings: readonly CorpusFinding[], n: number): CorpusFinding[] {
  if (findings.length <= n) return [...findings];
  const step = findings.length / n;
  return Array.from({ length: n }, (_, i) => findings[Math.floor(i * step + step / 2)]);
}

/** The phrases a rule reports most often (e.g. `社会主义` × 364), most first. */
export function topPhrases(findings: readonly CorpusFinding[], n: number): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.phrase, (counts.get(f.phrase) ?? 0) + 1);
  return [...counts].map(([phrase, count]) => ({ phrase, count })).sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase)).slice(0, n);
}
