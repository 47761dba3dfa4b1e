import { parentPort, workerData } from 'node:worker_threads';
import { keepJiebaAtExit } from './jieba';
import { pieceLengths } from '../core/segment/tokens';
import type { Segmenter } from '../core/types';
import type { FromWorker, SegmentationWorkerData, ToWorker } from './segmentationProtocol';
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
      if (loaded.name === 'jieba' && (workerData as SegmentationWorkerData | undefined)?.lastsWithProcess === true) keepJiebaAtExit();
      post({ type: 'loaded', id: message.id, segmenter: loaded.name, substituted: loaded.substituted, loadMs: loaded.loadMs, userWords: loaded.userWords, problems: loaded.problems });
    } catch (error) {
      post({ type: 'loadFailed', id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const all = message.texts.map((text) => (segmenter && text.length > 0 ? pieceLengths(segmenter, text) : { lengths: new Uint32Array(0), tags: [] }));
  const starts = new Uint32Array(all.length + 1);
  for (let i = 0; i < all.length; i++) starts[i + 1] = starts[i] + all[i].lengths.length;
  const lengths = new Uint32Array(starts[all.length]);
  const tagIds = new Uint16Array(starts[all.length]);
  const tagNames: string[] = [];
  const idOf = new Map<string, number>();
  for (let i = 0; i < all.length; i++) {
    const { lengths: own, tags } = all[i];
    lengths.set(own, starts[i]);
    // An index loop: `Uint16Array.from` with a mapping function costs a call per piece.
    for (let k = 0, at = starts[i]; k < tags.length; k++, at++) {
      let id = idOf.get(tags[k]);
      if (id === undefined) idOf.set(tags[k], (id = tagNames.push(tags[k]) - 1));
      tagIds[at] = id;
    }
  }
  parentPort?.postMessage({ type: 'cut', id: message.id, lengths, starts, tagIds, tagNames } satisfies FromWorker, [lengths.buffer, starts.buffer, tagIds.buffer]);
});
