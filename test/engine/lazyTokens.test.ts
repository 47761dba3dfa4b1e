import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckEngine } from '../../server/src/cli/engine';
import { RULES } from '../../server/src/core/rules/registry';
import { tokenBoundaries } from '../../server/src/core/terms/termMatcher';
import { StaticDocument } from '../../server/src/engine/document';
import { SegmentedParagraph } from '../../server/src/engine/segmentation';
import { parseSettings } from '../../server/src/engine/settings';

const COMPILATION = fs.readFileSync(path.join(__dirname, '../fixtures/corpus/002_8dfe99efc033ddf8.txt'), 'utf8');

describe('a paragraph segmentation', () => {
  it('gives the boundaries of its tokens without making them', () => {
    const text = '推动高质量发展，𠀀加快发展。';
    const segmented = new SegmentedParagraph(text, { lengths: Uint32Array.from([2, 5, 1, 2, 2, 2, 1]), tags: ['v', 'l', 'x', 'x', 'v', 'v', 'x'] });
    const boundaries = segmented.boundaries();
    expect(segmented.madeTokens).toBe(false);
    expect([...boundaries]).toEqual([...tokenBoundaries(segmented.tokens, text.length)]);
    expect(segmented.tokens.map((t) => t.text)).toEqual(['推动', '高质量发展', '，', '𠀀', '加快', '发展', '。']);
  });

  it('gives each paragraph its own boundaries, one after another (the array is a working one)', () => {
    const long = new SegmentedParagraph('推动高质量发展，加快发展。', { lengths: Uint32Array.from([2, 5, 1, 2, 2, 1]), tags: ['v', 'l', 'x', 'v', 'v', 'x'] });
    const short = new SegmentedParagraph('发展经济', { lengths: Uint32Array.from([1, 3]), tags: ['v', 'n'] });
    expect([...long.boundaries()]).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1]);
    // Nothing of the longer paragraph's boundaries is left in the shorter one's.
    expect([...short.boundaries()]).toEqual([1, 1, 0, 0, 1]);
    expect([...long.boundaries()]).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1]);
  });

  it('does not trust pieces that do not cover the text, for boundaries as for tokens', () => {
    const text = '推动高质量发展';
    const segmented = new SegmentedParagraph(text, { lengths: Uint32Array.from([2, 3]), tags: ['v', 'n'] });
    const boundaries = segmented.boundaries();
    expect(boundaries[text.length]).toBe(1);
    expect([...boundaries]).toEqual([...tokenBoundaries(segmented.tokens, text.length)]);
    expect(segmented.tokens.map((t) => t.text).join('')).toBe(text);
  });
});

describe('token objects', () => {
  it('are made for few paragraphs of the 1.6 MB compilation: the rules read them only where their words occur', async () => {
    const engine = createCheckEngine(parseSettings(undefined, RULES).settings, __dirname, [], () => undefined, 'en');
    try {
      await engine.segmentation.ready;
      const analysis = engine.analyse(new StaticDocument('file:///lazy/002.policy.txt', COMPILATION));
      await analysis.prepare();
      const findings = analysis.findings();
      expect(findings.filter((f) => f.code === 'slogan.repeated').length).toBeGreaterThan(0);
      const texts = [...new Set(analysis.paragraphs.map((p) => p.text).filter((t) => t.length > 0))];
      const made = texts.filter((t) => engine.segmentation.segmented(t)!.madeTokens).length;
      // 2 466 distinct paragraphs; 301 of them (12 %) get token objects when this was written.
      expect(texts.length).toBeGreaterThan(2000);
      expect(made).toBeGreaterThan(0);
      expect(made / texts.length).toBeLessThan(0.25);
    } finally {
      engine.dispose();
    }
  }, 60_000);
});
