/**
 * `npm run bench`: figures for the 1.6 MB compilation, all measured in one run.
 * Prints numbers; asserts nothing (targets are judged by reading the output).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadJieba } from '../server/src/adapters/jieba';
import { segmentParagraph } from '../server/src/core/segment/tokens';
import { splitParagraphs } from '../server/src/core/text/paragraphs';
import { LspTestClient } from '../test/helpers/lspClient';

const ROOT = path.join(__dirname, '..');
const COMPILATION = fs.readFileSync(path.join(ROOT, 'test/fixtures/002_8dfe99efc033ddf8.txt'), 'utf8');

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(name: string, value: string): void {
  console.log(`${name.padEnd(58)} ${value}`);
}

async function segmentationFigures(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const loaded = loadJieba([]);
  row('jieba dictionary load (in-process)', ms(loaded.loadMs));
  row('RSS after load (before → after)', `${mb(rssBefore)} → ${mb(process.memoryUsage().rss)}`);
  const paragraphs = splitParagraphs(COMPILATION).filter((p) => p.text.length > 0);
  const started = performance.now();
  let tokens = 0;
  for (const p of paragraphs) tokens += segmentParagraph(loaded.segmenter, p.text).length;
  row(`segment all ${paragraphs.length} paragraphs (${COMPILATION.length} chars, ${tokens} tokens)`, ms(performance.now() - started));
}

async function serverFigures(): Promise<void> {
  const client = LspTestClient.start();
  await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
  const uri = 'file:///bench/002_8dfe99efc033ddf8.policy.txt';
  await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  let started = performance.now();
  client.open(uri, COMPILATION);
  await client.diagnostics(uri, 1, 120_000);
  row('server: open compilation → first diagnostics (cold caches)', ms(performance.now() - started));

  const lines = COMPILATION.split('\n');
  const middle = Math.floor(lines.length / 2) + (lines[Math.floor(lines.length / 2)].length > 10 ? 0 : 1);
  const roundTrips: number[] = [];
  for (let version = 2; version <= 61; version++) {
    const character = 2 + (version % 5);
    const insert = version % 2 === 0;
    started = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: middle, character }, end: { line: middle, character: insert ? character : character + 1 } },
          text: insert ? '稳' : '',
        },
      ],
    });
    await client.diagnostics(uri, version, 60_000);
    roundTrips.push(performance.now() - started);
  }
  row('server: one-character edit → diagnostics, median', ms(percentile(roundTrips, 50)));
  row('server: one-character edit → diagnostics, p95', ms(percentile(roundTrips, 95)));

  const symbolTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    started = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    symbolTimes.push(performance.now() - started);
  }
  row('server: documentSymbol on analysed compilation, median (round trip)', ms(percentile(symbolTimes, 50)));
  await client.shutdown();
}

async function main(): Promise<void> {
  console.log(`Policy Lens benchmark — ${path.basename('002_8dfe99efc033ddf8.txt')}, node ${process.version}`);
  await segmentationFigures();
  await serverFigures();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
