import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SegmenterChoice } from '../engine/settings';
import type { FromWorker, SegmentationWorkerData, ToWorker } from './segmentationProtocol';

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
  // It lasts until the command line exits: no need to free its dictionary before (adapters/jieba.ts).
  prestarted = new Worker(SEGMENTATION_WORKER_SCRIPT, { workerData: { lastsWithProcess: true } satisfies SegmentationWorkerData });
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

/**
 * The language server's head start: jieba's worker booted at process start and told at once to
 * load what nearly every server loads — jieba's own and the built-in policy dictionary, no user
 * dictionary, segmenter `auto` — while the server's bundle loads and the editor initialises it.
 * Measured, three runs alternated with the build before: 002 opened right after `initialize`
 * (bench --cold-only), dictionary ready 1 058–1 193 → 685–746 ms from process start, all findings
 * 1 273–1 556 → 1 210–1 434 ms; no document, dictionary ready 888–966 → 768–912 ms. The segmentation
 * backend adopts it when its settings ask for exactly that load; otherwise, or if nobody adopts it
 * within HEAD_START_MS, it is stopped after its load (never terminated inside nodejieba: that
 * aborts the process) and exits, freeing its dictionary.
 */
export interface HeadStart {
  readonly worker: Worker;
  /** The worker's script: a backend for another script does not adopt it. */
  readonly script: string;
  /** The load it was told to do, and the id its answer carries. */
  readonly load: Extract<ToWorker, { type: 'load' }>;
  /** Messages that came before it was adopted (the load's answer, typically). */
  readonly replies: readonly FromWorker[];
}

const HEAD_START_MS = 10_000;
let headStart: { start: HeadStart; release: () => void; exited: boolean } | undefined;

export function startHeadStart(script = SEGMENTATION_WORKER_SCRIPT): void {
  if (headStart || !fs.existsSync(script)) return;
  const worker = new Worker(script);
  const load = { type: 'load', id: 0, userDictionaryPaths: [], choice: 'auto' } as const;
  const replies: FromWorker[] = [];
  const keep = (message: FromWorker) => replies.push(message);
  const exited = () => (state.exited = true);
  const release = () => {
    worker.off('message', keep);
    worker.off('error', exited);
    worker.off('exit', exited);
  };
  const state = { start: { worker, script, load, replies }, release, exited: false };
  worker.on('message', keep);
  // Before adoption a failing worker only declines the head start: the backend then starts its own.
  worker.on('error', exited);
  worker.on('exit', exited);
  worker.postMessage(load satisfies ToWorker);
  worker.unref();
  headStart = state;
  setTimeout(() => headStart === state && dropHeadStart(), HEAD_START_MS).unref();
}

/** True when a head start of `script` that loads with `choice` is there to be adopted. */
export function hasHeadStart(choice: Exclude<SegmenterChoice, 'intl'>, script: string): boolean {
  return headStart !== undefined && !headStart.exited && headStart.start.load.choice === choice && headStart.start.script === script;
}

/** The head start's worker while nobody has adopted it (for tests). */
export function headStartWorker(): Worker | undefined {
  return headStart?.start.worker;
}

/**
 * The head start for a backend that will load `userDictionaryPaths` with `choice`, once; undefined
 * (and the head start stopped) when it loads something else or its worker died.
 */
export function adoptHeadStart(choice: Exclude<SegmenterChoice, 'intl'>, userDictionaryPaths: readonly string[], script: string): HeadStart | undefined {
  const state = headStart;
  if (!state || state.start.script !== script) return undefined;
  const { load } = state.start;
  const same = !state.exited && choice === load.choice && userDictionaryPaths.length === load.userDictionaryPaths.length && userDictionaryPaths.every((p, i) => p === load.userDictionaryPaths[i]);
  if (!same) {
    dropHeadStart();
    return undefined;
  }
  headStart = undefined;
  state.release();
  return state.start;
}

/** Stops an unadopted head start after its load. */
export function dropHeadStart(): void {
  const state = headStart;
  headStart = undefined;
  if (!state) return;
  state.release();
  // An 'error' after this must not crash the server either.
  state.start.worker.on('error', () => undefined);
  if (!state.exited) state.start.worker.postMessage({ type: 'stop' } satisfies ToWorker);
}
