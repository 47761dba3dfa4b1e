import data from '../../../../../data/variant-words.json';
import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { PhraseTable } from './phraseTable';

/** The non-recommended forms of data/variant-words.json. */
const TABLE = new PhraseTable(data.entries.map((e) => ({ form: e.variant, replacement: e.recommended, source: 'GF 1001-2001' })));

/**
 * `variant.word`: a variant form the official table of variant words
 * (GF 1001-2001) does not recommend (`笔划` → `笔画`, `成份` → `成分`). Both
 * forms are words; the table picks one, so this is information by default.
 */
export const variantWordRule: Rule = {
  id: 'variant.word',
  defaultSeverity: 'information',
  needsTokens: true,
  cost: 'full',
  example: '`笔划` → `笔画`',
  description: {
    en: 'Variant word forms not recommended by the table of variant words (笔划 → 笔画), GF 1001-2001.',
    zh: '《第一批异形词整理表》不推荐的异形词（笔划 → 笔画），依据 GF 1001—2001。',
  },
  options: [],
  messages: {
    variant: {
      en: '"{found}" is a variant form: GF 1001-2001 recommends "{recommended}".',
      zh: '“{found}”为异形词的非推荐词形，GF 1001—2001 推荐使用“{recommended}”。',
    },
  },
  // The tokens are read only where a form occurs.
  readsTokens: (facts, index) => TABLE.occursIn(facts.paragraphs[index].text),
  checkParagraph(input: ParagraphInput): Finding[] {
    // Tokens only where a form occurs: most paragraphs never need their token objects.
    if (!TABLE.occursIn(input.paragraph.text) || !input.tokens) return [];
    return TABLE.find(input.paragraph.text, input.tokens).map(({ start, end, entry }) =>
      proofFinding('variant.word', 'variant', start, end, { found: entry.form, recommended: entry.replacement }, replace(start, end, entry.replacement)),
    );
  },
};
