import type { TermHit } from '../terms/termMatcher';
import type { Finding, Paragraph, Span, TextEdit } from '../types';
import { checkPerScope } from './documentScopes';
import type { DocumentFacts, Rule } from './rule';
import { firstMatch, nextMatch } from '../text/matches';
import { paragraphAt } from '../text/paragraphs';

const CODE = 'term.inconsistent';
const MAX_QUOTABLE = 6;

/**
 * Where a form occurs: the term's span (without the quotes of a quoted use). Nothing else is kept:
 * most uses are in the majority and never reported, and the edits each would need (made for every
 * use of every term, seven objects each) were most of what this rule allocated.
 */
type FormUse = Span;

/**
 * `term.inconsistent`: one document writing the same thing two correct ways —
 * a glossary term with and without quotes (“三农” / 三农), a term and its
 * accepted variant, `％` and `%`. The minority form is flagged, fixed to the
 * majority; a tie is left to the writer.
 */
export const termInconsistentRule: Rule = {
  id: CODE,
  defaultSeverity: 'information',
  needsTokens: false,
  cost: 'full',
  example: '`“三农”` and `三农`; `％` and `%`',
  description: {
    en: 'The same term or symbol written two different (correct) ways in one document.',
    zh: '同一文稿中同一术语或符号存在两种写法。',
  },
  options: [],
  messages: {
    quotedMinority: {
      en: '"{term}" is in quotes here but without them {majority|time|times} elsewhere in this document.',
      zh: '“{term}”此处加了引号，而本文其余 {majority} 处均未加引号。',
    },
    bareMinority: {
      en: '"{term}" is without quotes here but in quotes {majority|time|times} elsewhere in this document.',
      zh: '“{term}”此处未加引号，而本文其余 {majority} 处均加引号。',
    },
    variant: { en: '"{found}" is written "{majorityText}" {majority|time|times} elsewhere in this document.', zh: '“{found}”在本文其余 {majority} 处写作“{majorityText}”。' },
    symbol: { en: '"{found}" is written "{majorityText}" {majority|time|times} elsewhere in this document.', zh: '“{found}”在本文其余 {majority} 处写作“{majorityText}”。' },
  },
  warmParagraph(facts: DocumentFacts, paragraph: Paragraph): void {
    facts.memo('uses', paragraph, (p) => usesIn(p.text, facts.termHits(p)));
  },
  checkDocument(facts: DocumentFacts): Finding[] {
    const usesOf = (paragraph: Paragraph) => usesIn(paragraph.text, facts.termHits(paragraph));
    return checkPerScope(facts, 'scopes', (paragraphs) => {
      const findings: Finding[] = [];
      const quoted = new Map<string, { quoted: FormUse[]; bare: FormUse[] }>();
      const variants = new Map<string, Map<string, Span[]>>();
      const percent = { '%': [] as Span[], '％': [] as Span[] };
      // Index loops: this runs over every use of every term on each check, first before V8 has
      // optimised it, where a loop over an array made an object per step.
      for (let p = 0; p < paragraphs.length; p++) {
        const paragraph = paragraphs[p];
        const uses = facts.memo('uses', paragraph, usesOf);
        const base = paragraph.start;
        for (let u = 0; u < uses.hits.length; u++) {
          const use = uses.hits[u];
          const quoting = quotingOf(uses, u);
          const span = { start: base + use.start, end: base + use.end };
          if (use.match.role !== 'alias') {
            const term = use.match.entry.term;
            let forms = variants.get(term);
            if (!forms) variants.set(term, (forms = new Map<string, Span[]>()));
            const spans = forms.get(use.form);
            if (spans) spans.push(span);
            else forms.set(use.form, [span]);
          }
          if (quoting === INSIDE || quoting === NAMED) continue;
          let entry = quoted.get(use.form);
          if (!entry) quoted.set(use.form, (entry = { quoted: [], bare: [] }));
          (quoting === EXACT ? entry.quoted : entry.bare).push(span);
        }
        for (let u = 0; u < uses.percents.length; u++) percent[uses.percents[u].symbol].push({ start: base + uses.percents[u].at, end: base + uses.percents[u].at + 1 });
      }
      for (const [term, uses] of quoted) {
        const { minority, majority, minorityIsQuoted } = split(uses.quoted, uses.bare);
        if (minorityIsQuoted && inOwnCompound(facts.paragraphs, uses.bare, uses.quoted)) continue;
        for (const use of minority) {
          findings.push({
            code: CODE,
            messageId: minorityIsQuoted ? 'quotedMinority' : 'bareMinority',
            span: minorityIsQuoted ? withQuotes(use) : use,
            args: { term, majority: majority.length },
            related: majority.slice(0, 20).map((m) => (minorityIsQuoted ? m : withQuotes(m))),
            fix: minorityIsQuoted ? unquote(use) : quote(use),
          });
        }
      }
      for (const forms of variants.values()) {
        if (forms.size < 2) continue;
        const ranked = [...forms].sort((a, b) => b[1].length - a[1].length);
        const [majorityText, majoritySpans] = ranked[0];
        if (ranked[1][1].length === majoritySpans.length) continue;
        for (const [found, spans] of ranked.slice(1)) {
          for (const span of spans) {
            findings.push({
              code: CODE,
              messageId: 'variant',
              span,
              args: { found, majorityText, majority: majoritySpans.length },
              related: majoritySpans.slice(0, 20),
              fix: [{ span, newText: majorityText }],
            });
          }
        }
      }
      const [rare, common] = percent['%'].length >= percent['％'].length ? (['％', '%'] as const) : (['%', '％'] as const);
      if (percent[rare].length > 0 && percent[rare].length < percent[common].length) {
        for (const span of percent[rare]) {
          findings.push({
            code: CODE,
            messageId: 'symbol',
            span,
            args: { found: rare, majorityText: common, majority: percent[common].length },
            fix: [{ span, newText: common }],
          });
        }
      }
      return findings.sort((a, b) => a.span.start - b.span.start);
    });
  },
};

