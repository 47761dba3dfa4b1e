import { classifyLine } from '../outline/headingPatterns';
import { occurrencesOf } from '../quotes/evidence';
import { foldUnit } from '../quotes/normalize';
import type { CollationIndex } from '../quotes/collationIndex';
import type { Finding, Paragraph, Token } from '../types';
import { codeTable } from '../text/chars';
import type { DocumentFacts, Rule } from './rule';

/**
 * `paragraph.broken`: a sentence broken across two paragraphs — a paragraph
 * that ends without closing punctuation and the next non-empty one goes on
 * with the same sentence (text pasted from a web page or a PDF, a stray
 * Enter). Evidence is needed: the join is a sentence of a reference text
 * running on across the break, the break falls inside a word (each side
 * ends in a lone character the segmenter could not place), or the paragraph
 * ends in a comma. Headings, titles, list items, bylines, table rows and
 * slogans on their own line never fire. The fix joins the two paragraphs.
 */
export const paragraphBrokenRule: Rule = {
  id: 'paragraph.broken',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  example: '`…加快推进新型工` ⏎ `业化，提高…` → one paragraph',
  description: {
    en: 'A sentence broken across two paragraphs.',
    zh: '一句话被断成两个段落。',
  },
  options: [],
  messages: {
    reference: {
      en: 'The sentence goes on in the next paragraph (it is one sentence in the reference "{reference}", line {line}): join the paragraphs.',
      zh: '句子在下一段接续（参考文本《{reference}》第 {line} 行中为同一句话），应合并为一段。',
    },
    word: {
      en: 'The paragraph breaks off inside a word ("{word}"): join it with the next paragraph.',
      zh: '段落在词语中间断开（“{word}”），应与下一段合并。',
    },
    comma: {
      en: 'The paragraph ends with "{mark}" and the next paragraph goes on with the sentence: join them.',
      zh: '段落以“{mark}”结尾，下一段接续同一句话，应合并为一段。',
    },
  },
  // The tokens are read only for a pair the text cannot decide (a word cut in two?).
  readsTokens: (facts, index) => readsTokensAt(facts, index),
  checkDocument(facts: DocumentFacts): Finding[] {
    const index = facts.references?.collation;
    const findings: Finding[] = [];
    // `\S` is what `trim` keeps: no trimmed copy of every paragraph on every edit.
    const paragraphs = facts.paragraphs.filter((p) => NOT_BLANK.test(p.text));
    // Each pair is remembered by the two texts (a line break joins them in the key): an edit re-checks the pairs it touches.
    // Without tokens (the segmenter still loading) only the other evidence applies: remembered apart.
    const withTokens = paragraphs.length > 0 && facts.hasTokens(paragraphs[0]);
    const namespace = withTokens ? 'pairs' : 'pairs-without-tokens';
    // Lines of a vertical list (宪法 art. 65: 委员长，/ 副委员长若干人，/ …), asked only for pairs that reach that test.
    const isItem = (i: number) => i >= 0 && i < paragraphs.length && facts.memo('listItem', paragraphs[i], isVerticalItemLine);
    const listItems = new Map<number, boolean>();
    for (let k = 0; k + 1 < paragraphs.length; k++) {
      const first = paragraphs[k];
      const next = paragraphs[k + 1];
      // Most paragraphs end a sentence, and short lines without sentence punctuation stand alone
      // (brokenAt says no to both first thing): no key to build, on every edit.
      const head = first.text.trimEnd();
      if (CLOSING_CODES[head.charCodeAt(head.length - 1)] === 1 || isStandaloneLine(head) || isStandaloneLine(next.text.trimStart())) continue;
      // Depends on the paragraphs around the pair, not on its two texts: decided before the memo.
      if (isVerticalListItem(paragraphs, k, isItem, listItems)) continue;
      const pair: Paragraph = { start: 0, end: first.text.length + 1 + next.text.length, line: first.line, text: `${first.text}\n${next.text}` };
      const found = facts.memo(namespace, pair, () => brokenAt(first, next, index, facts));
      if (found) findings.push(placed(found, first, next));
    }
    return findings;
  },
};

/** A broken pair, independent of where the two paragraphs are: the finding is placed by `placed`. */
interface BrokenPair {
  readonly messageId: string;
  readonly args: Finding['args'];
  /** Length of the first paragraph without trailing white space; leading white space of the next. */
  readonly headLength: number;
  readonly indent: number;
}

