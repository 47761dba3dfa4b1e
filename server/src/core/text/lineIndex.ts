import { splitParagraphs } from './paragraphs';

/** Zero-based line and UTF-16 column. */
export interface LineColumn {
  readonly line: number;
  readonly character: number;
}

/**
 * Offset ↔ line/column conversion built once per text (binary search), for the
 * CLI and tests; the server uses the LSP TextDocument, which does the same.
 */
export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(text: string) {
    this.#starts = splitParagraphs(text).map((p) => p.start);
    this.#length = text.length;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))];
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.#starts[low] };
  }

  offsetAt(position: LineColumn): number {
    return Math.min(this.lineStart(position.line) + Math.max(0, position.character), this.#length);
  }
}
