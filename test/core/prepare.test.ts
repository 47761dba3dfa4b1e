import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
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
