import { charAt, codeTable, isCjkPunctuation, isHan } from '../text/chars';
import { creditRanges } from '../text/newsCredits';
import type { Finding } from '../types';
import type { ParagraphInput, Rule, RuleOptions } from './rule';
import { firstMatch, nextMatch } from '../text/matches';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const HALF_WIDTH = /[,;:()?!]/g;
const PAUSE_MARKS = '、，；：（“《';
const SPACES = /[ \u3000\u00a0]+/g;
const NUMBER_UNIT = /[年月日%％]/;
/** Longest text between half-width brackets reported as one pair: item numbers and short notes. */
const MAX_BRACKETED = 8;
/**
 * `第二条 国家秘密是…`, `第一百二十条之五 以暴力…` (an article inserted by an amendment): the
 * space after an article or chapter marker is standard, also where a text runs articles on in
 * one paragraph (`……统一的飞行管制。 第四条 国务院……`). Matched at the end of the text before a space.
 */
const LAW_MARKER = /第[一二三四五六七八九十百千零〇两\d]{1,8}[条章节编](?:之[一二三四五六七八九十]{1,3})?$/;
/** Longer than any marker LAW_MARKER takes. */
const LAW_MARKER_WINDOW = 16;

/**
 * `punctuation.width`: half-width punctuation inside Chinese text, and spaces
 * left between Chinese characters (or between a number and 年/月/日/%) by PDF
 * extraction. Only prose lines are checked for spaces: bylines (`省长 王浩`)
 * and justified titles (`第一章 总  则`) space characters on purpose, and so do
 * news datelines and photo credits inside prose (`新华社北京3月5日电 记者张三`, `本报记者 某某 摄`).
 */
export const punctuationWidthRule: Rule = {
  id: 'punctuation.width',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'light',
  textOnly: true,
  example: '`发展,推动` → `发展，推动`; `因 地 制 宜`',
  description: {
    en: 'Half-width punctuation and stray spaces inside Chinese text (the spaces of datelines, bylines and photo credits are right).',
    zh: '中文文本中的半角标点和多余空格（电头、署名和图片署名中的空格不算）。',
  },
  options: [
    {
      name: 'checkSpaces',
      type: 'boolean',
      default: true,
      description: { en: 'Also flag spaces between Chinese characters and before 年/月/日/%.', zh: '同时检查汉字之间及数字与年、月、日、% 之间的空格。' },
    },
  ],
  messages: {
    halfWidth: { en: 'Half-width "{char}" in Chinese text: use "{replacement}".', zh: '中文语境中使用了半角“{char}”，应为“{replacement}”。' },
    space: { en: 'Stray space inside Chinese text (often left by PDF copying).', zh: '中文文字之间有多余空格（常见于 PDF 复制）。' },
    letterSpaced: { en: 'Letter-spaced Chinese text (often left by PDF copying): remove the spaces.', zh: '汉字之间逐字加了空格（常见于 PDF 复制），应删除。' },
    numberUnitSpace: { en: 'Stray space between a number and "{unit}".', zh: '数字与“{unit}”之间有多余空格。' },
  },
  checkParagraph({ paragraph }: ParagraphInput, options: RuleOptions): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    for (let match = firstMatch(HALF_WIDTH, text); match; match = nextMatch(HALF_WIDTH, text, match)) {
      const at = match.index;
      if (!inChineseContext(text, at, match[0])) continue;
      const replacement = FULL_WIDTH[match[0]];
      const opening = findings.at(-1);
      // `(四)`, `第(一)项`: one finding for the pair, as an editor would mark it (laws published online
      // number their items so: 17 470 such brackets in 3 476 laws and regulations).
      if (match[0] === ')' && opening?.messageId === 'halfWidth' && opening.args.char === '(' && at - opening.span.end <= MAX_BRACKETED && !/[()（）]/.test(text.slice(opening.span.end, at))) {
        const inner = text.slice(opening.span.end, at);
        findings[findings.length - 1] = {
          ...opening,
          span: { start: opening.span.start, end: at + 1 },
          args: { char: `(${inner})`, replacement: `（${inner}）` },
          fix: [...opening.fix!, { span: { start: at, end: at + 1 }, newText: replacement }],
        };
        continue;
      }
      findings.push({
        code: 'punctuation.width',
        messageId: 'halfWidth',
        span: { start: at, end: at + 1 },
        args: { char: match[0], replacement },
        fix: [{ span: { start: at, end: at + 1 }, newText: replacement }],
      });
    }
    if (options.checkSpaces !== false && isProse(text)) findings.push(...strayspaces(text));
    return findings;
  },
};

