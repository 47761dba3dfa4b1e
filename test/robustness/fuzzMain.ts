/**
 * `npm run fuzz`: the long fuzz run (10 000 sequences by default) against dist/server.js.
 * Usage: node dist/fuzz.js [--sequences N] [--seed S] [--big WEIGHT]
 */
import { runFuzz } from './fuzzHarness';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const sequences = Number(argument('sequences') ?? 10_000);
  const seed = argument('seed') !== undefined ? Number(argument('seed')) : undefined;
  const big = Number(argument('big') ?? 2);
  const started = performance.now();
  let lastReport = 0;
  const result = await runFuzz({
    sequences,
    seed,
    big,
    onFailure: (message, done) => console.log(`fuzz: sequence ${done + 1} failed, shrinking it:\n${message}`),
    onProgress: (done, stats) => {
      if (done - lastReport < 500 && done !== sequences) return;
      lastReport = done;
      const seconds = (performance.now() - started) / 1000;
      console.log(`fuzz: ${done}/${sequences} sequences, ${stats.steps} steps, ${stats.requests} requests, ${stats.publishes} publishes, ${stats.fixesApplied} fixes applied (${seconds.toFixed(0)} s)`);
    },
  });
  const s = result.stats;
  console.log(
    `fuzz: ${s.sequences} sequences run (seed ${result.seed}), ${s.steps} steps, ${s.requests} requests (${s.cancelled} cancelled), ` +
      `${s.publishes} publishes, ${s.fixesApplied} fixes applied, ${s.twins} twin checks, ${s.bigSteps} steps with a document over 100 000 characters, ${(result.ms / 1000).toFixed(1)} s`,
  );
  if (result.failed) {
    console.log(`fuzz: FAILED\n${result.report}`);
    process.exitCode = 1;
  } else {
    console.log('fuzz: 0 failures');
  }
}

void main();
