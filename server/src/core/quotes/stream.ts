import type { Paragraph } from '../types';
import type { FoldedParagraph, ParagraphAnchors } from './anchors';

/**
 * The paragraphs of one document as one stream of comparison units:
 * paragraph breaks removed but remembered, every unit mapped back to its
 * UTF-16 offset in the document.
 */
export interface DocumentStream {
  readonly key: string;
  /**
   * Document offset of unit `u` (NaN past the end), read from its paragraph's own offsets: only
   * the places reported need one, and copying every unit's (every document collated) showed in
   * the command line's profile.
   */
  offsetAt(u: number): number;
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
  return withAnchors(keyStream(paragraphs, seeded), seeded);
}

/** The stream without anchors (`anchors` empty): what deciding which paragraphs to seed needs. */
export function keyStream(paragraphs: readonly Paragraph[], folded: readonly FoldedParagraph[]): DocumentStream {
  const length = folded.reduce((n, s) => n + s.key.length, 0);
  const paragraphOf = new Int32Array(length);
  const starts: number[] = [];
  let at = 0;
  for (let p = 0; p < folded.length; p++) {
    starts.push(at);
    const units = folded[p].key.length;
    paragraphOf.fill(p, at, at + units);
    at += units;
  }
  starts.push(at);
  const offsetAt = (u: number): number => {
    if (!(u >= 0 && u < length)) return NaN;
    const p = paragraphOf[u];
    return paragraphs[p].start + folded[p].offsets[u - starts[p]];
  };
  return { key: folded.map((s) => s.key).join(''), offsetAt, paragraphOf, starts, paragraphs, anchors: NO_ANCHORS };
}

/** The stream with its paragraphs' anchors (`seeded`: the same paragraphs, in the same comparison form). */
export function withAnchors(stream: DocumentStream, seeded: readonly { readonly anchors: Int32Array }[]): DocumentStream {
  const anchors = new Int32Array(seeded.reduce((n, s) => n + s.anchors.length, 0));
  let triple = 0;
  for (let p = 0; p < seeded.length; p++) {
    const at = stream.starts[p];
    const own = seeded[p].anchors;
    for (let k = 0; k < own.length; k += 3) {
      anchors[triple++] = at + own[k];
      anchors[triple++] = own[k + 1];
      anchors[triple++] = own[k + 2];
    }
  }
  return { ...stream, anchors };
}

const NO_ANCHORS = new Int32Array(0);

/** True when a paragraph of the stream starts at unit `u`. */
export function startsParagraphAt(stream: DocumentStream, u: number): boolean {
  if (u <= 0 || u >= stream.key.length) return true;
  return stream.paragraphOf[u] !== stream.paragraphOf[u - 1];
}
