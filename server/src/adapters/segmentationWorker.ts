import { parentPort } from 'node:worker_threads';
import { pieceLengths } from '../core/segment/tokens';
import type { Segmenter } from '../core/types';
import type { FromWorker, ToWorker } from './segmentationProtocol';
import { loadSegmenterChain } from './segmenterChain';

/**
 * Worker thread entry: owns nodejieba (or jieba-wasm) so that its 1 s
 * dictionary load and long cuts never block the language server's main thread.
 */
let segmenter: Segmenter | undefined;

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ToWorker) => {
  // Between calls, so no nodejieba call is cut short (that aborts the whole process).
  if (message.type === 'stop') return void process.exit(0);
  if (message.type === 'load') {
    try {
      const loaded = loadSegmenterChain(message.userDictionaryPaths, message.choice);
      segmenter = loaded.segmenter;
      post({ type: 'loaded', segmenter: loaded.name, substituted: loaded.substituted, loadMs: loaded.loadMs, userWords: loaded.userWords, problems: loaded.problems });
    } catch (error) {
      post({ type: 'loadFailed', error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const lengths: Uint32Array[] = [];
  const tagIds: Uint16Array[] = [];
  const tagNames: string[] = [];
  const idOf = new Map<string, number>();
  for (const text of message.texts) {
    const pieces = segmenter && text.length > 0 ? pieceLengths(segmenter, text) : { lengths: new Uint32Array(0), tags: [] };
    lengths.push(pieces.lengths);
    // An index loop: `Uint16Array.from` with a mapping function costs a call per piece.
    const ids = new Uint16Array(pieces.tags.length);
    for (let k = 0; k < ids.length; k++) {
      const tag = pieces.tags[k];
      let id = idOf.get(tag);
      if (id === undefined) idOf.set(tag, (id = tagNames.push(tag) - 1));
      ids[k] = id;
    }
    tagIds.push(ids);
  }
  post({ type: 'cut', id: message.id, lengths, tagIds, tagNames });
});
