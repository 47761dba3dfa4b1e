import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, parseCircledNumber } from './chineseNumerals';
import { contentEnd, contentStart, firstSentenceEnd } from './sentence';

/**
 * Classifies ONE line of a policy document as a heading candidate. The result
 * depends on the line text alone, so callers may cache it per text; whether a
 * candidate really is a heading (an unnumbered part, a title) is decided by
 * `buildOutline`, which sees the neighbouring lines.
 */

/** The numbering systems a marker can belong to. Numbering restarts and is checked per family. */
export type MarkerFamily =
  | 'cjk-dun' //      一、  (also 一. 一．)
  | 'cjk-paren' //    （一） (一)
  | 'arabic-dot' //   1.  1．  1、
  | 'arabic-paren' // （1） (1)
  | 'circled' //      ①
  | 'bian' //         第一编
  | 'chapter' //      第一章
  | 'jie' //          第一节
  | 'article' //      第一条
  | 'lead-shi' //     一是
  | 'lead-yao' //     一要
  | 'lead-dash'; //   ——（no number）

/** A number marker at the start of a line. Offsets are relative to the line. */
export interface LineMarker {
  readonly value: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** `fullwidth-paren`, `halfwidth-paren`, `mixed-paren`, `dot`, `fullwidth-dot`, `comma`, `ordinal`, `lead`, `circled`. */
  readonly style: string;
}

/** A line that starts with a heading marker: `（一）…`, `第三条 …`, `一是…`, `——…`. */
export interface HeadingLine {
  readonly type: 'heading';
  readonly family: MarkerFamily;
  /** Absent only for `——` leads. */
  readonly marker?: LineMarker;
  /** Where the heading text starts (the marker). */
  readonly start: number;
  /** End of the name: the first sentence without its 。, the whole line, or the marker of an article. */
  readonly nameEnd: number;
  /** End of the line without trailing spaces. */
  readonly end: number;
  /** True when the whole line is the heading (no sentence follows it). */
  readonly standalone: boolean;
}

/**
 * A line that names a document: `2.北京市政府工作报告` (certain) or a
 * standalone line ending in 报告/条例/…, `中华人民共和国…法` (certain only when
 * the neighbours agree).
 */
export interface TitleLine {
  readonly type: 'title';
  readonly marker?: LineMarker;
  readonly start: number;
  readonly end: number;
  readonly certain: boolean;
}

/**
 * A line of at most 50 characters without commas or sentence punctuation:
 * maybe an unnumbered part, a line of a newspaper headline, the second line of
 * a wrapped heading — or a byline.
 */
export interface PlainLine {
  readonly type: 'plain';
  readonly start: number;
  readonly end: number;
  /** Only Han characters, letters and digits, at most 20 of them: `2023年工作回顾`. */
  readonly partLike: boolean;
  /** Contains a space or colon between words, as one-line headlines do (`习近平在湖南考察时强调 坚持改革创新`). */
  readonly hasBreak: boolean;
}

/** `## 标题` in Markdown documents. */
export interface MarkdownLine {
  readonly type: 'markdown';
  readonly level: number;
  readonly start: number;
  readonly nameStart: number;
  /** End of the name, before any closing `#`s. */
  readonly end: number;
}

/**
 * `20.2030年远景目标：…`, `21.3+1产业体系：…`: a list item whose text begins with
 * digits. Alone it cannot be told from a wrapped number (`2.2万亿元`), so the
 * outline takes it as item N only right after item N−1.
 */
export interface NumericItemLine {
  readonly type: 'numericItem';
  readonly heading: HeadingLine;
}

/**
 * Where an article comes from: `《人民日报》（2024年03月06日第01版）`,
 * `新华社北京3月5日电`, `来源：湖南日报`. Never a title, also at the end of an
 * article, where it closes the article like body text does.
 */
export interface SourceLine {
  readonly type: 'source';
}

export type LineCandidate = HeadingLine | TitleLine | PlainLine | MarkdownLine | NumericItemLine | SourceLine;