function inChineseContext(text: string, at: number, char: string): boolean {
  const before = charAt(text, at, true);
  // `洞庭湖区重点垸堤防加固二期、?水灌区`: a ? after a pause mark is a character the text lost in
  // some encoding, not a question mark; ？ would be a wrong fix.
  if (char === '?' && before !== undefined && PAUSE_MARKS.includes(before)) return false;
  const after = charAt(text, at + 1);
  const chineseBefore = isHan(before) || isCjkPunctuation(before);
  const chineseAfter = isHan(after) || isCjkPunctuation(after);
  if (char === '(') return chineseAfter && (chineseBefore || before === undefined);
  if (char === ')') return chineseBefore && (chineseAfter || after === undefined || /[,;:?!]/.test(after));
  // `12:30`, `1,000` and `AI,5G` are not Chinese text; `增长5%,锂电池` and `(试点),成效` are.
  if (chineseBefore) return after === undefined || !/[0-9A-Za-z]/.test(after);
  return /[0-9%％)]/.test(before ?? '') && isHan(after);
}

const PROSE_ENDS = codeTable('。！？；，：…');

/** A full stop inside or sentence punctuation at the end: a paragraph, not a title, slogan line or byline. */
function isProse(text: string): boolean {
  if (text.length < 20) return false;
  if (text.includes('。')) return true;
  // The last character but white space, from a table: the expression anchored at the end scanned the whole paragraph.
  const trimmed = text.trimEnd();
  return PROSE_ENDS[trimmed.charCodeAt(trimmed.length - 1)] === 1;
}

/**
 * Offsets inside “…” quotes and 《…》 titles: two-part slogans (“好客山东 好品山东”) and titles
 * (`以《别赶路 感受路》为题`, a talk in a party-building office's minutes; `《中共中央办公厅 国务院办公厅
 * 印发…》`, two issuers) are spaced on purpose. In order, not overlapping; `title` for 《…》.
 */
function quotedRanges(text: string): [number, number, boolean][] {
  const ranges: [number, number, boolean][] = [];
  for (const match of text.matchAll(/“[^“”]{1,40}”|《[^《》]{1,40}》/g)) ranges.push([match.index, match.index + match[0].length, match[0][0] === '《']);
  return ranges;
}

/** Parts of a title on either side of a space that make it two phrases rather than a word broken by a copy (`规划 纲要`). */
const MIN_TITLE_PART = 3;

function spacedOnPurpose([from, to, title]: [number, number, boolean], start: number, end: number): boolean {
  if (start <= from || end >= to) return false;
  return !title || (start - from - 1 >= MIN_TITLE_PART && to - 1 - end >= MIN_TITLE_PART);
}

/** A law's article or chapter marker ends at `at`, at the start of the text or after white space or a sentence's end. */
function followsLawMarker(text: string, at: number): boolean {
  const from = Math.max(0, at - LAW_MARKER_WINDOW);
  const marker = LAW_MARKER.exec(text.slice(from, at));
  if (!marker) return false;
  const before = from + marker.index - 1;
  return before < 0 || /[\s。；：]/.test(text[before]);
}


function strayspaces(text: string): Finding[] {
  const findings: Finding[] = [];
  // Quotations and credits are looked for only once a space is found inside the text: most paragraphs have none.
  let quoted: [number, number, boolean][] | undefined;
  let credits: [number, number][] | undefined;
  let quote = 0;
  let credit = 0;
  for (let match = firstMatch(SPACES, text); match; match = nextMatch(SPACES, text, match)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === 0 || end === text.length) continue;
    quoted ??= quotedRanges(text);
    credits ??= creditRanges(text).sort((a, b) => a[0] - b[0]);
    // Spaces come in order: one pointer over the quotations, not a search per space (a line of many was quadratic).
    while (quote < quoted.length && quoted[quote][1] <= start) quote++;
    if (quote < quoted.length && spacedOnPurpose(quoted[quote], start, end)) continue;
    // Spaces come in order: one pointer over the credits, not a search per space.
    while (credit < credits.length && credits[credit][1] < end) credit++;
    if (credit < credits.length && start >= credits[credit][0] && end <= credits[credit][1]) continue;
    const before = charAt(text, start, true);
    const after = charAt(text, end);
    if (followsLawMarker(text, start)) continue;
    const chinese = (c: string | undefined) => isHan(c) || isCjkPunctuation(c);
    let messageId: string | undefined;
    let args: Record<string, string> = {};
    if (/[0-9]/.test(before ?? '') && NUMBER_UNIT.test(after ?? '')) {
      messageId = 'numberUnitSpace';
      args = { unit: after! };
    } else if (chinese(before) && chinese(after)) {
      messageId = 'space';
    }
    if (!messageId) continue;
    const previous = findings.at(-1);
    // Letter-spaced text (`因 地 制 宜`) is one finding with one fix, not one per gap.
    if (messageId === 'space' && previous && previous.messageId !== 'numberUnitSpace' && start - previous.span.end <= 2) {
      findings[findings.length - 1] = {
        ...previous,
        messageId: 'letterSpaced',
        span: { start: previous.span.start, end },
        fix: [...previous.fix!, { span: { start, end }, newText: '' }],
      };
      continue;
    }
    findings.push({
      code: 'punctuation.width',
      messageId,
      span: { start, end },
      args,
      fix: [{ span: { start, end }, newText: '' }],
    });
  }
  return findings;
}
