import type { DocumentAnalysis } from '../engine/documentAnalysis';
import type { PolicyEngine } from '../engine/engine';
import type { LineDocument } from './lineDocument';

/**
 * One DocumentAnalysis per open document, replaced when the version, the
 * settings, the glossary or the reference set change. Every feature asks
 * here, so a version is analysed once.
 */
export class DocumentStore {
  readonly #entries = new Map<string, DocumentAnalysis<LineDocument>>();

  constructor(private readonly engine: PolicyEngine) {}

  get(document: LineDocument): DocumentAnalysis<LineDocument> {
    const cached = this.#entries.get(document.uri);
    if (
      cached &&
      cached.version === document.version &&
      cached.settings === this.engine.settings &&
      cached.glossaryGeneration === this.engine.glossary.generation &&
      cached.references === this.engine.referencesFor(document.uri)
    ) {
      return cached;
    }
    const analysis = this.engine.analyse(document, cached);
    this.#entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }
}
