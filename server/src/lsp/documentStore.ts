import type { AnalysisCaches } from '../core/analysis';
import type { ReferenceIndex } from '../core/quotes/referenceIndex';
import { DocumentAnalysis } from './documentAnalysis';
import type { GlossaryService } from './glossaryService';
import type { LineDocument } from './lineDocument';
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
    /** The reference texts a document's quotations are checked against (none for a reference file itself). */
    private readonly references: (uri: string) => ReferenceIndex | undefined = () => undefined,
  ) {}

  get(document: LineDocument): DocumentAnalysis {
    const settings = this.settings();
    const cached = this.#entries.get(document.uri);
    const generation = this.glossary.generation;
    const references = this.references(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && cached.glossaryGeneration === generation && cached.references === references) {
      return cached;
    }
    const analysis = new DocumentAnalysis(document, settings, this.segmentation, this.glossary, this.caches, cached, references);
    this.#entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }
}
