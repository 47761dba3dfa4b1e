import type { Paragraph, Span } from '../types';
import { classifyLine, type LineCandidate } from './headingPatterns';
import { contentEnd, contentStart } from './sentence';

/**
 * The table of contents (目录) of a compilation or a booklet, and where each of
 * its entries is in the body. Decisions:
 *
 * - A TOC is a line `目录` / `目  录` / `目次` among the first lines of the
 *   document, followed by entries: a line ending in a page number after leader
 *   dots (`·····`, `……`, `....`) or a tab. An entry may wrap: a short line
 *   without a page number right before an entry line is its first half.
 * - `1.` / `一、` / unmarked entries are articles (level 1); `(1)` / `（一）` or
 *   indented entries are their sub-entries (level 2).
 * - An entry is matched by its wording, compared without spaces, punctuation
 *   and heading markers: the body title may spread over several lines (title
 *   and subtitle lines), the entry may put them on one. Entries are looked for
 *   in order, each after the previous one.
 * - An entry with no such title is compared with the title-like lines between
 *   its neighbours' matches: one that shares most of its wording (a changed
 *   word, a missing phrase) is its article, with the wording differing.
 */

export interface TocEntry {
  /** Line of the entry (its first line when it wraps). */
  readonly line: number;
  readonly level: 1 | 2;
  /** The entry's wording without its number, leader dots and page number. */
  readonly text: string;
  /** Where that wording stands in the document. */
  readonly span: Span;
  readonly page: number;
}

export interface TocMatch {
  /** Body lines of the title: the title line and its subtitle lines. */
  readonly lines: readonly number[];
  /** The title as written in the body (lines joined with a space). */
  readonly wording: string;
  /** False when the title's wording differs from the entry's. */
  readonly exact: boolean;
}

export interface TableOfContents {
  /** The `目录` line. */
  readonly headerLine: number;
  readonly lastLine: number;
  readonly entries: readonly TocEntry[];
  /** `matches[i]` is where `entries[i]` is in the body, undefined when nowhere. */
  readonly matches: readonly (TocMatch | undefined)[];
}

/** How far from the top a `目录` line may stand. */
const MAX_HEADER_LINE = 200;
const TOC_HEADER = /^目\s*[录錄次]$/;
const TOC_LINE = /^(.*?)[ \t\u3000]*(?:[.·…‥⋯．_\-－—]{2,}|\t)[ \t\u3000]*(\d{1,4})$/;
const ENTRY_MARKER = /^(?:(\d{1,3}[.．、](?!\d))|([（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)])|([一二三四五六七八九十]{1,3}[、.．]))\s*/;
/** Heading markers stripped from body lines before comparing. */
const BODY_MARKER =
  /^(?:[一二三四五六七八九十百]{1,4}[、.．]|[（(](?:[一二三四五六七八九十百]{1,4}|\d{1,3})[）)]|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十百\d]{1,4}[编章节部分篇])\s*/;
/** Body title lines are short; paragraphs are not titles. */
const MAX_TITLE_LINE = 80;
const MAX_TITLE_LINES = 4;
const MIN_SIMILARITY = 0.6;
/** Title-like lines compared with an entry not found word for word (bounds the work on hard-wrapped text). */
const MAX_FUZZY_CANDIDATES = 200;
/** Entries not found word for word that are compared at all. */
const MAX_FUZZY_ENTRIES = 20;

/** The table of contents of the document, or undefined when it has none (fewer than two entries). */
export function findTableOfContents(paragraphs: readonly Paragraph[], classify: (line: string) => LineCandidate | null = classifyLine): TableOfContents | undefined {
  const headerLine = findHeader(paragraphs);
  if (headerLine === undefined) return undefined;
  const { entries, lastLine } = readEntries(paragraphs, headerLine);
  if (entries.length < 2) return undefined;
  return { headerLine, lastLine, entries, matches: matchEntries(paragraphs, entries, lastLine + 1, classify) };
}

/**
 * The body lines of the articles (level-1 entries found in the body), in
 * document order. An entry that names one of the document's own numbered
 * headings (`第一章 总则`, `一、总体要求`: the 目录 of a single law or plan) is
 * not an article: those headings keep their level.
 */
