import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkInWorkers, checkWorkerScript } from '../adapters/checkPool';
import { dropPrestartedWorker } from '../adapters/prestart';
import { compileLessEagerly, compilerCompetes } from '../adapters/v8Tuning';
import { segmentationWorkerScript } from '../adapters/workerBackend';
import { FileChecker, type CheckSetup, type FileResult } from './fileChecker';

/**
 * How `--jobs N` spreads the work:
 * - `one thread`: the files one after another, jieba in the same thread;
 * - `pipeline` (N = 2): jieba cuts in a worker thread while the main thread runs the rules,
 *   so the dictionary is loaded and the rules compiled once. Measured on 2 cores, this is what
 *   scales: two whole engines (`file workers`) doubled the dictionary load and V8's compiler
 *   work and were no faster than one thread (README, Performance);
 * - `file workers` (N ≥ 3): N worker threads, each with its own engine and dictionary.
 */
export type CheckPlan = 'one thread' | 'pipeline' | 'file workers';

/** Bytes of files read and under way at once in the pipeline: enough to keep the rules busy while the dictionary loads. */
const PIPELINE_BYTES = 16 * 1024 * 1024;

export function planFor(jobs: number, setup: CheckSetup): CheckPlan {
  // Outlines need no dictionary; from the TypeScript sources (tests of `main`) there is no worker script.
  if (jobs < 2 || setup.outline) return 'one thread';
  if (jobs === 2) return segmentationWorkerScript() ? 'pipeline' : 'one thread';
  return checkWorkerScript() ? 'file workers' : 'one thread';
}

/** Threads that run rules under `plan`: V8's compiler competes with them where they leave it no core (adapters/v8Tuning.ts). */
export function busyThreads(plan: CheckPlan, jobs: number, files: number): number {
  return plan === 'file workers' && files > 1 ? Math.min(jobs, files) : 1;
}

/** Checks the files as `jobs` says; the results in input order, whichever finished first. */
export async function checkFiles(setup: CheckSetup, files: readonly string[], jobs: number, onProgress: (done: number, file: string) => void): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  let done = 0;
  const onResult = (index: number, result: FileResult) => {
    results[index] = result;
    onProgress(++done, files[index]);
  };
  const plan = planFor(jobs, setup);
  if (plan !== 'pipeline') dropPrestartedWorker();
  // The pipeline always (checkPipelined); the other plans where the compiler has no core of its own.
  if (plan !== 'pipeline' && !setup.outline && compilerCompetes(busyThreads(plan, jobs, files.length))) compileLessEagerly();
  if (plan === 'pipeline' && files.length > 0) {
    const pipelined = await checkPipelined(setup, files, (index) => onProgress(++done, files[index]));
    // jieba's worker failed: everything again in this thread, so that the output is what one thread gives.
    if (pipelined.fellBack) done = 0;
    else pipelined.results.forEach((result, index) => (results[index] = result));
  } else if (plan === 'file workers' && files.length > 1) {
    try {
      await checkInWorkers(checkWorkerScript()!, setup, files, jobs, onResult);
    } catch {
      // A worker that died leaves its file unchecked: those are checked here below.
    }
  }
  const checker = new FileChecker(setup);
  for (let i = 0; i < files.length; i++) {
    if (results[i]) continue;
    onProgress(done, files[i]);
    results[i] = await checker.check(files[i]);
    done++;
    // Let the terminal redraw between large files.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  checker.dispose();
  return results as FileResult[];
}

/**
 * One engine, jieba in its worker thread. Files are started one per turn of
 * the event loop, many at once (up to PIPELINE_BYTES): while the dictionary
 * loads, the main thread reads them and runs the rules that need no tokens;
 * then the worker cuts them in input order while the main thread runs the
 * token rules on each batch of paragraphs as it arrives. `fellBack` when
 * jieba failed and Intl.Segmenter cut instead.
 */
async function checkPipelined(setup: CheckSetup, files: readonly string[], onDone: (index: number) => void): Promise<{ results: FileResult[]; fellBack: boolean }> {
  compileLessEagerly();
  const checker = new FileChecker(setup, 'worker');
  const results: FileResult[] = [];
  let next = 0;
  let underWay = 0;
  let bytes = 0;
  let scheduled = false;
  try {
    await new Promise<void>((resolve) => {
      let finished = 0;
      const startNext = () => {
        scheduled = false;
        if (next >= files.length) return;
        const size = sizeOf(files[next], setup.cwd);
        if (underWay >= 2 && bytes + size > PIPELINE_BYTES) return;
        const index = next++;
        underWay++;
        bytes += size;
        void checkOne(checker, files[index]).then((result) => {
          underWay--;
          bytes -= size;
          results[index] = result;
          onDone(index);
          if (++finished === files.length) resolve();
          else schedule();
        });
        schedule();
      };
      // A turn of the event loop between files, so that the worker's answers are taken as they come.
      const schedule = () => {
        if (!scheduled) (scheduled = true), setImmediate(startNext);
      };
      startNext();
    });
    // The engine's warnings go with the first file, as with one thread, whichever file finished first.
    results[0] = { ...results[0], warnings: [...checker.takeEngineWarnings(), ...results[0].warnings] };
    return { results, fellBack: checker.segmenterFellBack };
  } finally {
    checker.dispose();
  }
}

async function checkOne(checker: FileChecker, file: string): Promise<FileResult> {
  try {
    return await checker.check(file, true);
  } catch (error) {
    return { error: `${file}: ${error instanceof Error ? error.message : String(error)}`, warnings: [] };
  }
}

function sizeOf(file: string, cwd: string): number {
  try {
    return fs.statSync(path.resolve(cwd, file)).size;
  } catch {
    return 0;
  }
}
