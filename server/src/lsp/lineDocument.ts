import type { DocxText } from '../core/docx/policyText';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineAt } from '../core/text/lineIndex';
import { splitParagraphs } from '../core/text/paragraphs';
import type { DocumentText, Paragraph } from '../core/types';

/**
 * A TextDocument kept as an array of lines, with the same positions, offsets and
 * texts as vscode-languageserver-textdocument's (a property test compares them).
 *
 * That library keeps one string and builds a new one for every edit: V8 then copies
 * the whole document (1.1 MB for the 1.6 MB compilation), ≈5 ms per keystroke on the
 * machines we measured, about a sixth of the time an edit may take. Here an edit
 * replaces the lines it touches; the whole text is joined only when asked for.
 * Lines are what the analysis works on anyway (one paragraph per line).
 */
export class LineDocument implements TextDocument {
  /** A Word document's origin map and style headings, for a `policy-docx:` view whose text it is. */
  docx?: DocxText;
  /** Line texts without their line breaks. */
  #lines: string[];
  /** The line break after each line: `\n`, `\r\n`, `\r`, or '' after the last. */
  #breaks: string[];
  /** Offset (UTF-16) where each line starts; one more entry: the document's length. */
  #starts: number[];
  #text: string | undefined;
  #version: number;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.#version = version;
    [this.#lines, this.#breaks] = splitLines(content);
    this.#starts = [];
    this.#computeStarts(0);
  }

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, content);
  }

  static update(document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument {
    document.#update(changes, version);
    return document;
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    return this.#lines.length;
  }

  /** The document's length in UTF-16 units, without joining its lines. */
  get length(): number {
    return this.#starts[this.#lines.length];
  }

  /**
   * The paragraphs: one per line. Those of `previous` (an earlier version's) are reused
   * where line, start and text are unchanged (the lines before an edit), so their text
   * strings, and the hashes cached in them, stay the same objects.
   */
  paragraphs(previous?: readonly Paragraph[]): Paragraph[] {
    const lines = this.#lines;
    const paragraphs: Paragraph[] = new Array(lines.length);
    for (let line = 0; line < lines.length; line++) {
      const text = lines[line];
      const start = this.#starts[line];
      const old = previous?.[line];
      paragraphs[line] = old !== undefined && old.start === start && old.text === text ? old : { line, start, end: start + text.length, text };
    }
    return paragraphs;
  }

  /** The text, read in pieces: slices join only the lines they cover. */
  get text(): DocumentText {
    return { length: this.length, slice: (start, end) => this.#slice(start, end) };
  }

  getText(range?: Range): string {
    if (range) return this.#slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.#text === undefined) {
      const parts: string[] = [];
      for (let i = 0; i < this.#lines.length; i++) parts.push(this.#lines[i], this.#breaks[i]);
      this.#text = parts.join('');
    }
    return this.#text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const line = this.#lineAt(offset);
    // Inside a line break counts as the end of the line.
    return { line, character: Math.min(offset - this.#starts[line], this.#lines[line].length) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.#lines.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.#starts[position.line];
    if (position.character <= 0) return start;
    return start + Math.min(position.character, this.#lines[position.line].length);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    line = Math.min(line, this.#lines.length - 1);
    return { start: { line, character: 0 }, end: { line, character: this.#lines[line].length } };
  }

  getEOLCharacters(line: number): string {
    return line < 0 || line >= this.#lines.length ? '' : this.#breaks[line];
  }

  #update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.#replace(wellFormed(change.range), change.text);
      else {
        [this.#lines, this.#breaks] = splitLines(change.text);
        this.#computeStarts(0);
      }
      this.#text = undefined;
    }
    this.#version = version;
  }

  #replace(range: Range, text: string): void {
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    let first = this.#lineAt(startOffset);
    const last = this.#lineAt(endOffset);
    const before = this.#lines[first].slice(0, startOffset - this.#starts[first]);
    let region = before + text + this.#lines[last].slice(endOffset - this.#starts[last]) + this.#breaks[last];
    // A `\r` ending the line before and a `\n` starting the region are one line break.
    if (first > 0 && this.#breaks[first - 1] === '\r' && region.charCodeAt(0) === 10) {
      first--;
      region = this.#lines[first] + '\r' + region;
    }
    const [lines, breaks] = splitLines(region);
    // The region ends with the old break of `last` (or the end of the document): the split
    // yields one empty line after it unless that was the document's end.
    if (last + 1 < this.#lines.length) {
      lines.pop();
      breaks.pop();
    }
    this.#lines = replaced(this.#lines, first, last, lines);
    this.#breaks = replaced(this.#breaks, first, last, breaks);
    this.#starts.length = this.#lines.length + 1;
    this.#computeStarts(first);
  }

  /** Recomputes line starts from line `from` on. */
  #computeStarts(from: number): void {
    const starts = this.#starts;
    let offset = from === 0 ? 0 : starts[from];
    for (let i = from; i < this.#lines.length; i++) {
      starts[i] = offset;
      offset += this.#lines[i].length + this.#breaks[i].length;
    }
    starts[this.#lines.length] = offset;
  }

  /** Index of the line holding `offset` (line breaks belong to their line). */
  #lineAt(offset: number): number {
    // #starts has one entry more than there are lines: the document's end.
    return lineAt(this.#starts, offset, this.#lines.length);
  }

  #slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (this.#text !== undefined) return this.#text.slice(start, end);
    const first = this.#lineAt(start);
    const last = this.#lineAt(end);
    const lineStart = this.#starts[first];
    // Most slices (heading names, sentences) lie inside one line: no concatenation.
    if (first === last && end - lineStart <= this.#lines[first].length) return this.#lines[first].slice(start - lineStart, end - lineStart);
    if (first === last) return (this.#lines[first] + this.#breaks[first]).slice(start - lineStart, end - lineStart);
    const parts = [(this.#lines[first] + this.#breaks[first]).slice(start - this.#starts[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.#lines[i], this.#breaks[i]);
    parts.push((this.#lines[last] + this.#breaks[last]).slice(0, end - this.#starts[last]));
    return parts.join('');
  }
}

/** Lines (copies, see splitParagraphs) and the break after each: `\n`, `\r\n`, `\r`, or '' after the last. */
function splitLines(text: string): [string[], string[]] {
  const paragraphs = splitParagraphs(text);
  const breaks = paragraphs.map((p, i) => (i + 1 < paragraphs.length ? text.slice(p.end, paragraphs[i + 1].start) : ''));
  return [paragraphs.map((p) => p.text), breaks];
}

/** `items` with `items[first..last]` replaced by `by`: in place for a typing-sized edit; spreading a pasted text's 100 000 lines as arguments would overflow the stack. */
function replaced(items: string[], first: number, last: number, by: string[]): string[] {
  if (by.length < 10_000) {
    items.splice(first, last - first + 1, ...by);
    return items;
  }
  return items.slice(0, first).concat(by, items.slice(last + 1));
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
