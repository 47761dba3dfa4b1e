import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzzHarness';

/**
 * The CI-sized fuzz run (issue 7): 300 random sequences of opens, incremental edits,
 * bursts, closes, reopens and applied quick fixes against one dist/server.js, with the
 * checks described in fuzzHarness.ts. `npm run fuzz` runs 10 000. A failure prints the
 * seed and the shrunk sequence; FUZZ_SEED=<seed> reruns the same sequences.
 */
const SEQUENCES = Number(process.env.FUZZ_SEQUENCES ?? 300);
// Chosen here and printed first: shrinking a failure can outlast the test's time limit, and the
// seed and the first error must survive that (a CI run once timed out with neither).
const SEED = process.env.FUZZ_SEED === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(process.env.FUZZ_SEED);

describe('fuzzing the server over stdio', () => {
  it(`survives ${SEQUENCES} random edit sequences with hostile text, never publishing a wrong range, a stale version or a corrupting fix`, async () => {
    // Big pieces (the 1 MB line, 150 000 characters without a full stop) weigh 1 against
    // ~11 000 for the others: one or two sequences per run contain one (robustness.test.ts
    // always checks the 1 MB line). Sequences have up to 10 steps here, 14 in `npm run fuzz`.
    process.stderr.write(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reruns these sequences)\n`);
    const result = await runFuzz({
      sequences: SEQUENCES,
      seed: SEED,
      big: 1,
      maxSteps: 10,
      onFailure: (message, done) => process.stderr.write(`fuzz: seed ${SEED}, first failure after ${done} sequences: ${message}\n`),
    });
    const s = result.stats;
    console.log(
      `fuzz: ${s.sequences} sequences (seed ${result.seed}), ${s.steps} steps, ${s.requests} requests, ${s.publishes} publishes, ` +
        `${s.fixesApplied} fixes applied, ${s.twins} twin checks, ${s.bigSteps} steps with a document over 100 000 characters, ${(result.ms / 1000).toFixed(1)} s`,
    );
    expect(result.report).toBe('');
    expect(s.sequences).toBeGreaterThanOrEqual(SEQUENCES);
  }, 600_000);
});
