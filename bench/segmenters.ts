/**
 * nodejieba against jieba-wasm on the 1.6 MB compilation: each measured in a
 * child process of its own (`node dist/bench.js --segmenter <name>`), so that
 * load time and memory are those of a fresh server worker.
 */
import { execFileSync } from 'node:child_process';
import { loadJieba } from '../server/src/adapters/jieba';
import { loadJiebaWasm } from '../server/src/adapters/jiebaWasm';
import { segmentParagraph } from '../server/src/core/segment/tokens';
import { splitParagraphs } from '../server/src/core/text/paragraphs';

type Name = 'jieba' | 'jieba-wasm';

const RUNS = 3;

interface Figures {
  loadMs: number;
  rssBefore: number;
  rssLoaded: number;
  rssAfterCut: number;
  heapLoaded: number;
  cutMs: number;
  paragraphs: number;
  characters: number;
  tokens: number;
  paragraphMedianMs: number;
  paragraphLength: number;
}

/** Runs in the child: loads one segmenter and cuts the whole compilation with it. */
export function measureSegmenter(name: Name, text: string): Figures {
  const rssBefore = process.memoryUsage().rss;
  const loaded = name === 'jieba' ? loadJieba([]) : loadJiebaWasm([]);
  const rssLoaded = process.memoryUsage().rss;
  const heapLoaded = process.memoryUsage().heapUsed;
  const paragraphs = splitParagraphs(text).filter((p) => p.text.length > 0);
  const started = performance.now();
  let tokens = 0;
  for (const paragraph of paragraphs) tokens += segmentParagraph(loaded.segmenter, paragraph.text).length;
  const cutMs = performance.now() - started;
  const lines = text.split('\n');
  const typedInto = lines.find((l, i) => i > lines.length / 2 && l.length > 100)!;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    segmentParagraph(loaded.segmenter, typedInto);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    loadMs: loaded.loadMs,
    rssBefore,
    rssLoaded,
    rssAfterCut: process.memoryUsage().rss,
    heapLoaded,
    cutMs,
    paragraphs: paragraphs.length,
    characters: paragraphs.reduce((n, p) => n + p.text.length, 0),
    tokens,
    paragraphMedianMs: times[100],
    paragraphLength: typedInto.length,
  };
}

/** Runs in the parent: one child per segmenter, figures side by side. */
export function compareSegmenters(row: (name: string, value: string) => void): void {
  console.log('\n— segmenters, each in a fresh process: nodejieba (native) | jieba-wasm (WebAssembly) —');
  const run = (name: Name): Figures => JSON.parse(execFileSync(process.execPath, [__filename, '--segmenter', name], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  // Alternating runs, median of each figure: the machine's load shifts between runs.
  const runs: Record<Name, Figures[]> = { jieba: [], 'jieba-wasm': [] };
  for (let i = 0; i < RUNS; i++) for (const name of ['jieba', 'jieba-wasm'] as const) runs[name].push(run(name));
  const native = median(runs.jieba);
  const wasm = median(runs['jieba-wasm']);
  console.log(`(median of ${RUNS} runs each)`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  const both = (f: (x: Figures) => string) => `${f(native)} | ${f(wasm)}`;
  row('dictionary load (main + policy dictionary)', both((x) => ms(x.loadMs)));
  row('RSS before → after load', both((x) => `${mb(x.rssBefore)} → ${mb(x.rssLoaded)}`));
  row('RSS growth by the load', both((x) => mb(x.rssLoaded - x.rssBefore)));
  row('JS heap used after load', both((x) => mb(x.heapLoaded)));
  row('RSS after cutting the whole compilation', both((x) => mb(x.rssAfterCut)));
  row(`cut all ${native.paragraphs} paragraphs (${native.characters} characters)`, both((x) => ms(x.cutMs)));
  row('speed', both((x) => `${((x.characters / x.cutMs) * 1000 / 1e6).toFixed(2)} M chars/s`));
  row(`cut one ${native.paragraphLength}-character paragraph, median of 200`, both((x) => ms(x.paragraphMedianMs)));
  row('tokens (must be equal)', both((x) => String(x.tokens)));
}

function median(runs: readonly Figures[]): Figures {
  const result = { ...runs[0] };
  for (const key of Object.keys(result) as (keyof Figures)[]) {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b);
    result[key] = values[Math.floor(values.length / 2)];
  }
  return result;
}