export function tocDocumentTitles(toc: TableOfContents, isNumberedHeading: (line: number) => boolean): number[][] {
  const titles: number[][] = [];
  toc.entries.forEach((entry, index) => {
    const match = toc.matches[index];
    if (entry.level === 1 && match && !isNumberedHeading(match.lines[0])) titles.push([...match.lines]);
  });
  return titles;
}

function findHeader(paragraphs: readonly Paragraph[]): number | undefined {
  const limit = Math.min(paragraphs.length, MAX_HEADER_LINE);
  for (let line = 0; line < limit; line++) if (TOC_HEADER.test(trimmed(paragraphs[line].text))) return line;
  return undefined;
}

function readEntries(paragraphs: readonly Paragraph[], headerLine: number): { entries: TocEntry[]; lastLine: number } {
  const entries: TocEntry[] = [];
  let lastLine = headerLine;
  let pending: number | undefined; // the first half of a wrapped entry
  for (let line = headerLine + 1; line < paragraphs.length; line++) {
    const paragraph = paragraphs[line];
    const content = trimmed(paragraph.text);
    if (content === '') continue;
    const toc = TOC_LINE.exec(content);
    if (!toc) {
      // A wrapped entry's first half: short, and the next non-blank line is an entry.
      if (pending !== undefined || content.length > MAX_TITLE_LINE || !nextIsEntry(paragraphs, line)) break;
      pending = line;
      continue;
    }
    entries.push(entryOf(paragraphs, pending ?? line, line, toc[1], Number(toc[2])));
    pending = undefined;
    lastLine = line;
  }
  return { entries, lastLine };
}

function nextIsEntry(paragraphs: readonly Paragraph[], line: number): boolean {
  for (let next = line + 1; next < paragraphs.length; next++) {
    const content = trimmed(paragraphs[next].text);
    if (content !== '') return TOC_LINE.test(content);
  }
  return false;
}

function entryOf(paragraphs: readonly Paragraph[], firstLine: number, lastLine: number, lastText: string, page: number): TocEntry {
  const first = paragraphs[firstLine];
  const firstStart = contentStart(first.text);
  const marker = ENTRY_MARKER.exec(first.text.slice(firstStart));
  const indented = firstStart >= 2 || /^[\t\u3000]/.test(first.text);
  const level: 1 | 2 = marker?.[2] || (!marker && indented) ? 2 : 1;
  const textStart = first.start + firstStart + (marker ? marker[0].length : 0);
  const last = paragraphs[lastLine];
  const lastEnd = last.start + contentStart(last.text) + lastText.length;
  const text = firstLine === lastLine ? lastText.slice(marker ? marker[0].length : 0) : `${trimmed(first.text).slice(marker ? marker[0].length : 0)}${lastText}`;
  return { line: firstLine, level, text: text.trim(), span: { start: textStart, end: lastEnd }, page };
}

