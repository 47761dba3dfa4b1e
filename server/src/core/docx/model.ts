/**
 * A Word document as the analysis sees it: its paragraphs in reading order,
 * each with where it came from, so that a finding can be found again in Word.
 * The adapter (adapters/docx/) fills this from mammoth's document model; the
 * core only reads it.
 */

/** Where a paragraph of a Word document stands. */
export type DocxOrigin =
  | {
      readonly kind: 'body';
      /** 1-based, counted as Word counts `Paragraphs(n)`: every paragraph of the body, table cells included. */
      readonly paragraph: number;
    }
  | {
      readonly kind: 'table';
      /** 1-based paragraph number in the same count as body paragraphs. */
      readonly paragraph: number;
      /** 1-based table, row and cell (cells of a row left to right, merged cells counted once). */
      readonly table: number;
      readonly row: number;
      readonly cell: number;
    }
  | {
      readonly kind: 'footnote' | 'endnote';
      /** 1-based number of the note in order of its first reference in the body, as Word numbers them. */
      readonly note: number;
      /** 1-based paragraph within the note. */
      readonly paragraph: number;
    };

/** A reference to a footnote or an endnote inside a paragraph's text. */
export interface NoteMark {
  /** UTF-16 offset in the paragraph text where the reference mark stands. */
  readonly offset: number;
  readonly kind: 'footnote' | 'endnote';
  readonly note: number;
}

export interface DocxParagraph {
  /** The final text (tracked changes accepted); `\n` where the paragraph has a manual line break. */
  readonly text: string;
  readonly origin: DocxOrigin;
  /** Heading level from the paragraph style: 0 for Title, 1–9 for Heading 1–9 / 标题 1–9 / an outline level. */
  readonly level?: number;
  /** The paragraph style's name, as Word shows it in English (`heading 1`) or as the document names it. */
  readonly style?: string;
  readonly notes?: readonly NoteMark[];
}

export interface DocxContent {
  readonly paragraphs: readonly DocxParagraph[];
  /** What the reader could not take over (unreadable parts, unsupported elements), for the user. */
  readonly warnings: readonly string[];
}
