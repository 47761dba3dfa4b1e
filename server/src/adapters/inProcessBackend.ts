import { pieceLengths } from '../core/segment/tokens';
import type { Segmenter } from '../core/types';
import type { CutPieces, SegmenterBackend, SegmenterLoad } from '../engine/host';
import type { SegmenterChoice } from '../engine/settings';
import { loadSegmenterChain, segmenterOrder } from './segmenterChain';

/**
 * nodejieba (else jieba-wasm) in the calling thread: the command line and the
 * tests, which have nothing else to do while the dictionary loads and want tokens at once.
 */
export class InProcessBackend implements SegmenterBackend {
  readonly name: 'jieba' | 'jieba-wasm';
  #segmenter: Segmenter | undefined;

  constructor(private readonly choice: Exclude<SegmenterChoice, 'intl'> = 'auto') {
    this.name = segmenterOrder(choice)[0];
  }

  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    try {
      const loaded = loadSegmenterChain(userDictionaryPaths, this.choice);
      this.#segmenter = loaded.segmenter;
      const { name: segmenter, substituted, loadMs, userWords, problems } = loaded;
      return Promise.resolve({ segmenter, ...(substituted ? { substituted } : {}), loadMs, userWords, problems });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    if (!this.#segmenter) throw new Error('jieba is not loaded');
    return pieceLengths(this.#segmenter, text);
  }

  dispose(): void {
    this.#segmenter = undefined;
  }
}
