import type { Segmenter } from '../types';

/** Longest piece handed to Intl.Segmenter at once: it turns super-linear on long inputs. */
const MAX_CHUNK = 512;
const SENTENCE_END = /[。！？；!?;\n]/;

/**
 * Fallback word segmentation with the ICU dictionary built into Node, used
 * when nodejieba cannot load. Works sentence by sentence (and in chunks of at
 * most 512 UTF-16 units, never splitting a surrogate pair), because a single
 * call over 80 000 characters takes seconds.
 */
export function createIntlSegmenter(locale = 'zh-CN'): Segmenter {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return {
    cut(text: string): string[] {
      const pieces: string[] = [];
      for (const chunk of chunks(text)) {
        for (const { segment } of segmenter.segment(chunk)) pieces.push(segment);
      }
      return pieces;
    },
  };
}

function* chunks(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && end - start < MAX_CHUNK && !SENTENCE_END.test(text[end])) end++;
    if (end < text.length && SENTENCE_END.test(text[end])) end++;
    // Never cut between the halves of a surrogate pair.
    if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && end > start + 1) end--;
    yield text.slice(start, end);
    start = end;
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
