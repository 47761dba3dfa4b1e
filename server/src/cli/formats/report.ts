import type { GradedFinding } from '../../core/analysis';
import { originLabel, type DocxText } from '../../core/docx/policyText';
import type { WordPlace } from '../docxInput';
import type { OutlineNode } from '../../core/outline/types';
import { LineIndex } from '../../core/text/lineIndex';
import { findingMessage, type Locale } from '../../engine/l10n';

/** One finding with 1-based lines and columns (columns count UTF-16 code units, as LSP does). */
export interface ReportedFinding {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** Exclusive: the column just after the last character. */
  readonly endColumn: number;
  readonly severity: GradedFinding['severity'];
  readonly code: string;
  readonly message: string;
  readonly fix?: readonly { readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly newText: string }[];
  /** In a Word document: the paragraph (table cell, note), column there and an excerpt. */
  readonly word?: WordPlace;
}

export interface FileReport {
  /** As given on the command line (or found below a folder or by a glob). */
  readonly file: string;
  readonly encoding: string;
  readonly findings: readonly ReportedFinding[];
  readonly outline?: readonly OutlineNode[];
  /** A Word document's origin map: outlines show paragraphs, not lines. */
  readonly docx?: DocxText;
}

export function reportFindings(text: string, findings: readonly GradedFinding[], locale: Locale): ReportedFinding[] {
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  return findings.map((finding) => {
    const start = at(finding.span.start);
    const end = at(finding.span.end);
    return {
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: finding.severity,
      code: finding.code,
      message: findingMessage(finding, locale),
      fix: finding.fix?.map((edit) => {
        const from = at(edit.span.start);
        const to = at(edit.span.end);
        return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: edit.newText };
      }),
    };
  });
}

/** `file:line:col severity code message`, one line per finding. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const message = `${f.severity} ${f.code} ${f.message.replace(/\r?\n/g, ' ')}`;
      lines.push(f.word ? `${report.file} ${f.word.place} col ${f.word.column} ${message} | ${f.word.excerpt}` : `${report.file}:${f.line}:${f.column} ${message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The outline as an indented list: `line  heading`, two spaces per level. */
export function formatOutlineText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    out.push(`${report.file}`);
    const label = (line: number) => {
      const origin = report.docx?.lines[line]?.origin;
      return origin ? originLabel(origin) : String(line + 1);
    };
    const width = report.docx ? maxLabel(report.outline ?? [], label) : String(maxLine(report.outline ?? []) + 1).length;
    const walk = (nodes: readonly OutlineNode[]) => {
      for (const node of nodes) {
        out.push(`  ${label(node.line).padStart(width)}  ${'  '.repeat(node.depth - 1)}${node.name}`);
        walk(node.children);
      }
    };
    walk(report.outline ?? []);
  }
  return `${out.join('\n')}\n`;
}

function maxLabel(nodes: readonly OutlineNode[], label: (line: number) => string): number {
  return nodes.reduce((max, node) => Math.max(max, label(node.line).length, maxLabel(node.children, label)), 0);
}

function maxLine(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((max, node) => Math.max(max, node.line, maxLine(node.children)), 0);
}

/** The JSON report: every file with its findings (or its outline), and totals. */
export function formatJson(reports: readonly FileReport[], tool: { name: string; version: string }): string {
  const bySeverity: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const f of report.findings) bySeverity[f.severity]++;
  const files = reports.map((report) =>
    report.outline
      ? { file: report.file, encoding: report.encoding, outline: report.outline.map((node) => outlineJson(node, report.docx)) }
      : { file: report.file, encoding: report.encoding, findings: report.findings },
  );
  const findings = reports.reduce((n, r) => n + r.findings.length, 0);
  return `${JSON.stringify({ tool, files, summary: { files: reports.length, findings, bySeverity } }, null, 2)}\n`;
}

interface OutlineJson {
  kind: string;
  name: string;
  line: number;
  /** Word documents: the heading's paragraph, e.g. `¶12`. */
  place?: string;
  children: OutlineJson[];
}

function outlineJson(node: OutlineNode, docx?: DocxText): OutlineJson {
  const origin = docx?.lines[node.line]?.origin;
  return {
    kind: node.kind,
    name: node.name,
    line: node.line + 1,
    ...(origin ? { place: originLabel(origin) } : {}),
    children: node.children.map((child) => outlineJson(child, docx)),
  };
}
