import { paragraphsBySpan } from '../../core/rules/documentScopes';
import { charactersOf } from '../../core/stats/sections';
import { isBlank } from '../../core/text/paragraphs';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { OutlineNode } from '../../core/outline/types';
import type { LocalDefinition } from '../../core/terms/localDefinitions';
import type { Paragraph, Span } from '../../core/types';
import { forDocument, type ServerContext } from '../context';
import type { DocumentAnalysis } from '../../engine/documentAnalysis';
import { format, type Locale } from '../../engine/l10n';
import { toRange } from '../positions';
import { describeEntry } from './entryHover';

const LABELS = {
  count: { en: 'Occurs {count} time(s) in this document.', zh: '本文出现 {count} 次。' },
  local: { en: 'Defined in this document (line {line})', zh: '本文定义（第 {line} 行）' },
  section: { en: 'Section: {chars} characters, {paragraphs} paragraphs, {subsections} subsections.', zh: '本节共 {chars} 字，{paragraphs} 段，下设 {subsections} 个小节。' },
} as const;

type Label = keyof typeof LABELS;

/** Hover: glossary definitions of terms, the document's own definitions first, and section statistics on headings. */
export function registerHover(context: ServerContext): void {
  context.connection.onHover(forDocument(context, null, (analysis, document, params: HoverParams): Hover | null => {
    const paragraph = analysis.paragraphs[params.position.line];
    if (!paragraph) return null;
    const offset = document.offsetAt(params.position);
    const local = localDefinitionAt(analysis, paragraph, offset);
    const term = analysis.termAt(offset);
    const hit = term?.hit;
    const t = label(context.locale());
    if (hit || local) {
      const entry = hit?.match.entry;
      const parts: string[] = [];
      if (local) parts.push(`**${local.definition.term}** · ${t('local', { line: local.definition.line + 1 })}\n\n> ${analysis.text.slice(local.definition.sentence.start, local.definition.sentence.end)}`);
      if (entry) parts.push(describeEntry(entry, context.locale(), context.engine.glossary.history));
      const counted = entry ? analysis.termCount(entry) : 0;
      if (counted > 0) parts.push(t('count', { count: counted }));
      const span: Span = term ? term.span : local!.occurrence;
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(document, span) };
    }
    const heading = headingAt(analysis.outline, offset);
    if (heading) {
      const stats = sectionStats(analysis, heading);
      return { contents: { kind: MarkupKind.Markdown, value: `**${heading.name}**\n\n${t('section', stats)}` }, range: toRange(document, heading.selectionSpan) };
    }
    return null;
  }));
}

function label(locale: Locale) {
  return (key: Label, args?: Record<string, string | number>) => format(LABELS[key][locale], args);
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
