import { SEGMENTATION_BUDGETS } from '../core/budgets';
import { analyze, memoized, tokenDemand, warmParagraphs, type AnalysisCaches, type AnalysisConfig, type GradedFinding } from '../core/analysis';
import type { BoundedMemo } from '../core/memo';
import { buildDocxOutline } from '../core/docx/outline';
import { buildOutline } from '../core/outline/outline';
import type { OutlineNode } from '../core/outline/types';
import type { ReferenceIndex } from '../core/quotes/referenceIndex';
import { RULES } from '../core/rules/registry';
import type { DocumentFacts } from '../core/rules/rule';
import type { GlossaryEntry } from '../core/terms/glossary';
import { findLocalDefinitions, type LocalDefinition } from '../core/terms/localDefinitions';
import type { TermHit } from '../core/terms/termMatcher';
import { paragraphAt } from '../core/text/paragraphs';
import type { DocumentText, Finding, Paragraph, Span, Token } from '../core/types';
import type { GlossaryService } from './glossaryService';
import { isMarkdownDocument, type AnalysableDocument } from './document';
import type { SegmentationService } from './segmentation';
import type { Settings } from './settings';

/**
 * The facts of one document version, computed lazily and at most once:
 * paragraphs → outline → findings. Owned by the DocumentStore.
 */
export class DocumentAnalysis<D extends AnalysableDocument = AnalysableDocument> implements DocumentFacts {
  readonly text: DocumentText;
  /** The version analysed. TextDocument objects are updated in place, so it is captured here. */
  readonly version: number;
  readonly glossaryGeneration: number;
  #paragraphs: Paragraph[] | undefined;
  /** The last analysed version's paragraphs, to reuse what an edit left unchanged. Dropped once used. */
  #previous: Paragraph[] | undefined;
  #outline: OutlineNode[] | undefined;
  #termCounts: Map<GlossaryEntry, number> | undefined;
  #localDefinitions: LocalDefinition[] | undefined;
  #ignored: Set<string> | undefined;
  /** Paragraph texts whose tokens a rule read although `prepare` made them ready for term matching only. */
  readonly #unforeseen = new Set<string>();
  /** The shared memos by the namespaces rules use (constant strings), looked up once per version. */
  readonly #memos = new Map<string, BoundedMemo<unknown>>();

  constructor(
    readonly document: D,
    readonly settings: Settings,
    private readonly segmentation: SegmentationService,
    readonly glossary: GlossaryService,
    private readonly caches: AnalysisCaches,
    previous?: DocumentAnalysis<D>,
    readonly references?: ReferenceIndex,
  ) {
    // A view: no edit joins the document's lines into one string.
    this.text = document.text;
    this.version = document.version;
    this.glossaryGeneration = glossary.generation;
    if (previous?.isSplit()) this.#previous = previous.#paragraphs;
  }

  get uri(): string {
    return this.document.uri;
  }

  /** True once the paragraphs have been computed. */
  isSplit(): boolean {
    return this.#paragraphs !== undefined;
  }

  get paragraphs(): readonly Paragraph[] {
    if (!this.#paragraphs) {
      this.#paragraphs = this.document.paragraphs(this.#previous);
      this.#previous = undefined;
    }
    return this.#paragraphs;
  }

  get outline(): readonly OutlineNode[] {
    const options = { markdown: isMarkdownDocument(this.document), leadItems: this.settings.leadItems };
    // A Word document's text: its style headings merged with the numbering (core/docx/outline.ts).
    const docx = this.document.docx;
    return (this.#outline ??= docx
      ? buildDocxOutline(this.text, this.paragraphs, docx, options, this.caches.classifyLine)
      : buildOutline(this.text, this.paragraphs, options, this.caches.classifyLine));
  }

