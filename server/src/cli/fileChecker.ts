import * as path from 'node:path';
import type { TextEncodingName } from '../adapters/encoding';
import { readDocumentFile } from '../adapters/documentFiles';
import type { PolicyEngine } from '../engine/engine';
import type { Locale } from '../engine/l10n';
import type { Settings } from '../engine/settings';
import { isDocxPath, readDocxInput, withWordPlaces } from './docxInput';
import { checkText, createCheckEngine, createOutlineEngine, outlineOf, type Segmentation } from './engine';
import { reportFindings, type FileReport } from './formats/report';

/** What a checker needs to know, the same in the main thread and in every worker. */
export interface CheckSetup {
  readonly settings: Settings;
  readonly root: string;
  readonly references: readonly string[];
  readonly locale: Locale;
  readonly encoding: TextEncodingName | 'auto';
  readonly outline: boolean;
  readonly cwd: string;
}

export type FileResult = { readonly report: FileReport; readonly warnings: readonly string[] } | { readonly error: string; readonly warnings: readonly string[] };

/**
 * Checks files with one engine, loaded on the first file that needs it (the
 * dictionary takes a second or two; outlines need none). Several checks may
 * be under way at once: with jieba in a worker thread, one file's rules run
 * while the worker cuts the next (see checkFiles.ts).
 */
export class FileChecker {
  #engine: PolicyEngine | undefined;
  /** The engine's own warnings (dictionaries, glossaries, references): handed to the next result. */
  #engineWarnings: string[] = [];

  constructor(
    private readonly setup: CheckSetup,
    private readonly segmentation: Segmentation = 'in-process',
  ) {}

  /**
   * Findings (or the error) of one file, with its warnings; unless `ownWarningsOnly`, the engine's
   * warnings so far come first (with several checks under way, see `takeEngineWarnings`).
   */
  async check(file: string, ownWarningsOnly = false): Promise<FileResult> {
    const setup = this.setup;
    const warnings: string[] = [];
    const result = (outcome: { report: FileReport } | { error: string }): FileResult => ({ ...outcome, warnings: ownWarningsOnly ? warnings : [...this.takeEngineWarnings(), ...warnings] });
    const absolute = path.resolve(setup.cwd, file);
    const read = isDocxPath(file) ? await readDocxInput(absolute) : readDocumentFile(absolute, setup.encoding);
    if ('error' in read) return result({ error: `${file}: ${read.error}` });
    // A Word document: its policy text, checked with the map back to paragraphs, cells and notes.
    const word = 'docx' in read ? read : undefined;
    for (const warning of word?.warnings ?? []) warnings.push(`${file}: ${warning}`);
    if (setup.outline) {
      this.#engine ??= createOutlineEngine(setup.settings);
      const outline = outlineOf(this.#engine, read.text, absolute, word?.docx);
      return result({ report: { file, encoding: read.encoding, findings: [], outline, ...(word ? { docx: word.docx } : {}) } });
    }
    this.#engine ??= createCheckEngine(setup.settings, setup.root, setup.references, (message) => this.#engineWarnings.push(message), setup.locale, this.segmentation);
    if (read.text.length > setup.settings.maxDocumentSize) {
      warnings.push(`${file}: ${read.text.length} characters, above policyLens.diagnostics.maxDocumentSize; only light checks run`);
    }
    const findings = reportFindings(read.text, await checkText(this.#engine, read.text, absolute, word?.docx), setup.locale);
    return result({ report: { file, encoding: read.encoding, findings: word ? withWordPlaces(findings, word) : findings } });
  }

  /** True when nodejieba cuts in this thread (`'in-process'`): its dictionary is this thread's. */
  get cutsWithNodejiebaHere(): boolean {
    const state = this.#engine?.segmentation.state;
    return this.segmentation === 'in-process' && state?.kind === 'ready' && state.segmenter === 'jieba';
  }

  /** True when jieba failed (to load, or its worker died) and Intl.Segmenter cut instead. */
  get segmenterFellBack(): boolean {
    return this.#engine?.segmentation.state.kind === 'fallback';
  }

  dispose(): void {
    this.#engine?.dispose();
  }

  /** The engine's warnings (dictionaries, glossaries, references, the segmenter) not yet handed out. */
  takeEngineWarnings(): string[] {
    const warnings = this.#engineWarnings;
    this.#engineWarnings = [];
    return warnings;
  }
}
