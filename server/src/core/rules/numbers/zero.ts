import { proofFinding } from '../proofreading';
import type { Finding, TextEdit } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { PLACE_UNITS } from './numerals';
import { firstMatch, nextMatch } from '../../text/matches';

/** A run of digit characters read one by one, Chinese and Arabic zeros mixed in. */
const DIGIT_RUN = /[〇零一二三四五六七八九0０]{2,}/g;

/**
 * `number.zero`: the Arabic digit 0 among Chinese numerals (`二0二五年`). GB/T
 * 15835-2011 5.2.5: a zero written in Chinese is 〇 in numbers read digit by
 * digit (years, numbers that name) and 零 in amounts read with place units.
 */
export const numberZeroRule: Rule = {
  id: 'number.zero',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`二0二五年` → `二〇二五年`',
  description: {
    en: 'The digit 0 among Chinese numerals (二0二五年 → 二〇二五年), GB/T 15835-2011 5.2.5.',
    zh: '汉字数字中混用阿拉伯数字“0”（二0二五年 → 二〇二五年），依据 GB/T 15835—2011 第 5.2.5 条。',
  },
  options: [],
  messages: {
    zero: {
      en: '"{found}" mixes the digit 0 into Chinese numerals: write "{fixed}" (GB/T 15835-2011, 5.2.5).',
      zh: '“{found}”在汉字数字中混用了阿拉伯数字“0”，应为“{fixed}”（GB/T 15835—2011 第 5.2.5 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    for (let match = firstMatch(DIGIT_RUN, text); match; match = nextMatch(DIGIT_RUN, text, match)) {
      const run = match[0];
      const start = match.index;
      const end = start + run.length;
      if (!/[0０]/.test(run) || !/[〇零一二三四五六七八九]/.test(run)) continue;
      // `2020一2025年`: an Arabic number with a mistyped dash, not Chinese numerals.
      if (/[1-9１-９]/.test(text[start - 1] ?? '') || /[1-9１-９]/.test(text[end] ?? '')) continue;
      const placed = (c: string | undefined) => c !== undefined && PLACE_UNITS.includes(c);
      const zero = placed(text[start - 1]) || placed(text[end]) ? '零' : '〇';
      const fix: TextEdit[] = [];
      for (let i = 0; i < run.length; i++) {
        if (run[i] === '0' || run[i] === '０') fix.push({ span: { start: start + i, end: start + i + 1 }, newText: zero });
      }
      const fixed = run.replace(/[0０]/g, zero);
      findings.push(proofFinding('number.zero', 'zero', start, end, { found: run, fixed }, fix));
    }
    return findings;
  },
};
