import { classifyLine } from '../outline/headingPatterns';

/**
 * Clean-up of text pasted from a PDF: lines broken inside sentences are
 * joined into paragraphs, spaces the PDF put between Chinese characters
 * (`因 地 制 宜`, `2023 年`) are removed and page-number lines are dropped.
 * Headings, list items, bylines, titles and intentional paragraph breaks are
 * left alone. Only white space and page-number lines ever disappear: with
 * both removed, input and output are the same string.
 */
export function cleanPastedText(text: string): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\r|\n/);
  const trailingBreak = lines.length > 1 && lines[lines.length - 1] === '';
  if (trailingBreak) lines.pop();

  // Page-number lines go, together with the blank lines around them: a page break is not a paragraph break.
  const kept: { text: string; blanksBefore: number }[] = [];
  let blanks = 0;
  let afterPageNumber = false;
  for (const line of lines) {
    if (isPageNumberLine(line)) {
      if (!afterPageNumber) blanks = 0;
      afterPageNumber = true;
      continue;
    }
    if (isBlank(line)) {
      if (!afterPageNumber) blanks++;
      continue;
    }
    kept.push({ text: line, blanksBefore: blanks });
    blanks = 0;
    afterPageNumber = false;
  }
  const trailingBlanks = blanks;
  if (kept.length === 0) return lines.filter((l) => !isPageNumberLine(l)).join(eol) + (trailingBreak ? eol : '');

  const layout = layoutOf(kept.map((k) => k.text), kept.slice(1).map((k) => k.blanksBefore));
  const repeated = repeatedShortLines(kept.map((k) => k.text));

  const paragraphs: { text: string; blanksBefore: number }[] = [];
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    const previous = paragraphs[paragraphs.length - 1];
    if (previous && i > 0 && joins(kept[i - 1].text, line.text, line.blanksBefore, layout.widths[i - 1], layout, repeated)) {
      previous.text = joinLines(previous.text, line.text);
      continue;
    }
    paragraphs.push({ text: line.text, blanksBefore: line.blanksBefore });
  }

  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    // Blank lines between paragraphs stay as they were (a double-spaced paste keeps its look).
    for (let b = 0; b < paragraph.blanksBefore; b++) out.push('');
    out.push(removeSpuriousSpaces(paragraph.text));
  }
  for (let b = 0; b < trailingBlanks; b++) out.push('');
  return out.join(eol) + (trailingBreak ? eol : '');
}

/** A line holding only a page number: `12`, `- 12 -`, `— 12 —`, `第 3 页`, `第3页 共10页`, `3/10`, `Page 3`. */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(line));
}

const PAGE_NUMBER = [
  /^[\s\u3000]*[-－—–―~～·•]*[\s\u3000]*\d{1,3}[\s\u3000]*[-－—–―~～·•]*[\s\u3000]*$/,
  /^[\s\u3000]*第[\s\u3000]*\d{1,4}[\s\u3000]*页[\s\u3000]*([,，]?[\s\u3000]*共[\s\u3000]*\d{1,4}[\s\u3000]*页)?[\s\u3000]*$/,
  /^[\s\u3000]*\d{1,4}[\s\u3000]*[/／][\s\u3000]*\d{1,4}[\s\u3000]*$/,
  /^[\s\u3000]*(page|p\.)[\s\u3000]*\d{1,4}([\s\u3000]*(of|\/)[\s\u3000]*\d{1,4})?[\s\u3000]*$/i,
];

interface Layout {
  /** Every line followed by a blank one: blank lines are not paragraph breaks. */
  readonly doubleSpaced: boolean;
  /** Typical length of a full line around each line (characters without spaces): columns differ in width. */
  readonly widths: readonly number[];
  /**
   * Lines were broken at a fixed width (a PDF column): many lines are about
   * `width` long and stop mid-sentence. Text with one paragraph per line is
   * never joined.
   */
  readonly hardWrapped: boolean;
}

function layoutOf(lines: readonly string[], gaps: readonly number[]): Layout {
  const singleBlank = gaps.filter((g) => g === 1).length;
  const doubleSpaced = gaps.length >= 2 && singleBlank >= gaps.length * 0.6;
  const visible = lines.map(visibleLength);
  const widths = visible.map((_, i) => {
    const around = visible.slice(Math.max(0, i - WINDOW), i + WINDOW + 1).sort((a, b) => a - b);
    return around.length >= 5 ? around[Math.floor(around.length * 0.8)] : around[around.length - 1];
  });
  const full = lines.filter((line, i) => isFullLine(visible[i], widths[i]) && !endsSentence(line)).length;
  // Text with one paragraph per line has next to none (the 1.6 MB compilation: 1 of 2570); a PDF page has most (000: 80 %).
  const hardWrapped = full >= (lines.length >= 5 ? Math.max(2, lines.length * 0.05) : 1);
  return { doubleSpaced, widths, hardWrapped };
}

/** Lines either side that decide the column width at a line. */
const WINDOW = 6;

/** About as long as a line of the column (justified lines differ by a character or two, wider glyphs by a few). */
function isFullLine(length: number, width: number): boolean {
  return length >= width * 0.7 && length <= width * 1.25;
}

function endsSentence(line: string): boolean {
  return TERMINAL.test(line.trimEnd().replace(CLOSERS, ''));
}

/** Short lines that repeat (running headers such as the document title on every page) stay lines of their own. */
function repeatedShortLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.replace(/\s+/g, '');
    if (key.length > 0 && key.length <= 30) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([key]) => key));
}

