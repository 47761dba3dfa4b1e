import { isCjkPunctuation, isHan } from '../../text/chars';
import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { firstMatch, nextMatch } from '../../text/matches';

/** An ellipsis of any form followed by 等 or 等等. */
const WITH_DENG = /(?:…+|\.{3,}|。{3,}|．{3,}|·{3,})(?=等)/g;
/** Ellipses in a wrong form: three or more full stops or dots, or a single `…`. */
const WRONG_FORM = /\.{3,}|。{3,}|．{3,}|·{3,}|(?<!…)…(?!…)/g;

/**
 * `punctuation.ellipsis`: GB/T 15834-2011 4.11 — the ellipsis is `……` (two
 * three-dot marks), and A.9 — never together with 等 or 等等 (the example fix
 * drops the ellipsis and keeps 等).
 */
export const punctuationEllipsisRule: Rule = {
  id: 'punctuation.ellipsis',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`油菜……等。` → `油菜等。`; `。。。` → `……`',
  description: {
    en: 'Ellipses with 等 (……等) and in wrong forms (。。。, ..., a single …), GB/T 15834-2011 4.11, A.9.',
    zh: '省略号与“等”连用（……等），或写法不规范（。。。、...、单个…），依据 GB/T 15834—2011 第 4.11 条、附录 A.9。',
  },
  options: [],
  messages: {
    withDeng: {
      en: 'An ellipsis together with "{deng}": use one of them; the fix keeps "{deng}" (GB/T 15834-2011, A.9).',
      zh: '省略号与“{deng}”不能同时使用，应保留其一；修正保留“{deng}”（GB/T 15834—2011 附录 A.9）。',
    },
    form: {
      en: '"{found}" is not the Chinese ellipsis: write "……" (GB/T 15834-2011, 4.11).',
      zh: '“{found}”不是规范的省略号，应为“……”（GB/T 15834—2011 第 4.11 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    const taken: [number, number][] = [];
    for (let match = firstMatch(WITH_DENG, text); match; match = nextMatch(WITH_DENG, text, match)) {
      const start = match.index;
      const end = start + match[0].length;
      const deng = text.startsWith('等等', end) ? '等等' : '等';
      findings.push(proofFinding('punctuation.ellipsis', 'withDeng', start, end + deng.length, { deng }, replace(start, end, '')));
      taken.push([start, end]);
    }
    for (let match = firstMatch(WRONG_FORM, text); match; match = nextMatch(WRONG_FORM, text, match)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      // `...` in English or code (`etc...`, `a...b`) is not Chinese prose.
      if (match[0].startsWith('.') && !chineseAround(text, start, end)) continue;
      findings.push(proofFinding('punctuation.ellipsis', 'form', start, end, { found: match[0] }, replace(start, end, '……')));
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

function chineseAround(text: string, start: number, end: number): boolean {
  const chinese = (c: string | undefined) => isHan(c) || isCjkPunctuation(c);
  return chinese(text[start - 1]) || chinese(text[end]);
}
