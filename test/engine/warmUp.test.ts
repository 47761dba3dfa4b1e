import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, createCheckEngine } from '../../server/src/cli/engine';
import { RULES } from '../../server/src/core/rules/registry';
import { parseSettings } from '../../server/src/engine/settings';
import { warmUp } from '../../server/src/engine/warmUp';

const FIXTURES = path.join(__dirname, '../fixtures');
const settings = parseSettings(undefined, RULES).settings;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The sample the warm-up analyses is rebuilt here from the same parts, to check documents made of it. */
const STUDY_NOTES = ['报告指出，2024年经济社会发展的主要预期目标是：国内生产总值增长5%左右。', '二、2024年政府工作任务', '要再接再励，截止2025年底。'].join('\n');

describe('the warm-up while the server is idle', () => {
  it('analyses sample text and leaves every finding as it was', async () => {
    const fresh = createCheckEngine(settings, FIXTURES, [], () => undefined, 'en');
    const warmed = createCheckEngine(settings, FIXTURES, [], () => undefined, 'en');
    try {
      warmed.reloadReferences();
      // A glossary definition is a line of the sample: between every two steps (when a document's
      // check could come in), the engine's glossary must not have its term hits, which the sample's
      // own words found.
      const line = `${warmed.glossary.builtin[0].term}：${warmed.glossary.builtin[0].definition}`;
      let sampleHitsShared = false;
      const chars = await warmUp(warmed, () => ((sampleHitsShared ||= warmed.glossary.hasHits(line)), true), nextTurn);
      expect(sampleHitsShared).toBe(false);
      // Three passes: ≈60 000 characters of the references and the glossary twice, the glossary's
      // definitions alone (≈38 000, a document that copies little of the references) once.
      expect(chars).toBeGreaterThan(2 * 50_000 + 30_000);
      await Promise.all([fresh.segmentation.ready, warmed.segmentation.ready]);
      // None of the sample's term hits (found with the sample's own words) is kept.
      expect(warmed.glossary.hasHits(line)).toBe(false);
      warmed.glossary.hits(line, () => ({ boundaries: () => new Uint8Array(line.length + 1) }));
      expect(warmed.glossary.hasHits(line)).toBe(true);
      // The references' own lines and the glossary's definitions are in the sample: their
      // term hits were found with the sample's own words there, and must not be reused.
      const reference = fs.readFileSync(path.join(__dirname, '../../data/references/2024政府工作报告.txt'), 'utf8');
      const definitions = warmed.glossary.builtin.slice(0, 200).map((e) => `${e.term}：${e.definition}`).join('\n');
      for (const text of [reference, definitions, STUDY_NOTES]) {
        const expected = await checkText(fresh, text, path.join(FIXTURES, 'notes.policy.txt'));
        const found = await checkText(warmed, text, path.join(FIXTURES, 'notes.policy.txt'));
        expect(found).toEqual(expected);
      }
      expect((await checkText(warmed, STUDY_NOTES, path.join(FIXTURES, 'notes.policy.txt'))).map((f) => f.code)).toContain('typo.fixedExpression');
    } finally {
      fresh.dispose();
      warmed.dispose();
    }
  }, 60_000);

  it('works a piece of the sample at a time, and stops between pieces when told to', async () => {
    const engine = createCheckEngine(settings, FIXTURES, [], () => undefined, 'en');
    try {
      engine.reloadReferences();
      let steps = 0;
      const all = await warmUp(engine, () => (steps++, true), nextTurn);
      // A piece asks three times (before the outline, the preparation and the findings); pieces are
      // at most 20 000 characters (lines are not cut), so some 9 of them over the three passes.
      expect(all).toBeGreaterThan(2 * 50_000 + 30_000);
      expect(steps % 3).toBe(0);
      expect(steps / 3).toBeGreaterThanOrEqual(Math.ceil(all / 20_000));
      let asked = 0;
      const first = await warmUp(engine, () => ++asked <= 3, nextTurn);
      expect(asked).toBe(4);
      expect(first).toBeGreaterThan(15_000);
      expect(first).toBeLessThanOrEqual(20_000);
    } finally {
      engine.dispose();
    }
  }, 60_000);

  it('stops when told to', async () => {
    const engine = createCheckEngine(settings, FIXTURES, [], () => undefined, 'en');
    try {
      engine.reloadReferences();
      let asked = 0;
      expect(await warmUp(engine, () => ++asked < 2, nextTurn)).toBe(0);
      expect(asked).toBe(2);
    } finally {
      engine.dispose();
    }
  });
});
