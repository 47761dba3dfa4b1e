import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { DIGIT_VALUE } from './numerals';
import { firstMatch, nextMatch } from '../../text/matches';

/** Two adjacent Chinese numerals joined by a 顿号, then optional place units: `三、四十`, `七、八`. */
const PAIR = /([一二三四五六七八九])、([一二三四五六七八九])([十百千万亿]*)/g;
/**
 * What follows an enumeration of ordinals or of an abbreviated series rather
 * than an approximation: `一、二产业`, `三、四线城市`, `一、二等奖`, `二、三季度`,
 * `一、二两月份`, `三、四年级`, `一、二楼`, `三、四班`; the parts of a law, cited without 第
 * (宁波市地名管理条例: `除一、二项以外的地名标志` — items one and two). GB/T 15834-2011 4.5.3.4 keeps the 顿号 there.
 */
const ENUMERATION_AFTER = /^(?:产|类|级|等|季|月|号|期|批|届|章|节|条|款|项|目|篇|段|句|线|档|审|胎|星|环|甲|道|轮|楼|层|班|组|队|版|卷|册|编|部分|年级|两|和|与|及|或|至|到|、)/;
/** Before the first numeral: an ordinal (`第二、三季度`), a weekday (`周一、二`), a grade (`高一、二`). */
const ORDINAL_BEFORE = /[第周期高初礼拜、]$/;

/**
 * `number.approximate`: a 顿号 between two adjacent numerals that together form
 * an approximate number (`三、四十个` → `三四十个`, `七、八天` → `七八天`).
 * GB/T 15835-2011 5.2.1 and GB/T 15834-2011 4.5.3.4: no 顿号 in an approximation.
 * Series of three or more (`一、二、三等奖`) and ordinals are enumerations.
 */
export const numberApproximateRule: Rule = {
  id: 'number.approximate',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`三、四十个` → `三四十个`',
  description: {
    en: 'A 顿号 inside an approximate number (三、四十个 → 三四十个), GB/T 15835-2011 5.2.1, GB/T 15834-2011 4.5.3.4.',
    zh: '相邻数字表示概数时中间用了顿号（三、四十个 → 三四十个），依据 GB/T 15835—2011 第 5.2.1 条、GB/T 15834—2011 第 4.5.3.4 条。',
  },
  options: [],
  messages: {
    approximate: {
      en: '"{found}" is an approximate number: no 顿号 between the numerals, write "{fixed}" (GB/T 15835-2011, 5.2.1; GB/T 15834-2011, 4.5.3.4).',
      zh: '“{found}”表示概数，两数之间不用顿号，应为“{fixed}”（GB/T 15835—2011 第 5.2.1 条；GB/T 15834—2011 第 4.5.3.4 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    for (let match = firstMatch(PAIR, text); match; match = nextMatch(PAIR, text, match)) {
      const [found, first, second] = match;
      const start = match.index;
      const end = start + found.length;
      if (DIGIT_VALUE[second] !== DIGIT_VALUE[first] + 1) continue;
      const before = text.slice(0, start);
      // A heading (`一、三年来的工作`) or a list marker after a colon is not a number.
      if (before.trim() === '' || /[：:。；！？\s]$/.test(before)) continue;
      if (ORDINAL_BEFORE.test(before) || /[一二三四五六七八九]、$/.test(before)) continue;
      const after = text.slice(end);
      if (after === '' || ENUMERATION_AFTER.test(after) || /^[一二三四五六七八九]/.test(after)) continue;
      findings.push(proofFinding('number.approximate', 'approximate', start, end, { found, fixed: found.replace('、', '') }, replace(start + 1, start + 2, '')));
    }
    return findings;
  },
};
