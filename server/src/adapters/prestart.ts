import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The bundled segmentation worker, next to the bundle that runs (dist/). */
export const SEGMENTATION_WORKER_SCRIPT = path.join(__dirname, 'segmentationWorker.js');

let prestarted: Worker | undefined;

/**
 * Boots jieba's worker thread for `policy-lens check` before the rest of the
 * command line's bundle has loaded (≈0.1 s earlier), when the arguments say it
 * will be used (two jobs, not `--outline`). It only boots: the dictionary
 * loads when the engine asks. Unadopted, it is dropped.
 */
export function prestartSegmentationWorker(argv: readonly string[]): void {
  if (!prestartWanted(argv, os.availableParallelism?.() ?? os.cpus().length) || !fs.existsSync(SEGMENTATION_WORKER_SCRIPT)) return;
  prestarted = new Worker(SEGMENTATION_WORKER_SCRIPT);
  prestarted.unref();
}

/** Two jobs, asked or by default on two cores, check with jieba in a worker (cli/checkFiles.ts); outlines need none. */
export function prestartWanted(argv: readonly string[], cores: number): boolean {
  return argv.includes('check') && !argv.includes('--outline') && (jobsAsked(argv) ?? cores) === 2;
}

/** The prestarted worker, once (then undefined). */
export function adoptPrestartedWorker(): Worker | undefined {
  const worker = prestarted;
  prestarted = undefined;
  return worker;
}

/** Stops the prestarted worker if nobody adopted it (it has loaded nothing, so it stops cleanly). */
export function dropPrestartedWorker(): void {
  void adoptPrestartedWorker()?.terminate();
}

/** `--jobs n`, `--jobs=n`, `-j n` or `-j=n`; undefined when absent (cli/args.ts decides, later). */
function jobsAsked(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const match = /^(?:--jobs|-j)=(\d+)$/.exec(argv[i]);
    if (match) return Number(match[1]);
    if (argv[i] === '--jobs' || argv[i] === '-j') return Number(argv[i + 1]);
  }
  return undefined;
}
