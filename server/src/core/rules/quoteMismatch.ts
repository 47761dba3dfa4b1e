import { fromParagraph } from '../findings';
import { findQuoteMismatches, type QuoteMismatch } from '../quotes/match';
import type { Finding, Paragraph } from '../types';
import type { DocumentFacts, Rule, RuleOptions } from './rule';

/**
 * `quote.mismatch`: a sentence or quotation that nearly matches a sentence of
 * a reference text (the government work report, a law, a speech) but differs
 * by a changed, missing, extra or reordered character or word. Identical
 * sentences and unrelated ones are never reported. The fix restores the
 * reference wording over the smallest span. Work is remembered per paragraph,
 * so an edit re-checks only the edited paragraph.
 */
export const quoteMismatchRule: Rule = {
  id: 'quote.mismatch',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  textOnly: true,
  example: '`地方层面有序推进` → `地方层面有序展开` (2024 report, line 21)',
  description: {
    en: 'A sentence or quotation that nearly matches a reference text (e.g. the government work report) but differs from it.',
    zh: '与参考文本（如政府工作报告）原文近似但不一致的句子或引文。',
  },
  options: [
    {
      name: 'minLength',
      type: 'number',
      default: 12,
      minimum: 6,
      maximum: 200,
      description: { en: 'Shortest sentence or quotation (characters) compared with the references.', zh: '与参考文本比对的最短句子或引文（字数）。' },
    },
    {
      name: 'maxDifference',
      type: 'number',
      default: 10,
      minimum: 1,
      maximum: 40,
      description: {
        en: 'Largest difference, in percent of the sentence length, still treated as a (mis)quotation of the reference.',
        zh: '视为引用参考文本（而有出入）的最大差异，占句长的百分比。',
      },
    },
    {
      name: 'checkNumbers',
      type: 'boolean',
      default: false,
      description: {
        en: 'Also report sentences that differ from the reference only in figures (quotations in “…” always are).',
        zh: '同时报告仅数字与参考文本不同的句子（引号内的引文始终报告）。',
      },
    },
  ],
  messages: {
    mismatch: {
      en: 'Differs from the reference "{reference}" (line {line}): it reads "{expected}", here "{actual}".',
      zh: '与参考文本《{reference}》第 {line} 行原文不一致：原文为“{expected}”，此处为“{actual}”。',
    },
    reordered: {
      en: 'Word order differs from the reference "{reference}" (line {line}): it reads "{expected}", here "{actual}".',
      zh: '语序与参考文本《{reference}》第 {line} 行原文不一致：原文为“{expected}”，此处为“{actual}”。',
    },
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const index = facts.references;
    if (!index || index.size === 0) return [];
    const settings = { minLength: options.minLength as number, maxDifference: options.maxDifference as number, checkNumbers: options.checkNumbers === true };
    const findings: Finding[] = [];
    const compute = (paragraph: Paragraph) => findQuoteMismatches(index, paragraph.text, settings).map(toFinding);
    for (const paragraph of facts.paragraphs) {
      if (paragraph.text.length < settings.minLength) continue;
      const found = facts.memo('paragraphs', paragraph, compute);
      findings.push(...fromParagraph(found, paragraph));
    }
    return findings;
  },
};

function toFinding(mismatch: QuoteMismatch): Finding {
  return {
    code: 'quote.mismatch',
    messageId: mismatch.reordered ? 'reordered' : 'mismatch',
    span: mismatch.span,
    args: {
      reference: mismatch.reference.name,
      line: mismatch.reference.line + 1,
      expected: mismatch.expected,
      actual: mismatch.actual,
    },
    fix: [{ span: mismatch.fix.span, newText: mismatch.fix.newText }],
  };
}
