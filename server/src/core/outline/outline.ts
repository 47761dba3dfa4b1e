/**
 * The outline of a Chinese policy document. Decisions, taken from the corpus:
 *
 * - Documents (top level, numbering restarts under each): `N.xxx报告`
 *   compilation entries; standalone lines ending in 报告/条例/办法/意见/…
 *   (also inside 《》) or `中华人民共和国…法`, between body text; newspaper
 *   headlines of 1–3 short lines (their lines joined with a space in the name).
 *   See `documentTitles.ts`.
 * - Levels: 编 > 章 > 节 > 条 for laws, 一、 >（一）> 1. >（1）> ① for reports,
 *   then lead items (`一是`, `一要`, `——`, only with `options.leadItems`).
 *   A level may be skipped downwards (`1.` right under `一、`).
 * - Inline headings are named by their first sentence without its 。; the
 *   marker stays in the name. Articles are named by their number (`第十三条`).
 * - Inside a law article, `（一）`/`1.`/`（1）` lines are list items of the article.
 * - Unnumbered parts (`2023年工作回顾`): a line of at most 20 Han characters,
 *   letters or digits between body paragraphs, only in a titled document that
 *   numbers none of its parts (Sichuan, Tibet).
 * - A short standalone numbered heading followed by a short unpunctuated line
 *   and then body text is one heading wrapped over two lines (Shaanxi).
 * - Unmarked lead sentences (`推动产业链供应链优化升级。…`) are body text: without a
 *   marker they cannot be told from ordinary first sentences.
 * - A document with a table of contents (目录) takes its articles from it
 *   (`tableOfContents.ts`); source lines (`《人民日报》（…版）`, `新华社…电`) and
 *   pieces of sentences broken by web-page links are never titles.
 * - `一要…八要` are the sections of a part without a `（一）` level
 *   (`leadSentences.ts`); `（` / `三）…` is the heading `（三）…` (`brokenMarker.ts`).
 *   See docs/outline.md.
 */

import type { DocumentText, Paragraph } from '../types';
import { brokenMarkerAt, type BrokenMarkerHeading } from './brokenMarker';
import { findDocumentTitles, followsBody, precedesBody, type TitleLines } from './documentTitles';
import { classifyLine, type HeadingLine, type LineCandidate, type LineMarker } from './headingPatterns';
import { isEnumerationFamily, kindOfFamily, rankOf, RANK } from './headingRanks';
import { collectLineFacts, inBrokenSentence, type LineClassifier, type LineFacts } from './lineFacts';
import { contentEnd, contentStart, FRAGMENT } from './sentence';
import { leadSentenceSections } from './leadSentences';
import { findTableOfContents, tocDocumentTitles } from './tableOfContents';
import { TreeBuilder, type ResolvedHeading } from './treeBuilder';
import type { HeadingKind, HeadingNumber, OutlineNode, OutlineOptions } from './types';

export type { LineClassifier } from './lineFacts';

/**
 * Builds the heading tree of a policy document (or a compilation of them) and
 * returns its top-level nodes.
 *
 * `paragraphs` must be `splitParagraphs(text)`: one line per paragraph. Every
 * heading's `span` runs from its heading to the last non-blank line before the
 * next heading of the same or a larger unit (list items inside law articles
 * cover only their own line). Runs in linear time; pass a caching `classify`
 * to reuse the per-line work across edits.
 */
export function buildOutline(
  text: DocumentText,
  paragraphs: readonly Paragraph[],
  options: OutlineOptions,
  classify: LineClassifier = classifyLine,
): OutlineNode[] {
  const facts = collectLineFacts(paragraphs, classify);
  const titles = titlesOf(paragraphs, facts, classify);
  const builder = new TreeBuilder(paragraphs, facts);
  const regions = describeRegions(facts, titles);
  const leadSections = leadSentenceSections(facts, titles);

  let nextTitle = 0;
  let region = 0;
  for (let line = 0; line < facts.count; line++) {
    if (nextTitle < titles.length && titles[nextTitle][0] === line) {
      const title = titles[nextTitle++];
      region++;
      builder.open(documentHeading(paragraphs, facts, title));
      line = title[title.length - 1];
      continue;
    }
    const candidate = facts.candidates[line];
    if (!candidate) continue;
    const heading = resolveHeading(candidate, line, {
      text,
      paragraphs,
      facts,
      options,
      region: regions[region],
      inArticle: builder.inArticle(),
      openItemValue: builder.openValue('item'),
      leadSection: leadSections.has(line),
    });
    if (!heading) continue;
    builder.open(heading);
    line = heading.lastLine;
  }
  return builder.finish();
}

/**
 * The documents of a compilation: the articles its table of contents names
 * when it has one (see `tableOfContents.ts`), else those `findDocumentTitles`
 * recognises by their shape.
 */
