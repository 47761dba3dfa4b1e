import type { Paragraph } from '../types';
import type { ParagraphAnchors } from './anchors';

/**
 * The paragraphs of one document as one stream of comparison units:
 * paragraph breaks removed but remembered, every unit mapped back to its
 * UTF-16 offset in the document.
 */
export interface DocumentStream {
  readonly key: string;
  /** Document offset of each unit. */
  readonly offsets: Int32Array;
  /** Index (into `paragraphs`) of the paragraph of each unit. */
  readonly paragraphOf: Int32Array;
  /** Stream position where each paragraph starts (one more entry: the stream's length). */
  readonly starts: readonly number[];
  readonly paragraphs: readonly Paragraph[];
  /** Every paragraph's anchors as triples (d, r, length) in stream positions, sorted by `d`: typed, since a compilation has ≈80 000. */
  readonly anchors: Int32Array;
}

export function documentStream(paragraphs: readonly Paragraph[], anchorsOf: (paragraph: Paragraph) => ParagraphAnchors): DocumentStream {
  const seeded = paragraphs.map(anchorsOf);
  const length = seeded.reduce((n, s) => n + s.key.length, 0);
  const offsets = new Int32Array(length);
  const paragraphOf = new Int32Array(length);
  const starts: number[] = [];
  const anchors = new Int32Array(seeded.reduce((n, s) => n + s.anchors.length, 0));
  let at = 0;
  let triple = 0;
  seeded.forEach((s, p) => {
    starts.push(at);
    const base = paragraphs[p].start;
    for (let i = 0; i < s.key.length; i++) {
      offsets[at + i] = base + s.offsets[i];
      paragraphOf[at + i] = p;
    }
    for (let k = 0; k < s.anchors.length; k += 3) {
      anchors[triple++] = at + s.anchors[k];
      anchors[triple++] = s.anchors[k + 1];
      anchors[triple++] = s.anchors[k + 2];
    }
    at += s.key.length;
  });
  starts.push(at);
  return { key: seeded.map((s) => s.key).join(''), offsets, paragraphOf, starts, paragraphs, anchors };
}

/** True when a paragraph of the stream starts at unit `u`. */
export function startsParagraphAt(stream: DocumentStream, u: number): boolean {
  if (u <= 0 || u >= stream.key.length) return true;
  return stream.paragraphOf[u] !== stream.paragraphOf[u - 1];
}
