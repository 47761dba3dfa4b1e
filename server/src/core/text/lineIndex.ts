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
    const line = lineAt(this.#starts, clamped);
    return { line, character: clamped - this.#starts[line] };
  }

  offsetAt(position: LineColumn): number {
    return Math.min(this.lineStart(position.line) + Math.max(0, position.character), this.#length);
  }
}

/** Index of the last of `count` ascending line starts that is at or before `offset` (0 if none is). */
export function lineAt(starts: ArrayLike<number>, offset: number, count = starts.length): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
