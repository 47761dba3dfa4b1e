import type { Finding, Span, TextEdit } from '../types';
import { documentScopes } from './documentScopes';
import type { DocumentFacts, Rule } from './rule';

const CODE = 'term.inconsistent';
const MAX_QUOTABLE = 6;

/** One way of writing something, with where it occurs and how to turn it into another way. */
interface FormUse {
  readonly span: Span;
  /** Edits that turn this occurrence into the majority form. */
  readonly toOther: readonly TextEdit[];
}

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
  description: {
    en: 'The same term or symbol written two different (correct) ways in one document.',
    zh: '同一文稿中同一术语或符号存在两种写法。',
  },
  options: [],
  messages: {
    quotedMinority: {
      en: '"{term}" is in quotes here but without them {majority} times elsewhere in this document.',
      zh: '“{term}”此处加了引号，而本文其余 {majority} 处均未加引号。',
    },
    bareMinority: {
      en: '"{term}" is without quotes here but in quotes {majority} times elsewhere in this document.',
      zh: '“{term}”此处未加引号，而本文其余 {majority} 处均加引号。',
    },
    variant: { en: '"{found}" is written "{majorityText}" {majority} times elsewhere in this document.', zh: '“{found}”在本文其余 {majority} 处写作“{majorityText}”。' },
    symbol: { en: '"{found}" is written "{majorityText}" {majority} times elsewhere in this document.', zh: '“{found}”在本文其余 {majority} 处写作“{majorityText}”。' },
  },
  checkDocument(facts: DocumentFacts): Finding[] {
    const findings: Finding[] = [];
    for (const scope of documentScopes(facts.text, facts.outline)) {
      const quoted = new Map<string, { quoted: FormUse[]; bare: FormUse[] }>();
      const variants = new Map<string, Map<string, Span[]>>();
      const percent = { '%': [] as Span[], '％': [] as Span[] };
      for (const paragraph of facts.paragraphs) {
        if (paragraph.end <= scope.start || paragraph.start >= scope.end || paragraph.text.length === 0) continue;
        const text = paragraph.text;
        const quotes = quoteRegions(text);
        for (const hit of facts.termHits(paragraph)) {
          if (hit.match.role === 'rejected') continue;
          const span = { start: paragraph.start + hit.start, end: paragraph.start + hit.end };
          const entry = hit.match.entry;
          // An alias is another name (千万工程 for its full form): mixing the two is normal.
          if (hit.match.role !== 'alias') {
            const forms = variants.get(entry.term) ?? new Map<string, Span[]>();
            forms.set(hit.form, [...(forms.get(hit.form) ?? []), span]);
            variants.set(entry.term, forms);
          }
          // Quoting is a question for short slogans and abbreviations (“三农”, “专精特新”), not long terms.
          if (hit.form.length > MAX_QUOTABLE) continue;
          const region = quotes.find((q) => q.start <= hit.start - 1 && hit.end + 1 <= q.end);
          const exactlyQuoted = region !== undefined && region.start === hit.start - 1 && region.end === hit.end + 1;
          // Inside a longer quotation (“一圈一带两区”) the form says nothing about quoting.
          if (region && !exactlyQuoted) continue;
          const uses = quoted.get(hit.form) ?? { quoted: [], bare: [] };
          if (exactlyQuoted) {
            uses.quoted.push({
              span: { start: span.start - 1, end: span.end + 1 },
              toOther: [
                { span: { start: span.start - 1, end: span.start }, newText: '' },
                { span: { start: span.end, end: span.end + 1 }, newText: '' },
              ],
            });
          } else {
            uses.bare.push({
              span,
              toOther: [
                { span: { start: span.start, end: span.start }, newText: '“' },
                { span: { start: span.end, end: span.end }, newText: '”' },
              ],
            });
          }
          quoted.set(hit.form, uses);
        }
        for (const match of text.matchAll(/\d[%％]/g)) {
          const at = paragraph.start + match.index + 1;
          percent[match[0].slice(1) as '%' | '％'].push({ start: at, end: at + 1 });
        }
      }
      for (const [term, uses] of quoted) {
        const { minority, majority, minorityIsQuoted } = split(uses.quoted, uses.bare);
        for (const use of minority) {
          findings.push({
            code: CODE,
            messageId: minorityIsQuoted ? 'quotedMinority' : 'bareMinority',
            span: use.span,
            args: { term, majority: majority.length },
            related: majority.slice(0, 20).map((m) => m.span),
            fix: use.toOther,
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
      const [rare, common] = percent['%'].length >= percent['％'].length ? ['％', '%'] as const : ['%', '％'] as const;
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
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

function split(quoted: FormUse[], bare: FormUse[]): { minority: FormUse[]; majority: FormUse[]; minorityIsQuoted: boolean } {
  if (quoted.length === 0 || bare.length === 0 || quoted.length === bare.length) return { minority: [], majority: [], minorityIsQuoted: false };
  return quoted.length < bare.length
    ? { minority: quoted, majority: bare, minorityIsQuoted: true }
    : { minority: bare, majority: quoted, minorityIsQuoted: false };
}

/** Spans of “…” pairs in a paragraph, quotes included. */
function quoteRegions(text: string): Span[] {
  const regions: Span[] = [];
  for (const match of text.matchAll(/“[^“”]*”/g)) regions.push({ start: match.index, end: match.index + match[0].length });
  return regions;
}
