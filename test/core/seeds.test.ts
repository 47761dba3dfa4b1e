import { describe, expect, it } from 'vitest';
import { buildReferenceIndex, loadBuiltinReferences } from '../../server/src/adapters/references';
import { anchorsOf, foldParagraph, seedsOf } from '../../server/src/core/quotes/anchors';
import { sourceBit } from '../../server/src/core/quotes/collationIndex';
import { FOLDED_CODES } from '../../server/src/core/quotes/normalize';
import { seedAndNationalParagraphs } from '../helpers/corpus';

/**
 * What a paragraph may share with the references, found without extending anchors: every anchor
 * lies in one of its spans, and that span names the anchor's source. On every paragraph of the
 * corpus and of the references (copied text: long anchors over common k-grams).
 */
const REFERENCES = loadBuiltinReferences().texts;
const COLLATION = buildReferenceIndex(REFERENCES).collation;
const PARAGRAPHS = [
  ...seedAndNationalParagraphs(),
  ...REFERENCES.flatMap((r) => r.text.split('\n')).filter((text) => text.length > 0),
  // White space dropped inside, at the ends, and a paragraph of nothing else.
  '推动 高质量发展。',
  '\u3000\u3000推动高质量发展。 ',
  '   ',
];

describe('the seeds of a paragraph', () => {
  it('hold every anchor in one span that names its source, and have its comparison form', () => {
    let anchors = 0;
    let spans = 0;
    let covered = 0;
    for (const text of PARAGRAPHS) {
      const seeds = seedsOf(COLLATION, text);
      const found = anchorsOf(COLLATION, text);
      expect(seeds.key).toBe(found.key);
      expect(seeds.offsets).toEqual(found.offsets);
      expect(anchorsOf(COLLATION, text, foldParagraph(text))).toEqual(found);
      // Each unit of the key is the folded character at its offset, offsets ascending.
      expect(seeds.offsets.length).toBe(seeds.key.length);
      for (let i = 0; i < seeds.key.length; i++) {
        if (FOLDED_CODES[text.charCodeAt(seeds.offsets[i])] !== seeds.key.charCodeAt(i) || (i > 0 && seeds.offsets[i] <= seeds.offsets[i - 1])) expect({ text, i }).toBe('a unit at its offset');
      }
      spans += seeds.spans.length / 3;
      for (let k = 0; k < found.anchors.length; k += 3) {
        const [d, r, length] = [found.anchors[k], found.anchors[k + 1], found.anchors[k + 2]];
        let inside = false;
        for (let s = 0; s < seeds.spans.length && !inside; s += 3) {
          inside = seeds.spans[s] <= d && d + length <= seeds.spans[s + 1] && (seeds.spans[s + 2] & sourceBit(COLLATION.sourceOf[r])) !== 0;
        }
        if (!inside) expect({ text, d, r, length }).toBe('inside a span of its source');
        anchors++;
      }
      for (let s = 0; s < seeds.spans.length; s += 3) covered += seeds.spans[s + 1] - seeds.spans[s];
    }
    expect(anchors).toBeGreaterThan(100_000);
    expect(spans).toBeGreaterThan(10_000);
    // Spans bound anchors closely: far from every unit of the corpus.
    expect(covered).toBeLessThan(PARAGRAPHS.reduce((n, t) => n + t.length, 0) / 2);
  }, 60_000);
});
