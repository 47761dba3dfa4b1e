import * as fs from 'node:fs';
import * as path from 'node:path';
import { add_word, cut, initSync, with_dict } from 'jieba-wasm/web';
import { formatDictionary } from '../core/segment/dictionaryFormat';
import { createJiebaWasmSegmenter } from '../core/segment/jiebaCompat/wasmSegmenter';
import type { Segmenter } from '../core/types';
import { readDictionaryEntries } from './dictionaryFiles';
import type { JiebaLoadResult } from './jieba';
import { dataPath, packageRoot } from './resources';

export type JiebaWasmFile = 'jieba_rs_wasm_bg.wasm' | 'jieba.dict.utf8' | 'hmm_model.utf8';

/** Where the build puts jieba-wasm's module and the cppjieba data it is loaded with. */
export function jiebaWasmFile(name: JiebaWasmFile): string {
  return path.join(packageRoot(), 'dist', 'jieba-wasm', name);
}

/** This thread's jieba-wasm: one instance, one set of dictionaries (it cannot unload words). */
let instance: { readonly dictionaries: string; readonly segmenter: Segmenter } | 'broken' | undefined;

/**
 * Segmentation without native code: jieba-rs compiled to WebAssembly, loaded
 * with nodejieba's own dictionary data so that both cut alike. The server
 * starts a fresh worker for every dictionary change; in one thread a second
 * load with the same dictionaries reuses the first, with others it throws.
 * Throws when the .wasm or a dictionary cannot be loaded.
 */
export function loadJiebaWasm(userDictionaryPaths: readonly string[]): JiebaLoadResult {
  const started = performance.now();
  const { entries, userWords, problems } = readDictionaryEntries(userDictionaryPaths);
  const dictionaries = formatDictionary(entries);
  const result = (segmenter: Segmenter): JiebaLoadResult => ({ segmenter, loadMs: performance.now() - started, userWords, problems });
  if (instance === 'broken') throw new Error('jieba-wasm failed to load earlier in this thread');
  if (instance) {
    if (instance.dictionaries === dictionaries) return result(instance.segmenter);
    throw new Error('jieba-wasm cannot change its dictionaries within one thread');
  }
  const bytes = readFile('jieba_rs_wasm_bg.wasm');
  const mainDictionary = readFile('jieba.dict.utf8').toString('utf8');
  const hmmModel = readFile('hmm_model.utf8').toString('utf8');
  const builtinOnlyWords = readFileAt(dataPath('jieba-wasm-builtin-only.utf8')).toString('utf8');
  try {
    initSync({ module: bytes });
  } catch (error) {
    throw new Error(`jieba_rs_wasm_bg.wasm is not a usable WebAssembly module (${messageOf(error)})`);
  }
  try {
    const segmenter = createJiebaWasmSegmenter({ cut, with_dict, add_word }, { mainDictionary, hmmModel, builtinOnlyWords, entries });
    instance = { dictionaries, segmenter };
    return result(segmenter);
  } catch (error) {
    // Half-loaded dictionaries cannot be taken back out of this instance.
    instance = 'broken';
    throw new Error(`jieba-wasm could not load its dictionaries (${messageOf(error)})`);
  }
}

function readFile(name: JiebaWasmFile): Buffer {
  return readFileAt(jiebaWasmFile(name));
}

function readFileAt(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
