import type { Span } from '../types';
import type { Rule } from './rule';

interface Owned {
  readonly code: string;
  readonly span: Span;
  readonly related?: readonly Span[];
}

/**
 * One phrase, one rule: a finding of a rule that yields to others (`yieldsTo`)
 * is dropped when any of its places overlaps a finding of those rules. The
 * more specific rule owns the text — `sentence.duplicated` the copied sentence
 * whose phrases therefore repeat, `term.inconsistent` the term written two ways.
 */
export function resolveOwnership<F extends Owned>(findings: F[], rules: readonly Rule[]): F[] {
  const yielding = rules.filter((r) => r.yieldsTo && r.yieldsTo.length > 0);
  if (yielding.length === 0) return findings;
  const owners = new Map<string, Span[]>();
  for (const f of findings) {
    const list = owners.get(f.code);
    if (list) list.push(f.span);
    else owners.set(f.code, [f.span]);
  }
  const dropped = new Set<F>();
  for (const rule of yielding) {
    const owned = rule.yieldsTo!.flatMap((code) => owners.get(code) ?? []).sort((a, b) => a.start - b.start);
    if (owned.length === 0) continue;
    for (const f of findings) {
      if (f.code === rule.id && [f.span, ...(f.related ?? [])].some((s) => overlapsAny(owned, s))) dropped.add(f);
    }
  }
  return dropped.size === 0 ? findings : findings.filter((f) => !dropped.has(f));
}

/** Binary search over spans sorted by start (owned findings are short and rarely nested). */
function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  // Candidates start before span.end; a long owned span may start far earlier.
  for (let i = lo - 1; i >= 0; i--) {
    if (sorted[i].end > span.start) return true;
    if (span.start - sorted[i].start > 10_000) break;
  }
  return false;
}
