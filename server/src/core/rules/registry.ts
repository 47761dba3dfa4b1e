import { punctuationWidthRule } from './punctuationWidth';
import type { Rule } from './rule';

/** Every rule, in the order findings are reported. Settings, docs and tests are derived from this list. */
export const RULES: readonly Rule[] = [punctuationWidthRule];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
