import { AnalysisCaches } from '../core/analysis';
import { StaticDocument } from './document';
import { DocumentAnalysis } from './documentAnalysis';
import type { PolicyEngine } from './engine';
import type { CutPieces, SegmenterBackend } from './host';
import { forgetInternedWords, SegmentationService } from './segmentation';

/** Characters of sample text analysed per pass. */
const SAMPLE_CHARACTERS = 60_000;
/**
 * The sample is analysed in pieces of at most this many characters, a step at a time (outline,
 * prepare, findings) with a turn of the event loop after each, since the warm-up goes on after the
 * dictionary is ready, when a keystroke or a document must not wait long to be read. Measured in
 * process, the longest step: 172 ms for the whole 60 000-character sample, 54 ms for pieces of
 * 20 000, 48 ms for 6 000; the open of 002 afterwards (main thread's CPU, five fresh servers each):
 * 262 / 276 / 308 ms. Smaller pieces warm less: the document-wide loops of large documents stay cold.
 */
const PIECE_CHARACTERS = 20_000;
/**
 * Passes over the sample (cycling through three, the middle one without the references' text: a
 * document that copies little, collated the way most are), each with fresh caches, while the
 * server is idle: one left hot functions unoptimised (V8 waits longer before optimising, see
 * adapters/v8Tuning.ts). With three, the main thread's CPU for the open of 002 after the load fell
 * 340–370 → 320–330 ms (two rounds of three fresh servers, alternated); the load itself was not
 * measurably slower. Six (twelfth session, 16 fresh servers each, alternated): the open of 002
 * right after the warm-up 249 → 231 ms, 1.25 → 1.16 × the raw cut (medians); the warm-up ends
 * 0.05–0.15 s later (most of it runs while the dictionary loads).
 */
const PASSES = 6;
const WARM_UP_URI = 'policy-lens-warm-up:sample.policy.txt';

/**
 * Runs the whole analysis over sample text while the server has nothing else to do after its start
 * (the dictionary loading, and after), so that V8 has compiled and optimised the rules before the
 * first large document's tokens arrive instead of while they do, on the cores the segmenter needs.
 * Tokens are made without a dictionary, shaped as jieba's (same fields, a part of speech each); the
 * sample's segmentation, memos and term hits are its own and dropped afterwards, so nothing of
 * it can reach a document's findings. `keepGoing` is asked between steps: the warm-up stops as
 * soon as it says no (a document is to be checked).
 * Resolves to the characters analysed (0 when stopped before the end of the first piece).
 */
export async function warmUp(engine: PolicyEngine, keepGoing: () => boolean, nextTurn: () => Promise<void>): Promise<number> {
  const samples = [sampleText(engine), sampleText(engine, false), sampleText(engine)];
  let analysed = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const sample = samples[pass % samples.length];
    if (sample.length === 0) break;
    for (const piece of piecesOf(sample)) {
      const chars = await analyseSample(engine, piece, keepGoing, nextTurn);
      if (chars === 0) return analysed;
      analysed += chars;
    }
  }
  return analysed;
}

/** `sample` cut at line ends into pieces of at most PIECE_CHARACTERS (a longer line is a piece of its own). */
function piecesOf(sample: string): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let length = 0;
  for (const line of sample.split('\n')) {
    if (length > 0 && length + line.length > PIECE_CHARACTERS) {
      pieces.push(piece.join('\n'));
      piece = [];
      length = 0;
    }
    piece.push(line);
    length += line.length + 1;
  }
  if (length > 0) pieces.push(piece.join('\n'));
  return pieces;
}

/** One piece analysed with its own segmentation, caches and term hits, all dropped afterwards. */
async function analyseSample(engine: PolicyEngine, sample: string, keepGoing: () => boolean, nextTurn: () => Promise<void>): Promise<number> {
  const segmentation = new SegmentationService(() => new SampleBackend());
  segmentation.start([], 'auto');
  await segmentation.ready;
  const document = new StaticDocument(WARM_UP_URI, sample);
  // Term hits found with the sample's tokens are its own: they must never serve a document's paragraph with the same text.
  const analysis = new DocumentAnalysis(document, engine.settings, segmentation, engine.glossary.withOwnCaches(), new AnalysisCaches(), undefined, engine.referencesFor(WARM_UP_URI));
  try {
    if (!keepGoing()) return 0;
    void analysis.outline;
    await nextTurn();
    if (!keepGoing()) return 0;
    await analysis.prepare();
    await nextTurn();
    if (!keepGoing()) return 0;
    analysis.findings();
    await nextTurn();
    return sample.length;
  } finally {
    segmentation.dispose();
    forgetInternedWords();
  }
}

/**
 * Policy prose the engine has anyway: the reference texts (unless `withReferences` is false) and the
 * built-in glossary's definitions. Without the references it is a document that copies little of
 * them, collated the way most documents are (only around quotations, see rules/quoteMismatch.ts).
 */
function sampleText(engine: PolicyEngine, withReferences = true): string {
  const lines: string[] = [];
  let length = 0;
  const add = (line: string) => {
    if (length >= SAMPLE_CHARACTERS) return;
    lines.push(line);
    length += line.length + 1;
  };
  for (const source of withReferences ? (engine.referencesFor(WARM_UP_URI)?.sources ?? []) : []) {
    // Every other line of each: copied passages with gaps, as a study text quoting it has.
    source.text.split('\n').forEach((line, i) => i % 2 === 0 && add(line));
  }
  for (const entry of engine.glossary.builtin) add(`${entry.term}：${entry.definition}`);
  return lines.join('\n');
}

/**
 * Pieces shaped as jieba's (lengths and a part of speech each) without a dictionary: Han characters
 * two by two, runs of Latin letters and digits whole, anything else alone. Not Intl.Segmenter: its
 * ICU dictionary costs the process ≈6 MB of memory for a word division that does not matter here.
 */
class SampleBackend implements SegmenterBackend {
  readonly name = 'intl' as const;

  load(): Promise<{ loadMs: number; userWords: number; problems: [] }> {
    return Promise.resolve({ loadMs: 0, userWords: 0, problems: [] });
  }

  cut(texts: readonly string[]): Promise<CutPieces[]> {
    return Promise.resolve(texts.map((text) => this.cutNow(text)));
  }

  cutNow(text: string): CutPieces {
    const lengths: number[] = [];
    const tags: string[] = [];
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      let end = i + 1;
      if (isHan(code)) {
        if (end < text.length && isHan(text.charCodeAt(end))) end++;
        tags.push('n');
      } else if (isLatinOrDigit(code)) {
        while (end < text.length && isLatinOrDigit(text.charCodeAt(end))) end++;
        tags.push('m');
      } else {
        // A surrogate pair stays one piece.
        if (code >= 0xd800 && code <= 0xdbff && end < text.length) end++;
        tags.push('x');
      }
      lengths.push(end - i);
      i = end;
    }
    return { lengths: Uint32Array.from(lengths), tags };
  }

  dispose(): void {}
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function isLatinOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x25;
}
