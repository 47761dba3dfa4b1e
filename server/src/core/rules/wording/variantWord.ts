import data from '../../../../../data/variant-words.json';
import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { PhraseTable } from './phraseTable';

/** The non-recommended forms of data/variant-words.json. */
const TABLE = new PhraseTable(data.entries.map((e) => ({ form: e.variant, replacement: e.recommended, source: 'GF 1001-2001' })));

/**
 * Where a form of the table is another word than the table's variant, told by what stands around
 * it (seen on the unseen laws corpus, where these were 133 of 220 findings):
 * - 刻划 in a list of damage (`刻划、涂污`, `在树上刻划`, `刻划树皮`, `不随意刻划`): 刻 + 划 (huá,
 *   to scratch), not 刻画 "to portray"; the 文物保护法 and the 治安管理处罚法 keep it through their
 *   revisions after 2002, as do the local rules on relics, parks and trees;
 * - 定货 in `定船舶、定航线、定货种` / `定船、定线、定货的船舶` (港口法, 海上交通安全法): 定 + 货(种),
 *   ships on a fixed cargo, not 订货 "to order goods";
 * - 门坎 in 龙门坎, a place (杭州市西湖龙井茶基地保护条例);
 * - 连结点, the connecting factor of private international law (the Supreme People's Court's
 *   interpretation of the 涉外民事关系法律适用法), a term of art.
 */
const OTHER_WORD: Readonly<Record<string, { readonly before?: RegExp; readonly after?: RegExp }>> = {
  刻划: { before: /(?:[、上]|随意)$/, after: /^(?:、|涂|污|钉|树|文物)/ },
  定货: { before: /定(?:船舶|船|航线|线)(?:、|并且)$/, after: /^种/ },
  门坎: { before: /龙$/ },
  连结: { after: /^点/ },
};

/** Whether the form at start..end is, by its neighbours, another word than the table's variant. */
function isOtherWord(text: string, form: string, start: number, end: number): boolean {
  const context = OTHER_WORD[form];
  if (context === undefined) return false;
  return (context.before?.test(text.slice(Math.max(0, start - 6), start)) ?? false) || (context.after?.test(text.slice(end, end + 4)) ?? false);
}

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
      // The official text of a law (民法典 writes 辈份, 商标法 摹仿) and its quotations keep their wording: the note says so.
      en: '"{found}" is a variant form: GF 1001-2001 recommends "{recommended}" (the official text of a law, and a quotation of it, keeps its own wording).',
      zh: '“{found}”为异形词的非推荐词形，GF 1001—2001 推荐使用“{recommended}”（法律法规正式文本及对其的引用照录原文）。',
    },
  },
  // The tokens are read only where a form occurs.
  readsTokens: (facts, index) => TABLE.occursIn(facts.paragraphs[index].text),
  checkParagraph(input: ParagraphInput): Finding[] {
    // Tokens only where a form occurs: most paragraphs never need their token objects.
    if (!TABLE.occursIn(input.paragraph.text) || !input.tokens) return [];
    const text = input.paragraph.text;
    return TABLE.find(text, input.tokens)
      .filter(({ start, end, entry }) => !isOtherWord(text, entry.form, start, end))
      .map(({ start, end, entry }) => proofFinding('variant.word', 'variant', start, end, { found: entry.form, recommended: entry.replacement }, replace(start, end, entry.replacement)));
  },
};
