import type { Paragraph, Span } from '../types';
import type { LineFacts } from './lineFacts';
import { contentEnd } from './sentence';
import type { HeadingKind, HeadingNumber } from './types';

/** A heading decided on, before it is placed in the tree. */
export interface ResolvedHeading {
  readonly kind: HeadingKind;
  /** Where the heading's span starts: the marker, or the `#` of a Markdown heading. */
  readonly start: number;
  readonly rank: number;
  readonly line: number;
  /** Last line the heading text occupies (titles and wrapped headings span several). */
  readonly lastLine: number;
  readonly name: string;
  readonly selectionSpan: Span;
  readonly number?: HeadingNumber;
}

interface MutableNode {
  kind: HeadingKind;
  depth: number;
  name: string;
  line: number;
  number?: HeadingNumber;
  selectionSpan: Span;
  span: { start: number; end: number };
  children: MutableNode[];
}

interface OpenHeading {
  readonly node: MutableNode;
  readonly rank: number;
  /** End of the heading's own text. */
  readonly ownEnd: number;
}

const REPORT_KINDS: ReadonlySet<HeadingKind> = new Set(['part', 'section', 'item', 'subitem', 'circled']);

function findLastOfKind(nodes: readonly MutableNode[], kind: HeadingKind): MutableNode | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i].kind === kind && nodes[i].number) return nodes[i];
  return undefined;
}

/** The stack of open headings: a heading closes every open heading of the same or a larger rank number. */
export class TreeBuilder {
  private readonly roots: MutableNode[] = [];
  private readonly stack: OpenHeading[] = [];
  private articlesOpen = 0;

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    private readonly facts: LineFacts,
  ) {}

  /** True while a law article is open: its `（一）` lines are list items. */
  inArticle(): boolean {
    return this.articlesOpen > 0;
  }

  /** The number of the innermost open heading of `kind`, when no heading of another kind is open inside it. */
  openValue(kind: HeadingKind): number | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const { node } = this.stack[i];
      if (node.kind === kind) return node.number?.value;
      if (node.kind !== 'subitem' && node.kind !== 'circled' && node.kind !== 'lead') return undefined;
    }
    return undefined;
  }

  /** Places a heading: closes the open headings it ends, then opens it under the innermost remaining one. */
  open(heading: ResolvedHeading): void {
    const resumed = this.resumedLevel(heading);
    if (resumed === undefined) this.closeFrom(heading.rank, heading.line);
    else this.closeAbove(resumed, heading.line);
    const lastParagraph = this.paragraphs[heading.lastLine];
    const node: MutableNode = {
      kind: heading.kind,
      depth: this.stack.length + 1,
      name: heading.name,
      line: heading.line,
      ...(heading.number ? { number: heading.number } : {}),
      selectionSpan: heading.selectionSpan,
      span: { start: heading.start, end: heading.selectionSpan.end },
      children: [],
    };
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.node.children : this.roots).push(node);
    this.stack.push({ node, rank: heading.rank, ownEnd: lastParagraph.start + contentEnd(lastParagraph.text) });
    if (heading.kind === 'article') this.articlesOpen++;
  }

  /** Closes everything still open at the end of the text and returns the top-level nodes. */
  finish(): MutableNode[] {
    this.closeFrom(-Infinity, this.facts.count);
    return this.roots;
  }

  /**
   * A report heading `（三）` that continues a sibling `（二）` placed above the
   * open headings of a larger unit, as in documents that put their `一、` parts
   * under a `（二）` (gwr-1981: `（一）` `（二）` `一、…十、` `（三）`): it goes back
   * to the level of `（二）`. Returns that level as a stack depth (0 = top level),
   * or undefined when ranks alone place the heading.
   */
  private resumedLevel(heading: ResolvedHeading): number | undefined {
    if (!heading.number || heading.number.value < 2 || !REPORT_KINDS.has(heading.kind)) return undefined;
    for (let depth = this.stack.length; depth >= 0; depth--) {
      const siblings = depth === 0 ? this.roots : this.stack[depth - 1].node.children;
      const last = findLastOfKind(siblings, heading.kind);
      if (!last) continue;
      if (last.number?.value !== heading.number.value - 1) return undefined;
      // Only when ranks would nest it deeper than its sibling: otherwise the ordinary rule agrees.
      return this.stack.slice(depth).some((open) => open.rank < heading.rank) ? depth : undefined;
    }
    return undefined;
  }

  /** Closes the open headings deeper than `depth` (0 closes all). */
  private closeAbove(depth: number, line: number): void {
    this.closeWhile(line, () => this.stack.length > depth);
  }

  /** Closes the open headings of rank ≥ `rank`; they end at the last non-blank line before `line`. */
  private closeFrom(rank: number, line: number): void {
    this.closeWhile(line, () => this.stack[this.stack.length - 1].rank >= rank);
  }

  private closeWhile(line: number, shouldClose: () => boolean): void {
    if (this.stack.length === 0 || !shouldClose()) return;
    const boundary = this.lastContentEndBefore(line);
    while (this.stack.length > 0 && shouldClose()) {
      const { node, ownEnd } = this.stack.pop()!;
      if (node.kind === 'article') this.articlesOpen--;
      // A list item is one enumerated clause: the article's later paragraphs are not part of it.
      const lastChild = node.children[node.children.length - 1];
      node.span.end = node.kind === 'listItem' ? Math.max(ownEnd, lastChild?.span.end ?? ownEnd) : Math.max(ownEnd, boundary);
    }
  }

  private lastContentEndBefore(line: number): number {
    const last = line < this.facts.count ? this.facts.previousNonBlank[line] : this.lastNonBlankLine();
    if (last === -1) return 0;
    const paragraph = this.paragraphs[last];
    return paragraph.start + contentEnd(paragraph.text);
  }

  private lastNonBlankLine(): number {
    const lastLine = this.facts.count - 1;
    if (lastLine < 0) return -1;
    return this.facts.contentLength[lastLine] > 0 ? lastLine : this.facts.previousNonBlank[lastLine];
  }
}
