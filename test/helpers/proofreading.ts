import { AnalysisCaches, analyze, type RuleConfig } from '../../server/src/core/analysis';
import type { Rule, RuleSeverity } from '../../server/src/core/rules/rule';
import type { Finding } from '../../server/src/core/types';
import { factsOf } from './analyzeText';

/** The findings of one rule on a draft, through the analysis the server runs (real jieba, the built-in glossary). */
export function findingsOf(rule: Rule, text: string, options: Record<string, number | boolean> = {}, severity: RuleSeverity = 'warning'): Finding[] {
  const defaults = Object.fromEntries(rule.options.map((o) => [o.name, o.default]));
  const config: RuleConfig = { severity, options: { ...defaults, ...options } };
  return analyze(factsOf(text), [rule], { rules: new Map([[rule.id, config]]), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}

/** A finding's fix applied to the text. */
export function applyFix(text: string, finding: Finding): string {
  const edits = [...(finding.fix ?? [])].sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/**
 * Each finding as [message id, flagged text, the text around it after its fix
 * (the flagged text's line, or null without a fix)] — what an editor sees.
 */
export function check(rule: Rule, text: string, options: Record<string, number | boolean> = {}): [string, string, string | null][] {
  return findingsOf(rule, text, options).map((f) => {
    const lineStart = text.lastIndexOf('\n', f.span.start - 1) + 1;
    const fixed = f.fix ? applyFix(text, f) : null;
    const lineOf = (t: string) => {
      const end = t.indexOf('\n', lineStart);
      return t.slice(lineStart, end < 0 ? t.length : end);
    };
    return [f.messageId, text.slice(f.span.start, f.span.end), fixed === null ? null : lineOf(fixed)];
  });
}
