/**
 * `npm run bench`: figures for the 1.6 MB compilation, all measured in one run.
 * Prints numbers; asserts nothing (targets are judged by reading the output).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultJobs } from '../server/src/adapters/checkPool';
import { loadJieba } from '../server/src/adapters/jieba';
import { buildOutline } from '../server/src/core/outline/outline';
import { segmentParagraph } from '../server/src/core/segment/tokens';
import { mergeGlossaries } from '../server/src/core/terms/glossary';
import { validateGlossary } from '../server/src/core/terms/glossaryValidation';
import { TermMatcher } from '../server/src/core/terms/termMatcher';
import { splitParagraphs } from '../server/src/core/text/paragraphs';
import type { Segmenter } from '../server/src/core/types';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/src/launch';
import { LspTestClient } from '../test/helpers/lspClient';
import { medianColdStart } from './coldStart';
import { measureOpen, rawSegmentation, rssOf, settled, threadCpu } from './openTime';
import { compareSegmenters, measureSegmenter } from './segmenters';

const ROOT = path.join(__dirname, '..');
const NAME = '002_8dfe99efc033ddf8.txt';
const COMPILATION = fs.readFileSync(path.join(ROOT, 'test/fixtures', NAME), 'utf8');
const LINES = COMPILATION.split('\n');

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function row(name: string, value: string, target = ''): void {
  console.log(`${name.padEnd(64)} ${value.padStart(18)}${target ? `   (target ${target})` : ''}`);
}

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
}

/** CPU time (user + system, ms) that `fn` took in this process. */
function timedCpu<T>(fn: () => T): [T, number] {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

/** RSS of a bare Node process with nodejieba loaded (the same dictionaries): the floor the server is compared with. */
function bareJiebaRss(): number {
  const out = spawnSync(process.execPath, [__filename, '--bare-jieba'], { encoding: 'utf8' }).stdout;
  return Number(out.trim());
}

let rawCutMs = 0;
let rawTagMs = 0;

function inProcess(): Segmenter {
  console.log('\n— in process (core only) —');
  const rssBefore = process.memoryUsage().rss;
  const loaded = loadJieba([]);
  row('jieba dictionary load (jieba + policy dictionary)', ms(loaded.loadMs));
  row('RSS before → after load', `${mb(rssBefore)} → ${mb(process.memoryUsage().rss)}`);
  const paragraphs = splitParagraphs(COMPILATION).filter((p) => p.text.length > 0);
  const [tokens, segmentMs] = timed(() => paragraphs.reduce((n, p) => n + segmentParagraph(loaded.segmenter, p.text).length, 0));
  row(`tokens with parts of speech (segmentParagraph, first time), all ${paragraphs.length} paragraphs (${tokens} tokens)`, ms(segmentMs));
  const raw = rawSegmentation(loaded.segmenter, COMPILATION);
  row('raw nodejieba cut / tag, all paragraphs', `${ms(raw.cutMs)} / ${ms(raw.tagMs)}`);
  rawCutMs = raw.cutMs;
  rawTagMs = raw.tagMs;
  const edited = LINES.find((l, i) => i > LINES.length / 2 && l.length > 100)!;
  const cuts: number[] = [];
  for (let i = 0; i < 200; i++) cuts.push(timed(() => segmentParagraph(loaded.segmenter, edited))[1]);
  row(`raw nodejieba cut of the paragraph typed into (${edited.length} characters), median`, ms(percentile(cuts, 50)));

  const entries = validateGlossary(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8')), 'builtin').entries;
  const matcher = new TermMatcher(mergeGlossaries([entries]));
  const [hits, matchMs] = timed(() => paragraphs.reduce((n, p) => n + matcher.match(p.text).length, 0));
  row(`term matching, whole document (${entries.length} entries, ${hits} hits)`, ms(matchMs));

  const all = splitParagraphs(COMPILATION);
  const outlineTimes: number[] = [];
  for (let i = 0; i < 20; i++) outlineTimes.push(timed(() => buildOutline(COMPILATION, all, { markdown: false, leadItems: false }))[1]);
  row('outline of the whole compilation (buildOutline, median of 20)', ms(percentile(outlineTimes, 50)), '≤ 20 ms');
  return loaded.segmenter;
}

async function overStdio(segmenter: Segmenter): Promise<void> {
  const options = [...SERVER_NODE_OPTIONS, ...benchNodeFlags()];
  console.log(`\n— language server over stdio (node ${options.join(' ')} dist/server.js --stdio, as the VS Code client starts it) —`);
  const client = LspTestClient.start({ ...SERVER_ENVIRONMENT }, options);
  let started = performance.now();
  await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
  row('initialize round trip', ms(performance.now() - started));
  const uri = `file:///bench/${NAME.replace('.txt', '.policy.txt')}`;
  await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  row('dictionary ready after initialize (worker thread)', ms(performance.now() - started));
  await settled(client);
  row('warm-up over after initialize (the document is opened now)', ms(performance.now() - started));

  const pid = client.child.pid!;
  const cpuBefore = threadCpu(pid);
  started = performance.now();
  client.open(uri, COMPILATION);
  await client.diagnostics(uri, 1, 120_000);
  const cpuOpen = [...threadCpu(pid)].map(([tid, ms]) => [tid, ms - (cpuBefore.get(tid) ?? 0)] as const);
  const first = client.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)!;
  const openMs = performance.now() - started;
  row(`didOpen → settled diagnostics (${first.params.diagnostics.length} diagnostics)`, ms(openMs));
  // The raw cut again, now, so that both figures share the machine's load of the moment.
  const paragraphs = splitParagraphs(COMPILATION).filter((p) => p.text.length > 0);
  const now = rawSegmentation(segmenter, COMPILATION);
  row('  ÷ raw paragraph-wise nodejieba cut (before / after the open)', `${(openMs / rawCutMs).toFixed(2)} / ${(openMs / now.cutMs).toFixed(2)} ×`, '≤ 1.3 ×');
  row('  ÷ raw paragraph-wise nodejieba tag (before / after the open)', `${(openMs / rawTagMs).toFixed(2)} / ${(openMs / now.tagMs).toFixed(2)} ×`);
  // CPU by thread: unlike wall time, it does not depend on what else the machine is doing.
  const mainCpu = cpuOpen.find(([tid]) => tid === pid)?.[1] ?? 0;
  const others = cpuOpen.filter(([tid]) => tid !== pid).map(([, ms]) => ms).sort((a, b) => b - a);
  const [workerCpu = 0, ...platform] = others;
  const [, cutCpu] = timedCpu(() => paragraphs.forEach((p) => segmenter.cut(p.text)));
  row('  CPU during the open: main thread / segmentation worker / V8 background threads', `${mainCpu} / ${workerCpu} / ${platform.reduce((a, b) => a + b, 0)} ms`);
  row('  main-thread CPU ÷ CPU of the raw cut (in this process)', `${(mainCpu / cutCpu).toFixed(2)} ×`);
  const bare = bareJiebaRss();
  const serverRss = rssOf(client.child.pid!);
  row('server RSS with the document open − bare nodejieba process', `${mb(serverRss)} − ${mb(bare)} = ${mb(serverRss - bare)}`, '≤ 100 MB');

  const symbolTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    started = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    symbolTimes.push(performance.now() - started);
  }
  row('documentSymbol round trip, analysed document (median)', ms(percentile(symbolTimes, 50)), '≤ 20 ms');

  // Typing, one character per edit, each edit waiting for its diagnostics. Like an editor,
  // the client keeps only the latest publish (the test client would otherwise hoard them all).
  const line = LINES.findIndex((l, i) => i > LINES.length / 2 && l.length > 100);
  const sentence = '坚持稳中求进工作总基调加快发展新质生产力扎实推进高质量发展着力扩大国内需求推动经济实现质的有效提升和量的合理增长';
  let version = 1;
  const edit = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> => {
    version++;
    started = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    await client.diagnostics(uri, version, 60_000);
    const elapsed = performance.now() - started;
    client.notifications.length = 0;
    return elapsed;
  };
  const at = (l: number, character: number) => ({ start: { line: l, character }, end: { line: l, character } });

  const middle: number[] = [];
  const outlineAfterEdit: number[] = [];
  for (let i = 0; i < 224; i++) {
    middle.push(await edit(at(line, 10 + i), sentence[i % sentence.length]));
    if (i % 4 === 0) {
      started = performance.now();
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      outlineAfterEdit.push(performance.now() - started);
    }
  }
  const rest = middle.slice(20);
  row(`typing mid-document (line ${line + 1}) → fresh diagnostics, first 20 edits, p95`, ms(percentile(middle.slice(0, 20), 95)));
  row(`typing mid-document, next ${rest.length} edits, median`, ms(percentile(rest, 50)));
  row(`typing mid-document, next ${rest.length} edits, p95`, ms(percentile(rest, 95)), '≤ 30 ms');
  row(`typing mid-document, all ${middle.length} edits, p95 (max)`, `${ms(percentile(middle, 95))} (${ms(Math.max(...middle))})`);
  row('documentSymbol right after an edit, median', ms(percentile(outlineAfterEdit, 50)), '≪ 50 ms');

  // Near the top every later paragraph moves: its findings are moved again, its diagnostics kept.
  const top = LINES.findIndex((l) => l.length > 20);
  const nearTop: number[] = [];
  for (let i = 0; i < 100; i++) nearTop.push(await edit(at(top, 2 + i), sentence[i % sentence.length]));
  row(`typing near the top (line ${top + 1}), 100 edits, median / p95`, `${ms(percentile(nearTop, 50))} / ${ms(percentile(nearTop, 95))}`);

  // Enter and Backspace: every later line moves, so every later diagnostic is rebuilt.
  const breaks: number[] = [];
  for (let i = 0; i < 40; i++) {
    breaks.push(await edit(at(line, 30), '\n'));
    breaks.push(await edit({ start: { line, character: 30 }, end: { line: line + 1, character: 0 } }, ''));
  }
  row('line break inserted / removed mid-document, 80 edits, median / p95', `${ms(percentile(breaks, 50))} / ${ms(percentile(breaks, 95))}`);

  // Hover on glossary terms spread over the whole document.
  const targets: { line: number; character: number }[] = [];
  for (let l = 0; l < LINES.length && targets.length < 200; l += 5) {
    const at = LINES[l].indexOf('高质量发展');
    if (at >= 0) targets.push({ line: l, character: at + 1 });
  }
  const hoverTimes: number[] = [];
  let answered = 0;
  for (const position of targets) {
    started = performance.now();
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
    hoverTimes.push(performance.now() - started);
    if (hover) answered++;
  }
  row(`hover round trip on terms, median (${answered}/${targets.length} answered)`, ms(percentile(hoverTimes, 50)));
  row('hover round trip on terms, p95', ms(percentile(hoverTimes, 95)), '≤ 5 ms');

  // Memory over many edits: type and delete in turn until 1 000 edits in all.
  const rssBefore = rssOf(client.child.pid!);
  const soFar = version - 1;
  const remove = { start: { line, character: 40 }, end: { line, character: 41 } };
  for (let i = soFar; i < 1000; i++) await (i % 2 === soFar % 2 ? edit(at(line, 40), '稳') : edit(remove, ''));
  row(`server RSS after ${soFar} edits → after 1 000 edits`, `${mb(rssBefore)} → ${mb(rssOf(client.child.pid!))}`);
  await client.shutdown();
}

