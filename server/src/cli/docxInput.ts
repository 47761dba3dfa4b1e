import { readDocxFile } from '../adapters/docx/readDocx';
import type { DocxOrigin } from '../core/docx/model';
import { docxPlace, docxPolicyText, originLabel, type DocxText } from '../core/docx/policyText';
import { splitParagraphs } from '../core/text/paragraphs';

/** A Word document read for checking: its policy text and where each line came from. */
export interface DocxInput {
  readonly text: string;
  readonly encoding: 'docx';
  readonly docx: DocxText;
  /** What mammoth could not read (shown as warnings). */
  readonly warnings: readonly string[];
}

/** Where a finding in a Word document is: JSON and SARIF carry this next to line and column of the policy text. */
export interface WordPlace {
  /** `¶12`, `¶40 table 1 row 2 cell 3`, `footnote 1`. */
  readonly place: string;
  readonly origin: DocxOrigin;
  /** 1-based column (UTF-16 code units) in the Word paragraph. */
  readonly column: number;
  /** Literal text around the finding, to paste into Word's Find. */
  readonly excerpt: string;
}

export function isDocxPath(file: string): boolean {
  return /\.docx$/i.test(file);
}

export async function readDocxInput(file: string): Promise<DocxInput | { error: string }> {
  const read = await readDocxFile(file);
  if (!read.ok) return { error: read.message };
  const docx = docxPolicyText(read.content);
  return { text: docx.text, encoding: 'docx', docx, warnings: read.content.warnings };
}

/** The Word place of a finding at 1-based `line`/`column` (and `endLine`/`endColumn`) of the policy text. */
export function wordPlace(input: DocxInput, lines: readonly string[], finding: { line: number; column: number; endLine: number; endColumn: number }): WordPlace | undefined {
  const index = finding.line - 1;
  const end = finding.endLine === finding.line ? finding.endColumn - 1 : (lines[index]?.length ?? 0);
  const place = docxPlace(input.docx, lines[index] ?? '', index, finding.column - 1, end);
  return place && { place: originLabel(place.origin), origin: place.origin, column: place.column, excerpt: place.excerpt };
}

/** Adds the Word place to each finding of a Word document. */
export function withWordPlaces<F extends { line: number; column: number; endLine: number; endColumn: number }>(findings: readonly F[], input: DocxInput): (F & { word?: WordPlace })[] {
  const lines = splitParagraphs(input.text).map((p) => p.text);
  return findings.map((finding) => {
    const word = wordPlace(input, lines, finding);
    return word ? { ...finding, word } : finding;
  });
}
