import { MARKER_PUNCTUATION, formatNumeralLike, numeralSystemOf, rebracketMarker, renumberMarker, repunctuateMarker } from '../outline/markerText';
import { parseChineseNumeral } from '../outline/chineseNumerals';
import type { OutlineNode } from '../outline/types';
import type { DocumentText, Finding, Paragraph, Span, TextEdit } from '../types';
import { continuedFrom, endOfLine, quoteLineFacts, uncountedHeadings, type QuoteLines } from './numberingExemptions';
import type { DocumentFacts, Rule } from './rule';

/**
 * `outline.numbering`: gaps, repeats and inconsistent spelling in the numbers
 * of headings. Numbers restart per document, per parent heading (also under
 * unnumbered parts), and lead items (`一是`) restart at every `一是`. Articles
 * and chapters of a law are numbered through the whole law.
 */
export const numberingRule: Rule = {
  id: 'outline.numbering',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'light',
  textOnly: true,
  example: '`一、二、四、`; `（一）` next to `(二)`',
  description: {
    en: 'Heading numbers that skip, repeat, mix bracket widths or punctuation, or break the GB/T 9704 level order.',
    zh: '标题序号跳号、重号、括号全半角或序号标点不统一，或层级顺序不符合 GB/T 9704。',
  },
  options: [],
  messages: {
    skipped: { en: 'Numbering skips: expected {expected}, found {found}.', zh: '序号不连续：此处应为“{expected}”，实为“{found}”。' },
    duplicate: { en: 'Number {number} is used again.', zh: '序号“{number}”重复。' },
    bracketWidth: {
      en: 'Bracket width differs from the rest of the document: {found} should be {expected}.',
      zh: '括号全半角与全文不一致：“{found}”应为“{expected}”。',
    },
    punctuation: {
      en: 'Marker punctuation differs from the rest of the document: {found} should be {expected}.',
      zh: '序号标点与全文不一致：“{found}”应为“{expected}”。',
    },
    brokenMarker: {
      en: 'The heading marker {marker} is broken across two lines.',
      zh: '标题序号“{marker}”被拆成两行。',
    },
    levelOrder: {
      en: 'Heading level out of order: {found} follows the lower level {previous} (GB/T 9704: 一、 → （一） → 1. → （1） → ①).',
      zh: '标题层级次序颠倒：“{found}”出现在下级序号“{previous}”之后（GB/T 9704：一、→（一）→ 1. →（1）→ ①）。',
    },
  },
  checkDocument(facts: DocumentFacts): readonly Finding[] {
    const paragraphs = facts.paragraphs;
    const lines: QuoteLines = {
      count: paragraphs.length,
      start: (i) => paragraphs[i].start,
      end: (i) => paragraphs[i].end,
      facts: (i) => facts.memo('quoteLine', paragraphs[i], quoteLineFactsOf),
    };
    return checkNumbering(facts.text, facts.outline, lines);
  },
};

const CODE = 'outline.numbering';

/** Memoised per paragraph by checkDocument; one function, not a closure per call. */
const quoteLineFactsOf = (paragraph: Paragraph) => quoteLineFacts(paragraph.text);

