import type { Paragraph } from '../types';
import type { LineCandidate } from './headingPatterns';
import { contentEnd, contentStart, endsLikeBody, isBlankLine, fragmentFlags, FRAGMENT } from './sentence';

/** Classifies one line; `classifyLine` or a cached wrapper around it, which `position` (the line's number) lets answer without hashing. */
export type LineClassifier = (line: string, position?: number) => LineCandidate | null;

/** What the outline builder needs to know about every line, computed once in linear time. */
export interface LineFacts {
  readonly count: number;
  /** The heading candidate of each line (null for prose and blank lines). */
  readonly candidates: readonly (LineCandidate | null)[];
  /** Index of the nearest non-blank line before / after each line, -1 when there is none. */
  readonly previousNonBlank: Int32Array;
  readonly nextNonBlank: Int32Array;
  /** Line ends like body text (`。`, `！`, `：`…). */
  readonly bodyEnding: Uint8Array;
  /** Length of the line without surrounding spaces. */
  readonly contentLength: Int32Array;
  /** `FRAGMENT` flags: signs that the line is a piece of a sentence broken by web-page links. */
  readonly fragment: Uint8Array;
}

export function collectLineFacts(paragraphs: readonly Paragraph[], classify: LineClassifier): LineFacts {
  const count = paragraphs.length;
  const candidates: (LineCandidate | null)[] = new Array(count);
  const previousNonBlank = new Int32Array(count);
  const nextNonBlank = new Int32Array(count);
  const bodyEnding = new Uint8Array(count);
  const contentLength = new Int32Array(count);
  const fragment = new Uint8Array(count);
  const blank = new Uint8Array(count);

  let previous = -1;
  for (let i = 0; i < count; i++) {
    const text = paragraphs[i].text;
    previousNonBlank[i] = previous;
    if (isBlankLine(text)) {
      blank[i] = 1;
      candidates[i] = null;
      continue;
    }
    candidates[i] = classify(text, i);
    bodyEnding[i] = endsLikeBody(text) ? 1 : 0;
    contentLength[i] = contentEnd(text) - contentStart(text);
    fragment[i] = fragmentFlags(text);
    previous = i;
  }
  let next = -1;
  for (let i = count - 1; i >= 0; i--) {
    nextNonBlank[i] = next;
    if (!blank[i]) next = i;
  }
  return { count, candidates, previousNonBlank, nextNonBlank, bodyEnding, contentLength, fragment };
}

/**
 * True when the line belongs to a sentence broken over lines by web-page links:
 * it is such a piece itself, the line before it ends open (`…签订的《`) or the
 * line after it continues it (`》以来，…`). Such lines are never titles or parts.
 */
export function inBrokenSentence(facts: LineFacts, line: number): boolean {
  if (facts.fragment[line] !== 0) return true;
  const previous = facts.previousNonBlank[line];
  const next = facts.nextNonBlank[line];
  return (previous !== -1 && (facts.fragment[previous] & FRAGMENT.opensAtEnd) !== 0) || (next !== -1 && (facts.fragment[next] & FRAGMENT.continuesAtStart) !== 0);
}
