import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../server/src/core/rules/sentenceDuplicated';
import { seedAndNationalParagraphs } from '../helpers/corpus';

/**
 * sentence.duplicated splits paragraphs in one pass over the text; it used a regular expression,
 * which stays here as the definition: a sentence is a run of text after a line break or a final
 * mark, up to and including the next final mark; one in or opening “…” is a quotation. Same sentences on every corpus paragraph and on
 * made-up text with every kind of edge (marks in a row, CR/LF, white space, quotes, surrogates).
 */
const DEFINITION = /(?<![^。！？!?\r\n])[^。！？!?\r\n]+[。！？!?]/g;

/** “ open before `offset` (a ” without one open closes nothing). */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '“') depth++;
    else if (text[i] === '”' && depth > 0) depth--;
  }
  return depth;
}

/** `?wx_fmt=png`, `!important`: an ASCII mark before a letter, digit or query character ends no sentence. */
const INSIDE_ADDRESS = /[!?](?=[A-Za-z0-9=&%_])/g;

function byDefinition(text: string, minLength: number) {
  const found: { key: string; start: number; end: number; quoted: boolean; first: boolean }[] = [];
  for (const match of text.replace(INSIDE_ADDRESS, 'x').matchAll(DEFINITION)) {
    const raw = text.slice(match.index, match.index + match[0].length);
    // Web addresses and Markdown pictures or links are no sentences.
    if (raw.includes('://') || raw.includes('](')) continue;
    const key = /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw;
    if ([...key].length < minLength) continue;
    const start = match.index + raw.length - raw.trimStart().length;
    const end = match.index + raw.length;
    found.push({ key, start, end, quoted: depthAt(text, start) > 0 || depthAt(text, end) > 0, first: text.slice(0, start).trim() === '' });
  }
  return found;
}

const PARAGRAPHS = seedAndNationalParagraphs();

function randomText(random: () => number): string {
  const pieces = ['。', '！', '？', '!', '?', '\r', '\n', ' ', '\u3000', '\t', '\u00a0', '\u2028', '\u2005', '“', '”', '发展', '经济社会', 'ab', '𠀀', '，', '=', '://', '](', '![图'];
  let text = '';
  const length = Math.floor(random() * 40);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

describe('sentence.duplicated’s sentences', () => {
  it('are the runs the regular expression matched, inside quotation marks or not, first in their paragraph or not, on every corpus paragraph and on random text', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const texts = [...PARAGRAPHS, ...Array.from({ length: 20_000 }, () => randomText(random)), '。。。发展经济社会发展。', '\r\n发展经济社会发展？！ 发展经济社会发展!', '\u3000\u3000发展经济社会发展。发展经济社会发展。'];
    let sentences = 0;
    let quoted = 0;
    let first = 0;
    for (const minLength of [4, 12]) {
      for (const text of texts) {
        const got = sentencesOf(text, minLength).map(({ key, start, end, quoted, first }) => ({ key, start, end, quoted, first }));
        const expected = byDefinition(text, minLength);
        if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ text, got }).toEqual({ text, got: expected });
        sentences += got.length;
        quoted += got.filter((g) => g.quoted).length;
        first += got.filter((g) => g.first && g.start > 0).length;
      }
    }
    expect(sentences).toBeGreaterThan(90_000);
    expect(quoted).toBeGreaterThan(1_000);
    // First sentences after white space or line breaks, not only at offset 0.
    expect(first).toBeGreaterThan(100);
  });
});
