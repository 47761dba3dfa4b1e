import type { Paragraph } from '../types';
import { anchorsOf } from './anchors';
import { chainAnchors } from './chains';
import type { CollationIndex } from './collationIndex';
import { reuseShares, type ReuseShare } from './reuse';
import { documentStream } from './stream';

/**
 * How much of a document is text of each reference ("93 % of this document is
 * text from 2024政府工作报告"), largest first: the units in chains long enough
 * to be copies, over the document's units (white space not counted).
 */
export function documentReuse(index: CollationIndex, paragraphs: readonly Paragraph[]): ReuseShare[] {
  const stream = documentStream(paragraphs.filter((p) => p.text.length > 0), (p) => anchorsOf(index, p.text));
  return reuseShares(index, chainAnchors(index, stream.anchors, stream), stream.key.length);
}
