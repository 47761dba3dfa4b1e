import type { SegmenterChoice } from '../engine/settings';
import type { FileProblem } from './textFiles';

/** Messages between the server's main thread and the segmentation worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly userDictionaryPaths: readonly string[]; readonly choice: Exclude<SegmenterChoice, 'intl'> }
  | { readonly type: 'cut'; readonly id: number; readonly texts: readonly string[] };

export type FromWorker =
  | {
      readonly type: 'loaded';
      readonly segmenter: 'jieba' | 'jieba-wasm';
      readonly substituted?: string;
      readonly loadMs: number;
      readonly userWords: number;
      readonly problems: readonly FileProblem[];
    }
  | { readonly type: 'loadFailed'; readonly error: string }
  /**
   * `lengths[i]` are the piece lengths of `texts[i]`, `tagIds[i]` their parts of speech as
   * indexes into `tagNames`: some 60 tags for 300 000 pieces, not one cloned string per piece.
   */
  | { readonly type: 'cut'; readonly id: number; readonly lengths: readonly Uint32Array[]; readonly tagIds: readonly Uint16Array[]; readonly tagNames: readonly string[] };
