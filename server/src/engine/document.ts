import type { DocxText } from '../core/docx/policyText';
import { splitParagraphs } from '../core/text/paragraphs';
import type { DocumentText, Paragraph } from '../core/types';

/**
 * What the engine analyses: a text with a name and a version. The editor's
 * open documents (lsp/lineDocument.ts) and the command line's files
 * (StaticDocument) both are one.
 */
export interface AnalysableDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: DocumentText;
  /** One paragraph per line; those of `previous` are reused where unchanged. */
  paragraphs(previous?: readonly Paragraph[]): Paragraph[];
  /** For the text of a Word document: where its lines came from and its style headings. */
  readonly docx?: DocxText;
}

/** A text that does not change: a file read by the command line, a document in a test. */
export class StaticDocument implements AnalysableDocument {
  constructor(
    readonly uri: string,
    readonly text: string,
    readonly languageId = 'policy',
    readonly version = 0,
    readonly docx?: DocxText,
  ) {}

  paragraphs(): Paragraph[] {
    return splitParagraphs(this.text);
  }
}

/** Markdown documents get Markdown headings in the outline: by language or by file name. */
export function isMarkdownDocument(document: Pick<AnalysableDocument, 'uri' | 'languageId'>): boolean {
  return document.languageId === 'markdown' || /\.md$/i.test(document.uri);
}

/** Files the workspace index serves: `*.policy.txt` and `*.policy.md`. */
export function isPolicyDocumentFile(file: string): boolean {
  return /\.policy\.(txt|md)$/i.test(file);
}
