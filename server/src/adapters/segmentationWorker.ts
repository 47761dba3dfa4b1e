import { parentPort } from 'node:worker_threads';
import { cleanForNative } from '../core/segment/tokens';
import type { Segmenter } from '../core/types';
import { loadJieba } from './jieba';
import type { FromWorker, ToWorker } from './segmentationProtocol';

/**
 * Worker thread entry: owns nodejieba so that its 1 s dictionary load and long
 * cuts never block the language server's main thread.
 */
let segmenter: Segmenter | undefined;

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'load') {
    try {
      const loaded = loadJieba(message.userDictionaryPaths);
      segmenter = loaded.segmenter;
      post({ type: 'loaded', loadMs: loaded.loadMs, userWords: loaded.userWords, problems: loaded.problems });
    } catch (error) {
      post({ type: 'loadFailed', error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const cut = segmenter;
  const lengths = message.texts.map((text) => {
    if (!cut || text.length === 0) return new Uint32Array(0);
    const pieces = cut.cut(cleanForNative(text));
    return Uint32Array.from(pieces, (piece) => piece.length);
  });
  post({ type: 'cut', id: message.id, lengths });
});
