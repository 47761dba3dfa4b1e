import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckSetup, FileResult } from '../cli/fileChecker';

/** The default of `--jobs`: one per core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** The bundled worker script; absent when running from sources (the tests of the main thread). */
export function checkWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'checkWorker.js');
  return fs.existsSync(script) ? script : undefined;
}

/**
 * Checks files on `jobs` worker threads, each with its own engine. Files are
 * handed out one at a time as workers finish (documents differ a hundredfold
 * in size); `onResult` hears each result with the file's index, in any order.
 */
export async function checkInWorkers(
  script: string,
  setup: CheckSetup,
  files: readonly string[],
  jobs: number,
  onResult: (index: number, result: FileResult) => void,
): Promise<void> {
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const handOut = () => {
        if (next < files.length) {
          const index = next++;
          worker.postMessage({ index, file: files[index] });
        } else {
          worker.postMessage(null);
        }
      };
      worker.on('message', (message: { index: number; result: FileResult }) => {
        onResult(message.index, message.result);
        handOut();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      handOut();
    });
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(script, { workerData: setup }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
