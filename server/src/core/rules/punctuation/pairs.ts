import { codeSet, isWhiteSpaceCode } from '../../text/chars';
import { proofFinding } from '../proofreading';
import type { Finding, Paragraph } from '../../types';
import type { DocumentFacts, Rule } from '../rule';

/** Paired marks; half-width parentheses pair with full-width ones (mixed widths are `punctuation.width`'s). */
const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['‘', '’'],
  ['（(', '）)'],
  ['《', '》'],
  ['〈', '〉'],
  ['【', '】'],
  ['「', '」'],
  ['『', '』'],
];
/**
 * Each mark's pair by character code: 2 × kind + 1 for an opening mark, 2 × kind for a
 * closing one, -1 for any other character (a table, not a string and a lookup per character).
 */
const MARK = new Int8Array(65536).fill(-1);
PAIRS.forEach(([opens, closes], kind) => {
  for (const c of opens) MARK[c.charCodeAt(0)] = 2 * kind + 1;
  for (const c of closes) MARK[c.charCodeAt(0)] = 2 * kind;
});
/** `1）`, `a)`, `①)` at the start of a paragraph: a list marker, not half of a pair. */
const LIST_MARKER = /^[\s\u3000]*[\dA-Za-z一二三四五六七八九十]{1,3}$/;
/** How many following paragraphs may close a mark: web pages and PDFs break lines inside quotations. */
const WINDOW = 3;
/**
 * How many following paragraphs a quotation may run over when its inner paragraphs do not repeat
 * the opening “: an amended article quoted with its list of items (`修改为：“有下列情形之一的…：`,
 * `（一）…；` … `（四）…。”`). The longest on the 3 476 laws of LawRefBook: 25 items (the Supreme
 * People's Court's 2020 decision amending its intellectual-property interpretations); 30 suffice there.
 */
const QUOTATION_WINDOW = 40;
/** The double quotation marks' kind (their index in PAIRS). */
const QUOTE = 0;
/**
 * A line ending in one of these ends a paragraph; any other line is broken and continues on the next.
 * Half-width ones too: 刑法修正案（九） ends its introducing lines with `:`.
 */
const PARAGRAPH_END_MARKS = codeSet('。！？；：…”’）」』:;!?');
/** What may follow the ” that closes a quotation at the end of its paragraph (`…处罚。”`, `…处罚”。`). */
const AFTER_LAST_CLOSING = /^[。！？；.!?;]?[\s\u3000]*$/;
const BLANK = /^[\s\u3000\u200b\ufeff]*$/;
/** A paragraph that ends in a colon introduces what follows (a quoted article's list of items). */
const ENDS_WITH_COLON = /[：:][\s\u3000]*$/;

function introducesItems(text: string): boolean {
  return ENDS_WITH_COLON.test(text);
}

interface Mark {
  readonly kind: number;
  readonly offset: number;
  readonly char: string;
}

interface Unmatched {
  readonly openers: readonly Mark[];
  readonly closers: readonly Mark[];
  /** The paragraph opens with “ (the form of a quotation running over several paragraphs). */
  readonly opensWithQuote: boolean;
  /** …and that “ runs to its end: left open, or closed by the paragraph's last mark (`“（四）…。”`). */
  readonly quotesToEnd: boolean;
}

/**
 * `punctuation.pairs`: quotation marks, brackets and title marks left open or
 * closed without an opening within a paragraph. GB/T 15834-2011 4.7: a
 * quotation over several paragraphs opens each paragraph with “ and closes
 * only the last — that form is not flagged, whether the first “ opens its
 * paragraph or follows an introduction (`将刑法第五十条修改为：“…`). A mark
 * closed in one of the next few paragraphs is taken as a line broken inside
 * the quotation (web pages, PDFs) and not flagged either. Laws often leave out
 * the repeated “ of the inner paragraphs (a quoted list of items): a “ closed
 * by the ” that ends a later paragraph, or continued by a later paragraph
 * quoted to its end, with no other quotation opened in between, is paired.
 */
