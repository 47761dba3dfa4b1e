import { numberingRule } from './numbering';
import { punctuationWidthRule } from './punctuationWidth';
import { quoteMismatchRule } from './quoteMismatch';
import type { Rule } from './rule';
import { sentenceDuplicatedRule } from './sentenceDuplicated';
import { sloganRepeatedRule } from './sloganRepeated';
import { termDatedRule } from './termDated';
import { termInconsistentRule } from './termInconsistent';
import { termVariantRule } from './termVariant';
import { tocMismatchRule } from './tocMismatch';

/** Every rule, in the order findings are reported. Settings, docs and tests are derived from this list. */
export const RULES: readonly Rule[] = [
  numberingRule,
  tocMismatchRule,
  sloganRepeatedRule,
  sentenceDuplicatedRule,
  termVariantRule,
  termInconsistentRule,
  punctuationWidthRule,
  quoteMismatchRule,
  termDatedRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
