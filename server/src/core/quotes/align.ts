/**
 * Edit distances and alignments between a passage and a reference sentence,
 * on comparison keys (see normalize.ts). Distances are Levenshtein distances
 * in UTF-16 units: a changed, missing or extra character costs one.
 */

/** One difference: `a[aStart, aEnd)` stands where the reference has `b[bStart, bEnd)`. */
export interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Levenshtein distance of `a` and `b` if it is at most `limit`, else `limit + 1`.
 * Only the diagonal band of width 2·limit+1 is computed: O(limit · length).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const over = limit + 1;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : over;
    let rowMin = current[from - 1];
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (j <= i - 1 + limit ? previous[j] : over) + 1;
      const insert = current[j - 1] + 1;
      let best = substitute < remove ? substitute : remove;
      if (insert < best) best = insert;
      if (best > over) best = over;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (to < m) current[to + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[m], over);
}

/**
 * The differences between `a` and `b` from an optimal alignment (full
 * dynamic programme: call it on the few passages already known to be close).
 * Among equally short alignments, matches are taken as late as possible so
 * that hunks land on the changed characters, not on an equal neighbour.
 */
export function diffHunks(a: string, b: string): Hunk[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width);
  for (let j = 0; j <= m; j++) cost[j] = j;
  for (let i = 1; i <= n; i++) {
    cost[i * width] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const substitute = cost[(i - 1) * width + j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = cost[(i - 1) * width + j] + 1;
      const insert = cost[i * width + j - 1] + 1;
      cost[i * width + j] = Math.min(substitute, remove, insert);
    }
  }
  // Trace back from the end, collecting runs of non-matching steps.
  const hunks: Hunk[] = [];
  let i = n;
  let j = m;
  let open: { aEnd: number; bEnd: number } | undefined;
  const close = () => {
    if (open) hunks.push({ aStart: i, aEnd: open.aEnd, bStart: j, bEnd: open.bEnd });
    open = undefined;
  };
  while (i > 0 || j > 0) {
    const here = cost[i * width + j];
    if (i > 0 && j > 0 && a.charCodeAt(i - 1) === b.charCodeAt(j - 1) && here === cost[(i - 1) * width + j - 1]) {
      close();
      i--;
      j--;
      continue;
    }
    open ??= { aEnd: i, bEnd: j };
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1] + 1) {
      i--;
      j--;
    } else if (i > 0 && here === cost[(i - 1) * width + j] + 1) {
      i--;
    } else {
      j--;
    }
  }
  close();
  return hunks.reverse();
}

/**
 * The substring `b[start, end)` closest to all of `a` (semi-global alignment:
 * `a` must be matched whole, `b` may be entered and left anywhere), with its
 * Levenshtein distance. O(|a|·|b|).
 *
 * Among equally close substrings the one with the most matching characters
 * wins, and then the longest: a character missing near the start of a
 * quotation is read as missing (not as the quotation starting one character
 * later with a changed first character), and a changed last character as
 * changed (not as an extra one).
 */
export function closestSubstring(a: string, b: string): { start: number; end: number; distance: number } {
  const n = a.length;
  const m = b.length;
  // Cost = edits · (n + 1) − matches: edits first, matches break ties.
  const edit = n + 1;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  // Where the alignment ending in each cell entered `b`.
  let previousStart = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previousStart[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = edit * i;
    currentStart[0] = 0;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const substitute = previous[j - 1] + (code === b.charCodeAt(j - 1) ? -1 : edit);
      const remove = previous[j] + edit;
      const insert = current[j - 1] + edit;
      if (substitute <= remove && substitute <= insert) {
        current[j] = substitute;
        currentStart[j] = previousStart[j - 1];
      } else if (remove <= insert) {
        current[j] = remove;
        currentStart[j] = previousStart[j];
      } else {
        current[j] = insert;
        currentStart[j] = currentStart[j - 1];
      }
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  let end = 0;
  for (let j = 1; j <= m; j++) if (previous[j] <= previous[end]) end = j;
  return { start: previousStart[end], end, distance: Math.ceil(previous[end] / edit) };
}

/** True when the two strings hold the same characters in a different order. */
export function isPermutation(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a.charCodeAt(i), (counts.get(a.charCodeAt(i)) ?? 0) + 1);
  for (let i = 0; i < b.length; i++) {
    const left = (counts.get(b.charCodeAt(i)) ?? 0) - 1;
    if (left < 0) return false;
    counts.set(b.charCodeAt(i), left);
  }
  return true;
}

/**
 * Hunks close together, or that together move text (one deletes what the
 * other inserts), become one: one finding, one fix per place a reader would
 * point at.
 */
export function groupHunks(hunks: readonly Hunk[], a: string, b: string, gap = 2): Hunk[] {
  const grouped: Hunk[] = [];
  for (const hunk of hunks) {
    const last = grouped[grouped.length - 1];
    if (last && (hunk.aStart - last.aEnd <= gap || isMove(last, hunk, a, b))) {
      grouped[grouped.length - 1] = { aStart: last.aStart, aEnd: hunk.aEnd, bStart: last.bStart, bEnd: hunk.bEnd };
    } else {
      grouped.push(hunk);
    }
  }
  return grouped;
}

function isMove(first: Hunk, second: Hunk, a: string, b: string): boolean {
  const firstA = a.slice(first.aStart, first.aEnd);
  const firstB = b.slice(first.bStart, first.bEnd);
  const secondA = a.slice(second.aStart, second.aEnd);
  const secondB = b.slice(second.bStart, second.bEnd);
  // `XY…` → `…XY` and back: a deletion in one place and the same text inserted in the other.
  return (firstB === '' && secondA === '' && firstA.length > 0 && firstA === secondB) || (firstA === '' && secondB === '' && firstB.length > 0 && firstB === secondA);
}