  /** Documents above the size limit get only the outline and light rules. */
  get ignored(): ReadonlySet<string> {
    return (this.#ignored ??= new Set(this.settings.ignoredPhrases));
  }

  get isLarge(): boolean {
    return this.text.length > this.settings.maxDocumentSize;
  }

  tokensOf(paragraph: Paragraph): readonly Token[] | undefined {
    const tokens = this.segmentation.tokens(paragraph.text);
    // Made ready for term matching only: `prepare` did not foresee this read (see settledFindings).
    if (tokens === undefined && this.segmentation.isReady(paragraph.text)) this.#unforeseen.add(paragraph.text);
    return tokens;
  }

  /** True when the rules can run on the paragraph: the dictionary is loaded and the paragraph prepared (or cut at once in process). */
  hasTokens(paragraph: Paragraph): boolean {
    return this.segmentation.canTokenize(paragraph.text);
  }

  memoScope(namespace: string, paragraphs: readonly Paragraph[], compute: () => Finding[]): Finding[] {
    return this.caches.memoScope(namespace, paragraphs, compute);
  }

  memo<T>(namespace: string, paragraph: Paragraph, compute: (paragraph: Paragraph) => T): T {
    let memo = this.#memos.get(namespace);
    if (!memo) this.#memos.set(namespace, (memo = this.caches.memoFor(namespace)));
    return memoized(memo as BoundedMemo<T>, paragraph, compute);
  }

  /** Glossary terms in a paragraph, offsets relative to the paragraph. */
  termHits(paragraph: Paragraph): readonly TermHit[] {
    return this.glossary.hits(paragraph.text, this.#termBoundaries, paragraph.line);
  }

  /** Every glossary form in a paragraph, token boundaries aside (the glossary service remembers them by text). */
  termCandidates(paragraph: Paragraph): readonly TermHit[] {
    return this.glossary.candidates(paragraph.text);
  }

  readonly #boundarySpans = (text: string) => this.glossary.boundarySpans(text);
  readonly #termBoundaries = (text: string) => this.segmentation.termBoundaries(text, this.#boundarySpans);

  /** The glossary term at a document offset (its span in document offsets), if any: hover, definition and references agree on it. */
  termAt(offset: number): { readonly hit: TermHit; readonly span: Span } | undefined {
    const index = paragraphAt(this.paragraphs, offset);
    const paragraph = this.paragraphs[index];
    if (!paragraph) return undefined;
    const hit = this.termHits(paragraph).find((h) => paragraph.start + h.start <= offset && offset < paragraph.start + h.end);
    return hit && { hit, span: { start: paragraph.start + hit.start, end: paragraph.start + hit.end } };
  }

  /** How often each glossary entry occurs in the document (its term, aliases and accepted variants). */
  termCount(entry: GlossaryEntry): number {
    if (!this.#termCounts) {
      const counts = new Map<GlossaryEntry, number>();
      for (const paragraph of this.paragraphs) {
        for (const hit of this.termHits(paragraph)) {
          // Wrong spellings are not uses of the term.
          if (hit.match.role !== 'rejected') counts.set(hit.match.entry, (counts.get(hit.match.entry) ?? 0) + 1);
        }
      }
      this.#termCounts = counts;
    }
    return this.#termCounts.get(entry) ?? 0;
  }

  /** Terms this document defines itself (`（以下简称“…”）`, `…是指…`). */
  get localDefinitions(): readonly LocalDefinition[] {
    return (this.#localDefinitions ??= findLocalDefinitions(this.paragraphs));
  }

  /** Cuts every paragraph whole (tests compare `prepare` with it). */
  ensureTokens(): Promise<void> {
    return this.segmentation.ensure(this.paragraphs.map((p) => p.text));
  }

  /** Makes every paragraph ready for term matching (hover, references, statistics): cut only where terms need it. */
  ensureTermHits(): Promise<void> {
    const { whole, partial } = this.#demand(this.#config());
    return this.segmentation.ensureReady(whole, partial);
  }

  /**
   * Findings of every enabled rule in document order (position, then registry
   * order). Memo keys carry everything findings depend on besides the text:
   * the glossary generation, the ignored phrases and the reference set.
   */
  findings(): GradedFinding[] {
    const findings = analyze(this, RULES, this.#config(), this.caches).sort(byPosition);
    this.#forgetUnforeseen();
    return findings;
  }

  /**
   * `findings()` after `prepare()`, trusted: computed with every paragraph ready and no token read
   * unforeseen. If a rule read the tokens of a paragraph `prepare` cut only for term matching (its
   * `readsTokens` did not foresee it; tests check the corpus has none), that paragraph is cut whole
   * and the findings computed again (`findings()` has forgotten the token-derived ones). And a
   * paragraph may have stopped being ready since `prepare` (another document with the same
   * paragraph had such a read: `needWhole`): then this document is prepared again.
   */
  async settledFindings(): Promise<GradedFinding[]> {
    let findings = this.findings();
    for (let round = 0; round < SETTLING_ROUNDS; round++) {
      const unforeseen = [...this.#unforeseen];
      // Every time, not only after a needWhole since prepare: a cache eviction or another document's
      // needWhole during prepare unreadies paragraphs too (a version that checked less failed the fuzz).
      const unready = this.paragraphs.some((p) => p.text.length > 0 && !this.hasTokens(p));
      if (unforeseen.length === 0 && !unready) return findings;
      this.#unforeseen.clear();
      await this.segmentation.ensure(unforeseen);
      if (unready) await this.prepare();
      findings = this.findings();
    }
    return findings;
  }

  /** Paragraphs a rule read tokens of that were not cut whole (see settledFindings). */
  get unforeseenTokenReads(): readonly string[] {
    return [...this.#unforeseen];
  }

  /**
   * Gets everything ready for `findings()` with the work spread over the
   * segmentation: text-only rules run while the segmenter cuts, and each batch
   * of paragraphs is prepared (term hits, per-paragraph rule work) as soon as
   * its tokens arrive. `findings()` afterwards only assembles. `onBulk` hears, before the
   * work starts, that more than a batch of paragraphs is to be segmented (a document opened).
   */
  async prepare(onBulk?: () => void): Promise<void> {
    const config = this.#config();
    const { missing, whole, partial, candidates } = this.#demand(config);
    if (missing.size > SEGMENTATION_BUDGETS.batch) onBulk?.();
    const segmented = this.segmentation.ensureReady(whole, partial, (texts) => {
      const paragraphs = texts.map((text) => candidates.get(text)!);
      for (const paragraph of paragraphs) this.termHits(paragraph);
      warmParagraphs(this, RULES, config, this.caches, paragraphs);
      this.#forgetUnforeseen();
    });
    // Meanwhile (the worker cuts on another thread, or loads the dictionary), the rules that need
    // no tokens. Not after an edit, when little is cut: they would only be assembled twice.
    if (missing.size > SEGMENTATION_BUDGETS.batch || (missing.size > 0 && this.segmentation.state.kind === 'loading')) analyze(this, TEXT_ONLY_RULES, config, this.caches);
    await segmented;
  }

  /**
   * What to cut of the paragraphs not ready yet (after an edit, one): whole those some rule may read
   * the tokens of (`Rule.readsTokens`, neighbours included), the others only where term matching
   * reads token boundaries. Every way of making paragraphs ready goes through here, so that a
   * paragraph ready for term matching alone is one no rule will read the tokens of.
   */
  #demand(config: AnalysisConfig): { missing: Map<string, Paragraph>; whole: string[]; partial: { text: string; spans: readonly Span[] }[]; candidates: Map<string, Paragraph> } {
    const { missing, at } = this.#unready();
    const candidates = this.#withNeighbours(missing, at);
    const partial: { text: string; spans: readonly Span[] }[] = [];
    const whole = tokenDemand(this, RULES, config, candidates);
    for (const paragraph of missing.values()) {
      if (!whole.has(paragraph.text)) partial.push({ text: paragraph.text, spans: this.glossary.boundarySpans(paragraph.text) });
    }
    return { missing, whole: [...whole], partial, candidates };
  }

  /**
   * After a rule read tokens `prepare` did not foresee (it got none): what it remembered from that
   * read must not outlive this step, even if nobody settles this version's findings (a newer
   * version came). Those paragraphs are no longer ready (the next `prepare` cuts them whole) and
   * every token-derived finding is forgotten.
   */
  #forgetUnforeseen(): void {
    // After every step while a read is recorded, not once: a later step reads the now unready
    // paragraph again (unrecorded: it is not ready) and may remember what it found without tokens.
    if (this.#unforeseen.size === 0) return;
    this.segmentation.needWhole([...this.#unforeseen]);
    this.caches.forgetFindings(TEXT_ONLY_IDS);
    this.#memos.clear();
  }

  /** The non-empty paragraphs not ready for the rules (one per text), and the index of each one that is not. */
  #unready(): { missing: Map<string, Paragraph>; at: number[] } {
    const missing = new Map<string, Paragraph>();
    const at: number[] = [];
    const paragraphs = this.paragraphs;
    for (let p = 0; p < paragraphs.length; p++) {
      const paragraph = paragraphs[p];
      // One lookup per paragraph on every edit: no set of the ready ones.
      if (this.segmentation.isReady(paragraph.text)) continue;
      at.push(p);
      if (!missing.has(paragraph.text)) missing.set(paragraph.text, paragraph);
    }
    return { missing, at };
  }

  /**
   * `missing` and the nearest non-blank paragraphs around each (`at`: their indexes) that have no
   * tokens: a rule that reads a pair of paragraphs (paragraph.broken) may need a neighbour's after an edit.
   */
  #withNeighbours(missing: ReadonlyMap<string, Paragraph>, at: readonly number[]): Map<string, Paragraph> {
    const candidates = new Map(missing);
    const paragraphs = this.paragraphs;
    const add = (from: number, step: number) => {
      for (let i = from; i >= 0 && i < paragraphs.length; i += step) {
        const text = paragraphs[i].text;
        if (!NOT_BLANK.test(text)) continue;
        if (!this.segmentation.has(text)) candidates.set(text, paragraphs[i]);
        return;
      }
    };
    for (const p of at) {
      add(p - 1, -1);
      add(p + 1, 1);
    }
    return candidates;
  }

  /** Memo keys carry everything findings depend on besides the text and the rule's options. */
  #config(): AnalysisConfig {
    const cacheKey = `${this.glossaryGeneration}\u0000${this.settings.ignoredPhrases.join('\u0001')}\u0000${this.references?.id ?? ''}`;
    return { rules: this.settings.rules, heavyRules: !this.isLarge, cacheKey };
  }
}


const NOT_BLANK = /\S/;
/** Rounds of `settledFindings` at most: a bound against churn (other documents making paragraphs unready again and again). */
const SETTLING_ROUNDS = 3;
const RULE_ORDER = new Map(RULES.map((rule, i) => [rule.id, i]));
const TEXT_ONLY_RULES = RULES.filter((rule) => rule.textOnly === true);
const TEXT_ONLY_IDS: ReadonlySet<string> = new Set(TEXT_ONLY_RULES.map((rule) => rule.id));

function byPosition(a: GradedFinding, b: GradedFinding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || RULE_ORDER.get(a.code)! - RULE_ORDER.get(b.code)!;
}
