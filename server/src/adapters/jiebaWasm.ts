import * as fs from 'node:fs';
import * as path from 'node:path';
import { add_word, cut, initSync, with_dict } from 'jieba-wasm/web';
import { createJiebaWasmSegmenter } from '../core/segment/jiebaCompat/wasmSegmenter';
import { readDictionaryEntries } from './dictionaryFiles';
import type { JiebaLoadResult } from './jieba';
import { dataPath, packageRoot } from './resources';

/** Where the build puts jieba-wasm's .wasm and the cppjieba dictionary data it is loaded with. */
export function jiebaWasmFile(name: 'jieba_rs_wasm_bg.wasm' | 'jieba.dict.utf8' | 'hmm_model.utf8'): string {
  return path.join(packageRoot(), 'dist', 'jieba-wasm', name);
}

let instantiated = false;

/**
 * Segmentation without native code: jieba-rs compiled to WebAssembly, loaded
 * with nodejieba's own dictionary data so that both cut alike. jieba-wasm keeps
 * one dictionary per instance and cannot unload words, so this loads once per
 * thread (the server starts a fresh worker for every dictionary change).
 * Throws when the .wasm or a dictionary cannot be loaded.
 */
export function loadJiebaWasm(userDictionaryPaths: readonly string[]): JiebaLoadResult {
  const started = performance.now();
  if (instantiated) throw new Error('jieba-wasm is already loaded in this thread');
  const read = (file: string): Buffer => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  const bytes = read(jiebaWasmFile('jieba_rs_wasm_bg.wasm'));
  const mainDictionary = read(jiebaWasmFile('jieba.dict.utf8')).toString('utf8');
  const hmmModel = read(jiebaWasmFile('hmm_model.utf8')).toString('utf8');
  const builtinOnlyWords = read(dataPath('jieba-wasm-builtin-only.utf8')).toString('utf8');
  try {
    initSync({ module: bytes });
  } catch (error) {
    throw new Error(`${path.basename(jiebaWasmFile('jieba_rs_wasm_bg.wasm'))} is not a usable WebAssembly module (${error instanceof Error ? error.message : String(error)})`);
  }
  instantiated = true;
  const { entries, userWords, problems } = readDictionaryEntries(userDictionaryPaths);
  const segmenter = createJiebaWasmSegmenter({ cut, with_dict, add_word }, { mainDictionary, hmmModel, builtinOnlyWords, entries });
  return { segmenter, loadMs: performance.now() - started, userWords, problems };
}
