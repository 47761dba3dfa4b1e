import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerBackend } from '../../server/src/adapters/workerBackend';

/**
 * Stopping the segmentation worker while nodejieba cuts (a settings change restarts the
 * segmenter): terminating the thread inside the native call aborted the whole process
 * (`terminate called after throwing an instance of 'Napi::Error'`, exit 134) in two runs of
 * three. The worker is now asked to stop after its current work; were it terminated, this
 * test's process would abort and vitest report the file as failed.
 */
const WORKER = path.join(__dirname, '../../dist/segmentationWorker.js');
const TEXTS = fs.readFileSync(path.join(__dirname, '../fixtures/002_8dfe99efc033ddf8.txt'), 'utf8').split('\n').filter((line) => line.length > 0);

describe('stopping the segmentation worker', () => {
  it('waits for the nodejieba call under way, then the worker exits', async () => {
    for (const delay of [30, 100, 200]) {
      const backend = new WorkerBackend('native', WORKER);
      await backend.load([]);
      void backend.cut(TEXTS).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay));
      backend.dispose();
      expect(await backend.exited).toBe(0);
      await expect(backend.cut(['再接再厉'])).rejects.toThrow('disposed');
    }
  }, 60_000);
});
