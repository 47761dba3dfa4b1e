import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerBackend } from '../../server/src/adapters/workerBackend';

/**
 * Stopping the segmentation worker while nodejieba cuts (a settings change restarts the
 * segmenter): terminating the thread inside the native call aborted the whole process
 * (`terminate called after throwing an instance of 'Napi::Error'`, exit 134) in two runs of
 * three. The worker is now asked to stop after its current work (exit code 0); were it
 * terminated, this test's process would abort and vitest report the file as failed. A worker
 * whose cut has ended is idle and terminated (exit code 1): on a fast machine the later delays
 * find it so, which is why the cut is of the text three times and the first delay must find it busy.
 */
const WORKER = path.join(__dirname, '../../dist/segmentationWorker.js');
const PARAGRAPHS = fs.readFileSync(path.join(__dirname, '../fixtures/002_8dfe99efc033ddf8.txt'), 'utf8').split('\n').filter((line) => line.length > 0);
const TEXTS = [...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS];

describe('stopping the segmentation worker', () => {
  it('waits for the nodejieba call under way, then the worker exits', async () => {
    const busyAt: number[] = [];
    for (const delay of [30, 100, 200]) {
      const backend = new WorkerBackend('native', WORKER);
      await backend.load([]);
      let cutEnded = false;
      void backend.cut(TEXTS).then(
        () => (cutEnded = true),
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      const busy = !cutEnded;
      if (busy) busyAt.push(delay);
      backend.dispose();
      expect(await backend.exited).toBe(busy ? 0 : 1);
      await expect(backend.cut(['再接再厉'])).rejects.toThrow('disposed');
    }
    expect(busyAt).toContain(30);
    // An idle worker is terminated at once.
    const idle = new WorkerBackend('native', WORKER);
    await idle.load([]);
    await idle.cut(['再接再厉']);
    idle.dispose();
    expect(await idle.exited).toBe(1);
  }, 60_000);
});
