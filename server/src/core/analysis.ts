import { ANALYSIS_BUDGETS } from './budgets';
import { fromParagraph, gradeFinding, shiftFinding } from './findings';
import { BoundedMemo } from './memo';
import { relativeParagraph } from './text/paragraphs';
import { classifyLine, type LineCandidate } from './outline/headingPatterns';
import type { LineClassifier } from './outline/outline';
import { resolveOwnership } from './rules/ownership';
import { paragraphInput, type DocumentFacts, type ParagraphInput, type Rule, type RuleOptions, type RuleSeverity } from './rules/rule';
import type { TermHit } from './terms/termMatcher';
import type { Finding, Paragraph } from './types';

export interface RuleConfig {
  readonly severity: RuleSeverity;
  readonly options: RuleOptions;
}

export interface AnalysisConfig {
  /** Configuration of each rule by id; rules without an entry use their defaults. */
  readonly rules: ReadonlyMap<string, RuleConfig>;
  /** False above the size limit: only rules that are cheap on any input run. */
  readonly heavyRules: boolean;
  /** Changes whenever something findings depend on changes besides the rule's options (glossary, ignored phrases, references); built by the engine. */
  readonly cacheKey: string;
}

/** A finding with the severity it is reported at. */
export interface GradedFinding extends Finding {
  readonly severity: Exclude<RuleSeverity, 'off'>;
}


/**
 * Caches that outlive one document version. Paragraph findings are keyed by
 * rule, options and paragraph text, so an edit re-checks only what changed.
 */
export class AnalysisCaches {
  readonly #lineClasses = new BoundedMemo<LineCandidate | null>(ANALYSIS_BUDGETS.lineClasses);
  readonly #memos = new Map<string, BoundedMemo<unknown>>();
  readonly #paragraphTables = new Map<string, ParagraphFindingsTable>();

  readonly #scopes = new Map<string, { texts: string[]; offsets: Int32Array; line: number; start: number; findings: Finding[]; chars: number }>();
  #scopeChars = 0;

