import * as os from 'node:os';
import * as v8 from 'node:v8';

/** Heap growth factor (percent) outside bulk analyses; see heapGrowth below. */
const STEADY_HEAP_GROWTH = 20;

/**
 * V8 settings the server sets on itself at start, so that every way of starting it gets
 * them (the VS Code client also passes SERVER_NODE_OPTIONS, which only a command line can set).
 * Set here rather than on the command line because Node refuses to start with an option a
 * later V8 no longer knows, while V8 only logs (on stderr) a flag it ignores here.
 *
 * Measured with the 1.6 MB compilation open (bench, CPU per thread):
 * - a 20 % heap growth factor: V8's default let the old generation grow to several times
 *   the live heap (≈65 MB), +150 MB over 400 one-character edits; with it, ≈+10 MB;
 * - no inlining in TurboFan: the first analysis of a document ran ≈0.8 s of optimising
 *   compilation on V8's background threads (more than the analysis itself on the main
 *   thread), competing with the segmenter on a two-core machine; ≈0.5 s without inlining,
 *   for the same main-thread time on the open and while typing;
 * - a 3 × larger interrupt budget (functions run longer before V8 optimises them): ≈0.45 s of
 *   background compilation instead of ≈0.65 s on that first open, with the same CPU per edit
 *   while typing.
 */
export const RUNTIME_V8_FLAGS: readonly string[] = [`--heap-growing-percent=${STEADY_HEAP_GROWTH}`, '--no-turbo-inlining', '--interrupt-budget=200000'];

/**
 * While a large document is analysed at once (opened: tens of megabytes become live within a
 * second), the heap may double at each collection instead of growing by 20 %: with 20 %, V8
 * marked the growing heap some ten times during the open of the 1.6 MB compilation, ≈60–80 ms
 * more CPU on its background threads, for ≈2–3 MB more resident memory once the open is done
 * (bench --open-only). Nested: the tight factor comes back when the last such analysis ends.
 */
let bulkAnalyses = 0;

export function heapGrowth(bulk: boolean): void {
  bulkAnalyses = Math.max(0, bulkAnalyses + (bulk ? 1 : -1));
  v8.setFlagsFromString(`--heap-growing-percent=${bulkAnalyses > 0 ? 100 : STEADY_HEAP_GROWTH}`);
}

/** Growth the collection after the warm-up allows before the next one, in percent of what lives then. */
const HEADROOM_PERCENT = 300;

/**
 * A full collection now that leaves the old generation room to grow by HEADROOM_PERCENT before
 * the next one: called when the warm-up is over (engine/warmUp.ts, lsp/server.ts: the server idle
 * after its start, no document being checked). It takes the warm-up's garbage, and
 * the first large document opened afterwards is analysed without a major collection: at 20 % (or
 * 100 % once the open began) the open of the 1.6 MB compilation crossed the limit and V8 marked
 * the heap meanwhile, on the main thread and on the cores the segmenter and the rules share.
 * Measured against the build before, fresh servers alternated in four rounds of 8–12: no major
 * collection during the open; V8's background CPU ≈ 130 against ≈ 160 ms; the open's medians
 * 1.29 / 1.26 / 1.20 / 1.14 against 1.23 / 1.29 / 1.30 / 1.23 × the raw cut (the shared machine's
 * noise is as large as the gain); resident memory with the document open and after 1 000 edits
 * unchanged (233 / 246 MB); the collection itself 10–20 ms. The next collection sets the limit as
 * before (`heapGrowth`).
 */
export function collectWithHeadroom(): void {
  // Node's `--expose-gc` (server/src/launch.ts); without it there is nothing to call.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEADROOM_PERCENT}`);
  try {
    gc();
  } finally {
    v8.setFlagsFromString(`--heap-growing-percent=${bulkAnalyses > 0 ? 100 : STEADY_HEAP_GROWTH}`);
  }
}

export function tuneV8(): void {
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
}

/**
 * `policy-lens check` on a machine with no core to spare for V8's background compiler: its
 * threads (Node's four, whatever the cores) compete with the busy ones. With `--jobs 2` (the
 * rules on the main thread, jieba in its worker) the compiler took ≈1.4 s of CPU in a 4 s check
 * of the national reports; without inlining, and optimising only functions that stay hot (a
 * higher interrupt budget), ≈0.55 s, the busy threads not measurably slower. One thread on two
 * cores is no different: V8's threads took ≈1.1 s of CPU beside the main thread's 1.4, which was
 * off its core ≈0.3 s; with these flags it checks the national reports 15 % faster, 002 14 %, a
 * short law 4 % (docs/performance.md, the command line on two cores). File workers as many as
 * the cores (`--jobs N`, N ≥ 3 by default) are the same case: two of them on two cores checked the
 * national reports in 1.25 s with these flags against 1.70 s without, 16.5 MB in 2.89 against
 * 3.59 s. Process-wide, worker threads' isolates included; called before the rules first run.
 */
export const PIPELINE_V8_FLAGS: readonly string[] = ['--no-turbo-inlining', '--interrupt-budget=300000'];

/** True when `busyThreads` leave no core to V8's background compiler. */
export function compilerCompetes(busyThreads: number, cores = os.availableParallelism?.() ?? os.cpus().length): boolean {
  return cores <= busyThreads + 1;
}

export function compileLessEagerly(): void {
  for (const flag of PIPELINE_V8_FLAGS) v8.setFlagsFromString(flag);
}
