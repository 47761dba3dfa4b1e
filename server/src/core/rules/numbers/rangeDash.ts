import { isCjkPunctuation, isHan } from '../../text/chars';
import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { firstMatch, nextMatch } from '../../text/matches';

/** Two numbers joined by a half-width hyphen, en dash or tilde. */
const RANGE = /(?<![\d.．A-Za-z\-–~#/:：_])(\d+(?:\.\d+)?)([%％]?)([-–~])(\d+(?:\.\d+)?)(?![\d.\-–~/:A-Za-z])/g;
/** Units and measure words that follow a count: `1-2个`, `3-5年`, `20-40岁`. */
const UNIT_AFTER = /^(?:[%％个所家项条座名人户位次倍岁天日周年月季期批届轮只头匹台套件部辆艘架本册篇页字元万亿千百吨斤亩米度里处栋层间床张份场种类款门枚株棵支块根道]|小时|分钟|公里|公顷|平方|立方|千米|千瓦|万元|亿元)/;

/**
 * `number.rangeDash`: a half-width hyphen (or en dash, half-width tilde) in a
 * Chinese range of years or numbers. GB/T 15834-2011 4.13: the short hyphen
 * joins dates and codes (`2011-02-15`, model numbers); the start and end of a
 * period take the dash — (`2021—2025年`), a range of values — or ～.
 */
export const numberRangeDashRule: Rule = {
  id: 'number.rangeDash',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`2021-2025年` → `2021—2025年`; `1-2个` → `1—2个`',
  description: {
    en: 'A half-width hyphen in a Chinese range of years or numbers (2021-2025年 → 2021—2025年), GB/T 15834-2011 4.13.',
    zh: '中文里年份或数值范围用了半角连字符（2021-2025年 → 2021—2025年），依据 GB/T 15834—2011 第 4.13 条。',
  },
  options: [
    {
      name: 'useTilde',
      type: 'boolean',
      default: false,
      description: {
        en: 'Fix ranges of values (not of years) to the wave dash ～ (1～2个) instead of the dash — (1—2个).',
        zh: '数值范围（年份除外）改用浪纹线“～”（1～2个），而不是一字线“—”（1—2个）。',
      },
    },
  ],
  messages: {
    years: {
      en: '"{found}": the start and end of a period are joined by the dash "—", not a hyphen: write "{fixed}" (GB/T 15834-2011, 4.13).',
      zh: '“{found}”：标示时间起止用一字线“—”，不用半角连字符，应为“{fixed}”（GB/T 15834—2011 第 4.13 条）。',
    },
    values: {
      en: '"{found}": a range of values is joined by "—" or "～", not a hyphen: write "{fixed}" (GB/T 15834-2011, 4.13; GB/T 15835-2011, 5.1.3).',
      zh: '“{found}”：标示数值范围用一字线“—”或浪纹线“～”，不用半角连字符，应为“{fixed}”（GB/T 15834—2011 第 4.13 条；GB/T 15835—2011 第 5.1.3 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput, options): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    // The expression needs one of its dashes and tries every position before it can tell (it opens with a lookbehind).
    if (!text.includes('-') && !text.includes('–') && !text.includes('~')) return findings;
    for (let match = firstMatch(RANGE, text); match; match = nextMatch(RANGE, text, match)) {
      const [found, from, fromPercent, dash, to] = match;
      const start = match.index;
      const end = start + found.length;
      const after = text.slice(end);
      // `10-15%` is number.percentRange's, which also fixes the dash.
      if (!fromPercent && /^[%％]/.test(after)) continue;
      if (Number(to) <= Number(from)) continue;
      const isYears = /^\d{4}$/.test(from) && /^\d{4}$/.test(to) && Number(from) >= 1000 && Number(to) - Number(from) <= 100;
      const before = text[start - 1];
      // `图2-3`, `表1-2`, `式3-1`: numbers of figures and tables, not ranges.
      if (before !== undefined && '图表式例题'.includes(before)) continue;
      const chinese = (c: string | undefined) => isHan(c) || isCjkPunctuation(c);
      if (isYears) {
        // `2021-2025年`, `（2021-2025）`, `在2011-2020期间`: a period in Chinese text.
        if (!/^年/.test(after) && !(chinese(before) && chinese(after[0]))) continue;
      } else if (!UNIT_AFTER.test(after)) {
        continue;
      }
      const rangeDash = dash === '~' || (!isYears && options.useTilde === true) ? '～' : '—';
      const fixed = `${from}${fromPercent}${rangeDash}${to}`;
      findings.push(proofFinding('number.rangeDash', isYears ? 'years' : 'values', start, end, { found, fixed }, replace(start + from.length + fromPercent.length, start + from.length + fromPercent.length + 1, rangeDash)));
    }
    return findings;
  },
};