export const punctuationPairsRule: Rule = {
  id: 'punctuation.pairs',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  // A document check (a mark may close in a later line) that runs in one piece: not on huge documents.
  cost: 'full',
  example: '`他说：“要坚持稳中求进。` (unclosed “)',
  description: {
    en: 'Unbalanced quotation marks, brackets and title marks within a paragraph, GB/T 15834-2011.',
    zh: '段落内引号、括号、书名号不成对，依据 GB/T 15834—2011。',
  },
  options: [],
  messages: {
    unclosed: {
      en: 'The mark {char} is not closed: {pair} is missing (GB/T 15834-2011).',
      zh: '标号 {char} 没有对应的 {pair}（GB/T 15834—2011：标号应成对使用）。',
    },
    unopened: {
      en: 'The mark {char} closes a {pair} that was never opened (GB/T 15834-2011).',
      zh: '标号 {char} 前面没有对应的 {pair}（GB/T 15834—2011：标号应成对使用）。',
    },
  },
  checkDocument(facts: DocumentFacts): Finding[] {
    const findings: Finding[] = [];
    type Pending = { mark: Mark; paragraph: Paragraph; ordinal: number };
    let pending: Pending[] = [];
    // The last “ left open beyond the window: a quotation whose inner paragraphs omit the opening “ may still close it.
    let quotation: Pending | undefined;
    const report = (p: Pending) => findings.push(markFinding(p.mark, p.paragraph, true));
    const reportQuotation = () => {
      if (quotation) report(quotation);
      quotation = undefined;
    };
    let ordinal = 0;
    let continues = false;
    // Runs over every paragraph on every edit: index loops, and no arrays made while nothing is pending.
    const paragraphs = facts.paragraphs;
    for (let k = 0; k < paragraphs.length; k++) {
      const paragraph = paragraphs[k];
      if (BLANK.test(paragraph.text)) continue;
      // Lines broken inside a sentence (PDF copies, links of web pages) count as one paragraph.
      const startsParagraph = !continues;
      if (startsParagraph) ordinal++;
      continues = !endsParagraph(paragraph.text);
      if (pending.length > 0 && pending[0].ordinal < ordinal - WINDOW) {
        for (const p of pending) {
          if (p.ordinal >= ordinal - WINDOW) continue;
          // Only an introduction (`修改为：“有下列情形之一的…：`) opens a quotation whose items may omit their “.
          if (p.mark.kind !== QUOTE || !introducesItems(p.paragraph.text)) report(p);
          else {
            // Only the latest quotation left open can still be closed far away: an earlier one is reported.
            reportQuotation();
            quotation = p;
          }
        }
        pending = pending.filter((p) => p.ordinal >= ordinal - WINDOW);
      }
      if (quotation && quotation.ordinal < ordinal - QUOTATION_WINDOW) reportQuotation();
      const unmatched = facts.memo('punctuation.pairs', paragraph, scanParagraph);
      if (unmatched.opensWithQuote && startsParagraph) {
        // A later paragraph of a quotation over several paragraphs: the quotation it continues is not left open.
        const previous = lastQuotation(pending);
        if (previous >= 0 && (pending[previous].ordinal === ordinal - 1 || unmatched.quotesToEnd)) pending.splice(previous, 1);
        else if (previous < 0 && quotation && unmatched.quotesToEnd) quotation = undefined;
      }
      for (let c = 0; c < unmatched.closers.length; c++) {
        const closer = unmatched.closers[c];
        let index = pending.length - 1;
        while (index >= 0 && pending[index].mark.kind !== closer.kind) index--;
        if (index >= 0) pending.splice(index, 1);
        else if (closer.kind === QUOTE && quotation && AFTER_LAST_CLOSING.test(paragraph.text.slice(closer.offset + 1))) quotation = undefined;
        else findings.push(markFinding(closer, paragraph, false));
      }
      for (let o = 0; o < unmatched.openers.length; o++) {
        const mark = unmatched.openers[o];
        // Another quotation opened: which one a far ” would close is no longer clear.
        if (mark.kind === QUOTE) reportQuotation();
        pending.push({ mark, paragraph, ordinal });
      }
    }
    pending.forEach(report);
    reportQuotation();
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/** Index of the last “ still open in `pending`, or -1. */
function lastQuotation(pending: readonly { mark: Mark }[]): number {
  let index = pending.length - 1;
  while (index >= 0 && pending[index].mark.kind !== QUOTE) index--;
  return index;
}

function markFinding(mark: Mark, paragraph: Paragraph, open: boolean): Finding {
  const [opens, closes] = PAIRS[mark.kind];
  const pair = open ? closes[0] : opens[0];
  const start = paragraph.start + mark.offset;
  return proofFinding('punctuation.pairs', open ? 'unclosed' : 'unopened', start, start + 1, { char: mark.char, pair });
}

/** True when the text, white space at its end aside, ends with a mark that ends a paragraph (a regular expression ending in `\s*$` tried every mark of every paragraph). */
function endsParagraph(text: string): boolean {
  let end = text.length;
  while (end > 0 && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > 0 && PARAGRAPH_END_MARKS.has(text.charCodeAt(end - 1));
}

/** Length of the white space a text starts with (without copying the text). */
function leadingSpace(text: string): number {
  let start = 0;
  while (start < text.length && isWhiteSpaceCode(text.charCodeAt(start))) start++;
  return start;
}

const scanParagraph = (paragraph: Paragraph) => scan(paragraph.text);

/** Offsets of the marks still open, one stack per kind: reused by every call (most marks pair up within their paragraph). */
const OPEN: number[][] = PAIRS.map(() => []);
const NO_MARKS: readonly Mark[] = [];

/** The marks of a paragraph that find no partner inside it. */
function scan(text: string): Unmatched {
  for (let kind = 0; kind < OPEN.length; kind++) OPEN[kind].length = 0;
  let closers: Mark[] | undefined;
  // Where the paragraph's first character, when it is “, is closed (-1: left open or not a “).
  const first = leadingSpace(text);
  const lead = text[first] === '“' ? first : -1;
  let leadClosedAt = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mark = MARK[code];
    if (mark < 0) continue;
    const kind = mark >> 1;
    // ’ between Latin letters (China’s) or before a year (’99) is an apostrophe, not a quotation mark.
    if ((code === 0x2019 || code === 0x2018) && ((/[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) || /\d/.test(text[i + 1] ?? ''))) continue;
    if ((mark & 1) === 1) OPEN[kind].push(i);
    else if (OPEN[kind].length > 0) {
      if (OPEN[kind].pop() === lead) leadClosedAt = i;
    } else if (!LIST_MARKER.test(text.slice(0, i))) (closers ??= []).push({ kind, offset: i, char: text[i] });
  }
  let openers: Mark[] | undefined;
  for (let kind = 0; kind < OPEN.length; kind++) {
    const open = OPEN[kind];
    for (let k = 0; k < open.length; k++) (openers ??= []).push({ kind, offset: open[k], char: text[open[k]] });
  }
  openers?.sort((a, b) => a.offset - b.offset);
  const opensWithQuote = lead >= 0;
  const quotesToEnd = opensWithQuote && (leadClosedAt < 0 || AFTER_LAST_CLOSING.test(text.slice(leadClosedAt + 1)));
  return { openers: openers ?? NO_MARKS, closers: closers ?? NO_MARKS, opensWithQuote, quotesToEnd };
}
