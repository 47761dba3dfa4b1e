import type { Segmenter, Token } from '../types';

const LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;

/**
 * Native segmenters see UTF-8, where a lone surrogate or NUL cannot survive the
 * round trip. Replacing each by U+FFFD keeps every UTF-16 length, so offsets
 * computed on the cleaned text are offsets into the original.
 */
export function cleanForNative(text: string): string {
  return text.replace(LONE_SURROGATE_OR_NUL, '\uFFFD');
}

/**
 * Turns segmenter pieces into tokens with offsets relative to `text`. The pieces
 * of a correct segmenter concatenate to the (cleaned) text, so an offset is a
 * running sum of lengths; the token text is always taken from the original.
 * Returns undefined when the pieces do not cover the text exactly.
 */
export function piecesToTokens(text: string, pieces: readonly string[], tags?: readonly string[]): Token[] | undefined {
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    const end = offset + pieces[i].length;
    if (end > text.length) return undefined;
    tokens.push(tags ? { text: text.slice(offset, end), start: offset, end, tag: tags[i] } : { text: text.slice(offset, end), start: offset, end });
    offset = end;
  }
  return offset === text.length ? tokens : undefined;
}

/**
 * Segments one paragraph. Falls back to one token per code point if the
 * segmenter's pieces do not add up, so callers can always rely on the spans.
 */
export function segmentParagraph(segmenter: Segmenter, text: string): Token[] {
  if (text.length === 0) return [];
  const clean = cleanForNative(text);
  const native = segmenter.pieceLengths?.(clean);
  if (native && covers(native.lengths, text.length)) return lengthsToTokens(text, native.lengths, native.tags);
  if (segmenter.tagPieces) {
    const { words, tags } = segmenter.tagPieces(clean);
    const tokens = piecesToTokens(text, words, tags);
    if (tokens) return tokens;
  } else if (segmenter.tag) {
    const tagged = segmenter.tag(clean);
    const tokens = piecesToTokens(text, tagged.map((t) => t.word), tagged.map((t) => t.tag));
    if (tokens) return tokens;
  }
  return piecesToTokens(text, segmenter.cut(clean)) ?? codePointTokens(text);
}

/**
 * The lengths and parts of speech of a paragraph's pieces, as `segmentParagraph`
 * would give them, without making a token (a string and an object) per piece: what
 * the segmentation worker sends. Falls back to `segmentParagraph` when the pieces
 * do not cover the text.
 */
export function pieceLengths(segmenter: Segmenter, text: string): { readonly lengths: Uint32Array; readonly tags: readonly string[] } {
  // Once per paragraph: the segmentation worker's hot path.
  const clean = text.length > 0 ? cleanForNative(text) : '';
  const native = clean ? segmenter.pieceLengths?.(clean) : undefined;
  if (native && covers(native.lengths, text.length)) return native;
  if (clean && segmenter.tagPieces) {
    const { words, tags } = segmenter.tagPieces(clean);
    const lengths = new Uint32Array(words.length);
    let covered = 0;
    for (let i = 0; i < words.length; i++) covered += lengths[i] = words[i].length;
    if (covered === text.length) return { lengths, tags };
  } else if (clean && segmenter.tag) {
    const tagged = segmenter.tag(clean);
    const lengths = new Uint32Array(tagged.length);
    let covered = 0;
    for (let i = 0; i < tagged.length; i++) covered += lengths[i] = tagged[i].word.length;
    if (covered === text.length) return { lengths, tags: tagged.map((t) => t.tag) };
  }
  const tokens = segmentParagraph(segmenter, text);
  return { lengths: Uint32Array.from(tokens, (t) => t.end - t.start), tags: tokens.map((t) => t.tag ?? '') };
}

/** Tokens of pieces given by their lengths, which cover `text` (see `covers`). */
function lengthsToTokens(text: string, lengths: Uint32Array, tags: readonly string[]): Token[] {
  const tokens = new Array<Token>(lengths.length);
  for (let i = 0, offset = 0; i < lengths.length; offset += lengths[i++]) {
    tokens[i] = { text: text.slice(offset, offset + lengths[i]), start: offset, end: offset + lengths[i], tag: tags[i] };
  }
  return tokens;
}

function covers(lengths: Uint32Array, length: number): boolean {
  let covered = 0;
  for (let i = 0; i < lengths.length; i++) covered += lengths[i];
  return covered === length;
}

/** One token per code point: the last resort that is always correct. */
export function codePointTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const char of text) {
    tokens.push({ text: char, start: offset, end: offset + char.length });
    offset += char.length;
  }
  return tokens;
}

/** Moves paragraph-relative tokens to document offsets. */
export function shiftTokens(tokens: readonly Token[], base: number): Token[] {
  return tokens.map((t) => (t.tag === undefined ? { text: t.text, start: t.start + base, end: t.end + base } : { text: t.text, start: t.start + base, end: t.end + base, tag: t.tag }));
}
