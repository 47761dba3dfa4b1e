import { paragraphsBySpan } from '../../core/rules/documentScopes';
import { charactersOf } from '../../core/stats/sections';
import { isBlank } from '../../core/text/paragraphs';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { OutlineNode } from '../../core/outline/types';
import type { LocalDefinition } from '../../core/terms/localDefinitions';
import type { Paragraph, Span } from '../../core/types';
import { forDocument, type ServerContext } from '../context';
import { documentReuse } from '../../core/quotes/documentReuse';
import type { ReuseShare } from '../../core/quotes/reuse';
import type { DocumentAnalysis } from '../../engine/documentAnalysis';
import { format, type Locale } from '../../engine/l10n';
import { toRange } from '../positions';
import { describeEntry } from './entryHover';

/** Hover texts in each language (the glossary entry's are in entryHover.ts). */
export const HOVER_LABELS = {
  count: { en: 'Occurs {count|time|times} in this document.', zh: '本文出现 {count} 次。' },
  local: { en: 'Defined in this document (line {line})', zh: '本文定义（第 {line} 行）' },
  section: {
    en: 'Section: {chars|character|characters}, {paragraphs|paragraph|paragraphs}, {subsections|subsection|subsections}.',
    zh: '本节共 {chars} 字，{paragraphs} 段，下设 {subsections} 个小节。',
  },
  reuse: { en: '{share} % of this document is text from "{reference}".', zh: '本文 {share}% 的文字出自《{reference}》。' },
} as const;

type Label = keyof typeof HOVER_LABELS;

/** Hover: glossary definitions of terms, the document's own definitions first, and section statistics on headings. */
export function registerHover(context: ServerContext): void {
  context.connection.onHover(forDocument(context, null, (analysis, document, params: HoverParams): Hover | null => {
    const paragraph = analysis.paragraphs[params.position.line];
    if (!paragraph) return null;
    const offset = document.offsetAt(params.position);
    const t = label(context.locale());
    // On the first line: how much of the document is a reference's text (the evidence quote.mismatch weighs).
    const reuse = paragraph === firstLine(analysis) ? reuseLines(analysis, t) : [];
    const local = localDefinitionAt(analysis, paragraph, offset);
    const term = analysis.termAt(offset);
    const hit = term?.hit;
    if (hit || local) {
      const entry = hit?.match.entry;
      const parts: string[] = [];
      if (local) parts.push(`**${local.definition.term}** · ${t('local', { line: local.definition.line + 1 })}\n\n> ${analysis.text.slice(local.definition.sentence.start, local.definition.sentence.end)}`);
      if (entry) parts.push(describeEntry(entry, context.locale(), context.engine.glossary.history));
      const counted = entry ? analysis.termCount(entry) : 0;
      if (counted > 0) parts.push(t('count', { count: counted }));
      const span: Span = term ? term.span : local!.occurrence;
      if (reuse.length > 0) parts.push(reuse.join('\n\n'));
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(document, span) };
    }
    const heading = headingAt(analysis.outline, offset);
    if (heading) {
      const stats = sectionStats(analysis, heading);
      const extra = reuse.length > 0 ? `\n\n---\n\n${reuse.join('\n\n')}` : '';
      return { contents: { kind: MarkupKind.Markdown, value: `**${heading.name}**\n\n${t('section', stats)}${extra}` }, range: toRange(document, heading.selectionSpan) };
    }
    if (reuse.length > 0) return { contents: { kind: MarkupKind.Markdown, value: reuse.join('\n\n') }, range: toRange(document, { start: paragraph.start, end: paragraph.end }) };
    return null;
  }));
}

/** Documents longer than this get no reuse share in hover: collating them on demand would stall the hover. */
const MAX_REUSE_DOCUMENT = 400_000;
/** Shares below this are formulas any document shares with the reports. */
const MIN_SHOWN_SHARE = 0.05;
const reuseByAnalysis = new WeakMap<DocumentAnalysis, ReuseShare[]>();

/** The first non-empty line of the document. */
function firstLine(analysis: DocumentAnalysis): Paragraph | undefined {
  return analysis.paragraphs.find((p) => p.text.trim().length > 0);
}

/** "93 % of this document is text from 2024政府工作报告", per reference supplying at least 5 %; computed once per version. */
function reuseLines(analysis: DocumentAnalysis, t: ReturnType<typeof label>): string[] {
  const index = analysis.references;
  if (!index || index.size === 0 || analysis.text.length > MAX_REUSE_DOCUMENT) return [];
  let shares = reuseByAnalysis.get(analysis);
  if (!shares) {
    shares = documentReuse(index.collation, analysis.paragraphs);
    reuseByAnalysis.set(analysis, shares);
  }
  return shares.filter((r) => r.share >= MIN_SHOWN_SHARE).map((r) => t('reuse', { share: Math.round(r.share * 100), reference: r.name }));
}

function label(locale: Locale) {
  return (key: Label, args?: Record<string, string | number>) => format(HOVER_LABELS[key][locale], args);
}

/** A document-local definition whose term occurs under the cursor. */
function localDefinitionAt(analysis: DocumentAnalysis, paragraph: Paragraph, offset: number): { definition: LocalDefinition; occurrence: Span } | undefined {
  for (const definition of analysis.localDefinitions) {
    let from = 0;
    for (;;) {
      const at = paragraph.text.indexOf(definition.term, from);
      if (at < 0) break;
      const start = paragraph.start + at;
      if (start <= offset && offset < start + definition.term.length) return { definition, occurrence: { start, end: start + definition.term.length } };
      from = at + 1;
    }
  }
  return undefined;
}

function headingAt(nodes: readonly OutlineNode[], offset: number): OutlineNode | undefined {
  for (const node of nodes) {
    if (node.span.start > offset || offset > node.span.end) continue;
    if (node.selectionSpan.start <= offset && offset <= node.selectionSpan.end) return node;
    const inner = headingAt(node.children, offset);
    if (inner) return inner;
  }
  return undefined;
}

function sectionStats(analysis: DocumentAnalysis, node: OutlineNode): { chars: number; paragraphs: number; subsections: number } {
  const paragraphs = paragraphsBySpan(analysis.paragraphs, [node.span])[0].filter((p) => !isBlank(p.text));
  return { chars: charactersOf(paragraphs), paragraphs: paragraphs.length, subsections: node.children.length };
}
