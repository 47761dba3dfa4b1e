/**
 * `node dist/bench.js --open-only`: the open of the 1.6 MB compilation alone, in several
 * fresh servers, each figure paired with a raw cut measured right after it (the machine's
 * load changes from minute to minute; the ratio of a pair is what is compared).
 * BENCH_OPEN_RUNS (default 5) servers; BENCH_NODE_FLAGS adds node options (experiments). Each
 * server has settled first (`settled`).
 */
import * as fs from 'node:fs';
import { cleanForNative } from '../server/src/core/segment/tokens';
import { splitParagraphs } from '../server/src/core/text/paragraphs';
import type { Segmenter } from '../server/src/core/types';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/src/launch';
import { LspTestClient } from '../test/helpers/lspClient';

export interface OpenRun {
  openMs: number;
  /** `nodejieba.cut(p, true)` of every paragraph, right after the open: the pieces the server uses. */
  cutMs: number;
  /** `nodejieba.tag(p)` of every paragraph: the same pieces with parts of speech, as nodejieba gives them. */
  tagMs: number;
  cpu: { main: number; worker: number; background: number };
  /** The server's resident memory right after the open. */
  rss: number;
}

/** CPU ms of each thread of a process (from /proc, 10 ms ticks). */
export function threadCpu(pid: number): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpu.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return cpu;
}

/** VmRSS of a process, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/**
 * The raw segmentation of a text's paragraphs, in this thread: nodejieba's `cut` (the pieces, what
 * the goal of issue 19 compares with) and its `tag` (pieces with parts of speech as objects, twice
 * as slow; what this bench compared with before the server learnt tags per word).
 */
export function rawSegmentation(segmenter: Segmenter, text: string): { cutMs: number; tagMs: number } {
  const paragraphs = splitParagraphs(text)
    .filter((p) => p.text.length > 0)
    .map((p) => cleanForNative(p.text));
  let started = performance.now();
  for (const p of paragraphs) segmenter.cut(p);
  const cutMs = performance.now() - started;
  started = performance.now();
  for (const p of paragraphs) segmenter.tag!(p);
  return { cutMs, tagMs: performance.now() - started };
}

/**
 * Until the server has settled after its start: the dictionary ready and its warm-up over (logged;
 * engine/warmUp.ts). Until the dictionary loaded in ≈ 0.2 s (nodejieba patch 5), the one implied the
 * other. BENCH_OPEN_AT_READY=1 opens as soon as the dictionary is ready, the warm-up cut short.
 */
export async function settled(client: LspTestClient): Promise<void> {
  await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  if (process.env.BENCH_OPEN_AT_READY === '1') return;
  await client.waitFor('window/logMessage', (p) => /warmed up on/.test(String(p.message)), 10_000).catch(() => undefined);
}

export async function measureOpen(text: string, segmenter: Segmenter, nodeFlags: readonly string[], warmUp?: string): Promise<OpenRun> {
  const client = LspTestClient.start({ ...SERVER_ENVIRONMENT }, [...SERVER_NODE_OPTIONS, ...nodeFlags]);
  try {
    await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
    await settled(client);
    if (warmUp) {
      client.open('file:///bench/warm.policy.txt', warmUp);
      await client.diagnostics('file:///bench/warm.policy.txt', 1, 120_000);
      client.notify('textDocument/didClose', { textDocument: { uri: 'file:///bench/warm.policy.txt' } });
    }
    const uri = 'file:///bench/open.policy.txt';
    const pid = client.child.pid!;
    const before = threadCpu(pid);
    const started = performance.now();
    client.open(uri, text);
    await client.diagnostics(uri, 1, 120_000);
    const openMs = performance.now() - started;
    const used = [...threadCpu(pid)].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)] as const);
    const main = used.find(([tid]) => tid === pid)?.[1] ?? 0;
    const others = used.filter(([tid]) => tid !== pid).map(([, ms]) => ms).sort((a, b) => b - a);
    const [worker = 0, ...background] = others;
    const rss = rssOf(pid);
    const { cutMs, tagMs } = rawSegmentation(segmenter, text);
    return { openMs, cutMs, tagMs, cpu: { main, worker, background: background.reduce((a, b) => a + b, 0) }, rss };
  } finally {
    await client.shutdown();
  }
}
