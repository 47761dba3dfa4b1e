import { codeTable } from '../text/chars';
import { endsWithPhotoCredit, inlineDatelines } from '../text/newsCredits';
import { paragraphAt } from '../text/paragraphs';
import type { Finding, Paragraph } from '../types';
import { checkPerArticle } from './articleScopes';
import { holdsLegalArticles, startsLegalArticle } from './legalArticles';
import type { DocumentFacts, Rule, RuleOptions } from './rule';


/**
 * `sentence.duplicated`: a whole sentence that appears twice in one document,
 * usually a copy-paste left-over. The later copy is flagged and points to the
 * first. Sentences are compared without white space, within one article of a
 * compilation (see articleScopes), and within one paragraph of a law: laws repeat their
 * formulas by design from article to article and from paragraph to paragraph of an article
 * (法律、行政法规另有规定的，从其规定。 ×12, 单位犯前款罪的，对单位判处罚金…… ×30 in the
 * Criminal Law, two lists that both end in （三）违法所得一万元以上的。): 956 findings on 3 476
 * laws and regulations, none of them a copy-paste left-over. A sentence inside “…” is a
 * quotation: it is neither reported nor taken as the first copy.
 */
export const sentenceDuplicatedRule: Rule = {
  id: 'sentence.duplicated',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  textOnly: true,
  example: 'copy-paste left-overs',
  description: {
    en: 'A sentence that appears twice in the same document (in a compilation, in the same article); quotations in “…” are not compared.',
    zh: '同一文稿（汇编中为同一篇文章）中重复出现的句子；“……”内的引文不比较。',
  },
  options: [
    { name: 'minLength', type: 'number', default: 12, minimum: 4, maximum: 200, description: { en: 'Shortest sentence (characters) compared.', zh: '参与比较的最短句子（字数）。' } },
  ],
  messages: {
    duplicate: { en: 'This sentence already appears on line {line}.', zh: '此句与第 {line} 行重复。' },
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const minLength = options.minLength as number;
    const sentences = (paragraph: Paragraph) => sentencesOf(paragraph.text, minLength);
    const startsArticle = (paragraph: Paragraph) => facts.memo('startsLegalArticle', paragraph, (p) => startsLegalArticle(p.text));
    return checkPerArticle(facts, 'scopes', (scope) => (holdsLegalArticles(scope, startsArticle) ? scope.flatMap((paragraph) => duplicatesIn([paragraph])) : duplicatesIn(scope)));

    function duplicatesIn(paragraphs: readonly Paragraph[]): Finding[] {
      const findings: Finding[] = [];
      const first = new Map<string, { start: number; end: number; lead: string | undefined }>();
      // Index loops and one object per new sentence: this runs over every sentence of a document on
      // each check, first before V8 has optimised it, where a loop over an array made an object per step.
      for (let p = 0; p < paragraphs.length; p++) {
        const paragraph = paragraphs[p];
        // Web articles put one caption under several photos (`同学们一边听讲解一边参观。人民网 李龙摄`).
        if (facts.memo('caption', paragraph, isCaption)) continue;
        const own = facts.memo('sentences', paragraph, sentences);
        // A news article starting inside the paragraph (a dateline after a sentence): nothing before it is its text.
        const datelines = facts.memo('inlineDatelines', paragraph, datelinesIn);
        let nextDateline = 0;
        for (let k = 0; k < own.length; k++) {
          const sentence = own[k];
          while (nextDateline < datelines.length && datelines[nextDateline] <= sentence.start) {
            first.clear();
            nextDateline++;
          }
          if (sentence.quoted || isSalutation(sentence.key)) continue;
          // A lead sentence is remembered with what follows it: a copied paragraph continues alike.
          const lead = isLead(sentence) ? paragraph.text.slice(sentence.end, sentence.end + CONTINUATION) : undefined;
          const seen = first.get(sentence.key);
          if (!seen) {
            first.set(sentence.key, { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end, lead });
            continue;
          }
          // The same short lead sentence over different paragraphs: a heading that the review
          // and the tasks of a report share (推进节能减排和生态环境保护。), not a copy.
          if (seen.lead !== undefined && lead !== undefined && seen.lead !== lead) continue;
          findings.push({
            code: 'sentence.duplicated',
            messageId: 'duplicate',
            span: { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end },
            args: { line: paragraphAt(facts.paragraphs, seen.start) + 1 },
            related: [{ start: seen.start, end: seen.end }],
          });
        }
      }
      return findings;
    }
  },
};

interface Sentence {
  /** The sentence without white space. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Inside “…” (or opening one that goes on): a quotation of something else. */
  readonly quoted: boolean;
  /** Nothing but white space before it in the paragraph. */
  readonly first: boolean;
}

/** Longest first sentence taken for a paragraph's heading. */
const MAX_LEAD = 25;
/** Characters after a lead sentence that tell a copied paragraph from another one under the same heading. */
const CONTINUATION = 12;