const TERMINAL = /[。！？!?；;：:…]$/;
const CLOSERS = /[”’」』）)》\]】"']+$/;
const BODY = /[，。；！？、,;]/;
const BULLET = /^[\s\u3000]*[•·●○■□◆◇▪▶►\-*+][\s\u3000]/;

/** Whether line `next` continues the paragraph that line `previous` belongs to. */
function joins(previous: string, next: string, blanksBetween: number, width: number, layout: Layout, repeated: ReadonlySet<string>): boolean {
  if (!layout.hardWrapped || blanksBetween > (layout.doubleSpaced ? 1 : 0)) return false;
  if (repeated.has(previous.replace(/\s+/g, '')) || repeated.has(next.replace(/\s+/g, ''))) return false;
  if (startsBlock(next) || endsSentence(previous)) return false;
  // A short line that does not end a sentence is a title, a byline or a heading; a long one is a paragraph.
  const length = visibleLength(previous);
  if (!isFullLine(length, width)) return false;
  // A short line without punctuation after a full one: a byline or a title, not the end of a sentence.
  if (visibleLength(next) < width * 0.7 && !BODY.test(next) && !endsSentence(next)) return false;
  // A heading that fills the line (less the first-line indent of two characters) continues on the next one; a shorter one stands alone.
  const kind = classifyLine(previous);
  const isText = !kind || kind.type === 'plain' || (kind.type === 'heading' && (kind.family === 'lead-shi' || kind.family === 'lead-yao'));
  return isText || BODY.test(previous) || length >= width * 0.85 - 2;
}

/** A line that starts something of its own: a numbered heading, a list item, a Markdown block, a title. */
function startsBlock(line: string): boolean {
  if (BULLET.test(line) || /^[\s\u3000]*(#|>|\||```)/.test(line)) return true;
  const kind = classifyLine(line);
  if (!kind || kind.type === 'plain' || kind.type === 'numericItem') return false;
  if (kind.type === 'heading') return kind.family !== 'lead-shi' && kind.family !== 'lead-yao';
  return true;
}

/** Joins a continuation line: its indentation goes; a space stays between two Latin words. */
function joinLines(head: string, tail: string): string {
  const left = head.replace(/[\s\u3000]+$/, '');
  const right = tail.replace(/^[\s\u3000]+/, '');
  const latin = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right);
  return left + (latin ? ' ' : '') + right;
}

const HAN_OR_CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019《》';
/** A space next to a Chinese character or Chinese punctuation, with text on the other side. */
const SPACE_BY_CJK = new RegExp(`(?<=[${HAN_OR_CJK}])[ \\t\\u00a0\\u3000]+(?=\\S)|(?<=\\S)[ \\t\\u00a0\\u3000]+(?=[${HAN_OR_CJK}])`, 'gu');
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})[ \t\u00a0\u3000]+(?=\p{Script=Han})/gu;
/** `2024 年 3 月`: a space between a figure and a Chinese character is never meant. */
const SPACE_BY_DIGIT = new RegExp(`(?<=[${HAN_OR_CJK}])[ \\t\\u00a0\\u3000]+(?=[0-9])|(?<=[0-9%])[ \\t\\u00a0\\u3000]+(?=[${HAN_OR_CJK}])`, 'gu');

/**
 * Spaces inside Chinese prose go (`因 地 制 宜`, `2023 年`, `超过 126 万亿元`);
 * a short line that is not prose keeps the spaces between its words unless it
 * is letter-spaced throughout (`政 府 工 作 报 告`), since bylines (`省长 王浩`)
 * and law titles (`第一章 总  则`) space words on purpose — only spaces next
 * to figures go there. Indentation is kept.
 */
function removeSpuriousSpaces(paragraph: string): string {
  const indent = /^[\s\u3000]*/.exec(paragraph)![0];
  const body = paragraph.slice(indent.length).replace(/[\s\u3000]+$/, '');
  if (isProse(body)) {
    // In short quotations a space between two words stays (two-part slogans: “好品山东 商行天下”).
    let out = '';
    let at = 0;
    for (const quote of body.matchAll(/“[^“”]{1,40}”/g)) {
      out += body.slice(at, quote.index).replace(SPACE_BY_CJK, '');
      out += quote[0].replace(SPACE_BY_CJK, (space: string, offset: number, inner: string) =>
        /\p{Script=Han}{2}$/u.test(inner.slice(0, offset)) && /^\p{Script=Han}{2}/u.test(inner.slice(offset + space.length)) ? space : '',
      );
      at = quote.index + quote[0].length;
    }
    return indent + out + body.slice(at).replace(SPACE_BY_CJK, '');
  }
  if (isLetterSpaced(body)) return indent + body.replace(SPACE_BETWEEN_HAN, '').replace(SPACE_BY_CJK, '');
  return indent + body.replace(SPACE_BY_DIGIT, '');
}

function isProse(text: string): boolean {
  return BODY.test(text) || visibleLength(text) >= 30;
}

/** Most neighbouring Chinese characters separated by spaces. */
function isLetterSpaced(text: string): boolean {
  const pairs = text.match(/\p{Script=Han}[ \t\u00a0\u3000]*(?=\p{Script=Han})/gu) ?? [];
  if (pairs.length < 3) return false;
  const spaced = pairs.filter((p) => p.length > 1).length;
  return spaced >= pairs.length * 0.6;
}

/** Width of a line on the page without its spaces: Chinese characters one em, ASCII half. */
function visibleLength(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code <= 32 || code === 0x3000 || code === 0xa0 || (code >= 0xdc00 && code <= 0xdfff)) continue;
    n += code < 0x7f ? 0.5 : 1;
  }
  return n;
}

function isBlank(line: string): boolean {
  return /^[\s\u3000]*$/.test(line);
}