/** Process start → outline → first warnings → all findings, for the study compilation (642 lines) and the 1.6 MB one. */
async function coldStarts(): Promise<void> {
  const runs = Number(process.env.BENCH_COLD_RUNS ?? 3);
  for (const name of ['004_aedbcdac15b26f45.txt', NAME]) {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8');
    console.log(`\n— cold start: ${name} (${text.split('\n').length} lines), median of ${runs} fresh server processes —`);
    const t = await medianColdStart(name, text, runs);
    row('process start → initialize answered', ms(t.initialize));
    row('process start → outline (documentSymbol answered)', ms(t.outline));
    row('process start → first warnings (rules without the dictionary)', ms(t.firstWarnings));
    row('process start → dictionary ready', ms(t.dictionaryReady));
    row(`process start → all findings (${t.diagnostics} diagnostics)`, ms(t.allFindings));
  }
}

/**
 * `policy-lens check` over the national reports with one and two threads: same output, wall
 * times compared. Runs alternate (1, 2, 1, 2, …) so that both see the shared machine's load of
 * the moment; the ratio is the median of the per-pair ratios.
 */
function commandLine(): void {
  const corpus = path.join(ROOT, 'test/fixtures/corpus/national');
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 3);
  console.log(`\n— command line (node dist/cli.js check), ${runs} alternating pairs —`);
  if (!fs.existsSync(corpus)) return row('national reports (test/fixtures/corpus/national)', 'missing: skipped');
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).length;
  const run = (jobs: number | undefined) => {
    const started = performance.now();
    const jobArgs = jobs === undefined ? [] : ['--jobs', String(jobs)];
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', corpus, '--format', 'json', '--fail-on', 'none', '--no-progress', ...jobArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { ms: performance.now() - started, out: result.stdout };
  };
  const ones: number[] = [];
  const twos: number[] = [];
  const ratios: number[] = [];
  let identical = true;
  let reference = '';
  for (let i = 0; i < runs; i++) {
    const one = run(1);
    const two = run(2);
    reference ||= one.out;
    identical &&= one.out === reference && two.out === reference && reference.length > 0;
    ones.push(one.ms);
    twos.push(two.ms);
    ratios.push(two.ms / one.ms);
  }
  const list = (values: number[]) => values.map((v) => (v / 1000).toFixed(2)).join(' ');
  row(`check ${files} national reports, --jobs 1 (s, each run)`, list(ones));
  row(`check ${files} national reports, --jobs 2 (s, each run)`, list(twos));
  row(`  median --jobs 1 / --jobs 2`, `${ms(percentile(ones, 50))} / ${ms(percentile(twos, 50))}`);
  row(`  --jobs 2 ÷ --jobs 1, median of pairs (output identical: ${identical ? 'yes' : 'NO'})`, `${percentile(ratios, 50).toFixed(2)} ×`, '≤ 0.65 ×');
  const byDefault = run(undefined);
  row(`  default --jobs (${defaultJobs()} cores), one run (output identical: ${byDefault.out === reference ? 'yes' : 'NO'})`, ms(byDefault.ms));
}