const isCaption = (paragraph: Paragraph) => endsWithPhotoCredit(paragraph.text);
const datelinesIn = (paragraph: Paragraph) => inlineDatelines(paragraph.text);

/** `女士们、先生们、朋友们！`, `同志们！`, `各位代表！`: a speech addresses its audience again and again. */
const ADDRESSEE = /^(?:各位|尊敬的)?[\p{Script=Han}]{0,12}(?:们|代表|来宾|嘉宾|同志|朋友)$/u;

/** Each part between 、and ，an addressee, the whole ending in ！ (split first: one pattern over the whole key backtracked exponentially). */
function isSalutation(key: string): boolean {
  if (key.length > 30) return false;
  const last = key.charCodeAt(key.length - 1);
  if (last !== 0xff01 && last !== 0x21) return false;
  return key.slice(0, -1).split(/[、，,]/).every((part) => ADDRESSEE.test(part));
}

function isLead(sentence: Sentence): boolean {
  return sentence.first && sentence.key.length <= MAX_LEAD;
}

/** The sentences of a paragraph long enough to compare: offsets relative to it, key without white space. */
export function sentencesOf(text: string, minLength: number): Sentence[] {
  const sentences: Sentence[] = [];
  if (text.length < minLength) return sentences;
  // A sentence is a run of text after a line break or a final mark, up to and including the next
  // final mark (a run the line ends without closing is none). One pass with the depth of “…”
  // kept along, a table lookup per character: no regular expression (its match objects were
  // most of what this rule allocated) and no call per character (the server's V8 does not inline).
  let from = 0;
  // Where the paragraph's text starts (as `trim` sees white space): a sentence starting there is its first.
  const content = text.search(NOT_WHITE_SPACE);
  /** Open “ before `from`, and before the current character. */
  let depthAtFrom = 0;
  let depth = 0;
  /** White space seen since `from`: only then is the key made without it. */
  let spaced = false;
  for (let i = 0; i < text.length; i++) {
    const kind = CHARACTER_KINDS[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === SPACE) {
      spaced = true;
      continue;
    }
    if (kind === OPENING_QUOTE) {
      depth++;
      continue;
    }
    if (kind === CLOSING_QUOTE) {
      if (depth > 0) depth--;
      continue;
    }
    // `?wx_fmt=png`, `!important`: an ASCII mark inside a web address or code ends no sentence.
    if (kind === FINAL_MARK && ASCII_WORD[text.charCodeAt(i + 1)] === 1 && (text.charCodeAt(i) === 0x3f || text.charCodeAt(i) === 0x21)) continue;
    const runStart = from;
    const open = depthAtFrom > 0;
    const withSpace = spaced;
    from = i + 1;
    depthAtFrom = depth;
    spaced = false;
    // Too short even with white space in it: not worth a string.
    if (kind === LINE_BREAK || i === runStart || i + 1 - runStart < minLength) continue;
    const raw = text.slice(runStart, i + 1);
    // A web address or a Markdown image or link (`![图片](https://…)`) is no sentence: pictures repeat.
    if (raw.includes('://') || raw.includes('](')) continue;
    const key = withSpace ? raw.replace(/\s+/g, '') : raw;
    // Counted only where surrogate pairs could decide it: a sentence is most often far longer.
    if (key.length < minLength || (key.length < 2 * minLength && codePoints(key) < minLength)) continue;
    // Leading white space holds no quotation mark: the depth where the run starts is the sentence's.
    const start = withSpace ? runStart + raw.length - raw.trimStart().length : runStart;
    sentences.push({ key, start, end: i + 1, quoted: depth > 0 || open, first: content === -1 || content >= start });
  }
  return sentences;
}

const FINAL_MARK = 1;
const LINE_BREAK = 2;
const OPENING_QUOTE = 3;
const CLOSING_QUOTE = 4;
const SPACE = 5;
/** By code unit: 。！？ and their ASCII forms, CR and LF, “ and ”, and the rest of `\s` (white space and line separators). */
const CHARACTER_KINDS = new Uint8Array(65536);
for (const code of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) CHARACTER_KINDS[code] = SPACE;
for (let code = 0x2000; code <= 0x200a; code++) CHARACTER_KINDS[code] = SPACE;
for (const mark of '。！？!?') CHARACTER_KINDS[mark.charCodeAt(0)] = FINAL_MARK;
CHARACTER_KINDS[0x0a] = CHARACTER_KINDS[0x0d] = LINE_BREAK;
CHARACTER_KINDS[0x201c] = OPENING_QUOTE;
CHARACTER_KINDS[0x201d] = CLOSING_QUOTE;

const NOT_WHITE_SPACE = /\S/;
/** Letters, digits and the characters of a query string (= & % _), by code unit. */
const ASCII_WORD = codeTable('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=&%_');

/** Characters (code points) of a string, without spreading it into an array of them (a sentence each was garbage). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
