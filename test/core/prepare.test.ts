import { describe, expect, it, vi } from 'vitest';
import { InProcessBackend } from '../../server/src/adapters/inProcessBackend';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
import { punctuationWidthRule } from '../../server/src/core/rules/punctuationWidth';
import type { SegmenterBackend, SegmenterLoad } from '../../server/src/engine/host';
import { StaticDocument } from '../../server/src/engine/document';
import { PolicyEngine } from '../../server/src/engine/engine';
import { fixtureLines } from '../helpers/analyzeText';

async function readyEngine(): Promise<PolicyEngine> {
  const engine = new PolicyEngine(createNodeHost('in-process'));
  engine.startSegmentation();
  engine.reloadReferences();
  await engine.segmentation.ready;
  return engine;
}

/**
 * `prepare()` spreads the work over the segmentation (text-only rules while
 * the segmenter cuts, each batch's paragraphs as its tokens arrive): the
 * findings must be exactly those of the plain path, and prepared work reused.
 */
describe('DocumentAnalysis.prepare', () => {
  // Reports of the compilation, then a page pasted from a PDF (sentences broken across lines): findings of several rules.
  const text = [...fixtureLines('002_8dfe99efc033ddf8.txt').slice(0, 1500), ...fixtureLines('000_a487f46611498c32.txt').slice(0, 30)].join('\n');

  it('gives the findings of the plain path', async () => {
    const plain = await readyEngine();
    const plainAnalysis = plain.analyse(new StaticDocument('file:///a.policy.txt', text));
    await plainAnalysis.ensureTokens();
    const expected = plainAnalysis.findings();

    const prepared = await readyEngine();
    const analysis = prepared.analyse(new StaticDocument('file:///a.policy.txt', text));
    await analysis.prepare();
    expect(analysis.findings()).toEqual(expected);
    expect(new Set(expected.map((f) => f.code)).size).toBeGreaterThan(3);
    plain.dispose();
    prepared.dispose();
  });

  it('gives the same findings when prepared while the dictionary is still loading, and keeps the token-free work done meanwhile', async () => {
    const plain = await readyEngine();
    const plainAnalysis = plain.analyse(new StaticDocument('file:///a.policy.txt', text));
    await plainAnalysis.ensureTokens();
    const expected = plainAnalysis.findings();

    // jieba answering only asynchronously, as from its worker thread, and loaded when the test says.
    let finishLoading!: () => void;
    const loaded = new Promise<void>((resolve) => (finishLoading = resolve));
    const jieba = new InProcessBackend();
    const late: SegmenterBackend = {
      name: 'jieba',
      load: async (paths): Promise<SegmenterLoad> => {
        await loaded;
        return jieba.load(paths);
      },
      cut: (texts) => jieba.cut(texts),
      dispose: () => jieba.dispose(),
    };
    const engine = new PolicyEngine(createNodeHost(() => late));
    engine.startSegmentation();
    engine.reloadReferences();
    const checks = vi.spyOn(punctuationWidthRule, 'checkParagraph');
    try {
      const analysis = engine.analyse(new StaticDocument('file:///a.policy.txt', text));
      const prepared = analysis.prepare();
      // A rule that needs no tokens ran on every paragraph while the dictionary loaded…
      expect(engine.segmentation.state.kind).toBe('loading');
      const distinct = new Set(analysis.paragraphs.map((p) => p.text).filter((t) => t.length > 0)).size;
      expect(checks).toHaveBeenCalledTimes(distinct);
      finishLoading();
      await prepared;
      expect(analysis.findings()).toEqual(expected);
      // …and what it found then is still used once the tokens are there.
      expect(checks).toHaveBeenCalledTimes(distinct);
    } finally {
      checks.mockRestore();
      plain.dispose();
      engine.dispose();
    }
  });

  it('hands every segmented text to the batch listener once its tokens exist', async () => {
    const engine = await readyEngine();
    const analysis = engine.analyse(new StaticDocument('file:///b.policy.txt', text));
    const seen: string[] = [];
    await engine.segmentation.ensure(analysis.paragraphs.map((p) => p.text), (texts) => {
      for (const t of texts) expect(engine.segmentation.tokens(t)).toBeDefined();
      seen.push(...texts);
    });
    expect(new Set(seen)).toEqual(new Set(analysis.paragraphs.map((p) => p.text).filter((t) => t.length > 0)));

    engine.dispose();
  });
});