/** How a use is quoted: bare, “form” exactly, inside a longer quotation, or named as a word (either way, not counted). */
const BARE = 0;
const EXACT = 1;
const INSIDE = 2;
const NAMED = 3;

/**
 * Before a term that is defined or named as a word, not used: `（以下简称“进博会”）`,
 * `本条例所称单一窗口`, `刑法第一百一十一条规定的“国家秘密”，是指`, `是否属于“重大事故隐患”`,
 * `名称冠以“中关村”`. Laws quote a term there and use it bare elsewhere (or the other way round):
 * that is drafting, not an inconsistency (the unseen laws corpus: 8 of 11 findings were these).
 */
const NAMING_BEFORE = /(?:简称|简称为|以下称|下称|称为|统称|合称|并称|通称|俗称|又称|亦称|所称|所称的|所说的|所指的|规定的|定义的|认定为|属于|冠以|标明|注明)[：:]?$/;
/** After a term defined or named as a word: `“X”，是指`, `（三）单一窗口：是指`, `“中关村”字样`, `“标准地”等字样`, `“X”一词`. */
const NAMING_AFTER = /^(?:[，,：:]?(?:是指|系指|指的是)|[，,：:]指|(?:等|的)?(?:字样|字眼|名称|称号)|一词|[二三四五]字)/;
/** How far before a use NAMING_BEFORE looks (its longest word and a colon). */
const NAMING_REACH = 4;
/** The last characters NAMING_BEFORE and the first NAMING_AFTER can match: a cheap test before the expressions, run on every use. */
const NAMING_LAST = '称为的于以明：:';
const NAMING_FIRST = '，,：:是系指等的字名称一二三四五';

/**
 * What one paragraph contributes, offsets relative to it; cached by paragraph text. The term hits
 * themselves (no object per use: most paragraphs quote nothing and reject nothing, and share the
 * glossary's list of their hits).
 */
interface ParagraphUses {
  /** The paragraph's hits, rejected variants left out. */
  readonly hits: readonly TermHit[];
  /** Per hit, how a form short enough to be quoted is (BARE, EXACT, INSIDE, NAMED); undefined where the paragraph has no “…” and names no term. */
  readonly quoting: Uint8Array | undefined;
  readonly percents: readonly { readonly symbol: '%' | '％'; readonly at: number }[];
}

/** How the paragraph's `u`th use is quoted. Quoting is a question for short slogans and abbreviations (“三农”, “专精特新”), not long terms. */
function quotingOf(uses: ParagraphUses, u: number): number {
  if (uses.hits[u].form.length > MAX_QUOTABLE) return INSIDE;
  return uses.quoting === undefined ? BARE : uses.quoting[u];
}

function usesIn(text: string, all: readonly TermHit[]): ParagraphUses {
  let hits = all;
  for (let h = 0; h < all.length; h++) {
    if (all[h].match.role !== 'rejected') continue;
    hits = all.filter((hit) => hit.match.role !== 'rejected');
    break;
  }
  const quoting = quotingIn(text, hits);
  const percents: ParagraphUses['percents'][number][] = [];
  if (text.includes('%') || text.includes('％')) {
    for (const match of text.matchAll(/\d[%％]/g)) percents.push({ symbol: match[0].slice(1) as '%' | '％', at: match.index + 1 });
  }
  return { hits, quoting, percents };
}

