import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCaches } from '../core/analysis';
import { DocumentAnalysis } from './documentAnalysis';
import type { GlossaryService } from './glossaryService';
import type { SegmentationService } from './segmentation';
import type { Settings } from './settings';

/**
 * One DocumentAnalysis per open document, replaced when the version or the
 * settings change. Every feature asks here, so a version is analysed once.
 */
export class DocumentStore {
  readonly #entries = new Map<string, DocumentAnalysis>();

  constructor(
    private readonly segmentation: SegmentationService,
    private readonly glossary: GlossaryService,
    private readonly settings: () => Settings,
    private readonly caches: AnalysisCaches,
  ) {}

  get(document: TextDocument): DocumentAnalysis {
    const settings = this.settings();
    const cached = this.#entries.get(document.uri);
    const generation = this.glossary.generation;
    if (cached && cached.version === document.version && cached.settings === settings && cached.glossaryGeneration === generation) return cached;
    const analysis = new DocumentAnalysis(document, settings, this.segmentation, this.glossary, this.caches, cached);
    this.#entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }
}