const N = CHINESE_NUMERAL_CHARS;
const LAW_MARKER = new RegExp(`第([${N}]+|\\d{1,4})([编章节条])`, 'y');
const PAREN_MARKER = new RegExp(`([（(])([${N}]+|\\d{1,3})([）)])`, 'y');
/** `1.` needs a non-digit after it: `2.2 万亿元` and `32.01%` are wrapped numbers, not items. */
const ARABIC_DOT_MARKER = /(\d{1,3})([.．、])(?=[ \t\u3000]*[^\d\s.．、%％,，])/y;
/** `20.2030年…`: an item marker followed by digits that are not a quantity (`2.2万亿元`, `32.01%`). */
const NUMERIC_ITEM_MARKER = /(\d{1,3})([.．、])(?=\d)(?!\d+(?:\.\d+)?\s*[%％‰万亿千百倍元个月日号])/y;
const CJK_DUN_MARKER = new RegExp(`([${N}]+)([、.．])`, 'y');
const LEAD_MARKER = /([一二三四五六七八九十]+)([是要])/y;
/** `——2024年1月21日在…会议上`, also `—2024`, `—— 2024`, `——22024年` and `——2024 年 3 月`. */
const DATELINE = /[—―]{1,2}\s*\d{1,5}\s*年\s*\d{1,2}\s*月/y;
const DASH_LEAD = /——(?=\S)/y;
const MARKDOWN = /(#{1,6})[ \t]+(?=\S)/y;
/** A table-of-contents entry: dot leaders or a tab before a page number. */
const TOC_ENTRY = /(?:[.·…‥⋯．_]{2,}|\t)[ \t\u3000]*\d+$/;
const DOCUMENT_SUFFIX = /(?:报告|条例|规定|办法|决定|决议|意见|通知|纲要|规划|方案|细则|公报|章程|通告|公告|批复)[》”"]*$|^中华人民共和国\S+法$/;
const DATE_ONLY = new RegExp(`^(?:\\d{4}|[${N}]{4})\\s*年\\s*(?:\\d{1,2}|[${N}]{1,3})\\s*月\\s*(?:\\d{1,2}|[${N}]{1,3})\\s*日$`);
/**
 * Source lines: `《人民日报》（2024年03月06日第01版）`, `《人民日报》2024年3月6日`,
 * `——《求是》2024年第6期`; `新华社北京3月5日电`; `来源：湖南日报`, `（来源：新华网）`,
 * `摘自《人民日报》`. Numbers are Arabic or Chinese numerals.
 */
const SOURCE_LINE =
  /^[—\-－]*\s*《[^》]{1,20}》\s*[（(]?\s*(?:(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*年\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*月\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*日|(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*年\s*第\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*期)\s*(?:第?\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*版)?\s*[）)]?$|^[（(]?新华社[^\s，。；]{0,12}?(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*月\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,4})\s*日\s*电|^[（(]?\s*(?:(?:来源|转自|原载|选自|稿件来源)\s*[：:]|摘自\s*《)/;
const COMMA_OR_SENTENCE = /[，。；！？,;!?]/;
const PART_LIKE = /^[\p{Script=Han}A-Za-z0-9０-９]{2,20}$/u;
const INNER_BREAK = /\S[ \u3000]+\S|[：:]/;
/** Chapters, sections and books are titles on their own line. */
const MAX_STANDALONE_TITLE = 40;
const MAX_PLAIN = 50;

/** Classifies one line (without its line break); null for prose, blank lines and non-headings. */
export function classifyLine(line: string): LineCandidate | null {
  const start = contentStart(line);
  const end = contentEnd(line);
  if (start >= end) return null;
  // Only a line ending in a digit can be a table-of-contents entry; the test scans the whole line.
  if (isDigit(line.charCodeAt(end - 1)) && TOC_ENTRY.test(line.slice(start, end))) return null;

  const markdown = match(MARKDOWN, line, start);
  if (markdown) {
    const closing = /[ \t]+#+$/.exec(line.slice(start, end)); // `## 标题 ##`
    const nameEnd = closing ? start + closing.index : end;
    return { type: 'markdown', level: markdown[1].length, start, nameStart: start + markdown[0].length, end: nameEnd };
  }

  if (match(DATELINE, line, start)) return null;
  if (end - start <= MAX_PLAIN && SOURCE_LINE.test(line.slice(start, end))) return { type: 'source' };
  const dash = match(DASH_LEAD, line, start);
  if (dash) return heading('lead-dash', undefined, line, start, start + dash[0].length, end);

  return (
    lawHeading(line, start, end) ??
    parenHeading(line, start, end) ??
    arabicDotHeading(line, start, end) ??
    cjkDunHeading(line, start, end) ??
    leadHeading(line, start, end) ??
    circledHeading(line, start, end) ??
    plainLine(line, start, end)
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function match(pattern: RegExp, line: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(line);
}

function heading(
  family: MarkerFamily,
  marker: LineMarker | undefined,
  line: string,
  start: number,
  textStart: number,
  end: number,
): HeadingLine | null {
  if (textStart >= end) return null; // a bare marker is not a heading (`end` is the last non-space character)
  // An article is named by its number: its first sentence is a whole provision.
  const sentenceEnd = family === 'article' ? textStart : firstSentenceEnd(line, textStart, end);
  return { type: 'heading', family, marker, start, nameEnd: withoutClausePunctuation(line, textStart, sentenceEnd), end, standalone: sentenceEnd === end };
}

/** `（一）国家事务重大决策中的秘密事项；` is named without its `；`. */
function withoutClausePunctuation(line: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[；;，,：:、\s\u3000]/.test(line[end - 1])) end--;
  return end;
}

function marker(value: number | undefined, text: string, start: number, style: string): LineMarker | undefined {
  return value === undefined || value <= 0 ? undefined : { value, text, start, end: start + text.length, style };
}

function numberValue(numeral: string): number | undefined {
  return /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
}

function lawHeading(line: string, start: number, end: number): HeadingLine | null {
  const m = match(LAW_MARKER, line, start);
  if (!m) return null;
  const unit = m[2];
  const found = marker(numberValue(m[1]), m[0], start, 'ordinal');
  if (!found) return null;
  const family: MarkerFamily = unit === '条' ? 'article' : unit === '章' ? 'chapter' : unit === '节' ? 'jie' : 'bian';
  if (family !== 'article') {
    // `第一章 总  则` stands alone; `第一节课…` in prose does not.
    const title = line.slice(start, end);
    if (title.length > MAX_STANDALONE_TITLE || COMMA_OR_SENTENCE.test(title)) return null;
  }
  return heading(family, found, line, start, found.end, end) ?? (family === 'article' ? null : bareTitle(family, found, end));
}

/** `第一章` alone on its line is still a chapter. */
function bareTitle(family: MarkerFamily, found: LineMarker, end: number): HeadingLine {
  return { type: 'heading', family, marker: found, start: found.start, nameEnd: end, end, standalone: true };
}

function parenHeading(line: string, start: number, end: number): HeadingLine | null {
  const m = match(PAREN_MARKER, line, start);
  if (!m) return null;
  const open = m[1] === '（';
  const close = m[3] === '）';
  const style = open && close ? 'fullwidth-paren' : !open && !close ? 'halfwidth-paren' : 'mixed-paren';
  const arabic = /\d/.test(m[2]);
  const found = marker(numberValue(m[2]), m[0], start, style);
  if (!found) return null;
  return heading(arabic ? 'arabic-paren' : 'cjk-paren', found, line, start, found.end, end);
}

function arabicDotHeading(line: string, start: number, end: number): LineCandidate | null {
  const m = match(ARABIC_DOT_MARKER, line, start);
  if (!m) return numericItem(line, start, end);
  const style = m[2] === '.' ? 'dot' : m[2] === '．' ? 'fullwidth-dot' : 'comma';
  const found = marker(Number(m[1]), m[0], start, style);
  if (!found) return null;
  const rest = line.slice(found.end, end).trim();
  // `2.北京市政府工作报告`: a numbered title in a compilation.
  if (style !== 'comma' && rest.length <= MAX_STANDALONE_TITLE && !COMMA_OR_SENTENCE.test(rest) && /报告[》”"]*$/.test(rest)) {
    return { type: 'title', marker: found, start, end, certain: true };
  }
  return heading('arabic-dot', found, line, start, found.end, end);
}

function numericItem(line: string, start: number, end: number): NumericItemLine | null {
  const m = match(NUMERIC_ITEM_MARKER, line, start);
  if (!m || Number(m[1]) < 2) return null;
  const style = m[2] === '.' ? 'dot' : m[2] === '．' ? 'fullwidth-dot' : 'comma';
  const found = marker(Number(m[1]), m[0], start, style);
  const item = found && heading('arabic-dot', found, line, start, found.end, end);
  return item ? { type: 'numericItem', heading: item } : null;
}

function cjkDunHeading(line: string, start: number, end: number): HeadingLine | null {
  const m = match(CJK_DUN_MARKER, line, start);
  if (!m) return null;
  const style = m[2] === '、' ? 'comma' : m[2] === '.' ? 'dot' : 'fullwidth-dot';
  const found = marker(parseChineseNumeral(m[1]), m[0], start, style);
  if (!found) return null;
  // `一、二线城市` and `一、二季度` in prose: a numeral list, not a part heading.
  if (found.style === 'comma' && parseChineseNumeral(line[found.end] ?? '') === found.value + 1) return null;
  return heading('cjk-dun', found, line, start, found.end, end);
}

function leadHeading(line: string, start: number, end: number): HeadingLine | null {
  const m = match(LEAD_MARKER, line, start);
  if (!m) return null;
  const found = marker(parseChineseNumeral(m[1]), m[0], start, 'lead');
  if (!found) return null;
  return heading(m[2] === '是' ? 'lead-shi' : 'lead-yao', found, line, start, found.end, end);
}

function circledHeading(line: string, start: number, end: number): HeadingLine | null {
  const value = parseCircledNumber(line[start]);
  if (value === undefined) return null;
  return heading('circled', marker(value, line[start], start, 'circled'), line, start, start + 1, end);
}

function plainLine(line: string, start: number, end: number): TitleLine | PlainLine | null {
  if (end - start > MAX_PLAIN) return null;
  const content = line.slice(start, end);
  // Commas, sentence punctuation or a final colon (`各位代表：`) make it prose;
  // a bracketed line is a note (`（2024年2月27日…修订）`, `（下转第二版）`).
  if (COMMA_OR_SENTENCE.test(content) || /[：:]$/.test(content) || /^[（(].*[）)]$/.test(content)) return null;
  if (DATE_ONLY.test(content)) return null; // the date under a signature
  if (content.length <= MAX_STANDALONE_TITLE && DOCUMENT_SUFFIX.test(content)) {
    return { type: 'title', start, end, certain: false };
  }
  return { type: 'plain', start, end, partLike: PART_LIKE.test(content), hasBreak: INNER_BREAK.test(content) };
}
