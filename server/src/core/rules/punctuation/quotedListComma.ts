import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { matchesIn } from '../../text/matches';

/** A 顿号 directly between two quoted or titled items: `”、“`, `》、《`. */
const BETWEEN = /”、“|》、《/g;

/**
 * `punctuation.quotedListComma` (off by default): GB/T 15834-2011 4.5.3.5 —
 * coordinate items each in quotation marks or title marks are "usually" not
 * separated by 顿号. Official reports write the 顿号 all the time (115 times
 * in the 74 national documents of the corpus), so only an office that follows the standard to
 * the letter turns this on.
 */
export const punctuationQuotedListCommaRule: Rule = {
  id: 'punctuation.quotedListComma',
  defaultSeverity: 'off',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`“一带一路”、“双循环”` → `“一带一路”“双循环”`',
  description: {
    en: 'A 顿号 between coordinate “…” or 《…》 items (off by default: official reports keep it), GB/T 15834-2011 4.5.3.5.',
    zh: '标有引号或书名号的并列成分之间用了顿号（默认关闭：官方报告常保留），依据 GB/T 15834—2011 第 4.5.3.5 条。',
  },
  options: [],
  messages: {
    comma: {
      en: 'Coordinate items in quotation or title marks are usually not separated by 、 (GB/T 15834-2011, 4.5.3.5).',
      zh: '标有引号或书名号的并列成分之间通常不用顿号（GB/T 15834—2011 第 4.5.3.5 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    return matchesIn(BETWEEN, paragraph.text).map((match) =>
      proofFinding('punctuation.quotedListComma', 'comma', match.index + 1, match.index + 2, {}, replace(match.index + 1, match.index + 2, '')),
    );
  },
};