/** Checks the numbering of an outline built by `buildOutline` from `text`. Findings come in document order. */
export function checkNumbering(text: DocumentText, outline: readonly OutlineNode[], lines?: QuoteLines): Finding[] {
  const findings: Finding[] = [];
  const all = preOrder(outline);
  const uncounted = uncountedHeadings(text, outline, all, lines);
  const context: RunContext = { uncounted, continued: continuedFrom(text, all, uncounted) };
  checkChildren(text, outline, { start: 0, end: text.length }, findings, context);
  checkBrokenMarkers(all, findings);
  for (const scope of documentScopes(text, outline)) {
    const nodes = preOrder(scope.headings);
    const counted = nodes.filter((node) => node.number && !uncounted.has(node));
    // Articles and 编 of a law run on across chapters; 节 restart per chapter (a sibling run).
    checkRun(text, counted.filter((node) => node.kind === 'bian'), scope.span, findings, 'strict');
    for (const chapters of chapterRuns(scope.headings, uncounted)) checkRun(text, chapters, scope.span, findings, 'strict');
    // A file may start at any article: a 民法典 book (合同编 starts at 第四百六十三条), a 宪法修正案
    // (2004 starts at 第十八条), a case quoting one article, a law whose chapter title was taken for a title.
    const articles = counted.filter((node) => node.kind === 'article');
    checkRun(text, articles, scope.span, findings, 'strict', articles.length > 0 ? articles[0].number!.value - 1 : 0);
    checkBracketWidth(nodes, findings);
    checkPunctuation(nodes, findings);
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/** What the runs skip (`numberingExemptions.ts`). */
interface RunContext {
  readonly uncounted: ReadonlySet<OutlineNode>;
  /** First items of a parent that carry on the numbering of the parent before. */
  readonly continued: ReadonlyMap<OutlineNode, number>;
}

/**
 * The chapters of a law, numbered through the law (民事诉讼法: 第十二章 opens 第二编), or from
 * 第一章 again in each 编 (刑法, 刑事诉讼法: 第二编 starts at 第一章); the text decides: a 编
 * whose first chapter is 第一章 starts a run of its own. Articles run through either way.
 */
function chapterRuns(headings: readonly OutlineNode[], uncounted: ReadonlySet<OutlineNode>): OutlineNode[][] {
  const runs: OutlineNode[][] = [[]];
  const visit = (nodes: readonly OutlineNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'bian' && runs[runs.length - 1].length > 0 && firstChapterValue(node, uncounted) === 1) runs.push([]);
      if (node.kind === 'chapter' && node.number && !uncounted.has(node)) runs[runs.length - 1].push(node);
      visit(node.children);
    }
  };
  visit(headings);
  return runs.filter((run) => run.length > 0);
}

