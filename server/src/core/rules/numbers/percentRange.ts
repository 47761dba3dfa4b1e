import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { firstMatch, nextMatch } from '../../text/matches';

/** `10—15%`, `10-15%`, `6.5～7％`: a range whose first number lacks the percent sign. */
const RANGE = /(?<![\d.．%％A-Za-z\-:：])(\d+(?:\.\d+)?)([-－–—~～])(\d+(?:\.\d+)?)([%％])/g;

/**
 * `number.percentRange`: a percentage range with one percent sign. GB/T
 * 15835-2011 5.1.3 (ranges of values): `15%～30%`, not `15～30%`. The fix adds
 * the sign; a half-width hyphen or tilde becomes the range dash of the setting.
 */
export const numberPercentRangeRule: Rule = {
  id: 'number.percentRange',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`10—15%` → `10%—15%`',
  description: {
    en: 'A percentage range with one percent sign (10—15% → 10%—15%), GB/T 15835-2011 5.1.3.',
    zh: '百分数范围只在后一个数值后写了“%”（10—15% → 10%—15%），依据 GB/T 15835—2011 第 5.1.3 条。',
  },
  options: [
    {
      name: 'useTilde',
      type: 'boolean',
      default: false,
      description: {
        en: 'Fix half-width hyphens to the wave dash ～ (10%～15%) instead of the dash — (10%—15%, the style of the government work reports).',
        zh: '将半角连字符改为浪纹线“～”（10%～15%），而不是一字线“—”（10%—15%，政府工作报告的写法）。',
      },
    },
  ],
  messages: {
    percentRange: {
      en: '"{found}": both values of a percentage range carry the percent sign, write "{fixed}" (GB/T 15835-2011, 5.1.3).',
      zh: '“{found}”：百分数范围的前后两个数值都应带“%”，应为“{fixed}”（GB/T 15835—2011 第 5.1.3 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput, options): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    // The expression ends in a percent sign and tries every position before it can tell (it opens with a lookbehind).
    if (!text.includes('%') && !text.includes('％')) return findings;
    for (let match = firstMatch(RANGE, text); match; match = nextMatch(RANGE, text, match)) {
      const [found, from, dash, to, percent] = match;
      if (Number(to) <= Number(from)) continue;
      const start = match.index;
      const rangeDash = /[-–~]/.test(dash) ? (options.useTilde === true || dash === '~' ? '～' : '—') : dash;
      const fixed = `${from}${percent}${rangeDash}${to}${percent}`;
      findings.push(proofFinding('number.percentRange', 'percentRange', start, start + found.length, { found, fixed }, replace(start, start + found.length, fixed)));
    }
    return findings;
  },
};
