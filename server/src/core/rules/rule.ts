import type { OutlineNode } from '../outline/types';
import type { ReferenceIndex } from '../quotes/referenceIndex';
import type { TermHit } from '../terms/termMatcher';
import type { DocumentText, Finding, Paragraph, Severity, Token } from '../types';

/** Text in both interface languages; `{name}` marks an argument. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export type RuleSeverity = Severity | 'off';

/** One user-tunable threshold of a rule; contributed as a setting in package.json. */
export interface RuleOption {
  readonly name: string;
  readonly type: 'number' | 'boolean';
  readonly default: number | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description: LocalizedText;
}

/** What a rule is, independent of how it checks: the source of truth for settings, docs and messages. */
export interface RuleMeta {
  /** Dotted id, used as diagnostic code and setting key: `policyLens.rules.<id>.severity`. */
  readonly id: string;
  readonly defaultSeverity: RuleSeverity;
  readonly description: LocalizedText;
  readonly options: readonly RuleOption[];
  /** Message templates by `Finding.messageId`. */
  readonly messages: Readonly<Record<string, LocalizedText>>;
  /** False when the rule can run before the segmentation dictionary has loaded. */
  readonly needsTokens: boolean;
  /**
   * `light`: linear in the text and token-free, so it runs on documents above
   * `policyLens.diagnostics.maxDocumentSize` too; `full` rules skip those.
   */
  readonly cost: 'light' | 'full';
  /** A short example for docs/rules.md and the README (wrong → right, or what is flagged). */
  readonly example?: string;
  /**
   * True when the rule reads neither tokens nor glossary terms: the engine may run it
   * while the segmenter is still cutting the document (absent = false).
   */
  readonly textOnly?: boolean;
}

export type RuleOptions = Readonly<Record<string, number | boolean>>;

/** The facts of one paragraph handed to paragraph-level checks. */
export interface ParagraphInput {
  readonly paragraph: Paragraph;
  /**
   * Tokens with offsets relative to the paragraph start; undefined for rules that do not need them.
   * Made when first read: a rule reads them only where it needs them (see SegmentedParagraph).
   */
  readonly tokens: readonly Token[] | undefined;
  /** Glossary terms in the paragraph, offsets relative to its start. */
  readonly terms: readonly TermHit[];
  /** Phrases the user chose to ignore. */
  readonly ignored: ReadonlySet<string>;
}

/** What document-level checks see. Tokens are relative to their paragraph. */
export interface DocumentFacts {
  readonly text: DocumentText;
  readonly paragraphs: readonly Paragraph[];
  readonly outline: readonly OutlineNode[];
  /** Undefined while the segmentation dictionary is still loading. */
  tokensOf(paragraph: Paragraph): readonly Token[] | undefined;
  /** Whether `tokensOf` has tokens for the paragraph, without making them (most paragraphs never need the objects). */
  hasTokens(paragraph: Paragraph): boolean;
  /** Glossary terms of a paragraph, offsets relative to it. */
  termHits(paragraph: Paragraph): readonly TermHit[];
  /**
   * Every glossary form occurring in a paragraph, token boundaries aside (overlapping ones
   * included): known before the tokens, a superset of the forms `termHits` finds.
   */
  termCandidates(paragraph: Paragraph): readonly TermHit[];
  /** Phrases the user chose to ignore. */
  readonly ignored: ReadonlySet<string>;
  /**
   * Remembers a value computed from one paragraph's text (and the glossary)
   * across versions, so document checks redo only edited paragraphs. `compute`
   * gets the paragraph, so callers can pass one function for all paragraphs
   * (a closure per paragraph was garbage on every edit).
   *
   * A rule names its memos with constants ('paragraphs'): the engine adds the
   * rule id, its options, the glossary generation, the ignored phrases and the
   * reference set to every name, so no rule can forget one and serve stale findings.
   */
  memo<T>(namespace: string, paragraph: Paragraph, compute: (paragraph: Paragraph) => T): T;
  /**
   * Remembers findings computed from a run of paragraphs (one document of a
   * compilation) while none of them changed, so an edit re-checks one scope.
   */
  memoScope(namespace: string, paragraphs: readonly Paragraph[], compute: () => Finding[]): Finding[];
  /** Reference texts quotations are checked against (`quote.mismatch`); absent when there are none. */
  readonly references?: ReferenceIndex;
}

/**
 * A check. Paragraph checks return spans relative to the paragraph and are
 * cached by paragraph text; document checks see everything and run each time.
 */
export interface Rule extends RuleMeta {
  /** Rules that own the text this rule would also report: an overlapping finding of theirs silences this one. */
  readonly yieldsTo?: readonly string[];
  checkParagraph?(input: ParagraphInput, options: RuleOptions): readonly Finding[];
  checkDocument?(facts: DocumentFacts, options: RuleOptions): readonly Finding[];
  /**
   * Optional for document checks with per-paragraph memos: computes what
   * `checkDocument` would memoise for this paragraph, so the engine can do it
   * while the rest of the document is still being segmented.
   */
  warmParagraph?(facts: DocumentFacts, paragraph: Paragraph, options: RuleOptions): void;
  /**
   * For rules that read tokens (`tokens`, `tokensOf`): whether they may read those of
   * `facts.paragraphs[index]`, decided from the text alone, before any token exists (true when
   * unsure). Only such paragraphs are cut whole; the others only where term matching reads token
   * boundaries. A rule with `needsTokens` and without this reads every paragraph's tokens; a read
   * not foreseen costs a second pass (DocumentAnalysis.settledFindings), never a wrong finding.
   */
  readsTokens?(facts: DocumentFacts, index: number, options: RuleOptions): boolean;
}

/** A rule's input whose tokens are made when the rule first reads them (`paragraph` in document offsets). */
export function paragraphInput(relative: Paragraph, facts: DocumentFacts, paragraph: Paragraph, terms: readonly TermHit[]): ParagraphInput {
  return new LazyTokensInput(relative, facts, paragraph, terms);
}

/**
 * One object per rule and paragraph checked: an object literal with a getter made a closure, its
 * context and the accessor as well (a fifth of what an open allocated for the rules' inputs).
 */
class LazyTokensInput implements ParagraphInput {
  #tokens: readonly Token[] | undefined;
  readonly ignored: ReadonlySet<string>;

  constructor(
    readonly paragraph: Paragraph,
    private readonly facts: DocumentFacts,
    private readonly source: Paragraph,
    readonly terms: readonly TermHit[],
  ) {
    this.ignored = facts.ignored;
  }

  get tokens(): readonly Token[] | undefined {
    return (this.#tokens ??= this.facts.tokensOf(this.source));
  }
}
