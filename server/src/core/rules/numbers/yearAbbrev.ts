import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { firstMatch, nextMatch } from '../../text/matches';

/**
 * Two digits and 年 followed by a part of a year: `25年底`, `24年第四季度`,
 * `23年3月`, `24年度`. Durations (`25年来`, `10年内`, `3年前`) are not followed
 * by these, nor by words that start with 底, 初, 末 or 度 (`30年初心不改`, `10年底气`, `3年度过`).
 */
const ABBREVIATED_YEAR =
  /(?<![\d０-９.．/\-—～~A-Za-z'’‘])['’‘]?(\d{2})年(?=(?:底(?![气线蕴子数色层部牌座])|初(?![心衷步期始稿级中次见])|末(?![端梢尾期位日])|年底|年初|第[一二三四1-4]季度|[一二三四1-4]季度|[上下]半年|前三季度|(?:1[0-2]|0?[1-9])月(?!份?[内间])|度(?![过日假量数])))/g;
/** Words before a number that make it a count of years, not a year. */
const DURATION_BEFORE = /(?:近|过去|这|那|前|后|最后|头|满|用|花|经过|历时|历经|长达|达|约|共|多|几|第|每|连续|再|又|了)$/;

/**
 * `number.yearAbbrev`: a year written with two digits. GB/T 15835-2011 wants
 * years in full (its predecessor's example: 1990年 not 90年). The fix restores
 * the century only when the paragraph names the same year in full.
 */
export const numberYearAbbrevRule: Rule = {
  id: 'number.yearAbbrev',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`25年底` → `2025年底`',
  description: {
    en: 'A year written with two digits (25年底 → 2025年底), GB/T 15835-2011.',
    zh: '年份简写为两位数字（25年底 → 2025年底），依据 GB/T 15835—2011。',
  },
  options: [],
  messages: {
    abbreviated: {
      en: '"{found}" abbreviates the year: write it in full, e.g. "{full}" (GB/T 15835-2011: years are not abbreviated).',
      zh: '“{found}”为年份简写，应写全称，如“{full}”（GB/T 15835—2011：年份不简写）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    for (let match = firstMatch(ABBREVIATED_YEAR, text); match; match = nextMatch(ABBREVIATED_YEAR, text, match)) {
      const start = match.index;
      if (DURATION_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
      const digits = match[1];
      const end = start + match[0].length;
      const century = centuryIn(text, digits);
      const full = `${century ?? '20'}${digits}年`;
      const fix = century ? replace(start, end, full) : undefined;
      findings.push(proofFinding('number.yearAbbrev', 'abbreviated', start, end, { found: match[0], full }, fix));
    }
    return findings;
  },
};

/** The century of a full year in the text that ends in `digits` (`2025年` for `25`), if exactly one does. */
function centuryIn(text: string, digits: string): string | undefined {
  const centuries = new Set([...text.matchAll(/(?<!\d)(1[89]|20)(\d{2})年/g)].filter((m) => m[2] === digits).map((m) => m[1]));
  return centuries.size === 1 ? [...centuries][0] : undefined;
}
