import type { Paragraph } from '../types';
import { classifyLine, type HeadingLine } from './headingPatterns';
import type { LineFacts } from './lineFacts';
import { contentEnd, contentStart } from './sentence';

/**
 * A bracketed heading marker broken over two lines: `（` alone, then
 * `三）加快建设现代化产业体系`. It is a defect of the text (a stray line break,
 * often from a PDF or a web page), but the heading is still there: the outline
 * keeps it, and `outline.numbering` reports the break instead of a missing `（三）`.
 */
export interface BrokenMarkerHeading {
  /** The heading as if the break were not there: offsets relative to `joined`. */
  readonly heading: HeadingLine;
  readonly joined: string;
  /** The line of the second half. */
  readonly continuation: number;
  /** Offset in the document of each character of `joined`. */
  readonly offsetAt: (index: number) => number;
}

const LONE_OPENER = /^[（(]$/;
const CLOSED_NUMERAL = /^(?:[一二三四五六七八九十百]{1,4}|\d{1,3})[）)]/;

export function brokenMarkerAt(paragraphs: readonly Paragraph[], facts: LineFacts, line: number): BrokenMarkerHeading | undefined {
  const first = paragraphs[line];
  const open = first.text.slice(contentStart(first.text), contentEnd(first.text));
  if (!LONE_OPENER.test(open)) return undefined;
  const next = facts.nextNonBlank[line];
  if (next === -1) return undefined;
  const second = paragraphs[next];
  const restStart = contentStart(second.text);
  const rest = second.text.slice(restStart);
  if (!CLOSED_NUMERAL.test(rest)) return undefined;
  const joined = open + rest;
  const heading = classifyLine(joined);
  if (heading?.type !== 'heading' || !heading.marker) return undefined;
  const openAt = first.start + contentStart(first.text);
  const restAt = second.start + restStart;
  return { heading, joined, continuation: next, offsetAt: (index) => (index < open.length ? openAt + index : restAt + index - open.length) };
}