function placed(pair: BrokenPair, first: Paragraph, next: Paragraph): Finding {
  const end = first.start + pair.headLength;
  // Findings are built field by field (see core/findings.ts: a spread per finding made a hidden class each).
  return {
    code: 'paragraph.broken',
    messageId: pair.messageId,
    // From the last character through the line break: the join the fix makes lies inside it.
    span: { start: end - 1, end: next.start + pair.indent },
    args: pair.args,
    fix: [{ span: { start: end, end: next.start + pair.indent }, newText: '' }],
  };
}

/** A character `String.prototype.trim` would keep (the regular expressions' \s is its whitespace). */
const NOT_BLANK = /\S/;
/** Ends a sentence, or introduces what follows (`：`), or closes a bracket or quotation: by code. */
const CLOSING_CODES = codeTable('。！？；：…!?;:”’」』）)》】]>.');
/** Marks a list item, bullet, dash lead or numbered line at the start of a paragraph. */
const LIST_START = /^\s*(?:[-*•·●○■□◆◇▪►—–]|[一二三四五六七八九十]+是|第[一二三四五六七八九十百]+|[（(]?[0-9一二三四五六七八九十]+[）)、.．]|[①-⑳])/;
/** Characters that stand alone in prose: a lone one at a break says nothing about a word cut in two. */
const STANDALONE = /[的了和与及或在是等也都又就并而但把被对从向为以于之其]/;
/** A title, byline, slogan or table cell: short, no sentence punctuation inside. */
const SHORT_LINE = 25;
/** Longer than this, a line that starts like a heading carries its paragraph's text. */
const MAX_HEADING = 40;

function brokenAt(first: Paragraph, next: Paragraph, index: CollationIndex | undefined, facts: DocumentFacts): BrokenPair | null {
  const verdict = textVerdict(first, next, index);
  if (verdict !== READS_TOKENS) return verdict;
  const word = cutWord(facts.tokensOf(first), facts.tokensOf(next));
  return word ? pairOf(first, next, 'word', { word }) : null;
}

/** `textVerdict`: only the tokens (a word cut in two) can tell. */
const READS_TOKENS = 'tokens';

/** Whether a pair of non-blank paragraphs is broken, as far as the text alone tells. */
function textVerdict(first: Paragraph, next: Paragraph, index: CollationIndex | undefined): BrokenPair | null | typeof READS_TOKENS {
  const head = first.text.trimEnd();
  const tail = next.text.trimStart();
  // The last character read from a table: the expression scanned the whole paragraph for one that ends it.
  if (head.length === 0 || tail.length === 0 || CLOSING_CODES[head.charCodeAt(head.length - 1)] === 1) return null;
  // A heading ends its line; a numbered paragraph with its text run in (`（一）…，加快推进新型工`) is prose.
  if (isStandaloneLine(head) || isStandaloneLine(tail) || LIST_START.test(tail) || (classifyLine(head) && head.length <= MAX_HEADING) || classifyLine(tail)) return null;
  if (/\t|\s{3,}|[│|]/.test(head) || /\t|\s{3,}|[│|]/.test(tail)) return null; // table rows
  const reference = index ? referenceJoin(index, head, tail) : undefined;
  if (reference) return pairOf(first, next, 'reference', reference);
  const last = head.charCodeAt(head.length - 1);
  if (last === 0xff0c || last === 0x2c || last === 0x3001) return pairOf(first, next, 'comma', { mark: head[head.length - 1] });
  return READS_TOKENS;
}

function pairOf(first: Paragraph, next: Paragraph, messageId: string, args: Finding['args']): BrokenPair {
  const tail = next.text.trimStart();
  return { messageId, args, headLength: first.text.trimEnd().length, indent: next.text.length - tail.length };
}

/** Whether `checkDocument` reads the tokens of the paragraph at `at`: it and a non-blank neighbour form a pair only its tokens can decide. */
function readsTokensAt(facts: DocumentFacts, at: number): boolean {
  const paragraphs = facts.paragraphs;
  const paragraph = paragraphs[at];
  if (!NOT_BLANK.test(paragraph.text)) return false;
  const index = facts.references?.collation;
  let before = at - 1;
  while (before >= 0 && !NOT_BLANK.test(paragraphs[before].text)) before--;
  if (before >= 0 && textVerdict(paragraphs[before], paragraph, index) === READS_TOKENS) return true;
  let after = at + 1;
  while (after < paragraphs.length && !NOT_BLANK.test(paragraphs[after].text)) after++;
  return after < paragraphs.length && textVerdict(paragraph, paragraphs[after], index) === READS_TOKENS;
}

