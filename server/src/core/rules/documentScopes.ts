import type { OutlineNode } from '../outline/types';
import type { DocumentText, Finding, Paragraph, Span } from '../types';
import type { DocumentFacts } from './rule';

/**
 * The documents of a file: each `document` heading of a compilation (32
 * reports in one file), or the whole file. Checks that compare a document
 * with itself (duplicated sentences, inconsistent forms) run per scope,
 * because separate reports legitimately reuse each other's wording.
 */
export function documentScopes(text: DocumentText, outline: readonly OutlineNode[]): Span[] {
  const documents = outline.filter((node) => node.kind === 'document');
  if (documents.length === 0) return [{ start: 0, end: text.length }];
  const scopes: Span[] = [];
  // Text before the first title (a preface) is a scope of its own.
  if (documents[0].span.start > 0) scopes.push({ start: 0, end: documents[0].span.start });
  documents.forEach((node, i) => scopes.push({ start: node.span.start, end: i + 1 < documents.length ? documents[i + 1].span.start : text.length }));
  return scopes;
}

/**
 * The non-empty paragraphs of each document of the file (`documentScopes`). Several rules ask
 * on every edit; the groups are made once per version (keyed by its paragraph list, which a
 * version computes once) and must not be changed.
 */
export function paragraphsByDocument(facts: Pick<DocumentFacts, 'paragraphs' | 'text' | 'outline'>): readonly (readonly Paragraph[])[] {
  let groups = byDocument.get(facts.paragraphs);
  if (!groups) byDocument.set(facts.paragraphs, (groups = paragraphsBySpan(facts.paragraphs, documentScopes(facts.text, facts.outline))));
  return groups;
}

const byDocument = new WeakMap<readonly Paragraph[], Paragraph[][]>();

/** The non-empty paragraphs of each span (spans in document order, not overlapping), in one pass. */
export function paragraphsBySpan<P extends { readonly start: number; readonly end: number; readonly text: string }>(
  paragraphs: readonly P[],
  spans: readonly Span[],
): P[][] {
  const groups: P[][] = spans.map(() => []);
  let s = 0;
  for (const paragraph of paragraphs) {
    while (s < spans.length && paragraph.start >= spans[s].end) s++;
    if (s >= spans.length) break;
    if (paragraph.text.length > 0 && paragraph.end > spans[s].start) groups[s].push(paragraph);
  }
  return groups;
}

/**
 * Runs a check on each document of the file, reusing the findings of every
 * document whose paragraphs an edit left alone.
 */
export function checkPerScope(facts: DocumentFacts, namespace: string, check: (paragraphs: readonly Paragraph[]) => Finding[]): Finding[] {
  const findings: Finding[] = [];
  for (const paragraphs of paragraphsByDocument(facts)) {
    const compute = () => check(paragraphs);
    findings.push(...facts.memoScope(namespace, paragraphs, compute));
  }
  return findings;
}