  #forgetScope(key: string, chars: number): void {
    this.#scopes.delete(key);
    this.#scopeChars -= chars;
  }

  /**
   * Findings of a run of paragraphs, reused while its paragraph texts, their places relative to the
   * first and its first line are unchanged; stored relative to the run's start (see
   * DocumentFacts.memoScope). The places too: the same texts with other line endings between them
   * (`\r\n` for `\n`) put every finding past the first line break elsewhere (found by the fuzz run).
   */
  memoScope(namespace: string, paragraphs: readonly Paragraph[], compute: () => Finding[]): Finding[] {
    if (paragraphs.length === 0) return compute();
    const first = paragraphs[0];
    // The start of the first paragraph tells scopes apart (the texts are compared below):
    // keying by the whole text made a 1 MB line a 1 MB key built on every lookup.
    const key = `${namespace}\u0000${first.line}\u0000${first.text.length}\u0000${first.text.slice(0, 64)}`;
    const cached = this.#scopes.get(key);
    if (cached && cached.line === first.line && cached.texts.length === paragraphs.length && paragraphs.every((p, i) => p.text === cached.texts[i] && p.start - first.start === cached.offsets[i])) {
      return cached.findings.map((f) => shiftFinding(f, first.start - cached.start));
    }
    const findings = compute();
    const texts = paragraphs.map((p) => p.text);
    const offsets = Int32Array.from(paragraphs, (p) => p.start - first.start);
    if (cached) this.#forgetScope(key, cached.chars);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    this.#scopes.set(key, { texts, offsets, line: first.line, start: first.start, findings, chars });
    this.#scopeChars += chars;
    // Oldest first, bounded by count and by the characters the stored texts keep alive.
    for (const [oldKey, oldest] of this.#scopes) {
      if (this.#scopes.size <= ANALYSIS_BUDGETS.scopes && this.#scopeChars <= ANALYSIS_BUDGETS.scopeChars) break;
      if (oldKey !== key) this.#forgetScope(oldKey, oldest.chars);
    }
    return findings;
  }

  /** A per-paragraph memo for document checks (see DocumentFacts.memo). */
  memo<T>(namespace: string, paragraph: Paragraph, compute: (paragraph: Paragraph) => T): T {
    return memoized(this.memoFor(namespace) as BoundedMemo<T>, paragraph, compute);
  }

  /**
   * The memo of one namespace. Callers that look up many paragraphs take it once:
   * hashing a freshly built namespace string per paragraph showed in profiles.
   */
  memoFor(namespace: string): BoundedMemo<unknown> {
    let memo = this.#memos.get(namespace);
    if (!memo) {
      // Namespaces change with settings and glossary generations: keep only the recent ones.
      if (this.#memos.size >= ANALYSIS_BUDGETS.memoNamespaces) this.#memos.delete(this.#memos.keys().next().value!);
      this.#memos.set(namespace, (memo = new BoundedMemo<unknown>(ANALYSIS_BUDGETS.paragraphFindings)));
    }
    return memo;
  }

  /**
   * The paragraph findings of every rule with `checkParagraph` under one analysis key (glossary,
   * ignored phrases, references): one entry per paragraph text holding each rule's findings.
   */
  paragraphFindings(cacheKey: string): ParagraphFindingsTable {
    let table = this.#paragraphTables.get(cacheKey);
    if (!table || table.exhausted) {
      if (table) this.#paragraphTables.delete(cacheKey);
      // Analysis keys change with glossary generations and settings: keep only the recent ones.
      if (this.#paragraphTables.size >= ANALYSIS_BUDGETS.paragraphTables) this.#paragraphTables.delete(this.#paragraphTables.keys().next().value!);
      this.#paragraphTables.set(cacheKey, (table = new ParagraphFindingsTable()));
    }
    return table;
  }

  /**
   * Forgets every finding: tokens changed (another dictionary), and findings are keyed by text
   * alone. Except those of `keptRules` (ids of rules that read neither tokens nor terms): they
   * hold whatever the tokens, so what they found while the dictionary loaded stays.
   */
  forgetFindings(keptRules: ReadonlySet<string> = new Set()): void {
    // Every memo and scope name starts with its rule's id (see ruleKeyOf and RuleFacts).
    const kept = (name: string) => keptRules.has(name.slice(0, name.indexOf('\u0000')));
    for (const name of [...this.#memos.keys()]) if (!kept(name)) this.#memos.delete(name);
    for (const [key, scope] of [...this.#scopes]) if (!kept(key)) this.#forgetScope(key, scope.chars);
    for (const table of this.#paragraphTables.values()) table.forget(kept);
  }

  /** `classifyLine` remembered by line text, so an edit re-classifies only the edited line. */
  readonly classifyLine: LineClassifier = (line, position = -1) => {
    // Without a closure per call: the outline asks for every line on every edit.
    const known = this.#lineClasses.getAt(position, line);
    if (known !== undefined) return known;
    const candidate = classifyLine(line);
    this.#lineClasses.setAt(position, line, candidate);
    return candidate;
  };
}

/** The memo's value for the paragraph's text, computed and stored if missing. */
export function memoized<T>(memo: BoundedMemo<T>, paragraph: Paragraph, compute: (paragraph: Paragraph) => T): T {
  const cached = memo.getAt(paragraph.line, paragraph.text);
  if (cached !== undefined) return cached;
  const value = compute(paragraph);
  memo.setAt(paragraph.line, paragraph.text, value);
  return value;
}

/** A paragraph text's findings, by the slot of each rule configuration (undefined: not checked yet). */
type FindingSlots = (readonly Finding[] | undefined)[];

/**
 * Paragraph findings of all rules in one memo, an entry per paragraph text with a slot per rule
 * configuration. One memo per rule made every paragraph of a document opened a hash lookup and
 * an insertion for each of the sixteen paragraph rules (≈ 80 000 on the 1.6 MB compilation), and
 * an entry each to keep; now the first rule to check a paragraph stores its entry and the others
 * find it at its line without hashing (BoundedMemo.getAt).
 */
export class ParagraphFindingsTable {
  readonly memo = new BoundedMemo<FindingSlots>(ANALYSIS_BUDGETS.paragraphFindings);
  /** Slot of each rule key. */
  readonly #slots = new Map<string, number>();
  /** Slots of forgotten rule keys, emptied in every entry: given out again first. */
  readonly #free: number[] = [];
  #next = 0;

  slotOf(ruleKey: string): number {
    let slot = this.#slots.get(ruleKey);
    if (slot === undefined) this.#slots.set(ruleKey, (slot = this.#free.pop() ?? this.#next++));
    return slot;
  }

  /** Forgets the findings of every rule key `kept` says no to (rarely: another dictionary, an unforeseen token read). */
  forget(kept: (ruleKey: string) => boolean): void {
    const forgotten: number[] = [];
    for (const [ruleKey, slot] of [...this.#slots]) {
      if (kept(ruleKey)) continue;
      this.#slots.delete(ruleKey);
      forgotten.push(slot);
    }
    if (forgotten.length === 0) return;
    this.memo.forEachValue((entry) => {
      for (const slot of forgotten) if (slot < entry.length) entry[slot] = undefined;
    });
    this.#free.push(...forgotten);
  }

  /** Too many slots given out (options changed over and over): the caches start a new table. */
  get exhausted(): boolean {
    return this.#next > MAX_FINDING_SLOTS;
  }
}

/** Rule configurations (options changed over and over) a table gives slots to before it is replaced (entries grow with them). */
const MAX_FINDING_SLOTS = 256;

export function ruleConfig(rule: Rule, config: AnalysisConfig): RuleConfig {
  const configured = config.rules.get(rule.id);
  const options: Record<string, number | boolean> = {};
  for (const option of rule.options) options[option.name] = configured?.options[option.name] ?? option.default;
  return { severity: configured?.severity ?? rule.defaultSeverity, options };
}

/** The cache key of a rule's findings and memos: its id, its options and the analysis' key. */
function ruleKeyOf(rule: Rule, options: RuleOptions, config: AnalysisConfig): string {
  return `${rule.id}\u0000${JSON.stringify(options)}\u0000${config.cacheKey}`;
}

/**
 * Does for some paragraphs (a batch just segmented) what `analyze` would
 * memoise for them: paragraph checks and the per-paragraph work of document
 * checks that offer `warmParagraph`. `analyze` then finds it done. Lets the
 * engine work while the segmenter is still cutting the rest of the document.
 */
export function warmParagraphs(facts: DocumentFacts, rules: readonly Rule[], config: AnalysisConfig, caches: AnalysisCaches, paragraphs: readonly Paragraph[]): void {
  let inputs: PassInputs | undefined;
  for (const rule of rules) {
    const { severity, options } = ruleConfig(rule, config);
    if (severity === 'off' || (!config.heavyRules && rule.cost !== 'light')) continue;
    const ruleKey = ruleKeyOf(rule, options, config);
    if (rule.checkParagraph) {
      const table = caches.paragraphFindings(config.cacheKey);
      const slot = table.slotOf(ruleKey);
      inputs ??= new PassInputs(facts, paragraphs.length);
      for (let p = 0; p < paragraphs.length; p++) if (paragraphs[p].text.length > 0) paragraphFindings(rule, paragraphs[p], p, inputs, options, table.memo, slot);
    }
    if (rule.warmParagraph) {
      const ruleFacts = new RuleFacts(facts, ruleKey);
      for (const paragraph of paragraphs) if (paragraph.text.length > 0) rule.warmParagraph(ruleFacts, paragraph, options);
    }
  }
}

/**
 * The texts among `candidates` (paragraphs without tokens yet) whose tokens some enabled rule may
 * read (Rule.readsTokens): they are cut whole, the others only where term matching needs it.
 */
export function tokenDemand(facts: DocumentFacts, rules: readonly Rule[], config: AnalysisConfig, candidates: ReadonlyMap<string, Paragraph>): Set<string> {
  const demand = new Set<string>();
  if (candidates.size === 0) return demand;
  const readers: { rule: Rule; facts: DocumentFacts; options: RuleOptions }[] = [];
  for (const rule of rules) {
    if (!rule.readsTokens && !rule.needsTokens) continue;
    const { severity, options } = ruleConfig(rule, config);
    if (severity === 'off' || (!config.heavyRules && rule.cost !== 'light')) continue;
    if (!rule.readsTokens) return new Set(candidates.keys());
    readers.push({ rule, facts: new RuleFacts(facts, ruleKeyOf(rule, options, config)), options });
  }
  const paragraphs = facts.paragraphs;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p].text;
    if (demand.has(text) || !candidates.has(text)) continue;
    for (let r = 0; r < readers.length; r++) {
      if (readers[r].rule.readsTokens!(readers[r].facts, p, readers[r].options)) {
        demand.add(text);
        break;
      }
    }
  }
  return demand;
}

/**
 * Runs every enabled rule over the document. Token-needing rules are skipped
 * while `facts.tokensOf` has no tokens (the dictionary is loading).
 */
export function analyze(
  facts: DocumentFacts,
  rules: readonly Rule[],
  config: AnalysisConfig,
  caches: AnalysisCaches,
): GradedFinding[] {
  const findings: GradedFinding[] = [];
  let inputs: PassInputs | undefined;
  for (const rule of rules) {
    const { severity, options } = ruleConfig(rule, config);
    if (severity === 'off') continue;
    if (!config.heavyRules && rule.cost !== 'light') continue;
    const ruleKey = ruleKeyOf(rule, options, config);
    if (rule.checkParagraph) {
      const table = caches.paragraphFindings(config.cacheKey);
      const slot = table.slotOf(ruleKey);
      inputs ??= new PassInputs(facts, facts.paragraphs.length);
      // Index loops: this runs for every rule and paragraph on every edit (64 000 times for the
      // 1.6 MB compilation), and an iterator per loop was most of what an edit allocated.
      const paragraphs = facts.paragraphs;
      for (let p = 0; p < paragraphs.length; p++) {
        const paragraph = paragraphs[p];
        if (paragraph.text.length === 0) continue;
        const found = paragraphFindings(rule, paragraph, p, inputs, options, table.memo, slot);
        if (found === undefined || found.length === 0) continue;
        const moved = fromParagraph(found, paragraph);
        for (let f = 0; f < moved.length; f++) findings.push(gradeFinding(moved[f], severity));
      }
    }
    if (rule.checkDocument) {
      if (rule.needsTokens && facts.paragraphs.some((p) => p.text.length > 0 && !facts.hasTokens(p))) continue;
      for (const finding of rule.checkDocument(new RuleFacts(facts, ruleKey), options)) findings.push(gradeFinding(finding, severity));
    }
  }
  return resolveOwnership(findings, rules);
}

function paragraphFindings(
  rule: Rule,
  paragraph: Paragraph,
  index: number,
  inputs: PassInputs,
  options: RuleOptions,
  memo: BoundedMemo<FindingSlots>,
  slot: number,
): readonly Finding[] | undefined {
  let entry = memo.getAt(paragraph.line, paragraph.text);
  const cached = entry?.[slot];
  if (cached !== undefined) return cached;
  if (rule.needsTokens && !inputs.facts.hasTokens(paragraph)) return undefined;
  const found = rule.checkParagraph!(inputs.of(rule, paragraph, index), options);
  // Most paragraphs have no finding for most rules: one shared empty list, not one per paragraph and rule.
  const stored = found.length === 0 ? NO_FINDINGS : found;
  if (entry === undefined) memo.setAt(paragraph.line, paragraph.text, (entry = []));
  entry[slot] = stored;
  return stored;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_TERMS: readonly TermHit[] = Object.freeze([]);

/**
 * The inputs of the paragraph checks of one pass (an analysis, a batch warmed), by paragraph:
 * shared by its rules, which read them and keep nothing of them. One input of each kind per
 * paragraph, not one per rule and paragraph (sixteen rules × every paragraph of a document opened).
 */
class PassInputs {
  // Made at the first paragraph checked: after an edit most passes find every paragraph remembered.
  #textOnly: (ParagraphInput | undefined)[] | undefined;
  #withTerms: (ParagraphInput | undefined)[] = [];
  #withTokens: (ParagraphInput | undefined)[] = [];
  #relative: (Paragraph | undefined)[] = [];

  constructor(
    readonly facts: DocumentFacts,
    private readonly count: number,
  ) {}

  /** The input of `paragraph` (the pass's `index`th) for `rule`. */
  of(rule: Rule, paragraph: Paragraph, index: number): ParagraphInput {
    if (this.#textOnly === undefined) {
      this.#textOnly = new Array(this.count);
      this.#withTerms = new Array(this.count);
      this.#withTokens = new Array(this.count);
      this.#relative = new Array(this.count);
    }
    const facts = this.facts;
    const relative = (this.#relative[index] ??= relativeParagraph(paragraph));
    // Rules that read no terms get none: matching them without tokens, while the dictionary loads, is wasted.
    if (rule.textOnly) return (this.#textOnly[index] ??= { paragraph: relative, tokens: undefined, terms: NO_TERMS, ignored: facts.ignored });
    if (rule.needsTokens) return (this.#withTokens[index] ??= paragraphInput(relative, facts, paragraph, facts.termHits(paragraph)));
    return (this.#withTerms[index] ??= { paragraph: relative, tokens: undefined, terms: facts.termHits(paragraph), ignored: facts.ignored });
  }
}

/**
 * The facts one rule sees: the same document, with every memo name the rule
 * uses prefixed by its key (rule id, options, and the analysis' cache key).
 */
class RuleFacts implements DocumentFacts {
  readonly #names = new Map<string, string>();

  constructor(
    private readonly facts: DocumentFacts,
    private readonly key: string,
  ) {}

  get text() {
    return this.facts.text;
  }
  get paragraphs() {
    return this.facts.paragraphs;
  }
  get outline() {
    return this.facts.outline;
  }
  get ignored() {
    return this.facts.ignored;
  }
  get references() {
    return this.facts.references;
  }
  tokensOf(paragraph: Paragraph) {
    return this.facts.tokensOf(paragraph);
  }
  hasTokens(paragraph: Paragraph) {
    return this.facts.hasTokens(paragraph);
  }
  termHits(paragraph: Paragraph) {
    return this.facts.termHits(paragraph);
  }
  termCandidates(paragraph: Paragraph) {
    return this.facts.termCandidates(paragraph);
  }
  memo<T>(namespace: string, paragraph: Paragraph, compute: (paragraph: Paragraph) => T): T {
    return this.facts.memo(this.#name(namespace), paragraph, compute);
  }
  memoScope(namespace: string, paragraphs: readonly Paragraph[], compute: () => Finding[]): Finding[] {
    return this.facts.memoScope(this.#name(namespace), paragraphs, compute);
  }

  /** Built once per name: a fresh string per paragraph would be hashed per lookup. */
  #name(namespace: string): string {
    let name = this.#names.get(namespace);
    if (name === undefined) this.#names.set(namespace, (name = `${this.key}\u0000${namespace}`));
    return name;
  }
}