/** An item of a list laid out one per line: short, ending in a comma, no other sentence punctuation. */
const VERTICAL_ITEM = /^[^，,。；;：:]{1,20}[，,、]$/;
/** The list's last item ends it. */
const VERTICAL_LAST_ITEM = /^[^，,。；;：:]{1,20}[。；;]$/;

/**
 * Whether the paragraph at `k` (of the non-blank ones) is an item of a list laid out one item per
 * line by design: at least three short items after a line ending in a colon, the last ending the
 * sentence — the Constitution, art. 65: `…由下列人员组成：` / `委员长，` / `副委员长若干人，` /
 * `秘书长，` / `委员若干人。` (also arts. 86, 93, 124 and the Organic Law of the NPC, art. 23).
 */
const isVerticalItemLine = (paragraph: Paragraph) => VERTICAL_ITEM.test(paragraph.text.trim());

function isVerticalListItem(paragraphs: readonly Paragraph[], k: number, item: (i: number) => boolean, decided: Map<number, boolean>): boolean {
  const known = decided.get(k);
  if (known !== undefined) return known;
  if (!item(k)) return false;
  let first = k;
  while (item(first - 1)) first--;
  let last = k;
  while (item(last + 1)) last++;
  const end = last + 1;
  const list = first > 0 && end < paragraphs.length && end - first + 1 >= 3 && /[：:]$/.test(paragraphs[first - 1].text.trim()) && VERTICAL_LAST_ITEM.test(paragraphs[end].text.trim());
  // The whole run is decided at once: walking it again from each of its lines was quadratic in its length.
  for (let i = first; i <= last; i++) decided.set(i, list);
  return list;
}

/** A heading, title, byline or slogan on its own line: short and without sentence punctuation. */
function isStandaloneLine(text: string): boolean {
  return text.length <= SHORT_LINE && !/[，,。；;、]/.test(text);
}

/**
 * The reference and line where the end of the first paragraph runs on into
 * the start of the next within one sentence (words lost in between allowed:
 * a sentence cut short is broken too).
 */
function referenceJoin(index: CollationIndex, head: string, tail: string): { reference: string; line: number } | undefined {
  const before = comparisonTail(head, 8);
  const after = comparisonHead(tail, 4);
  if (before.length < 6 || after.length < 2) return undefined;
  for (const p of occurrencesOf(index, before, false)) {
    const at = p + before.length;
    if (index.startsParagraph(at)) continue;
    // The next paragraph's first words follow within the same reference sentence.
    for (let u = at; u < Math.min(index.key.length, at + 300); u++) {
      if (index.key.startsWith(after, u)) return { reference: index.sources[index.sourceOf[p]].name, line: index.lineOf[at] + 1 };
      if (/[。！？；]/.test(index.key[u]) || (u > at && index.startsParagraph(u))) break;
    }
  }
  return undefined;
}

function comparisonTail(text: string, units: number): string {
  let out = '';
  for (let i = text.length - 1; i >= 0 && out.length < units; i--) out = foldUnit(text.charCodeAt(i)) + out;
  return out;
}

function comparisonHead(text: string, units: number): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < units; i++) out += foldUnit(text.charCodeAt(i));
  return out;
}

/** `产` + `业升级`: both sides of the break are single characters the segmenter left alone. */
function cutWord(firstTokens: readonly Token[] | undefined, nextTokens: readonly Token[] | undefined): string | undefined {
  if (!firstTokens || !nextTokens) return undefined;
  const last = [...firstTokens].reverse().find((t) => t.text.trim().length > 0);
  const start = nextTokens.find((t) => t.text.trim().length > 0);
  if (!last || !start) return undefined;
  const lone = (t: Token) => t.text.length === 1 && /[\u4e00-\u9fff]/.test(t.text) && !STANDALONE.test(t.text);
  if (!lone(last) || !lone(start)) return undefined;
  return last.text + start.text;
}
