import { BoundedMemo } from './memo';
import { classifyLine, type LineCandidate } from './outline/headingPatterns';
import type { LineClassifier } from './outline/outline';
import type { DocumentFacts, Rule, RuleOptions, RuleSeverity } from './rules/rule';
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
  /** Changes whenever something paragraph findings depend on changes (the glossary, ignored phrases). */
  readonly cacheKey: string;
}

/** A finding with the severity it is reported at. */
export interface GradedFinding extends Finding {
  readonly severity: Exclude<RuleSeverity, 'off'>;
}

/** Rules too costly for huge documents: everything but the linear, token-free ones. */
const LIGHT_RULES = new Set(['outline.numbering', 'punctuation.width']);

/**
 * Caches that outlive one document version. Paragraph findings are keyed by
 * rule, options and paragraph text, so an edit re-checks only what changed.
 */
export class AnalysisCaches {
  readonly #lineClasses = new BoundedMemo<LineCandidate | null>(200_000);
  readonly #memos = new Map<string, BoundedMemo<unknown>>();

  readonly #scopes = new Map<string, { texts: string[]; line: number; start: number; findings: Finding[] }>();

  /**
   * Findings of a run of paragraphs, reused while its paragraph texts and first
   * line are unchanged; stored relative to the run's start (see DocumentFacts.memoScope).
   */
  memoScope(namespace: string, paragraphs: readonly Paragraph[], compute: () => Finding[]): Finding[] {
    if (paragraphs.length === 0) return compute();
    const first = paragraphs[0];
    const key = `${namespace}\u0000${first.text}`;
    const cached = this.#scopes.get(key);
    if (cached && cached.line === first.line && cached.texts.length === paragraphs.length && paragraphs.every((p, i) => p.text === cached.texts[i])) {
      return cached.findings.map((f) => shift(f, first.start - cached.start));
    }
    const findings = compute();
    if (this.#scopes.size >= 4096) this.#scopes.delete(this.#scopes.keys().next().value!);
    this.#scopes.set(key, { texts: paragraphs.map((p) => p.text), line: first.line, start: first.start, findings });
    return findings;
  }

  /** A per-paragraph memo for document checks (see DocumentFacts.memo). */
  memo<T>(namespace: string, text: string, compute: () => T): T {
    let memo = this.#memos.get(namespace);
    if (!memo) {
      // Namespaces change with settings and glossary generations: keep only the recent ones.
      if (this.#memos.size >= 64) this.#memos.delete(this.#memos.keys().next().value!);
      this.#memos.set(namespace, (memo = new BoundedMemo<unknown>(100_000)));
    }
    return memo.getOrCompute(text, compute) as T;
  }
  /** `classifyLine` remembered by line text, so an edit re-classifies only the edited line. */
  readonly classifyLine: LineClassifier = (line) => this.#lineClasses.getOrCompute(line, () => classifyLine(line));
}

export function ruleConfig(rule: Rule, config: AnalysisConfig): RuleConfig {
  const configured = config.rules.get(rule.id);
  const options: Record<string, number | boolean> = {};
  for (const option of rule.options) options[option.name] = configured?.options[option.name] ?? option.default;
  return { severity: configured?.severity ?? rule.defaultSeverity, options };
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
  for (const rule of rules) {
    const { severity, options } = ruleConfig(rule, config);
    if (severity === 'off') continue;
    if (!config.heavyRules && !LIGHT_RULES.has(rule.id)) continue;
    const optionsKey = JSON.stringify(options);
    if (rule.checkParagraph) {
      for (const paragraph of facts.paragraphs) {
        if (paragraph.text.length === 0) continue;
        const found = paragraphFindings(rule, paragraph, facts, options, `${rule.id}\u0000${optionsKey}\u0000${config.cacheKey}`, caches);
        for (const finding of found ?? []) findings.push({ ...shift(finding, paragraph.start), severity });
      }
    }
    if (rule.checkDocument) {
      if (rule.needsTokens && facts.paragraphs.some((p) => p.text.length > 0 && !facts.tokensOf(p))) continue;
      for (const finding of rule.checkDocument(facts, options)) findings.push({ ...finding, severity });
    }
  }
  return findings;
}

function paragraphFindings(
  rule: Rule,
  paragraph: Paragraph,
  facts: DocumentFacts,
  options: RuleOptions,
  namespace: string,
  caches: AnalysisCaches,
): readonly Finding[] | undefined {
  const tokens = rule.needsTokens ? facts.tokensOf(paragraph) : undefined;
  if (rule.needsTokens && !tokens) return undefined;
  return caches.memo(namespace, paragraph.text, () => rule.checkParagraph!(
    { paragraph: { ...paragraph, start: 0, end: paragraph.text.length }, tokens, terms: facts.termHits(paragraph), ignored: facts.ignored },
    options,
  ));
}

export function shift(finding: Finding, base: number): Finding {
  if (base === 0) return finding;
  const move = (span: { start: number; end: number }) => ({ start: span.start + base, end: span.end + base });
  return {
    ...finding,
    span: move(finding.span),
    related: finding.related?.map(move),
    fix: finding.fix?.map((edit) => ({ span: move(edit.span), newText: edit.newText })),
  };
}