function titlesOf(paragraphs: readonly Paragraph[], facts: LineFacts, classify: LineClassifier): TitleLines[] {
  const toc = findTableOfContents(paragraphs, classify);
  const fromToc = toc ? tocDocumentTitles(toc, (line) => facts.candidates[line]?.type === 'heading') : [];
  if (fromToc.length > 0) return fromToc;
  const titles = findDocumentTitles(facts);
  // `中华人民共和国某某法` right above the 目录 of its own chapters is the document's title.
  const above = toc ? facts.previousNonBlank[toc.headerLine] : -1;
  if (above !== -1 && facts.candidates[above]?.type === 'title' && followsBody(facts, above) && !titles.some((title) => title[0] === above)) {
    titles.unshift([above]);
    titles.sort((a, b) => a[0] - b[0]);
  }
  return titles;
}

/** What is known about the document (region of a compilation) a line belongs to. */
interface Region {
  readonly titled: boolean;
  /** The document numbers its parts `一、二、…`; otherwise short standalone lines may be unnumbered parts. */
  readonly numberedParts: boolean;
}

interface ResolveContext {
  readonly text: DocumentText;
  readonly paragraphs: readonly Paragraph[];
  readonly facts: LineFacts;
  readonly options: OutlineOptions;
  readonly region: Region;
  readonly inArticle: boolean;
  /** Number of the innermost open `1.` item, if any. */
  readonly openItemValue: number | undefined;
  /** The line is a heading sentence `一要…` that serves as a part's second level. */
  readonly leadSection: boolean;
}

/** Region 0 is the text before the first title; region n is the n-th titled document. */
function describeRegions(facts: LineFacts, titles: readonly TitleLines[]): Region[] {
  const numberedParts = new Array<boolean>(titles.length + 1).fill(false);
  let region = 0;
  for (let line = 0; line < facts.count; line++) {
    if (region < titles.length && titles[region][0] === line) region++;
    const candidate = facts.candidates[line];
    if (candidate?.type === 'heading' && candidate.family === 'cjk-dun') numberedParts[region] = true;
  }
  return numberedParts.map((numbered, index) => ({ titled: index > 0, numberedParts: numbered }));
}

function documentHeading(paragraphs: readonly Paragraph[], facts: LineFacts, title: TitleLines): ResolvedHeading {
  const first = paragraphs[title[0]];
  const last = paragraphs[title[title.length - 1]];
  const candidate = facts.candidates[title[0]];
  const marker = candidate?.type === 'title' ? candidate.marker : undefined;
  // A headline broken over lines is one name; its lines are phrases, so a space joins them.
  const name = title.map((line) => trimmedText(paragraphs[line])).join(' ');
  const start = first.start + contentStart(first.text);
  return {
    kind: 'document',
    start,
    rank: RANK.document,
    line: title[0],
    lastLine: title[title.length - 1],
    name,
    selectionSpan: { start, end: last.start + contentEnd(last.text) },
    number: marker && headingNumber(marker, first.start),
  };
}

function resolveHeading(candidate: LineCandidate, line: number, context: ResolveContext): ResolvedHeading | undefined {
  const paragraph = context.paragraphs[line];
  switch (candidate.type) {
    case 'heading':
      return numberedHeading(candidate, line, context);
    case 'plain': {
      const broken = brokenMarkerAt(context.paragraphs, context.facts, line);
      if (broken) return brokenHeading(broken, line, context);
      // Unnumbered part titles (`2023年工作回顾`) only in documents that number no part,
      // between body paragraphs: ordinary short lines elsewhere stay body text.
      const { region, facts } = context;
      if (!candidate.partLike || !region.titled || region.numberedParts) return undefined;
      if (!followsBody(facts, line) || !precedesBody(facts, line) || inBrokenSentence(facts, line)) return undefined;
      return simpleHeading('part', RANK.part, line, paragraph, candidate.start, candidate.end);
    }
    case 'markdown':
      if (!context.options.markdown) return undefined;
      return simpleHeading('markdown', rankOf('markdown', undefined, candidate.level), line, paragraph, candidate.start, candidate.end, candidate.nameStart);
    case 'title':
      return undefined; // a title-like line whose neighbours did not confirm it
    case 'source':
      return undefined;
    case 'numericItem':
      // `20.2030年远景目标` is item 20 right after item 19, a wrapped number anywhere else.
      if (context.openItemValue === undefined || context.openItemValue + 1 !== candidate.heading.marker!.value) return undefined;
      return numberedHeading(candidate.heading, line, context);
  }
}