/** How each hit is quoted (or named); undefined when every hit is bare, as in most paragraphs. */
function quotingIn(text: string, hits: readonly TermHit[]): Uint8Array | undefined {
  const quotes = quoteRegions(text);
  let quoting: Uint8Array | undefined;
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    if (hit.form.length > MAX_QUOTABLE) continue;
    let region: Span | undefined;
    for (let q = 0; q < quotes.length && region === undefined; q++) if (quotes[q].start <= hit.start - 1 && hit.end + 1 <= quotes[q].end) region = quotes[q];
    const exact = region !== undefined && region.start === hit.start - 1 && region.end === hit.end + 1;
    const how = region !== undefined && !exact ? INSIDE : namedAt(text, exact ? region! : hit) ? NAMED : exact ? EXACT : BARE;
    if (how === BARE) continue;
    quoting ??= new Uint8Array(hits.length);
    quoting[h] = how;
  }
  return quoting;
}

/** `［15］两新：`, `[3]专精特新：`, `注15：两新：`: the headword of a report's note, which defines the term. */
const NOTE_HEADWORD_BEFORE = /^\s*(?:[［\[【（(]\d{1,3}[］\]】）)]|注\s*\d{1,3}[：:.．、]?)\s*$/;

/** Whether the use at `span` (its quotes included) is a term defined or named as a word rather than used. */
function namedAt(text: string, span: Span): boolean {
  if (span.start <= 8 && (text[span.end] === '：' || text[span.end] === ':') && NOTE_HEADWORD_BEFORE.test(text.slice(0, span.start))) return true;
  const before = span.start > 0 && NAMING_LAST.includes(text[span.start - 1]);
  const after = span.end < text.length && NAMING_FIRST.includes(text[span.end]);
  return (before && NAMING_BEFORE.test(text.slice(Math.max(0, span.start - NAMING_REACH), span.start))) || (after && NAMING_AFTER.test(text.slice(span.end, span.end + 5)));
}

/** Characters before a use that name the compound it is part of (消费品以旧换新). */
const COMPOUND_LEAD = 3;

/**
 * True when every bare use is part of one compound and no quoted use is: the bare term names a
 * programme (消费品以旧换新), the quoted one borrows the term for something else (住房消费“以旧换新”, as
 * Anhui wrote in 2026) — two usages, not one term written two ways. Looked up only for a quoted
 * minority (rare): the leads are not sliced for every use on every check.
 */
function inOwnCompound(paragraphs: readonly Paragraph[], bare: readonly Span[], quoted: readonly Span[]): boolean {
  const lead = leadOf(paragraphs, bare[0].start);
  if (lead.length < COMPOUND_LEAD || !/^\p{Script=Han}+$/u.test(lead)) return false;
  return bare.every((span) => leadOf(paragraphs, span.start) === lead) && quoted.every((span) => leadOf(paragraphs, span.start - 1) !== lead);
}

/** The COMPOUND_LEAD characters before `offset`, within its paragraph. */
function leadOf(paragraphs: readonly Paragraph[], offset: number): string {
  const paragraph = paragraphs[paragraphAt(paragraphs, offset)];
  const at = offset - paragraph.start;
  return paragraph.text.slice(Math.max(0, at - COMPOUND_LEAD), at);
}

/** A quoted use's span with its quotation marks. */
function withQuotes(span: Span): Span {
  return { start: span.start - 1, end: span.end + 1 };
}

/** Edits that remove the quotation marks around a quoted use. */
function unquote(span: Span): TextEdit[] {
  return [
    { span: { start: span.start - 1, end: span.start }, newText: '' },
    { span: { start: span.end, end: span.end + 1 }, newText: '' },
  ];
}

/** Edits that put a bare use in quotation marks. */
function quote(span: Span): TextEdit[] {
  return [
    { span: { start: span.start, end: span.start }, newText: '“' },
    { span: { start: span.end, end: span.end }, newText: '”' },
  ];
}

function split(quoted: FormUse[], bare: FormUse[]): { minority: FormUse[]; majority: FormUse[]; minorityIsQuoted: boolean } {
  if (quoted.length === 0 || bare.length === 0 || quoted.length === bare.length) return { minority: [], majority: [], minorityIsQuoted: false };
  return quoted.length < bare.length
    ? { minority: quoted, majority: bare, minorityIsQuoted: true }
    : { minority: bare, majority: quoted, minorityIsQuoted: false };
}

const QUOTED = /“[^“”]*”/g;

/** Spans of “…” pairs in a paragraph, quotes included. */
function quoteRegions(text: string): Span[] {
  const regions: Span[] = [];
  // Most paragraphs quote nothing: no regular expression (and its match objects) over them.
  if (!text.includes('“')) return regions;
  for (let match = firstMatch(QUOTED, text); match; match = nextMatch(QUOTED, text, match)) regions.push({ start: match.index, end: match.index + match[0].length });
  return regions;
}
