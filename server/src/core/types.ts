/**
 * Facts the core produces. Every position is a UTF-16 code-unit offset into the
 * document text (the unit JavaScript strings and LSP use), never a code point
 * count: 𠀀 and emoji count as two.
 */

/**
 * A document's text as the analysis reads it: its length and slices. A string is one;
 * the server passes a view of its line-based document, so that no edit has to join
 * the whole text into one string (see lsp/lineDocument.ts).
 */
export interface DocumentText {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** Half-open span `[start, end)` of UTF-16 offsets into a document. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One segmentation token. `text === document.slice(start, end)`. */
export interface Token extends Span {
  readonly text: string;
  /** Part of speech from jieba (`n`, `v`, `vn`, `l`, …); absent with the fallback segmenter. */
  readonly tag?: string;
}

/**
 * A line of the document without its line break. Policy documents put one
 * paragraph on a line, so the line is the unit of incremental work.
 */
export interface Paragraph extends Span {
  /** Zero-based line number. */
  readonly line: number;
  readonly text: string;
}

/** Segments a piece of text. The concatenation of the pieces must equal the input. */
export interface Segmenter {
  cut(text: string): readonly string[];
  /** The same pieces with parts of speech, when the segmenter knows them. */
  tag?(text: string): readonly { readonly word: string; readonly tag: string }[];
  /** What `tag` gives, as two arrays and faster (see segment/wordTagMemo.ts). */
  tagPieces?(text: string): { readonly words: readonly string[]; readonly tags: readonly string[] };
  /** The lengths (UTF-16) and parts of speech of what `tagPieces` gives, without a string per piece; undefined when it cannot say. */
  pieceLengths?(text: string): { readonly lengths: Uint32Array; readonly tags: readonly string[] } | undefined;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of `span` by `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * What a rule found. Carries a code and arguments, never a sentence: the LSP
 * layer and the CLI turn it into a localised message.
 */
export interface Finding {
  /** Rule id, e.g. `slogan.repeated`. */
  readonly code: string;
  /** Message variant within the rule, e.g. `paragraph` or `section`. */
  readonly messageId: string;
  readonly span: Span;
  readonly args: Readonly<Record<string, string | number>>;
  /** Other places that explain this finding (other occurrences, the other copy). */
  readonly related?: readonly Span[];
  /** A certain fix; absent when only a person can decide. */
  readonly fix?: readonly TextEdit[];
  /** Key to ignore this finding by (e.g. the repeated phrase). */
  readonly ignoreKey?: string;
}
