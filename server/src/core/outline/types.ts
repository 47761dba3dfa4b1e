import type { Span } from '../types';

/**
 * The kinds of heading the outline knows, from the largest unit to the smallest.
 * Reports follow GB/T 9704 (一、 →（一）→ 1. →（1）→ ①); laws use 编/章/节/条.
 */
export type HeadingKind =
  | 'document' //   a title inside a compilation: `2.北京市政府工作报告`, `中华人民共和国保守国家秘密法`
  | 'part' //       `一、`, or an unnumbered part title (`2023年工作回顾`)
  | 'section' //    `（一）` / `(一)`, standalone or the first sentence of a paragraph
  | 'item' //       `1.` / `1．` / `1、`
  | 'subitem' //    `（1）` / `(1)`
  | 'circled' //    `①`
  | 'lead' //       optional: `一是…` / `一要…` / `——…` lead items
  | 'bian' //       `第X编`
  | 'chapter' //    `第X章`
  | 'jie' //        `第X节`
  | 'article' //    `第X条`
  | 'listItem' //   `（一）…；` enumerations inside a law article
  | 'markdown' //   `#` headings in Markdown documents
  | 'styled'; //    a Word paragraph styled Title, Heading 1–9 / 标题 1–9 or given an outline level

/** The number a heading carries and how it is written. */
export interface HeadingNumber {
  /** 1-based value: `（三）` → 3. */
  readonly value: number;
  /** Exactly the marker as written, e.g. `（三）`, `3.`, `第三条`. */
  readonly text: string;
  /** Where the marker stands in the document. */
  readonly span: Span;
  /** Spelling family of the marker, e.g. `fullwidth-paren`, `halfwidth-paren`, `dot`, `fullwidth-dot`, `comma`. */
  readonly style: string;
}

export interface OutlineNode {
  readonly kind: HeadingKind;
  /** Depth in the tree, 1 for the top. */
  readonly depth: number;
  /** Display name: the heading line, or the first sentence of an inline heading (up to and including 。 is not kept). */
  readonly name: string;
  /** Zero-based line of the heading. */
  readonly line: number;
  readonly number?: HeadingNumber;
  /** The heading text itself (what the name was taken from). */
  readonly selectionSpan: Span;
  /** The heading and everything up to the next heading of the same or a higher level. */
  readonly span: Span;
  readonly children: readonly OutlineNode[];
}

export interface OutlineOptions {
  /** Recognise `#` headings. */
  readonly markdown: boolean;
  /** Show `一是/一要/——` lead items as outline entries. */
  readonly leadItems: boolean;
}
