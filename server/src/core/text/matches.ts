/**
 * Matches of a global regular expression, for the rules that scan every paragraph with one:
 * `matchAll` copies the expression on each call (≈ 70 ns, as much as scanning a short paragraph
 * for a few characters), these reuse it. The expression's `lastIndex` is set before each search,
 * so a scan interrupted by an exception leaves nothing behind for the next one.
 */

/** The first match in `text`, or null. */
export function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

/** The match after `previous` (past it, or one unit on after an empty match), or null. */
export function nextMatch(pattern: RegExp, text: string, previous: RegExpExecArray): RegExpExecArray | null {
  pattern.lastIndex = previous.index + (previous[0].length || 1);
  return pattern.exec(text);
}

/** Every match in `text`, as `[...text.matchAll(pattern)]` gives them. */
export function matchesIn(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (let match = firstMatch(pattern, text); match; match = nextMatch(pattern, text, match)) matches.push(match);
  return matches;
}
