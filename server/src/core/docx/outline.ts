import { classifyLine } from '../outline/headingPatterns';
import { kindOfFamily, rankOf, RANK } from '../outline/headingRanks';
import { collectLineFacts, type LineClassifier } from '../outline/lineFacts';
import { buildOutline } from '../outline/outline';
import { contentEnd, contentStart } from '../outline/sentence';
import { TreeBuilder, type ResolvedHeading } from '../outline/treeBuilder';
import type { OutlineNode, OutlineOptions } from '../outline/types';
import { flattenOutline } from '../outline/walk';
import type { DocumentText, Paragraph } from '../types';
import type { DocxText } from './policyText';

/**
 * The outline of a Word document: the headings its paragraph styles declare
 * (Title, Heading 1–9, 标题 1–9, outline levels) merged with the headings its
 * text numbers (`一、`, `（一）`, `1.`, `第一章` …), so that numbering under
 * Word headings is still checked.
 *
 * - A styled paragraph takes its style's level (ranks 0–9, above every
 *   numbered level); if its text is numbered too, it keeps that number, so
 *   `一、` `二、` `四、` in Heading 1 paragraphs are siblings with a gap.
 * - An unstyled numbered heading of a kind that appears styled elsewhere gets
 *   that style's level: a `二、` the writer forgot to style stays a sibling.
 * - Only body paragraphs make headings: numbered table cells and notes do not.
 */
export function buildDocxOutline(
  text: DocumentText,
  paragraphs: readonly Paragraph[],
  docx: DocxText,
  options: OutlineOptions,
  classify: LineClassifier = classifyLine,
): OutlineNode[] {
  const bodyCount = bodyLineCount(docx, paragraphs.length);
  const body = paragraphs.slice(0, bodyCount);
  const fromText = flattenOutline(buildOutline(text, body, { ...options, markdown: false }, classify)).filter(
    (node) => docx.lines[node.line]?.origin?.kind === 'body',
  );

  const byLine = new Map<number, ResolvedHeading>();
  const levelOfKind = new Map<string, number>();
  for (const node of fromText) {
    const level = docx.lines[node.line]?.level;
    const heading = fromNode(node, body, classify, level);
    byLine.set(node.line, heading);
    if (level !== undefined && !levelOfKind.has(node.kind)) levelOfKind.set(node.kind, level);
  }
  // Unstyled numbered headings follow their styled kin.
  for (const [line, heading] of byLine) {
    if (docx.lines[line]?.level === undefined && levelOfKind.has(heading.kind)) byLine.set(line, { ...heading, rank: levelOfKind.get(heading.kind)! });
  }

  const covered = coveredLines(byLine);
  for (let line = 0; line < bodyCount; line++) {
    const info = docx.lines[line];
    if (info?.level === undefined || info.origin?.kind !== 'body' || byLine.has(line) || covered.has(line)) continue;
    const styled = styledHeading(body[line], info.level);
    if (styled) byLine.set(line, styled);
  }

  const builder = new TreeBuilder(body, collectLineFacts(body, classify));
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) builder.open(byLine.get(line)!);
  return builder.finish();
}

/** Lines before the notes: the notes follow a blank line without origin. */
function bodyLineCount(docx: DocxText, count: number): number {
  const first = docx.lines.findIndex((line) => line.origin === undefined || line.origin.kind === 'footnote' || line.origin.kind === 'endnote');
  return first < 0 ? Math.min(count, docx.lines.length) : Math.min(count, first);
}

function fromNode(node: OutlineNode, body: readonly Paragraph[], classify: LineClassifier, level: number | undefined): ResolvedHeading {
  let lastLine = node.line;
  while (lastLine + 1 < body.length && body[lastLine].end < node.selectionSpan.end) lastLine++;
  return {
    kind: node.kind,
    start: node.span.start,
    rank: level ?? textRank(node, body, classify),
    line: node.line,
    lastLine,
    name: node.name,
    selectionSpan: node.selectionSpan,
    ...(node.number ? { number: node.number } : {}),
  };
}

/** The rank the text outline gave: list items inside law articles rank as their marker's level. */
function textRank(node: OutlineNode, body: readonly Paragraph[], classify: LineClassifier): number {
  if (node.kind === 'listItem') {
    const candidate = classify(body[node.line].text);
    return candidate?.type === 'heading' ? rankOf(kindOfFamily(candidate.family)) : RANK.section;
  }
  return rankOf(node.kind);
}

/** Lines that a heading's text already covers (titles and wrapped headings span several lines). */
function coveredLines(headings: ReadonlyMap<number, ResolvedHeading>): Set<number> {
  const covered = new Set<number>();
  for (const heading of headings.values()) for (let line = heading.line + 1; line <= heading.lastLine; line++) covered.add(line);
  return covered;
}

/** A heading made by its style alone; none for an empty styled paragraph. */
function styledHeading(paragraph: Paragraph, level: number): ResolvedHeading | undefined {
  const from = contentStart(paragraph.text);
  const to = contentEnd(paragraph.text);
  if (from >= to) return undefined;
  const span = { start: paragraph.start + from, end: paragraph.start + to };
  return {
    kind: level === 0 ? 'document' : 'styled',
    start: span.start,
    rank: level === 0 ? RANK.document : rankOf('styled', undefined, level),
    line: paragraph.line,
    lastLine: paragraph.line,
    name: paragraph.text.slice(from, to),
    selectionSpan: span,
  };
}
