import { add_word, cut, initSync, with_dict } from 'jieba-wasm/web';
import policyDictionary from '../../../../data/policy.dict.utf8';
import builtinOnlyWords from '../../../../data/jieba-wasm-builtin-only.utf8';
import { parseDictionary } from '../../core/segment/dictionaryFormat';
import { createJiebaWasmSegmenter } from '../../core/segment/jiebaCompat/wasmSegmenter';
import { pieceLengths } from '../../core/segment/tokens';
import type { Segmenter } from '../../core/types';
import type { CutPieces, FileProblem, SegmenterBackend, SegmenterLoad } from '../../engine/host';
import type { SegmenterChoice } from '../../engine/settings';
import type { JiebaWasmFiles } from '../../protocol';

/** The segmenter of this worker: jieba-wasm cannot unload words, and in the browser the dictionaries never change. */
let loadedSegmenter: Segmenter | undefined;

/** Why something that needs the file system does not work here. */
export const NOT_IN_BROWSER = 'not available in the browser';

/**
 * jieba-wasm in the server's own web worker, with the module and data the
 * client read from the extension's files (dist/jieba-wasm/). The policy
 * dictionary is bundled; user dictionaries on disk cannot be read and are reported.
 */
export class BrowserWasmBackend implements SegmenterBackend {
  readonly name = 'jieba-wasm' as const;
  #segmenter: Segmenter | undefined;

  constructor(
    private readonly files: JiebaWasmFiles,
    private readonly choice: Exclude<SegmenterChoice, 'intl'>,
  ) {}

  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    const started = performance.now();
    try {
      // One module per worker: a restart (dictionary change) reuses it with the same dictionaries.
      this.#segmenter = loadedSegmenter ??= this.#instantiate();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const problems: FileProblem[] = userDictionaryPaths.map((path) => ({ path, messageId: 'file.unreadable', detail: NOT_IN_BROWSER }));
    return Promise.resolve({
      segmenter: 'jieba-wasm',
      ...(this.choice === 'native' ? { substituted: `nodejieba: ${NOT_IN_BROWSER}` } : {}),
      loadMs: performance.now() - started,
      userWords: 0,
      problems,
    });
  }

  #instantiate(): Segmenter {
    try {
      initSync({ module: this.files.wasm });
    } catch (error) {
      throw new Error(`jieba_rs_wasm_bg.wasm is not a usable WebAssembly module (${error instanceof Error ? error.message : String(error)})`);
    }
    const { mainDictionary, hmmModel } = this.files;
    return createJiebaWasmSegmenter({ cut, with_dict, add_word }, { mainDictionary, hmmModel, builtinOnlyWords, entries: parseDictionary(policyDictionary).entries });
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    if (!this.#segmenter) throw new Error('jieba-wasm is not loaded');
    return pieceLengths(this.#segmenter, text);
  }

  dispose(): void {
    this.#segmenter = undefined;
  }
}
