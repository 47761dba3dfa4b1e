import { describe, expect, it } from 'vitest';
import { StaticDocument } from '../../server/src/engine/document';
import { fixtureLines, testEngine } from '../helpers/analyzeText';

/** Deep-freezes a value, so that any later write throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Findings are cached and shared between versions (moved, re-graded, reused
 * for diagnostics): nothing may write to one after it was made. Frozen here,
 * the next versions' analyses must still work and give what a fresh engine gives.
 */
describe('findings are read-only', () => {
  it('an edit reuses frozen findings without writing to them', async () => {
    const engine = testEngine();
    const lines = fixtureLines('002_8dfe99efc033ddf8.txt').slice(0, 700);
    const first = engine.analyse(new StaticDocument('file:///frozen.policy.txt', lines.join('\n')));
    await first.ensureTokens();
    const findings = deepFreeze(first.findings());
    expect(findings.length).toBeGreaterThan(10);
    // An edit near the top moves every later finding; the cached ones are shifted, never changed.
    const edited = ['新增一行。', ...lines].join('\n');
    const second = engine.analyse(new StaticDocument('file:///frozen.policy.txt', edited, 'policy', 2));
    await second.ensureTokens();
    const moved = second.findings();
    expect(moved.map((f) => [f.code, f.span.start - 6, f.span.end - 6])).toEqual(findings.map((f) => [f.code, f.span.start, f.span.end]));
    deepFreeze(moved);
    const third = engine.analyse(new StaticDocument('file:///frozen.policy.txt', lines.join('\n'), 'policy', 3));
    expect(third.findings()).toEqual(findings);
  });
});