/** Node options added to the server's for an experiment (BENCH_NODE_FLAGS, space-separated). */
function benchNodeFlags(): string[] {
  return (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
}

function nationalReports(): string {
  const folder = path.join(ROOT, 'test/fixtures/corpus/national');
  return fs.readdirSync(folder).filter((f) => f.startsWith('gwr-')).sort().reverse().map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
}

/** The open alone, in BENCH_OPEN_RUNS fresh servers (BENCH_NODE_FLAGS: extra node options). */
async function opens(): Promise<void> {
  const runs = Number(process.env.BENCH_OPEN_RUNS ?? 5);
  const flags = benchNodeFlags();
  const { segmenter } = loadJieba([]);
  const warmChars = Number(process.env.BENCH_WARM_CHARS ?? 0);
  const warmUp = warmChars > 0 ? nationalReports().slice(0, warmChars) : undefined;
  console.log(`\n— didOpen → settled diagnostics, ${runs} fresh servers${flags.length ? ` (node ${flags.join(' ')})` : ''} —`);
  const ratios: number[] = [];
  const tagRatios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await measureOpen(COMPILATION, segmenter, flags, warmUp);
    ratios.push(run.openMs / run.cutMs);
    tagRatios.push(run.openMs / run.tagMs);
    row(`open ${i + 1}: open / raw cut / raw tag; CPU main / worker / V8 background; RSS`, `${ms(run.openMs)} / ${ms(run.cutMs)} / ${ms(run.tagMs)} = ${(run.openMs / run.cutMs).toFixed(2)} / ${(run.openMs / run.tagMs).toFixed(2)} ×; ${run.cpu.main} / ${run.cpu.worker} / ${run.cpu.background} ms; ${mb(run.rss)}`);
  }
  row('open ÷ raw nodejieba cut, median', `${percentile(ratios, 50).toFixed(2)} ×`, '≤ 1.3 ×');
  row('open ÷ raw nodejieba tag (pieces with parts of speech), median', `${percentile(tagRatios, 50).toFixed(2)} ×`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--bare-jieba')) {
    loadJieba([]);
    process.stdout.write(String(process.memoryUsage().rss));
    return;
  }
  console.log(`Policy Lens benchmark — ${NAME} (${COMPILATION.length} characters, ${LINES.length} lines), node ${process.version}`);
  if (process.argv.includes('--cold-only')) return coldStarts();
  if (process.argv.includes('--cli-only')) return commandLine();
  if (process.argv.includes('--open-only')) return opens();
  if (process.argv.includes('--server-only')) return overStdio(inProcess());
  await coldStarts();
  const segmenter = inProcess();
  compareSegmenters(row);
  await overStdio(segmenter);
  commandLine();
}

// `--segmenter <name>`: the child process of compareSegmenters.
const segmenterArg = process.argv.indexOf('--segmenter');
if (segmenterArg > 0) {
  console.log(JSON.stringify(measureSegmenter(process.argv[segmenterArg + 1] as 'jieba' | 'jieba-wasm', COMPILATION)));
} else main().catch((error) => {
  console.error(error);
  process.exit(1);
});
