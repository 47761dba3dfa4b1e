import { AnalysisCaches } from '../core/analysis';
import type { ReferenceIndex } from '../core/quotes/referenceIndex';
import { RULES } from '../core/rules/registry';
import type { AnalysableDocument } from './document';
import { DocumentAnalysis } from './documentAnalysis';
import { GlossaryService, type GlossaryFileReport } from './glossaryService';
import type { EngineHost, FileProblem, ReferenceLibrary } from './host';
import { SegmentationService } from './segmentation';
import { parseSettings, type Settings } from './settings';
import { isWorkspaceGlossaryUri, isWorkspaceReferenceUri, resolveWorkspaceResources, type ResolvedResources } from './workspaceResources';

const TEXT_ONLY_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.textOnly === true).map((rule) => rule.id));

/**
 * The analysis engine shared by the language server, the command line and
 * the tests: settings, the workspace's resources (dictionaries, glossaries,
 * reference texts), segmentation, and one DocumentAnalysis per document
 * version. It touches nothing of its platform but through the host.
 */
export class PolicyEngine {
  readonly caches = new AnalysisCaches();
  readonly segmentation: SegmentationService;
  readonly glossary: GlossaryService;
  #references: ReferenceLibrary | undefined;
  #settings: Settings;
  #root: string | undefined;
  #trusted = true;
  #resources: ResolvedResources;
  #dictionaryKey: string | undefined;
  #glossaryFiles: readonly string[] = [];

  constructor(
    readonly host: EngineHost,
    settings: Settings = parseSettings(undefined, RULES).settings,
  ) {
    this.segmentation = new SegmentationService((choice) => host.createSegmenterBackend(choice));
    this.glossary = new GlossaryService(host);
    this.#settings = settings;
    this.#resources = this.#resolve();
    // New tokens (another dictionary, or the fallback): findings computed from the old ones go,
    // but those of rules that read no tokens (run while the dictionary loaded).
    this.segmentation.onStateChange((state) => {
      if (state.kind !== 'loading') this.caches.forgetFindings(TEXT_ONLY_RULE_IDS);
    });
  }

  get settings(): Settings {
    return this.#settings;
  }

  /** The files the settings and the workspace point at. */
  get resources(): ResolvedResources {
    return this.#resources;
  }

  configure(settings: Settings): void {
    this.#settings = settings;
    this.#resources = this.#resolve();
  }

  /** The workspace folder relative paths are resolved against; `.policy-lens/` files are used only when trusted. */
  setWorkspace(root: string | undefined, trusted: boolean): void {
    this.#root = root;
    this.#trusted = trusted;
    this.#resources = this.#resolve();
  }

  /** (Re)loads the segmenter when the dictionary list or the segmenter setting changed; the first call always loads. */
  startSegmentation(): void {
    const key = JSON.stringify([this.#resources.dictionaries, this.#settings.segmenter]);
    if (key === this.#dictionaryKey) return;
    this.#dictionaryKey = key;
    this.segmentation.start(this.#resources.dictionaries, this.#settings.segmenter);
    // The segmenter is chosen: a head start it did not adopt (other dictionaries, another segmenter) is not needed.
    this.host.segmenterChosen?.();
  }

  /** Re-reads the user's glossaries; `openText` gives an open file's unsaved text. */
  reloadGlossary(openText: (uri: string) => string | undefined = () => undefined): { reports: GlossaryFileReport[]; failures: FileProblem[]; dropped: string[] } {
    const previous = new Set(this.#glossaryFiles.map((file) => this.host.files.toUri(file)));
    this.#glossaryFiles = this.#resources.glossaries;
    const { reports, failures } = this.glossary.reload(this.#glossaryFiles, openText);
    for (const report of reports) previous.delete(report.uri);
    // Files no longer read: their problems must not stay on screen.
    return { reports, failures, dropped: [...previous] };
  }

  /** Re-reads the reference texts; `changed` when findings may differ. Problems include the built-in references'. */
  reloadReferences(): { changed: boolean; problems: FileProblem[] } {
    const first = this.#references === undefined;
    this.#references ??= this.host.createReferenceLibrary();
    const { changed, problems } = this.#references.reload(this.#resources.references, this.#settings.builtinReferences);
    return { changed: changed || first, problems: [...this.#references.builtinProblems, ...problems] };
  }

  /**
   * Builds the collation index of the references now (≈40 ms for the built-ins) rather than
   * when the first document opens: the server calls it while the dictionary loads.
   */
  prepareReferences(): void {
    void this.#references?.indexFor(undefined).collation;
  }

  /** The index a document's quotations are checked against; for a reference text itself, the other references. */
  referencesFor(uri: string): ReferenceIndex | undefined {
    return this.#references?.indexFor(this.host.files.fromUri(uri));
  }

  isGlossaryUri(uri: string): boolean {
    return isWorkspaceGlossaryUri(uri) || this.#glossaryFiles.some((file) => uri === this.host.files.toUri(file));
  }

  isReferenceUri(uri: string): boolean {
    const file = this.host.files.fromUri(uri);
    return isWorkspaceReferenceUri(uri) || (file !== undefined && this.#references?.isReference(file) === true);
  }

  /** The analysis of a document version; `previous` (an earlier version's) lends it unchanged paragraphs. */
  analyse<D extends AnalysableDocument>(document: D, previous?: DocumentAnalysis<D>): DocumentAnalysis<D> {
    return new DocumentAnalysis(document, this.#settings, this.segmentation, this.glossary, this.caches, previous, this.referencesFor(document.uri));
  }

  dispose(): void {
    this.segmentation.dispose();
  }

  #resolve(): ResolvedResources {
    return resolveWorkspaceResources(this.#root, this.#settings, this.#trusted, this.host.files);
  }
}