function numberedHeading(candidate: HeadingLine, line: number, context: ResolveContext): ResolvedHeading | undefined {
  const { family, marker } = candidate;
  const kind: HeadingKind = context.leadSection ? 'section' : context.inArticle && isEnumerationFamily(family) ? 'listItem' : kindOfFamily(family);
  if (kind === 'lead' && !context.options.leadItems) return undefined;
  const paragraph = context.paragraphs[line];
  const base = paragraph.start;
  let name = context.text.slice(base + candidate.start, base + candidate.nameEnd);
  let selectionEnd = base + candidate.nameEnd;
  let lastLine = line;
  const continuation = wrappedContinuation(candidate, kind, line, context);
  if (continuation !== undefined) {
    const next = context.paragraphs[continuation];
    name += trimmedText(next);
    selectionEnd = next.start + contentEnd(next.text);
    lastLine = continuation;
  } else if (candidate.standalone) {
    // `三、关于《` / `国民经济和社会发展第十一个五年规划纲要（草案）` / `》的说明` (gwr-2006): a heading broken by links.
    for (const next of brokenHeadingLines(line, context.facts)) {
      name += trimmedText(context.paragraphs[next]);
      selectionEnd = context.paragraphs[next].start + contentEnd(context.paragraphs[next].text);
      lastLine = next;
    }
  }
  return {
    kind,
    start: base + candidate.start,
    rank: rankOf(kind, family),
    line,
    lastLine,
    name,
    selectionSpan: { start: base + candidate.start, end: selectionEnd },
    number: marker && headingNumber(marker, base),
  };
}

/** `（` / `三）加快…`: the heading `（三）加快…`, its marker spanning the line break. */
function brokenHeading(broken: BrokenMarkerHeading, line: number, context: ResolveContext): ResolvedHeading {
  const { heading, offsetAt } = broken;
  const marker = heading.marker!;
  const kind: HeadingKind = context.inArticle && isEnumerationFamily(heading.family) ? 'listItem' : kindOfFamily(heading.family);
  const start = offsetAt(heading.start);
  return {
    kind,
    start,
    rank: rankOf(kind, heading.family),
    line,
    lastLine: broken.continuation,
    name: broken.joined.slice(heading.start, heading.nameEnd),
    selectionSpan: { start, end: offsetAt(heading.nameEnd - 1) + 1 },
    number: { value: marker.value, text: marker.text, span: { start: offsetAt(marker.start), end: offsetAt(marker.end - 1) + 1 }, style: marker.style },
  };
}

const MAX_BROKEN_HEADING_LINES = 4;
const MAX_BROKEN_HEADING_PIECE = 60;

/** The lines that continue a heading broken by web-page links: each previous piece ends open or the next one continues it. */
function brokenHeadingLines(line: number, facts: LineFacts): number[] {
  const lines: number[] = [];
  let current = line;
  while (lines.length < MAX_BROKEN_HEADING_LINES - 1) {
    const next = facts.nextNonBlank[current];
    if (next === -1 || facts.contentLength[next] > MAX_BROKEN_HEADING_PIECE || facts.bodyEnding[current]) break;
    const joined = (facts.fragment[current] & FRAGMENT.opensAtEnd) !== 0 || (facts.fragment[next] & FRAGMENT.continuesAtStart) !== 0;
    if (!joined) break;
    lines.push(next);
    current = next;
  }
  return lines;
}

/** Longest heading text (after the marker) that may still continue on the next line. */
const MAX_WRAPPED_HEAD = 12;
const MAX_WRAPPED_TAIL = 16;

/**
 * The line that finishes a heading wrapped over two lines (Shaanxi:
 * `二、2024年工作` / `总体要求和预期目标`): a short standalone heading followed
 * by a short line without punctuation and then body text. Only in documents
 * with numbered parts, where such a line cannot be an unnumbered part.
 */
function wrappedContinuation(candidate: HeadingLine, kind: HeadingKind, line: number, context: ResolveContext): number | undefined {
  if (kind === 'lead' || kind === 'article' || kind === 'listItem' || !candidate.standalone || !candidate.marker) return undefined;
  if (!context.region.numberedParts || candidate.end - candidate.marker.end > MAX_WRAPPED_HEAD) return undefined;
  const { facts } = context;
  const next = facts.nextNonBlank[line];
  if (next === -1) return undefined;
  const following = facts.candidates[next];
  if (following?.type !== 'plain' || !following.partLike || facts.contentLength[next] > MAX_WRAPPED_TAIL) return undefined;
  return precedesBody(facts, next) ? next : undefined;
}

function simpleHeading(
  kind: HeadingKind,
  rank: number,
  line: number,
  paragraph: Paragraph,
  start: number,
  end: number,
  nameStart = start,
): ResolvedHeading {
  return {
    kind,
    start: paragraph.start + start,
    rank,
    line,
    lastLine: line,
    name: paragraph.text.slice(nameStart, end),
    selectionSpan: { start: paragraph.start + nameStart, end: paragraph.start + end },
  };
}

function headingNumber(marker: LineMarker, base: number): HeadingNumber {
  return { value: marker.value, text: marker.text, span: { start: base + marker.start, end: base + marker.end }, style: marker.style };
}

function trimmedText(paragraph: Paragraph): string {
  return paragraph.text.slice(contentStart(paragraph.text), contentEnd(paragraph.text));
}
