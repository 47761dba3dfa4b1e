import { parentPort } from 'node:worker_threads';
import { segmentParagraph } from '../core/segment/tokens';
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
  const tags: string[][] = [];
  for (const text of message.texts) {
    const tokens = segmenter && text.length > 0 ? segmentParagraph(segmenter, text) : [];
    lengths.push(Uint32Array.from(tokens, (token) => token.end - token.start));
    tags.push(tokens.map((token) => token.tag ?? ''));
  }
  post({ type: 'cut', id: message.id, lengths, tags });
});
