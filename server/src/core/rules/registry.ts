import { numberApproximateRule } from './numbers/approximate';
import { numberPercentRangeRule } from './numbers/percentRange';
import { numberRangeDashRule } from './numbers/rangeDash';
import { numberYearAbbrevRule } from './numbers/yearAbbrev';
import { numberZeroRule } from './numbers/zero';
import { numberingRule } from './numbering';
import { paragraphBrokenRule } from './paragraphBroken';
import { punctuationEllipsisRule } from './punctuation/ellipsis';
import { punctuationNestedTitleRule } from './punctuation/nestedTitle';
import { punctuationPairsRule } from './punctuation/pairs';
import { punctuationQuotedListCommaRule } from './punctuation/quotedListComma';
import { punctuationRepeatedRule } from './punctuation/repeated';
import { punctuationWidthRule } from './punctuationWidth';
import { quoteMismatchRule } from './quoteMismatch';
import type { Rule } from './rule';
import { sentenceDuplicatedRule } from './sentenceDuplicated';
import { sloganRepeatedRule } from './sloganRepeated';
import { termDatedRule } from './termDated';
import { termInconsistentRule } from './termInconsistent';
import { termVariantRule } from './termVariant';
import { tocMismatchRule } from './tocMismatch';
import { typoFixedExpressionRule } from './wording/fixedExpression';
import { usageJiezhiRule } from './wording/jiezhi';
import { variantWordRule } from './wording/variantWord';

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
  paragraphBrokenRule,
  termDatedRule,
  // Proofreading by the national standards (docs/proofreading.md).
  numberZeroRule,
  numberYearAbbrevRule,
  numberApproximateRule,
  numberPercentRangeRule,
  numberRangeDashRule,
  punctuationEllipsisRule,
  punctuationRepeatedRule,
  punctuationPairsRule,
  punctuationNestedTitleRule,
  punctuationQuotedListCommaRule,
  typoFixedExpressionRule,
  usageJiezhiRule,
  variantWordRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
