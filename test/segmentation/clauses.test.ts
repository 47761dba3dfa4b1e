import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { loadJiebaWasm } from '../../server/src/adapters/jiebaWasm';
import { clausesAround, isClauseSeparator } from '../../server/src/core/segment/clauses';
import { pieceLengths } from '../../server/src/core/segment/tokens';
import type { Segmenter, Span } from '../../server/src/core/types';
import { corpusTextFiles } from '../helpers/corpus';

const USER_DICTIONARY = path.join(__dirname, '../fixtures/dictionaries/agreement.dict.utf8');

describe('clausesAround', () => {
  const text = '推动高质量发展，加快两区建设。 深化改革\t开放';
  it('widens each span to the separators around it', () => {
    // 两区 (10–12) lies in the clause 加快两区建设 (8–14).
    expect(clausesAround(text, [{ start: 10, end: 12 }])).toEqual([{ start: 8, end: 14 }]);
    // At the paragraph's edges.
    expect(clausesAround(text, [{ start: 0, end: 2 }])).toEqual([{ start: 0, end: 7 }]);
    expect(clausesAround(text, [{ start: 21, end: 23 }])).toEqual([{ start: 21, end: 23 }]);
  });

  it('merges spans of one clause and clauses a span crosses', () => {
    expect(clausesAround(text, [{ start: 8, end: 10 }, { start: 10, end: 12 }])).toEqual([{ start: 8, end: 14 }]);
    // A span over a separator takes both clauses (cut together, jieba cuts them apart anyway).
    expect(clausesAround(text, [{ start: 5, end: 9 }])).toEqual([{ start: 0, end: 14 }]);
    expect(clausesAround(text, [{ start: 0, end: 2 }, { start: 16, end: 18 }])).toEqual([{ start: 0, end: 7 }, { start: 16, end: 20 }]);
  });

  it('knows the five separators', () => {
    expect([...' \t\n，。'].every((c) => isClauseSeparator(c.charCodeAt(0)))).toBe(true);
    expect([...'、；：！？,.'].some((c) => isClauseSeparator(c.charCodeAt(0)))).toBe(false);
  });
});

/**
 * The claim `prepare` rests on: a stretch between separators is cut by itself exactly as inside
 * its paragraph (lengths and parts of speech), for both jieba bindings, on every paragraph of the corpus.
 */
describe.each([
  ['nodejieba', () => loadJieba([USER_DICTIONARY]).segmenter],
  ['jieba-wasm', () => loadJiebaWasm([USER_DICTIONARY]).segmenter],
])('%s cuts each clause as inside its paragraph', (_name, load) => {
  let segmenter: Segmenter;
  beforeAll(() => {
    segmenter = load();
  }, 60_000);

  it('on the whole corpus and on odd text', () => {
    const odd = ['GDP增长5.2%左右，CPI 涨幅 3%\t左右。', '𠀀𠀁新质生产力😀，a\uD800b', '  两个空格，，两个逗号。。', 'iPhone15和5G基站 , 稳就业'];
    const paragraphs = corpusTextFiles().flatMap((file) => fs.readFileSync(file, 'utf8').split(/\r?\n/));
    const differing: string[] = [];
    let clauses = 0;
    for (const paragraph of [...odd, ...paragraphs]) {
      if (paragraph.length === 0) continue;
      const whole = pieceLengths(segmenter, paragraph);
      const stretches = everyClause(paragraph);
      clauses += stretches.length;
      const joined = stretches.map((c) => pieceLengths(segmenter, paragraph.slice(c.start, c.end)));
      const lengths = joined.flatMap((p) => [...p.lengths]);
      const tags = joined.flatMap((p) => p.tags);
      if ((lengths.join() !== [...whole.lengths].join() || tags.join() !== whole.tags.join()) && differing.length < 5) differing.push(paragraph.slice(0, 40));
    }
    expect(differing).toEqual([]);
    expect(clauses).toBeGreaterThan(100_000);
  }, 180_000);
});

/** The paragraph cut at every separator, each separator a stretch of its own: what the two bindings do inside. */
function everyClause(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isClauseSeparator(text.charCodeAt(i))) continue;
    if (i > start) spans.push({ start, end: i });
    spans.push({ start: i, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

describe('clausesAround on random spans', () => {
  /** The definition: each span widened to the separators around it, then overlapping or touching stretches merged. */
  function reference(text: string, spans: readonly Span[]): Span[] {
    const clauses: Span[] = [];
    let last: { start: number; end: number } | undefined;
    for (const { start, end } of spans) {
      if (last && end <= last.end) continue;
      let from = start;
      while (from > 0 && !isClauseSeparator(text.charCodeAt(from - 1))) from--;
      let to = end;
      while (to < text.length && !isClauseSeparator(text.charCodeAt(to))) to++;
      if (last && from <= last.end) last.end = to;
      else clauses.push((last = { start: from, end: to }));
    }
    return clauses;
  }

  it('gives the stretches of the definition', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['推动', '发展', '，', '。', ' ', '\t', '\n', 'a', '、'];
    let merged = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const spans = Array.from({ length: Math.floor(random() * 5) }, () => {
        const start = Math.floor(random() * (text.length + 1));
        return { start, end: Math.min(text.length, start + Math.floor(random() * 4)) };
      }).sort((a, b) => a.start - b.start);
      const expected = reference(text, spans);
      expect(clausesAround(text, spans)).toEqual(expected);
      if (expected.length < spans.length) merged++;
    }
    expect(merged).toBeGreaterThan(300);
  });
});