function firstChapterValue(node: OutlineNode, uncounted: ReadonlySet<OutlineNode>): number | undefined {
  for (const child of node.children) {
    if (child.kind === 'chapter' && child.number && !uncounted.has(child)) return child.number.value;
    const inner = firstChapterValue(child, uncounted);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

interface Scope {
  readonly headings: readonly OutlineNode[];
  readonly span: Span;
}

/** Each top-level document, plus the headings outside any document title. */
function documentScopes(text: DocumentText, outline: readonly OutlineNode[]): Scope[] {
  const loose = outline.filter((node) => node.kind !== 'document');
  const documents = outline.filter((node) => node.kind === 'document').map((node) => ({ headings: node.children, span: node.span }));
  return loose.length > 0 ? [{ headings: loose, span: { start: 0, end: text.length } }, ...documents] : documents;
}

/** The nodes and their descendants in document order, into one array (copying a list per node ran on every edit). */
function preOrder(nodes: readonly OutlineNode[], into: OutlineNode[] = []): OutlineNode[] {
  for (const node of nodes) {
    into.push(node);
    preOrder(node.children, into);
  }
  return into;
}

/** Sibling runs under one parent, then the same for every child. */
function checkChildren(text: DocumentText, children: readonly OutlineNode[], parentSpan: Span, findings: Finding[], context: RunContext): void {
  const counted = children.filter((child) => !context.uncounted.has(child));
  for (const run of siblingRuns(counted)) {
    const carriedOn = context.continued.get(run[0]);
    checkRun(text, run, parentSpan, findings, runMode(run[0]), carriedOn === undefined ? undefined : carriedOn - 1);
  }
  checkLevelOrder(counted, findings);
  for (const child of children) checkChildren(text, child.children, child.span, findings, context);
}

/** Groups numbered siblings by numbering family (`（一）` apart from `1.`, `一是` apart from `一要`). */
function siblingRuns(children: readonly OutlineNode[]): OutlineNode[][] {
  const runs = new Map<string, OutlineNode[]>();
  for (const child of children) {
    const family = runFamily(child);
    if (!family) continue;
    let run = runs.get(family);
    if (!run) runs.set(family, (run = []));
    run.push(child);
  }
  return [...runs.values()];
}

function runFamily(node: OutlineNode): string | undefined {
  if (!node.number) return undefined;
  switch (node.kind) {
    case 'bian':
    case 'chapter':
    case 'article':
      return undefined; // numbered through the whole document, see checkNumbering
    case 'lead':
      return `lead:${node.number.text.slice(-1)}`;
    case 'listItem':
      return `listItem:${numeralSystemOf(node.number.text)}:${/^[（(]/.test(node.number.text) ? 'paren' : 'plain'}`;
    default:
      return node.kind;
  }
}

/**
 * How a run may restart:
 * - `strict`: never (documents of a compilation, articles and chapters of a law);
 * - `nested`: a heading numbered 1 after a run starts a list of its own, and a
 *   later number may resume an earlier list. Old reports number the parts and
 *   the lists inside them alike (gwr-1981: `四、…` `一、…；二、…；三、…。` `五、…`;
 *   gwr-1986 uses `一、` on two levels); that is a style, not a wrong number;
 * - `lead`: every `一是` starts an enumeration, and markers inside paragraphs
 *   count (gwr-2010: `继续实施积极的财政政策。一是…` / `二是…` on the next line).
 */
type RunMode = 'strict' | 'nested' | 'lead';

function runMode(first: OutlineNode): RunMode {
  return first.kind === 'lead' ? 'lead' : first.kind === 'document' ? 'strict' : 'nested';
}

/** One list being counted: its last member (absent for a marker inside a paragraph) and value. */
interface OpenList {
  previous: OutlineNode | undefined;
  value: number;
}

/**
 * Expects 1, 2, 3…: reports a number that jumps ahead (`skipped`) or repeats
 * an earlier one (`duplicate`). `parentSpan` bounds where a missing heading
 * before the first node could be.
 */
function checkRun(text: DocumentText, run: readonly OutlineNode[], parentSpan: Span, findings: Finding[], mode: RunMode, startAfter?: number): void {
  // An excerpt of a compilation may start at any report (`2.北京市政府工作报告`): only gaps count.
  const lists: OpenList[] = [{ previous: undefined, value: startAfter ?? (run[0]?.kind === 'document' ? run[0].number!.value - 1 : 0) }];
  const restarts = run.filter((node) => node.number!.value === 1).length > 1;
  let scanFrom = parentSpan.start;
  for (let index = 0; index < run.length; index++) {
    const node = run[index];
    const number = node.number!;
    if (mode === 'lead') {
      for (const value of inlineLeadValues(text, scanFrom, node.span.start, number.text.slice(-1))) {
        if (value === 1) lists[0] = { previous: undefined, value: 1 };
        else if (value === lists[0].value + 1) lists[0].value = value;
      }
      scanFrom = node.selectionSpan.end;
    } else if (node.kind === 'listItem' && /^[（(]/.test(number.text)) {
      // 广东省海域使用管理条例: `（一）…； （二）…； （三）…；` on one line, then `（四）…` on its own.
      for (const value of inlineItemValues(text, scanFrom, node.span.start, numeralSystemOf(number.text))) {
        if (value === lists[lists.length - 1].value + 1) lists[lists.length - 1].value = value;
      }
      // An item is named by its first sentence, which runs over the items that share its line.
      scanFrom = number.span.end;
    }
    let top = lists[lists.length - 1];
    if (number.value === top.value + 1 || (mode === 'lead' && number.value === 1)) {
      lists[lists.length - 1] = { previous: node, value: number.value };
      continue;
    }
    if (mode === 'nested') {
      if (number.value === 1 && top.value >= 1) {
        lists.push({ previous: node, value: 1 });
        continue;
      }
      let resumed = lists.length - 2;
      while (resumed >= 0 && lists[resumed].value + 1 !== number.value) resumed--;
      if (resumed >= 0) {
        lists.length = resumed + 1;
        lists[resumed] = { previous: node, value: number.value };
        continue;
      }
    }
    top = lists[lists.length - 1];
    const { previous } = top;
    const expected = top.value + 1;
    const related = previous ? [previous.number!.span] : undefined;
    if (number.value > expected) {
      const gapStart = previous ? previous.selectionSpan.end : parentSpan.start;
      const certain = !restarts && lists.length === 1 && mode !== 'lead' && renumberingIsCertain(text, run, node, gapStart);
      const fix = certain ? renumberFrom(run, index, expected) : undefined;
      findings.push({
        code: CODE,
        messageId: 'skipped',
        span: number.span,
        args: { expected: formatNumeralLike(number.text, expected), found: formatNumeralLike(number.text, number.value) },
        ...(related ? { related } : {}),
        ...(fix ? { fix } : {}),
      });
      lists[lists.length - 1] = { previous: node, value: number.value };
      continue;
    }
    // A repeated number is certainly one too low when the next sibling continues from the number after it.
    const next = run[index + 1];
    const certain = number.value === top.value && next?.number!.value === number.value + 2;
    findings.push({
      code: CODE,
      messageId: 'duplicate',
      span: number.span,
      args: { number: formatNumeralLike(number.text, number.value) },
      ...(related ? { related } : {}),
      ...(certain ? { fix: markerEdits(number, renumberMarker(number.text, number.value + 1)) } : {}),
    });
    lists[lists.length - 1] = { previous: node, value: certain ? number.value + 1 : Math.max(top.value, number.value) };
  }
}

const INLINE_LEAD_SHI = /(?:^|[。；;：:！？!?\s])([一二三四五六七八九十]{1,3})是/gm;
const INLINE_LEAD_YAO = /(?:^|[。；;：:！？!?\s])([一二三四五六七八九十]{1,3})要/gm;

/** Lead markers (`一是`, `二要`) that start a clause inside the paragraphs of `text[from, to)`, in order. */
function inlineLeadValues(text: DocumentText, from: number, to: number, suffix: string): number[] {
  if (to <= from) return [];
  const values: number[] = [];
  const slice = text.slice(from, to);
  const matches = suffix === '是' ? slice.matchAll(INLINE_LEAD_SHI) : slice.matchAll(INLINE_LEAD_YAO);
  for (const match of matches) {
    const value = parseChineseNumeral(match[1]);
    if (value !== undefined) values.push(value);
  }
  return values;
}

const INLINE_PAREN_ITEM = /(?:^|[。；;：:\s])[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[）)]/gm;

/** Bracketed item markers that open a clause inside the lines of `text[from, to)`, in order, of one numeral system. */
function inlineItemValues(text: DocumentText, from: number, to: number, system: string): number[] {
  if (to <= from) return [];
  const values: number[] = [];
  for (const match of text.slice(from, to).matchAll(INLINE_PAREN_ITEM)) {
    const arabic = /\d/.test(match[1]);
    if (arabic !== (system === 'arabic')) continue;
    const value = arabic ? Number(match[1]) : parseChineseNumeral(match[1]);
    if (value !== undefined) values.push(value);
  }
  return values;
}

function renumberFrom(run: readonly OutlineNode[], from: number, firstValue: number): TextEdit[] {
  return run.slice(from).flatMap((node, offset) => markerEdits(node.number!, renumberMarker(node.number!.text, firstValue + offset)));
}

/**
 * Edits that rewrite a marker. A marker broken over two lines (`（` / `三）…`, see `checkBrokenMarkers`)
 * keeps its break: its opener and the rest are edited apart, so that no fix but the one that joins it
 * spans the line break (and fixing all at once does not see two edits over one span).
 */
function markerEdits(number: NonNullable<OutlineNode['number']>, newText: string): TextEdit[] {
  const { span, text } = number;
  if (span.end - span.start === text.length) return [{ span, newText }];
  const edits: TextEdit[] = [];
  if (newText[0] !== text[0]) edits.push({ span: { start: span.start, end: span.start + 1 }, newText: newText[0] });
  if (newText.slice(1) !== text.slice(1)) edits.push({ span: { start: span.end - (text.length - 1), end: span.end }, newText: newText.slice(1) });
  return edits;
}

/**
 * Closing a gap by renumbering is right only when the number was skipped, not
 * when a heading lost its marker (Hubei's `（四）`). That is decidable only for
 * headings on their own lines: the gap must hold no other short unpunctuated
 * line that could be the unmarked heading. Inline headings (`（一）标题。正文…`)
 * and lead items look like any paragraph without their marker: never certain.
 */
function renumberingIsCertain(text: DocumentText, run: readonly OutlineNode[], node: OutlineNode, gapStart: number): boolean {
  if (node.kind === 'document' || node.kind === 'lead' || node.kind === 'article' || node.kind === 'listItem') return false;
  if (!run.every((sibling) => isStandalone(text, sibling))) return false;
  return !hasHeadingLikeLine(text, gapStart, node.span.start);
}

function isStandalone(text: DocumentText, node: OutlineNode): boolean {
  const lineEnd = endOfLine(text, node.selectionSpan.end);
  return text.slice(node.selectionSpan.end, lineEnd).trim() === '';
}


/** A non-blank line of at most 50 characters without sentence punctuation, strictly between two offsets. */
function hasHeadingLikeLine(text: DocumentText, from: number, to: number): boolean {
  const lines = text.slice(endOfLine(text, from), to).split(/\r\n|\n|\r/);
  return lines.some((line) => {
    const content = line.trim();
    return content.length > 0 && content.length <= 50 && !/[。！？!?；;：:，,]/.test(content);
  });
}

/** `（` / `三）…`: a marker the outline joined over a line break (see `brokenMarker.ts`); the fix removes the break. */
function checkBrokenMarkers(nodes: readonly OutlineNode[], findings: Finding[]): void {
  for (const node of nodes) {
    const number = node.number;
    if (!number || number.span.end - number.span.start === number.text.length) continue;
    findings.push({
      code: CODE,
      messageId: 'brokenMarker',
      span: number.span,
      args: { marker: number.text },
      fix: [{ span: number.span, newText: number.text }],
    });
  }
}

/**
 * Within one document whose markers are mostly full-width (（一）, （1）, as GB/T 9704 numbers), the
 * half-width ones. Where most are half-width the minority is right and the rest is wrong: following
 * that majority told laws published online with half-width items (民事诉讼法解释: `(一)`) to change
 * their few `（一）` to `(一)`, against the standard and against punctuation.width, which reports each
 * half-width bracket of Chinese text.
 */
function checkBracketWidth(nodes: readonly OutlineNode[], findings: Finding[]): void {
  const bracketed = nodes.filter((node) => node.number && /paren$/.test(node.number.style));
  for (const system of ['chinese', 'arabic'] as const) {
    const group = bracketed.filter((node) => numeralSystemOf(node.number!.text) === system);
    if (majority(group.map((node) => node.number!.style), ['fullwidth-paren', 'halfwidth-paren']) !== 'fullwidth-paren') continue;
    for (const node of group) {
      const number = node.number!;
      if (number.style === 'fullwidth-paren') continue;
      const expected = rebracketMarker(number.text, 'fullwidth');
      findings.push({
        code: CODE,
        messageId: 'bracketWidth',
        span: number.span,
        args: { found: number.text, expected },
        fix: markerEdits(number, expected),
      });
    }
  }
}

/** Within one document, `1.` / `1．` / `1、` (and `一、` / `一．`) follow the majority. */
function checkPunctuation(nodes: readonly OutlineNode[], findings: Finding[]): void {
  const groups: Record<string, OutlineNode[]> = { chinese: [], arabic: [] };
  for (const node of nodes) {
    if (!node.number || MARKER_PUNCTUATION[node.number.style] === undefined || node.kind === 'document') continue;
    groups[numeralSystemOf(node.number.text) === 'arabic' ? 'arabic' : 'chinese'].push(node);
  }
  for (const group of Object.values(groups)) {
    const style = majority(
      group.map((node) => node.number!.style),
      Object.keys(MARKER_PUNCTUATION),
    );
    if (!style) continue;
    for (const node of group) {
      const number = node.number!;
      if (number.style === style) continue;
      const expected = repunctuateMarker(number.text, style);
      findings.push({
        code: CODE,
        messageId: 'punctuation',
        span: number.span,
        args: { found: number.text, expected },
        fix: markerEdits(number, expected),
      });
    }
  }
}

/** The style used strictly more often than every other, when more than one is used; otherwise undefined (no norm). */
function majority(styles: readonly string[], candidates: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const style of styles) counts.set(style, (counts.get(style) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const ranked = candidates.map((style) => [style, counts.get(style) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > ranked[1][1] ? ranked[0][0] : undefined;
}

const REPORT_LEVEL: Partial<Record<OutlineNode['kind'], number>> = { part: 1, section: 2, item: 3, subitem: 4, circled: 5 };

/**
 * Flags a heading that follows a sibling of a lower GB/T 9704 level under the
 * same parent, e.g. `（一）` after `1.`: the writer went back up a level
 * without a heading to hold it. Skipping levels downwards (`1.` right under
 * `一、`) is common in the corpus and allowed.
 */
function checkLevelOrder(children: readonly OutlineNode[], findings: Finding[]): void {
  let previous: OutlineNode | undefined;
  for (const child of children) {
    const level = REPORT_LEVEL[child.kind];
    if (level === undefined || !child.number) continue;
    if (previous && REPORT_LEVEL[previous.kind]! > level) {
      findings.push({
        code: CODE,
        messageId: 'levelOrder',
        span: child.number.span,
        args: { found: child.number.text, previous: previous.number!.text },
        related: [previous.number!.span],
      });
    }
    previous = child;
  }
}
