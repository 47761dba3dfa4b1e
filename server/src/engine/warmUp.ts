import { AnalysisCaches } from '../core/analysis';
import type { Segmenter } from '../core/types';
import { createIntlSegmenter } from '../core/segment/intlSegmenter';
import { pieceLengths } from '../core/segment/tokens';
import { StaticDocument } from './document';
import { DocumentAnalysis } from './documentAnalysis';
import type { PolicyEngine } from './engine';
import type { CutPieces, SegmenterBackend } from './host';
import { SegmentationService } from './segmentation';

/** Characters of sample text analysed: enough for V8 to optimise the rules' hot functions. */
const SAMPLE_CHARACTERS = 60_000;
const WARM_UP_URI = 'policy-lens-warm-up:sample.policy.txt';

/**
 * Runs the whole analysis once over sample text while the dictionary loads (≈1–3 s in which the
 * main thread has nothing to do), so that V8 has compiled and optimised the rules before the
 * first document's tokens arrive instead of while they do, on the cores the segmenter needs.
 * Tokens come from Intl.Segmenter, shaped as jieba's (same fields, a part of speech each); the
 * sample's segmentation, memos and term hits are its own and dropped afterwards, so nothing of
 * it can reach a document's findings. `keepGoing` is asked between steps: the warm-up stops as
 * soon as it says no (the dictionary is ready, a document is being checked).
 * Resolves to the characters analysed (0 when stopped before the end).
 */
export async function warmUp(engine: PolicyEngine, keepGoing: () => boolean, nextTurn: () => Promise<void>): Promise<number> {
  const sample = sampleText(engine);
  if (sample.length === 0) return 0;
  const segmentation = new SegmentationService(() => new SampleBackend());
  segmentation.start([], 'auto');
  await segmentation.ready;
  const document = new StaticDocument(WARM_UP_URI, sample);
  const analysis = new DocumentAnalysis(document, engine.settings, segmentation, engine.glossary, new AnalysisCaches(), undefined, engine.referencesFor(WARM_UP_URI));
  const texts = analysis.paragraphs.map((p) => p.text);
  try {
    if (!keepGoing()) return 0;
    void analysis.outline;
    await nextTurn();
    if (!keepGoing()) return 0;
    await analysis.prepare();
    await nextTurn();
    if (!keepGoing()) return 0;
    analysis.findings();
    return sample.length;
  } finally {
    segmentation.dispose();
    // Term hits computed with the sample's tokens must not serve a document with the same paragraph.
    engine.glossary.forgetHits(texts);
  }
}

/** Policy prose the engine has anyway: the built-in glossary's definitions and the reference texts. */
function sampleText(engine: PolicyEngine): string {
  const lines: string[] = [];
  let length = 0;
  const add = (line: string) => {
    if (length >= SAMPLE_CHARACTERS) return;
    lines.push(line);
    length += line.length + 1;
  };
  for (const source of engine.referencesFor(WARM_UP_URI)?.sources ?? []) {
    // Every other line of each: copied passages with gaps, as a study text quoting it has.
    source.text.split('\n').forEach((line, i) => i % 2 === 0 && add(line));
  }
  for (const entry of engine.glossary.builtin) add(`${entry.term}：${entry.definition}`);
  return lines.join('\n');
}

/** Intl.Segmenter's words as CutPieces with a part of speech, so that tokens get jieba's shape. */
class SampleBackend implements SegmenterBackend {
  readonly name = 'intl' as const;
  readonly #segmenter: Segmenter;

  constructor() {
    const words = createIntlSegmenter();
    this.#segmenter = { cut: (text) => words.cut(text), tag: (text) => words.cut(text).map((word) => ({ word, tag: /[\u4e00-\u9fff]/.test(word) ? 'n' : 'x' })) };
  }

  load(): Promise<{ loadMs: number; userWords: number; problems: [] }> {
    return Promise.resolve({ loadMs: 0, userWords: 0, problems: [] });
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    return pieceLengths(this.#segmenter, text);
  }

  dispose(): void {}
}
