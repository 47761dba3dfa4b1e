import { add_word, cut, initSync, with_dict } from 'jieba-wasm/web';
import policyDictionary from '../../../../data/policy.dict.utf8';
import builtinOnlyWords from '../../../../data/jieba-wasm-builtin-only.utf8';
import { parseDictionary } from '../../core/segment/dictionaryFormat';
import { createJiebaWasmSegmenter } from '../../core/segment/jiebaCompat/wasmSegmenter';
import { segmentParagraph } from '../../core/segment/tokens';
import type { Segmenter } from '../../core/types';
import type { CutPieces, FileProblem, SegmenterBackend, SegmenterLoad } from '../../engine/host';
import { piecesOf } from '../../engine/segmentation';
import type { SegmenterChoice } from '../../engine/settings';

/** Why something that needs the file system does not work here. */
export const NOT_IN_BROWSER = 'not available in the browser';

/**
 * jieba-wasm in the server's own web worker, its data fetched from the
 * extension's files (`dataUrl`: dist/jieba-wasm/). The policy dictionary is
 * bundled; user dictionaries on disk cannot be read and are reported.
 */
export class BrowserWasmBackend implements SegmenterBackend {
  readonly name = 'jieba-wasm' as const;
  #segmenter: Segmenter | undefined;

  constructor(
    private readonly dataUrl: URL,
    private readonly choice: Exclude<SegmenterChoice, 'intl'>,
  ) {}

  async load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    const started = performance.now();
    const [bytes, mainDictionary, hmmModel] = await Promise.all([
      this.#fetch('jieba_rs_wasm_bg.wasm').then((r) => r.arrayBuffer()),
      this.#fetch('jieba.dict.utf8').then((r) => r.text()),
      this.#fetch('hmm_model.utf8').then((r) => r.text()),
    ]);
    try {
      initSync({ module: bytes });
    } catch (error) {
      throw new Error(`jieba_rs_wasm_bg.wasm is not a usable WebAssembly module (${error instanceof Error ? error.message : String(error)})`);
    }
    const entries = parseDictionary(policyDictionary).entries;
    this.#segmenter = createJiebaWasmSegmenter({ cut, with_dict, add_word }, { mainDictionary, hmmModel, builtinOnlyWords, entries });
    const problems: FileProblem[] = userDictionaryPaths.map((path) => ({ path, messageId: 'file.unreadable', detail: NOT_IN_BROWSER }));
    return {
      segmenter: 'jieba-wasm',
      ...(this.choice === 'native' ? { substituted: `nodejieba: ${NOT_IN_BROWSER}` } : {}),
      loadMs: performance.now() - started,
      userWords: 0,
      problems,
    };
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    if (!this.#segmenter) throw new Error('jieba-wasm is not loaded');
    return piecesOf(segmentParagraph(this.#segmenter, text));
  }

  dispose(): void {
    this.#segmenter = undefined;
  }

  async #fetch(name: string): Promise<Response> {
    const url = new URL(name, this.dataUrl);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(`cannot fetch ${url.href} (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) throw new Error(`cannot fetch ${url.href} (HTTP ${response.status})`);
    return response;
  }
}
