import data from '../../../../../data/fixed-expressions.json';
import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { PhraseTable } from './phraseTable';

/** The wrong forms of data/fixed-expressions.json (data, not code: editors extend the list there). */
const TABLE = new PhraseTable(data.entries.map((e) => ({ form: e.wrong, replacement: e.correct, source: e.source })));
const SOURCES: Readonly<Record<string, { short: string }>> = data.sources;

/**
 * `typo.fixedExpression`: a wrong character in a 成语 or fixed expression
 * (`再接再励` → `再接再厉`, `布署` → `部署`), matched on word boundaries.
 */
export const typoFixedExpressionRule: Rule = {
  id: 'typo.fixedExpression',
  defaultSeverity: 'warning',
  needsTokens: true,
  cost: 'full',
  example: '`再接再励` → `再接再厉`; `布署` → `部署`',
  description: {
    en: 'Wrong characters in idioms and fixed expressions (再接再励 → 再接再厉), from a list of common misspellings.',
    zh: '成语和固定表述中的错别字（再接再励 → 再接再厉），依据常见错别字表。',
  },
  options: [],
  messages: {
    typo: {
      en: '"{found}" is a misspelling of "{correct}" (as in {source}).',
      zh: '“{found}”有错别字，应为“{correct}”（见{source}）。',
    },
  },
  // The tokens are read only where a form occurs.
  readsTokens: (facts, index) => TABLE.occursIn(facts.paragraphs[index].text),
  checkParagraph(input: ParagraphInput): Finding[] {
    // Tokens only where a form occurs: most paragraphs never need their token objects.
    if (!TABLE.occursIn(input.paragraph.text) || !input.tokens) return [];
    return TABLE.find(input.paragraph.text, input.tokens).map(({ start, end, entry }) =>
      proofFinding('typo.fixedExpression', 'typo', start, end, { found: entry.form, correct: entry.replacement, source: SOURCES[entry.source]?.short ?? entry.source }, replace(start, end, entry.replacement)),
    );
  },
};
