import { segmentParagraph } from '../core/segment/tokens';
import type { Segmenter } from '../core/types';
import type { CutPieces, SegmenterBackend, SegmenterLoad } from '../engine/host';
import { piecesOf } from '../engine/segmentation';
import { loadJieba } from './jieba';

/**
 * nodejieba in the calling thread: the command line and the tests, which
 * have nothing else to do while the dictionary loads and want tokens at once.
 */
export class InProcessBackend implements SegmenterBackend {
  readonly name = 'jieba' as const;
  #segmenter: Segmenter | undefined;

  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad> {
    try {
      const loaded = loadJieba(userDictionaryPaths);
      this.#segmenter = loaded.segmenter;
      return Promise.resolve({ loadMs: loaded.loadMs, userWords: loaded.userWords, problems: loaded.problems });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    if (!this.#segmenter) throw new Error('jieba is not loaded');
    return piecesOf(segmentParagraph(this.#segmenter, text));
  }

  dispose(): void {
    this.#segmenter = undefined;
  }
}
