/** What the Policy Terms view shows, without `vscode`: grouping, sorting, cycling through occurrences. */
import type { TermStatistic } from '../../../server/src/protocol';

export type SortOrder = 'count' | 'name';

export interface TermGroup {
  readonly category: string;
  /** The category in the UI language. */
  readonly name: string;
  /** Occurrences of all its terms. */
  readonly count: number;
  readonly terms: readonly TermStatistic[];
}

/** Chinese names in pinyin order (ICU's zh collation), as a reader expects an index; English ones alphabetically. */
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/**
 * Terms grouped by glossary category. By count: the most used categories and terms first (equal
 * counts by name); by name: categories (by their name in the UI language) and terms in pinyin order.
 */
export function groupTerms(terms: readonly TermStatistic[], sort: SortOrder): TermGroup[] {
  const byCategory = new Map<string, TermStatistic[]>();
  for (const term of terms) {
    const list = byCategory.get(term.category) ?? [];
    list.push(term);
    byCategory.set(term.category, list);
  }
  const byName = (a: string, b: string) => collator.compare(a, b);
  const groups = [...byCategory].map(([category, list]) => ({
    category,
    name: list[0].categoryName,
    count: list.reduce((sum, t) => sum + t.count, 0),
    terms: list.sort(sort === 'count' ? (a, b) => b.count - a.count || byName(a.term, b.term) : (a, b) => byName(a.term, b.term)),
  }));
  return groups.sort(sort === 'count' ? (a, b) => b.count - a.count || byName(a.name, b.name) : (a, b) => byName(a.name, b.name));
}

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/**
 * Which occurrence a click goes to: the first that starts after the cursor, wrapping round to the
 * first. With the previous occurrence selected, that is the next one, so clicks cycle.
 */
export function nextOccurrence(starts: readonly LinePosition[], cursor: LinePosition | undefined): number {
  if (!cursor) return 0;
  const after = starts.findIndex((s) => s.line > cursor.line || (s.line === cursor.line && s.character > cursor.character));
  return after >= 0 ? after : 0;
}
