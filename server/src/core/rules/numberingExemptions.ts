import { numeralSystemOf } from '../outline/markerText';
import type { OutlineNode } from '../outline/types';
import { flattenOutline } from '../outline/walk';
import { isWhiteSpaceCode } from '../text/chars';
import type { DocumentText } from '../types';

/**
 * Headings that `outline.numbering` must not count, each shown by the text of the laws
 * and judicial interpretations of the LawRefBook corpus (docs/precision.md, "Laws and
 * regulations"). The outline keeps them; only the numbering looks past them.
 */

/** `第一百三十三条之一`: an article inserted by an amendment carries the number of the one before it (刑法). */
const INSERTED_ARTICLE = /^之[一二三四五六七八九十]+/;

/**
 * `第三十一条的决定》第一次修正`, `第三十条、第三十一条`: a reference to an article, not its heading
 * (文物保护法's history note, broken over two lines, opened with it). Every article heading of the
 * corpus is followed by a space, a full-width space or `之一`.
 */
const ARTICLE_REFERENCE = /^(?:[的、，,和及或与至中]|规定)/;

/** `（一）至（三）项所列人员…`, `（四）、（五）项所列人员…`: a sentence about items, opening a line (北京市…代表选举实施细则). */
const ITEM_REFERENCE = /^(?:[、至和或][（(]|项(?!目))/;

/** A bare title: no clause or sentence punctuation. */
const TITLE_LINE = /^[^，,。；;：:！？!?]{1,30}$/;
const ARTICLE_START = /^第[一二三四五六七八九十百千零〇\d]+条/;

/**
 * `（二）不动产抵押` between the sentence that closes 第四十五条 and `第四十六条`: the title of a section
 * of the interpretation (担保制度的解释: 三、关于担保物权 / （一）… （二）… （三）…), not an item of the
 * article before it. An item follows `：` or `；` and does not stand bare before the next article.
 */
function isSectionTitleAmongArticles(text: DocumentText, node: OutlineNode): boolean {
  const lineStart = node.selectionSpan.start;
  const ownLine = text.slice(lineStart, endOfLine(text, lineStart)).trim();
  if (!TITLE_LINE.test(ownLine.slice(node.number!.text.length))) return false;
  const after = text.slice(endOfLine(text, lineStart), Math.min(text.length, endOfLine(text, lineStart) + 200)).trimStart();
  if (!ARTICLE_START.test(after)) return false;
  const before = text.slice(Math.max(0, lineStart - 400), lineStart).trimEnd();
  return /[。”]$/.test(before);
}

const LAW_UNITS: ReadonlySet<OutlineNode['kind']> = new Set(['bian', 'chapter', 'jie']);

/** The most headings an amendment's article quotes as new provisions (宪法修正案 2018 第五十二条: a section of articles). */
const MAX_QUOTED_PROVISIONS = 30;

/** Lines of a quotation above which an opening quote mark is taken for a stray one. */
const MAX_QUOTATION_LINES = 60;

/** All headings the numbering skips (their children are judged on their own). */
export function uncountedHeadings(text: DocumentText, outline: readonly OutlineNode[], nodes: readonly OutlineNode[], lines: QuoteLines = linesOf(text)): Set<OutlineNode> {
  const uncounted = new Set<OutlineNode>();
  for (const node of nodes) {
    if (node.kind === 'article' && (isInsertedArticle(text, node) || isArticleReference(text, node))) uncounted.add(node);
    else if (node.number && /^[（(]/.test(node.number.text) && ITEM_REFERENCE.test(followingText(text, node))) uncounted.add(node);
    else if (node.kind === 'listItem' && isSectionTitleAmongArticles(text, node)) uncounted.add(node);
  }
  for (const node of unheadedTableOfContents(outline)) uncounted.add(node);
  for (const node of quotedHeadings(lines, nodes)) uncounted.add(node);
  for (const node of provisionsQuotedByAmendment(text, nodes)) uncounted.add(node);
  return uncounted;
}

/** `第五十二条 宪法第三章“国家机构”中增加一节，…内容如下：` — the amendment's provisions follow, unquoted. */
const INTRODUCES_PROVISIONS = /(?:内容如下|修改为)[：:]\s*$/;

/**
 * The provisions an amendment article introduces without quotation marks (宪法修正案（2018年）:
 * `第五十二条 …增加五条，…内容如下：` / `第七节 监察委员会` / `第一百二十三条 …`): every heading after
 * it is the amended law's, until the amendment's next article (value + 1) comes.
 */
function provisionsQuotedByAmendment(text: DocumentText, nodes: readonly OutlineNode[]): OutlineNode[] {
  const quoted: OutlineNode[] = [];
  let resumeAt: number | undefined;
  let inQuotation = 0;
  for (const node of nodes) {
    if (resumeAt !== undefined) {
      // Ends at an article numbered like the amendment's next ones (its own numbering, not the quoted law's
      // 第一百二十三条), or after MAX_QUOTED_PROVISIONS headings: a law whose next article is missing — the very
      // error to report (`第三条 …具体内容如下：` / （一）（二） / `第五条`) — must not leave the rest unchecked.
      const value = node.kind === 'article' ? node.number?.value : undefined;
      if ((value !== undefined && value >= resumeAt && value <= resumeAt + 2) || inQuotation >= MAX_QUOTED_PROVISIONS) resumeAt = undefined;
      else {
        quoted.push(node);
        inQuotation++;
        continue;
      }
    }
    if (node.kind === 'article' && node.number && INTRODUCES_PROVISIONS.test(text.slice(node.selectionSpan.start, endOfLine(text, node.selectionSpan.start)))) {
      resumeAt = node.number.value + 1;
      inQuotation = 0;
    }
  }
  return quoted;
}

function isInsertedArticle(text: DocumentText, node: OutlineNode): boolean {
  return INSERTED_ARTICLE.test(followingText(text, node));
}

function isArticleReference(text: DocumentText, node: OutlineNode): boolean {
  return ARTICLE_REFERENCE.test(followingText(text, node));
}

/** The few characters right after a heading's marker. */
function followingText(text: DocumentText, node: OutlineNode): string {
  const end = node.number!.span.end;
  return text.slice(end, end + 4);
}

/**
 * A law's chapter list printed above its first article without a `目录` line (the source
 * dropped it: 北京中轴线文化遗产保护条例, 北京市种子条例): chapters, sections and books before
 * the first article that hold no article. The same chapters then come again with their
 * articles; counting the list would report each of them as repeated. The list's last entry
 * holds the first articles when the law's first chapter heading is missing
 * (重庆市长江防护林体系管理条例: `第八章 附 则` / `总 则` / `第一条`); it is an entry too when
 * the same unit comes again later.
 */
function unheadedTableOfContents(outline: readonly OutlineNode[]): OutlineNode[] {
  // Each document of a compilation on its own: a plan's chapters before a regulation's are no list of the
  // regulation's (a reviewer's compilation: 规划纲要 第一章 第二章 第四章, then 条例 第一章 第一条).
  const documents = outline.filter((node) => node.kind === 'document');
  const loose = outline.filter((node) => node.kind !== 'document');
  return [...listBeforeFirstArticle(loose), ...documents.flatMap((document) => listBeforeFirstArticle(document.children))];
}

function listBeforeFirstArticle(outline: readonly OutlineNode[]): OutlineNode[] {
  const entries: OutlineNode[] = [];
  // Needed only for a unit that holds articles after list entries: rare, and a copy of every node.
  let all: OutlineNode[] | undefined;
  for (const node of outline) {
    if (node.kind === 'article') break;
    if (!LAW_UNITS.has(node.kind)) continue;
    if (holdsArticle(node)) {
      if (entries.length > 0 && comesAgain(node, (all ??= flattenOutline(outline)))) entries.push(node);
      break;
    }
    entries.push(node, ...descendants(node));
  }
  // Only a list that the law's real chapters follow: a law truncated before its articles keeps its chapters.
  return outline.some(holdsArticle) || outline.some((node) => node.kind === 'article') ? entries : [];
}

/** A later heading of the same unit and number. */
function comesAgain(node: OutlineNode, all: readonly OutlineNode[]): boolean {
  const at = all.indexOf(node);
  return all.slice(at + 1).some((later) => later.kind === node.kind && later.number?.value === node.number?.value);
}


function holdsArticle(node: OutlineNode): boolean {
  return node.children.some((child) => child.kind === 'article' || holdsArticle(child));
}

function descendants(node: OutlineNode, into: OutlineNode[] = []): OutlineNode[] {
  for (const child of node.children) {
    into.push(child);
    descendants(child, into);
  }
  return into;
}

/**
 * Headings inside a quotation that runs over several lines: the amended wording a
 * decision quotes (`21.将第四十二条修改为：` / `“买卖合同存在下列约定内容之一的…：` /
 * `（一）…；` / `（二）…。”`, 最高人民法院关于修改…二十七件民事类司法解释的决定). They number
 * the quoted text, not the decision: their `（一）` is not a level above the decision's `21.`.
 */
function quotedHeadings(lines: QuoteLines, nodes: readonly OutlineNode[]): OutlineNode[] {
  if (nodes.length === 0) return [];
  const quotations = multiLineQuotations(lines);
  if (quotations.length === 0) return [];
  const quoted: OutlineNode[] = [];
  let index = 0;
  for (const node of nodes) {
    const at = node.selectionSpan.start;
    while (index < quotations.length && quotations[index].end <= at) index++;
    if (index < quotations.length && quotations[index].start < at) quoted.push(node);
  }
  return quoted;
}

interface Quotation {
  readonly start: number;
  readonly end: number;
}

/** What a line holds of quotation marks (see `quoteLineFacts`); offsets relative to the line. */
export interface QuoteLineFacts {
  readonly balance: number;
  readonly first: number;
  readonly opensWithQuote: boolean;
  readonly closesQuotation: boolean;
}

/**
 * The lines of a document with their quote facts. The rule passes its paragraphs with the facts
 * memoised per paragraph (an edit recomputes one line's, not the whole document's: a scan of the
 * 1.6 MB compilation on every keystroke doubled the typing latency); `linesOf` slices the text.
 */
export interface QuoteLines {
  readonly count: number;
  start(line: number): number;
  end(line: number): number;
  facts(line: number): QuoteLineFacts;
}

const NO_QUOTES: QuoteLineFacts = { balance: 0, first: -1, opensWithQuote: false, closesQuotation: false };
/** A line with text but no quotation mark (its first offset is not needed: it opens nothing). */
const UNQUOTED: QuoteLineFacts = { ...NO_QUOTES, first: 0 };
const NOT_BLANK = /\S/;

/** Lines sliced from `text` (tests and callers without paragraphs). */
export function linesOf(text: DocumentText): QuoteLines {
  const starts: number[] = [];
  const ends: number[] = [];
  const facts: QuoteLineFacts[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = endOfLine(text, lineStart);
    starts.push(lineStart);
    ends.push(lineEnd);
    facts.push(quoteLineFacts(text.slice(lineStart, lineEnd)));
    lineStart = lineEnd + 1;
  }
  return { count: starts.length, start: (i) => starts[i], end: (i) => ends[i], facts: (i) => facts[i] };
}

/**
 * Quotations of whole paragraphs that run over several lines, in text order: one opens at the
 * start of a paragraph that leaves it open (`“买卖合同存在下列约定内容之一的…：`) and closes at the
 * end of a later one (`（三）…。”`); a paragraph opening with `“` inside it continues it (the
 * Chinese convention for quoted paragraphs). A quote mark left open inside a sentence, or for
 * more than `MAX_QUOTATION_LINES` lines, opens nothing: a report's `“七五”期间…` lines stay text.
 */
function multiLineQuotations(lines: QuoteLines): Quotation[] {
  const quotations: Quotation[] = [];
  let open: { start: number; lines: number } | undefined;
  for (let i = 0; i < lines.count; i++) {
    const line = lines.facts(i);
    if (open) {
      if (line.balance < 0 && line.closesQuotation) {
        quotations.push({ start: open.start, end: lines.end(i) });
        open = undefined;
      } else if (line.balance !== 0 && !(line.balance === 1 && line.opensWithQuote)) open = undefined;
      else if (line.first >= 0 && ++open.lines > MAX_QUOTATION_LINES) open = undefined;
    } else if (line.balance === 1 && line.opensWithQuote) {
      open = { start: lines.start(i) + line.first, lines: 0 };
    }
  }
  return quotations;
}

const OPENING_QUOTE = 0x201c;
const CLOSING_QUOTE = 0x201d;
/** 。；; — what may follow the closing quote that ends a quoted paragraph. */
const AFTER_CLOSING = new Set([0x3002, 0xff1b, 0x3b]);

/** A line's quote balance, first non-blank offset (-1 when blank), and how it opens and ends. */
export function quoteLineFacts(line: string): QuoteLineFacts {
  if (line.indexOf('“') < 0 && line.indexOf('”') < 0) return NOT_BLANK.test(line) ? UNQUOTED : NO_QUOTES;
  let balance = 0;
  let first = -1;
  let last = -1;
  let beforeLast = -1;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (isWhiteSpaceCode(code)) continue;
    if (first < 0) first = i;
    beforeLast = last;
    last = i;
    if (code === OPENING_QUOTE) balance++;
    else if (code === CLOSING_QUOTE) balance--;
  }
  const lastCode = last >= 0 ? line.charCodeAt(last) : -1;
  const closesQuotation = lastCode === CLOSING_QUOTE || (AFTER_CLOSING.has(lastCode) && beforeLast >= 0 && line.charCodeAt(beforeLast) === CLOSING_QUOTE);
  return { balance, first, opensWithQuote: first >= 0 && line.charCodeAt(first) === OPENING_QUOTE, closesQuotation };
}


/** Where the line holding `offset` ends (before its \r or \n). */
export function endOfLine(text: DocumentText, offset: number): number {
  for (let start = offset; start < text.length; start += 4096) {
    const found = text.slice(start, start + 4096).search(/[\r\n]/);
    if (found >= 0) return start + found;
  }
  return text.length;
}

/**
 * Items that number on through the document across its parts: the value of the first one
 * under each parent when it carries on from the last such item before it.
 * - Arabic items, from any value above the last (最高人民法院关于人民法院执行工作若干问题的规定:
 *   `44.` under part 六, `45.` under 七; 罪名的意见 numbers its crimes 1.–413. across chapters and
 *   sections, several on one line, so the next part may start well after the last line-initial number);
 * - sections `（一）` and parts `一、`, from exactly the next value: the State Council's opinions number
 *   their sections through the parts (一、总体要求 （一）（二） 二、… （三）…, 59 documents of gov.cn
 *   of 2018–2019, 65 findings before), 国务院工作规则 its parts 一、–五十、 through its chapters.
 * A list that restarts at 1, or starts below the last item, is judged as before.
 */
export function continuedFrom(text: DocumentText, nodes: readonly OutlineNode[], uncounted: ReadonlySet<OutlineNode>): Map<OutlineNode, number> {
  const lastValue = new Map<string, number>();
  const continued = new Map<OutlineNode, number>();
  const previousParentOf = new Map<string, OutlineNode | undefined>();
  const parents = parentMap(nodes);
  // Sections and parts carried on, by family: dropped when a later part of the same document restarts at 1.
  const carriedOn = new Map<string, OutlineNode[]>();
  const restarted = new Set<string>();
  const documentIds = new Map<OutlineNode, number>();
  for (const node of nodes) {
    const arabic = node.number !== undefined && isArabicItem(node);
    if (!node.number || uncounted.has(node) || !(arabic || isChineseSectionOrPart(node))) continue;
    const family = `${arabic ? '' : documentIdOf(node, parents, documentIds)}:${node.kind}:${/^[（(]/.test(node.number.text) ? 'paren' : 'plain'}`;
    const parent = parents.get(node);
    const last = lastValue.get(family);
    const firstOfParent = previousParentOf.get(family) !== parent || last === undefined;
    if (firstOfParent && last !== undefined && (arabic ? node.number.value > last : node.number.value === last + 1)) {
      continued.set(node, node.number.value);
      if (!arabic) {
        const nodesOfFamily = carriedOn.get(family);
        if (nodesOfFamily) nodesOfFamily.push(node);
        else carriedOn.set(family, [node]);
      }
    } else if (firstOfParent && node.number.value === 2 && itemOneOnLabelLine(text, node)) continued.set(node, 2);
    else if (!arabic && firstOfParent && last !== undefined && node.number.value === 1) restarted.add(family);
    lastValue.set(family, node.number.value);
    previousParentOf.set(family, parent);
  }
  // A report that restarts its sections in one part and carries them on in another numbers per part: the carried-on
  // ones are gaps (一、 （一）（二）（三） 二、 （四）… 三、 （一）（二）: （四） should be （一）).
  for (const family of restarted) for (const node of carriedOn.get(family) ?? []) continued.delete(node);
  return continued;
}

/** A number for the document of a compilation a heading belongs to (-1 outside any), the same for all its headings. */
function documentIdOf(node: OutlineNode, parents: ReadonlyMap<OutlineNode, OutlineNode>, ids: Map<OutlineNode, number>): number {
  for (let up = parents.get(node); up; up = parents.get(up)) {
    if (up.kind !== 'document') continue;
    let id = ids.get(up);
    if (id === undefined) ids.set(up, (id = ids.size));
    return id;
  }
  return -1;
}

/**
 * `附件：1.人民法院司法建议书制作规范` / `2.文书样式`, `注：1．…` / `2．…`: item 1 shares the line of its
 * label, also when it wraps onto a line or two (行政申请再审案件若干问题的规定: `附件：1.…通知书（最高人民法` /
 * `院决定由高级人民法院审查用）` / `2.…`).
 */
const LABELLED_ITEM_ONE = /[：:]\s*1[.．、]\S/;
const MAX_WRAPPED_ITEM_LINES = 3;

function itemOneOnLabelLine(text: DocumentText, node: OutlineNode): boolean {
  const before = text.slice(Math.max(0, node.selectionSpan.start - 600), node.selectionSpan.start);
  const lines = before.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return lines.slice(-MAX_WRAPPED_ITEM_LINES).some((line) => LABELLED_ITEM_ONE.test(line));
}

function isChineseSectionOrPart(node: OutlineNode): boolean {
  return (node.kind === 'section' || node.kind === 'part') && numeralSystemOf(node.number!.text) !== 'arabic';
}

function isArabicItem(node: OutlineNode): boolean {
  return (node.kind === 'item' || node.kind === 'subitem' || node.kind === 'listItem') && numeralSystemOf(node.number!.text) === 'arabic';
}

function parentMap(nodes: readonly OutlineNode[]): Map<OutlineNode, OutlineNode> {
  const parents = new Map<OutlineNode, OutlineNode>();
  for (const node of nodes) for (const child of node.children) parents.set(child, node);
  return parents;
}
