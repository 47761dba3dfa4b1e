import { describe, expect, it } from 'vitest';
import { createCheckEngine } from '../../server/src/cli/engine';
import { RULES } from '../../server/src/core/rules/registry';
import { StaticDocument } from '../../server/src/engine/document';
import { parseSettings } from '../../server/src/engine/settings';

/** `prepare(onBulk)` tells when many paragraphs are segmented at once (the server lets its heap grow faster then). */
describe('a bulk analysis', () => {
  it('is announced for a document opened with hundreds of paragraphs, not for an edit or a short text', async () => {
    const engine = createCheckEngine(parseSettings(undefined, RULES).settings, __dirname, [], () => undefined, 'en');
    try {
      await engine.segmentation.ready;
      const long = Array.from({ length: 400 }, (_, i) => `第${i + 1}段：推动高质量发展，加快发展新质生产力。`).join('\n');
      let announced = 0;
      await engine.analyse(new StaticDocument('file:///bulk/a.policy.txt', long)).prepare(() => announced++);
      expect(announced).toBe(1);
      // The same text again (an edit's other paragraphs): its tokens are known, nothing to announce.
      await engine.analyse(new StaticDocument('file:///bulk/a.policy.txt', `${long}\n新的一段。`, 'policy', 2)).prepare(() => announced++);
      await engine.analyse(new StaticDocument('file:///bulk/b.policy.txt', '推动高质量发展。\n加快发展新质生产力。')).prepare(() => announced++);
      expect(announced).toBe(1);
    } finally {
      engine.dispose();
    }
  });
});
