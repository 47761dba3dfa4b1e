import type { Finding } from '../types';
import type { ParagraphInput, Rule } from './rule';

/**
 * `term.dated`: a formulation the glossary marks as superseded (十三五, 全面建成小康社会 …), with
 * the last government work report that used it and its successor. Looking back these words are
 * right, which only a person can tell: information, off by default, no fix.
 */
/**
 * Words of a sentence that looks back (如期全面建成小康社会, “十三五”规划主要目标任务胜利完成,
 * 五年来…): there the old formulation is the right one. Read from the 2021–2025 reports and the
 * 20th Congress report, where every use of these terms looks back.
 */
const RETROSPECTIVE = /如期|胜利|成就|成果|成效|取得|实现了|完成了?|已经|历史|回顾|过去|以来|年来|期间|时期实际|决胜|打赢|没有掉队|任务在/;

function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[。！？；]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[。！？；]/.test(text[to])) to++;
  return text.slice(from, start) + text.slice(end, to);
}

export const termDatedRule: Rule = {
  id: 'term.dated',
  defaultSeverity: 'off',
  needsTokens: false,
  cost: 'full',
  example: '`“十三五”规划重大项目` → now `十四五` (last used 2021)',
  description: {
    en: 'Formulations official texts no longer use for what lies ahead (marked as superseded in the glossary), with their successors.',
    zh: '已不作为现行提法使用的表述（术语表标为已被取代），并给出现行提法。',
  },
  options: [],
  messages: {
    successor: {
      en: '"{found}" is no longer a current formulation (last used in the {last} government work report); it is now "{successor}". Right when looking back.',
      zh: '“{found}”已不是现行提法（政府工作报告最后见于{last}年），现用“{successor}”；回顾以往时可照常使用。',
    },
    noSuccessor: {
      en: '"{found}" is no longer a current formulation (last used in the {last} government work report). Right when looking back.',
      zh: '“{found}”已不是现行提法（政府工作报告最后见于{last}年）；回顾以往时可照常使用。',
    },
  },
  checkParagraph({ paragraph, terms, ignored }: ParagraphInput): Finding[] {
    const findings: Finding[] = [];
    for (const hit of terms) {
      const dated = hit.match.entry.superseded;
      if (!dated || dated.lastUsed === undefined || hit.match.role === 'rejected' || ignored.has(hit.match.entry.term)) continue;
      if (RETROSPECTIVE.test(sentenceAround(paragraph.text, hit.start, hit.end))) continue;
      findings.push({
        code: 'term.dated',
        messageId: dated.successor ? 'successor' : 'noSuccessor',
        span: { start: hit.start, end: hit.end },
        args: { found: hit.form, last: dated.lastUsed, ...(dated.successor ? { successor: dated.successor } : {}) },
        ignoreKey: hit.match.entry.term,
      });
    }
    return findings;
  },
};