/** Letters, digits and Han characters only: spaces, punctuation and line breaks do not count. */
function normalize(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** An entry's wording as compared: `第一章 总则` like the chapter heading `第一章 总则`. */
function entryKey(entry: TocEntry): string {
  return normalize(entry.text.replace(BODY_MARKER, ''));
}

/** A body line as a title could start with it: normalized, without its heading marker, the first sentence of an inline heading. */
function titleKey(text: string, classify: (line: string) => LineCandidate | null): string {
  const content = trimmed(text);
  if (content === '' || content.length > 400) return '';
  const candidate = classify(text);
  if (candidate?.type === 'heading' && !candidate.standalone) {
    // `（一）大力推进现代化产业体系建设，加快发展新质生产力。…`: the heading is its first sentence.
    return normalize(text.slice(contentStart(text), candidate.nameEnd).replace(BODY_MARKER, ''));
  }
  if (content.length > MAX_TITLE_LINE) return '';
  return normalize(content.replace(BODY_MARKER, ''));
}

function matchEntries(
  paragraphs: readonly Paragraph[],
  entries: readonly TocEntry[],
  bodyStart: number,
  classify: (line: string) => LineCandidate | null,
): (TocMatch | undefined)[] {
  const keys: (string | undefined)[] = new Array(paragraphs.length);
  const keyOf = (line: number) => (keys[line] ??= titleKey(paragraphs[line].text, classify));
  const matches: (TocMatch | undefined)[] = new Array(entries.length).fill(undefined);
  let from = bodyStart;
  entries.forEach((entry, index) => {
    const lines = findExact(paragraphs, keyOf, entryKey(entry), from);
    if (!lines) return;
    matches[index] = { lines, wording: wordingOf(paragraphs, lines), exact: true };
    from = lines[lines.length - 1] + 1;
  });
  // Entries not found: the most similar title between the neighbours' matches.
  let fuzzyBudget = MAX_FUZZY_ENTRIES;
  entries.forEach((entry, index) => {
    if (matches[index] || fuzzyBudget-- <= 0) return;
    let start = bodyStart;
    for (let i = index - 1; i >= 0; i--) {
      const previous = matches[i];
      if (previous) {
        start = previous.lines[previous.lines.length - 1] + 1;
        break;
      }
    }
    let end = paragraphs.length;
    for (let i = index + 1; i < entries.length; i++) {
      const next = matches[i];
      if (next) {
        end = Math.min(end, next.lines[0]);
        break;
      }
    }
    const lines = findSimilar(paragraphs, keyOf, entryKey(entry), start, end);
    if (lines) matches[index] = { lines, wording: wordingOf(paragraphs, lines), exact: false };
  });
  return matches;
}

/** The first run of non-blank lines from `from` whose keys, joined, are exactly `target`. */
function findExact(paragraphs: readonly Paragraph[], keyOf: (line: number) => string, target: string, from: number): number[] | undefined {
  if (target === '') return undefined;
  for (let line = from; line < paragraphs.length; line++) {
    const key = keyOf(line);
    if (key === '' || !target.startsWith(key)) continue;
    const lines = [line];
    let joined = key;
    let next = line;
    while (joined.length < target.length && lines.length < MAX_TITLE_LINES) {
      next = nextNonBlank(paragraphs, next);
      if (next === -1) break;
      const nextKey = keyOf(next);
      if (nextKey === '' || !target.startsWith(joined + nextKey)) break;
      joined += nextKey;
      lines.push(next);
    }
    if (joined === target) return lines;
  }
  return undefined;
}

/** The run of one to `MAX_TITLE_LINES` title-like lines in `[from, to)` most similar to `target`, if similar enough. */
function findSimilar(paragraphs: readonly Paragraph[], keyOf: (line: number) => string, target: string, from: number, to: number): number[] | undefined {
  if (target.length < 4) return undefined;
  const targetGrams = bigrams(target);
  let best: { lines: number[]; score: number } | undefined;
  let candidates = 0;
  for (let line = from; line < to && candidates < MAX_FUZZY_CANDIDATES; line++) {
    const key = keyOf(line);
    if (key === '' || endsLikeSentence(paragraphs[line].text)) continue;
    candidates++;
    // A title's first line shares much of its wording with the entry: skip the rest cheaply.
    if (sharedShare(key, targetGrams) < 0.3) continue;
    const lines: number[] = [];
    let joined = '';
    for (let next = line; next !== -1 && next < to && lines.length < MAX_TITLE_LINES; next = nextNonBlank(paragraphs, next)) {
      const key = keyOf(next);
      if (key === '' || endsLikeSentence(paragraphs[next].text)) break;
      joined += key;
      lines.push(next);
      if (joined.length > target.length * 1.5) break;
      const score = dice(targetGrams, bigrams(joined));
      if (!best || score > best.score) best = { lines: [...lines], score };
    }
  }
  return best && best.score >= MIN_SIMILARITY ? best.lines : undefined;
}

/** Share of the bigrams of `key` that occur in `grams`. */
function sharedShare(key: string, grams: Map<string, number>): number {
  if (key.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 1 < key.length; i++) if (grams.has(key.slice(i, i + 2))) shared++;
  return shared / (key.length - 1);
}

function endsLikeSentence(text: string): boolean {
  return /[。！？；!?;]\s*$/.test(text);
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of two bigram multisets. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const count of a.values()) total += count;
  for (const [gram, count] of b) {
    total += count;
    shared += Math.min(count, a.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

function wordingOf(paragraphs: readonly Paragraph[], lines: readonly number[]): string {
  return lines.map((line) => trimmed(paragraphs[line].text)).join(' ');
}

function nextNonBlank(paragraphs: readonly Paragraph[], line: number): number {
  for (let next = line + 1; next < paragraphs.length; next++) if (trimmed(paragraphs[next].text) !== '') return next;
  return -1;
}

function trimmed(text: string): string {
  return text.slice(contentStart(text), contentEnd(text));
}
