import type { SegmenterName } from '../engine/host';
import type { SegmenterChoice } from '../engine/settings';
import { loadJieba, type JiebaLoadResult } from './jieba';
import { loadJiebaWasm } from './jiebaWasm';

export interface ChainLoadResult extends JiebaLoadResult {
  readonly name: Exclude<SegmenterName, 'intl'>;
  /** Why the segmenters tried first could not load (absent when the first one did). */
  readonly substituted?: string;
}

const LOADERS: Record<'jieba' | 'jieba-wasm', (paths: readonly string[]) => JiebaLoadResult> = {
  jieba: loadJieba,
  'jieba-wasm': loadJiebaWasm,
};

/** The `auto` order from a choice on: nodejieba, then jieba-wasm (Intl.Segmenter is the engine's own last resort). */
export function segmenterOrder(choice: Exclude<SegmenterChoice, 'intl'>): readonly ('jieba' | 'jieba-wasm')[] {
  return choice === 'wasm' ? ['jieba-wasm'] : ['jieba', 'jieba-wasm'];
}

/**
 * Loads the first segmenter of the order that works. Throws, with every
 * reason, when none does (the engine then falls back to Intl.Segmenter).
 */
export function loadSegmenterChain(userDictionaryPaths: readonly string[], choice: Exclude<SegmenterChoice, 'intl'>): ChainLoadResult {
  const failures: string[] = [];
  for (const name of segmenterOrder(choice)) {
    try {
      const loaded = LOADERS[name](userDictionaryPaths);
      return { ...loaded, name, ...(failures.length > 0 ? { substituted: failures.join('; ') } : {}) };
    } catch (error) {
      // First line only: Node's "Cannot find module" goes on with the whole require stack.
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      failures.push(`${name === 'jieba' ? 'nodejieba' : name}: ${message}`);
    }
  }
  throw new Error(failures.join('; '));
}

