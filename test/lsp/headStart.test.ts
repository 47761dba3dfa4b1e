import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { dropHeadStart, headStartWorker, startHeadStart } from '../../server/src/adapters/prestart';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
import { WorkerBackend } from '../../server/src/adapters/workerBackend';
import { RULES } from '../../server/src/core/rules/registry';
import { PolicyEngine } from '../../server/src/engine/engine';
import { parseSettings } from '../../server/src/engine/settings';

/**
 * The server's head start (adapters/prestart.ts): jieba's worker told at process start to load
 * jieba's own and the built-in dictionary with `auto`. A backend adopts it only for exactly that
 * load; otherwise it is stopped after its load and exits (never terminated inside nodejieba).
 */
const WORKER = path.join(__dirname, '../../dist/segmentationWorker.js');
const USER_DICTIONARY = path.join(__dirname, '../fixtures/dictionaries/agreement.dict.utf8');
const exitOf = (worker: { once: (event: 'exit', listener: (code: number) => void) => unknown }) => new Promise<number>((resolve) => worker.once('exit', resolve));

/** A head start begun now: its worker, and its exit code once it ends. */
function beginHeadStart(): { head: Worker; headExit: Promise<number> } {
  startHeadStart(WORKER);
  const head = headStartWorker()!;
  expect(head).toBeDefined();
  return { head, headExit: exitOf(head) };
}

afterEach(() => dropHeadStart());

describe('the segmentation head start', () => {
  it('is adopted by the first load of jieba with no user dictionary, its answer taken as it comes', async () => {
    const { head } = beginHeadStart();
    const backend = new WorkerBackend('auto', WORKER);
    try {
      // Asked for while the head start loads, and again after it has answered.
      const loaded = await backend.load([]);
      expect(loaded).toMatchObject({ segmenter: 'jieba', userWords: 0, problems: [] });
      expect(backend.threadId).toBe(head.threadId);
      expect(headStartWorker()).toBeUndefined();
      // 高质量发展 is a word of the built-in policy dictionary.
      const [pieces] = await backend.cut(['推动高质量发展']);
      expect([...pieces.lengths]).toEqual([2, 5]);
    } finally {
      backend.dispose();
    }
    // Idle, it is terminated (exit code 1).
    expect(await backend.exited).toBe(1);
  }, 30_000);

  it('answers a load asked for after the head start has finished', async () => {
    const { head } = beginHeadStart();
    await new Promise<void>((resolve) => head.once('message', () => resolve()));
    const backend = new WorkerBackend('auto', WORKER);
    try {
      expect(await backend.load([])).toMatchObject({ segmenter: 'jieba' });
      expect(backend.threadId).toBe(head.threadId);
    } finally {
      backend.dispose();
    }
  }, 30_000);

  it('is stopped after its load, and a fresh worker loads, when the user has a dictionary', async () => {
    const { head, headExit } = beginHeadStart();
    const backend = new WorkerBackend('auto', WORKER);
    try {
      const loaded = await backend.load([USER_DICTIONARY]);
      expect(loaded.userWords).toBeGreaterThan(0);
      expect(backend.threadId).not.toBe(head.threadId);
      expect(await headExit).toBe(0);
      const [pieces] = await backend.cut(['稳就业']);
      expect(pieces.tags).toEqual(['nz']);
    } finally {
      backend.dispose();
    }
  }, 30_000);

  it('is not adopted for another segmenter, and stops when dropped', async () => {
    const { head, headExit } = beginHeadStart();
    const backend = new WorkerBackend('wasm', WORKER);
    try {
      expect(await backend.load([])).toMatchObject({ segmenter: 'jieba-wasm' });
      expect(backend.threadId).not.toBe(head.threadId);
      expect(headStartWorker()).toBe(head);
      dropHeadStart();
      expect(await headExit).toBe(0);
    } finally {
      backend.dispose();
    }
  }, 30_000);

  it('is stopped as soon as the settings choose a segmenter that does not use it (Intl.Segmenter)', async () => {
    const { headExit } = beginHeadStart();
    const engine = new PolicyEngine(createNodeHost((choice) => new WorkerBackend(choice, WORKER)), parseSettings({ segmenter: 'intl' }, RULES).settings);
    try {
      engine.startSegmentation();
      expect(headStartWorker()).toBeUndefined();
      expect(await headExit).toBe(0);
      expect(engine.segmentation.state).toMatchObject({ kind: 'ready', segmenter: 'intl' });
    } finally {
      engine.dispose();
    }
  }, 30_000);

  it('is stopped after its load, not terminated inside nodejieba, when its backend is disposed at once', async () => {
    beginHeadStart();
    const backend = new WorkerBackend('auto', WORKER);
    const load = backend.load([]);
    backend.dispose();
    // Its answer may still come (the worker stops after it); a terminated nodejieba would abort this process.
    await load.catch(() => undefined);
    expect(await backend.exited).toBe(0);
    await expect(backend.cut(['再接再厉'])).rejects.toThrow('disposed');
  }, 30_000);
});
