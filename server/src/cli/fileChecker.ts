import * as path from 'node:path';
import type { TextEncodingName } from '../adapters/encoding';
import { readDocumentFile } from '../adapters/documentFiles';
import type { PolicyEngine } from '../engine/engine';
import type { Locale } from '../engine/l10n';
import type { Settings } from '../engine/settings';
import { isDocxPath, readDocxInput, withWordPlaces } from './docxInput';
import { checkText, createCheckEngine, createOutlineEngine, outlineOf } from './engine';
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
 * Checks one file after another with one engine, loaded on the first file
 * that needs it (the dictionary takes a second or two; outlines need none).
 */
export class FileChecker {
  #engine: PolicyEngine | undefined;
  #warnings: string[] = [];

  constructor(private readonly setup: CheckSetup) {}

  async check(file: string): Promise<FileResult> {
    const setup = this.setup;
    const absolute = path.resolve(setup.cwd, file);
    const read = isDocxPath(file) ? await readDocxInput(absolute) : readDocumentFile(absolute, setup.encoding);
    if ('error' in read) return { error: `${file}: ${read.error}`, warnings: this.#takeWarnings() };
    // A Word document: its policy text, checked with the map back to paragraphs, cells and notes.
    const word = 'docx' in read ? read : undefined;
    for (const warning of word?.warnings ?? []) this.#warnings.push(`${file}: ${warning}`);
    if (setup.outline) {
      this.#engine ??= createOutlineEngine(setup.settings);
      const outline = outlineOf(this.#engine, read.text, absolute, word?.docx);
      return { report: { file, encoding: read.encoding, findings: [], outline, ...(word ? { docx: word.docx } : {}) }, warnings: this.#takeWarnings() };
    }
    this.#engine ??= createCheckEngine(setup.settings, setup.root, setup.references, (message) => this.#warnings.push(message), setup.locale);
    if (read.text.length > setup.settings.maxDocumentSize) {
      this.#warnings.push(`${file}: ${read.text.length} characters, above policyLens.diagnostics.maxDocumentSize; only light checks run`);
    }
    const findings = reportFindings(read.text, await checkText(this.#engine, read.text, absolute, word?.docx), setup.locale);
    return { report: { file, encoding: read.encoding, findings: word ? withWordPlaces(findings, word) : findings }, warnings: this.#takeWarnings() };
  }

  dispose(): void {
    this.#engine?.dispose();
  }

  #takeWarnings(): string[] {
    const warnings = this.#warnings;
    this.#warnings = [];
    return warnings;
  }
}
