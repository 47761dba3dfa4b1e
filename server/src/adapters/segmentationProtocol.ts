import type { SegmenterChoice } from '../engine/settings';
import type { FileProblem } from './textFiles';

/** What a segmentation worker is started with. */
export interface SegmentationWorkerData {
  /** The worker lasts as long as the process (the command line's): its dictionary is left to the process's end. */
  readonly lastsWithProcess?: boolean;
}

/** Messages between the server's main thread and the segmentation worker. */
export type ToWorker =
  /** `id` comes back with the answer: a head start's load (adapters/prestart.ts) is answered before anyone asks. */
  | { readonly type: 'load'; readonly id: number; readonly userDictionaryPaths: readonly string[]; readonly choice: Exclude<SegmenterChoice, 'intl'> }
  | { readonly type: 'cut'; readonly id: number; readonly texts: readonly string[] }
  /** Ends the worker after the messages before it: terminating it inside a nodejieba call aborts the process. */
  | { readonly type: 'stop' };

export type FromWorker =
  | {
      readonly type: 'loaded';
      readonly id: number;
      readonly segmenter: 'jieba' | 'jieba-wasm';
      readonly substituted?: string;
      readonly loadMs: number;
      readonly userWords: number;
      readonly problems: readonly FileProblem[];
    }
  | { readonly type: 'loadFailed'; readonly id: number; readonly error: string }
  /**
   * The pieces of `texts[i]` are `lengths[starts[i]…starts[i + 1])`, their parts of speech the same
   * slice of `tagIds`, indexes into `tagNames`: some 60 tags for 300 000 pieces, not one cloned
   * string per piece; and three buffers per message, transferred, not two arrays per paragraph cloned.
   */
  | {
      readonly type: 'cut';
      readonly id: number;
      readonly lengths: Uint32Array;
      readonly starts: Uint32Array;
      readonly tagIds: Uint16Array;
      readonly tagNames: readonly string[];
    };
