import type { DocxContent, DocxOrigin } from './model';

/** One line of the policy text of a Word document and where it came from. */
export interface DocxLine {
  /** Undefined for the blank line that separates the body from the notes. */
  readonly origin?: DocxOrigin;
  /** UTF-16 offset of the line's start in its Word paragraph (non-zero after a manual line break). */
  readonly column: number;
  /** Heading level of the paragraph's style (0 Title, 1–9), on its first line only. */
  readonly level?: number;
}

/**
 * The text the rules read: one line per paragraph (a manual line break starts
 * another line of the same paragraph), body and table cells in reading order,
 * then a blank line and the footnotes and endnotes. `lines[n]` describes line n.
 */
export interface DocxText {
  readonly text: string;
  readonly lines: readonly DocxLine[];
}

/** Line and paragraph separators other than `\n` would split lines differently from the origin map. */
const OTHER_BREAKS = /[\r\u2028\u2029\v\f\u0085]/g;

export function docxPolicyText(content: DocxContent): DocxText {
  const texts: string[] = [];
  const lines: DocxLine[] = [];
  let notesStarted = false;
  for (const paragraph of content.paragraphs) {
    const isNote = paragraph.origin.kind === 'footnote' || paragraph.origin.kind === 'endnote';
    if (isNote && !notesStarted) {
      notesStarted = true;
      if (texts.length > 0) {
        texts.push('');
        lines.push({ column: 0 });
      }
    }
    let column = 0;
    const parts = paragraph.text.replace(OTHER_BREAKS, ' ').split('\n');
    parts.forEach((part, index) => {
      texts.push(part);
      lines.push({ origin: paragraph.origin, column, ...(index === 0 && paragraph.level !== undefined ? { level: paragraph.level } : {}) });
      column += part.length + 1;
    });
  }
  return { text: texts.join('\n'), lines };
}

/** Where a finding stands in Word: its paragraph, 1-based column in that paragraph, and a piece of text to search for. */
export interface DocxPlace {
  readonly origin: DocxOrigin;
  readonly column: number;
  readonly excerpt: string;
}

/** Characters of context on each side of a finding in its excerpt. */
const EXCERPT_CONTEXT = 8;
const EXCERPT_MAX = 40;

/**
 * The place of a finding that starts at `character` (UTF-16) of `line` and
 * ends at `endCharacter` when on the same line. The excerpt is literal text of
 * the paragraph (no ellipses), so it can be pasted into Word's Find.
 */
export function docxPlace(docx: DocxText, lineText: string, line: number, character: number, endCharacter = character): DocxPlace | undefined {
  const info = docx.lines[line];
  if (!info?.origin) return undefined;
  let from = Math.max(0, character - EXCERPT_CONTEXT);
  let to = Math.min(lineText.length, Math.max(endCharacter, character) + EXCERPT_CONTEXT, from + EXCERPT_MAX);
  // Never cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(lineText.charCodeAt(from))) from--;
  if (to < lineText.length && isLowSurrogate(lineText.charCodeAt(to))) to++;
  return { origin: info.origin, column: info.column + character + 1, excerpt: lineText.slice(from, to) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `¶12`, `¶40 table 1 row 2 cell 3`, `footnote 1` (`footnote 1 ¶2` for a note's later paragraphs): the place in machine-stable English. */
export function originLabel(origin: DocxOrigin): string {
  switch (origin.kind) {
    case 'body':
      return `¶${origin.paragraph}`;
    case 'table':
      return `¶${origin.paragraph} table ${origin.table} row ${origin.row} cell ${origin.cell}`;
    case 'footnote':
    case 'endnote':
      return `${origin.kind} ${origin.note}${origin.paragraph > 1 ? ` ¶${origin.paragraph}` : ''}`;
  }
}

/** The place for people, in the interface language: `第12段`, `第40段（表1第2行第3格）`, `脚注1`. */
export function originLabelLocalized(origin: DocxOrigin, locale: 'zh' | 'en'): string {
  if (locale === 'en') return originLabel(origin);
  switch (origin.kind) {
    case 'body':
      return `第${origin.paragraph}段`;
    case 'table':
      return `第${origin.paragraph}段（表${origin.table}第${origin.row}行第${origin.cell}格）`;
    case 'footnote':
    case 'endnote':
      return `${origin.kind === 'footnote' ? '脚注' : '尾注'}${origin.note}${origin.paragraph > 1 ? `第${origin.paragraph}段` : ''}`;
  }
}
