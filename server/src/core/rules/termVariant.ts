import type { Finding } from '../types';
import type { ParagraphInput, Rule } from './rule';

/**
 * `term.variant`: a wrong spelling of a glossary term or fixed expression
 * (the glossary lists them as rejected variants), fixed to the canonical form.
 */
export const termVariantRule: Rule = {
  id: 'term.variant',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  example: '`新质生产率` → `新质生产力`',
  description: {
    en: 'Wrong spellings of policy terms and fixed expressions listed in the glossary.',
    zh: '术语表所列政策术语和固定表述的错误写法。',
  },
  options: [],
  messages: {
    rejected: { en: '"{found}" is a wrong form of "{canonical}".', zh: '“{found}”为错误写法，应为“{canonical}”。' },
  },
  checkParagraph({ terms }: ParagraphInput): Finding[] {
    return terms
      .filter((hit) => hit.match.role === 'rejected')
      .map((hit) => ({
        code: 'term.variant',
        messageId: 'rejected',
        span: { start: hit.start, end: hit.end },
        args: { found: hit.form, canonical: hit.match.entry.term },
        fix: [{ span: { start: hit.start, end: hit.end }, newText: hit.match.entry.term }],
      }));
  },
};
