import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { formatDictionary } from '../core/segment/dictionaryFormat';
import { createPackedPiecesReader } from '../core/segment/packedPieces';
import { withWordTagMemo } from '../core/segment/wordTagMemo';
import type { Segmenter } from '../core/types';
import { readDictionaryEntries } from './dictionaryFiles';
import type { FileProblem } from './textFiles';

export interface JiebaLoadResult {
  readonly segmenter: Segmenter;
  readonly loadMs: number;
  readonly userWords: number;
  readonly problems: readonly FileProblem[];
}

/** Loads in this thread so far (part of the merged dictionary's file name). */
let loads = 0;

/**
 * The only place that imports nodejieba. Loads jieba's own dictionaries plus
 * the built-in policy dictionary and the user's dictionaries, all checked and
 * rewritten first (cppjieba aborts the process on a missing file or a bad line).
 * Synchronous and slow (≈0.4 s with the binding of scripts/patch-nodejieba.mjs, 0.75 s
 * without): the server calls it inside a worker thread.
 * Throws when the native module cannot load.
 */
export function loadJieba(userDictionaryPaths: readonly string[]): JiebaLoadResult {
  const started = performance.now();
  const nodejieba = nodejiebaModule();
  const { entries, userWords, problems } = readDictionaryEntries(userDictionaryPaths);
  removeStaleDictionaries();
  // One name per thread and load: the command line's file workers load at the same moment in one
  // process, and one's removal of a shared file made cppjieba abort the other's load (and the process).
  const name = `policy-lens-dict-${process.pid}-${threadId}-${++loads}-${Date.now()}`;
  const merged = path.join(os.tmpdir(), `${name}.utf8`);
  // Keyword extraction is never used: a one-line IDF and stop-word list instead of jieba's
  // 6 MB ones load ≈25 % faster and take 20 MB less; cut and tag do not read them.
  const unused = path.join(os.tmpdir(), `${name}.idf.utf8`);
  fs.writeFileSync(merged, formatDictionary(entries));
  fs.writeFileSync(unused, '的 1.0\n');
  try {
    nodejieba.load({ userDict: merged, idfDict: unused, stopWordDict: unused });
  } finally {
    fs.rmSync(merged, { force: true });
    fs.rmSync(unused, { force: true });
  }
  const memo = withWordTagMemo((text) => nodejieba.cut(text, true), (text) => nodejieba.tag(text));
  const tagLengths = tagLengthsOf(nodejieba);
  const read = createPackedPiecesReader();
  return {
    segmenter: tagLengths ? { ...memo, pieceLengths: (text) => read(tagLengths(text)) } : memo,
    loadMs: performance.now() - started,
    userWords,
    problems,
  };
}

/**
 * The binding's `tagLengths` (added by scripts/patch-nodejieba.mjs), when it is there and answers
 * as `tag` does on a sample; undefined with nodejieba's own binding (an install whose rebuild failed,
 * or `npm rebuild` that fetched a prebuilt one): `tag` and the word-tag memo then do the work.
 */
function tagLengthsOf(nodejieba: typeof import('nodejieba')): ((text: string) => Uint32Array) | undefined {
  const native = (nodejieba as { tagLengths?: (text: string) => unknown }).tagLengths;
  if (typeof native !== 'function') return undefined;
  const sample = '推动高质量发展，𠀀abc 2024年';
  try {
    const packed = native(sample);
    if (!(packed instanceof Uint32Array)) return undefined;
    const pieces = createPackedPiecesReader()(packed);
    const expected = nodejieba.tag(sample);
    if (pieces?.tags.join() !== expected.map((t) => t.tag).join() || pieces.lengths.join() !== expected.map((t) => t.word.length).join()) return undefined;
  } catch {
    return undefined;
  }
  return native as (text: string) => Uint32Array;
}

/**
 * Leaves this thread's dictionary to the process's end (scripts/patch-nodejieba.mjs, step 4): for a
 * thread that lasts as long as the process (the command line's segmenter), freeing its ≈1 M
 * allocations one by one took ≈130 ms after the output was written. Nothing with nodejieba's own binding.
 */
export function keepJiebaAtExit(): void {
  const nodejieba = nodejiebaModule() as { keepAtExit?: () => void };
  if (typeof nodejieba.keepAtExit === 'function') nodejieba.keepAtExit();
}

/** nodejieba itself, loaded where it is first used; throws when the native module cannot load. */
function nodejiebaModule(): typeof import('nodejieba') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('nodejieba') as typeof import('nodejieba');
}

/** Merged dictionaries left behind by servers that were killed while loading. */
function removeStaleDictionaries(): void {
  let names: string[];
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^policy-lens-dict-(\d+)(-\d+)+(\.idf)?\.utf8$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) fs.rmSync(path.join(os.tmpdir(), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
