/**
 * Finds the corpus sentences that define, abbreviate or enumerate a glossary term, ranked, so the
 * build script can propose a verbatim source for every entry (scripts/build-data.mjs). Pure.
 */

/** How a sentence explains a term, strongest first. */
export type SourceKind = 'definition' | 'abbreviation' | 'enumeration' | 'usage';

/** A document of the corpus, by its path under the corpus folder (`national/gwr-2025.txt`). */
export interface CorpusDocument {
  readonly name: string;
  readonly lines: readonly string[];
}

export interface SourceCandidate {
  readonly document: string;
  /** 1-based. */
  readonly line: number;
  /** A verbatim substring of the line: whole clauses around the term. */
  readonly quote: string;
  readonly kind: SourceKind;
  readonly score: number;
}

export interface ProvenanceTerm {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly items: readonly string[];
}

const KIND_SCORE: Record<SourceKind, number> = { abbreviation: 40, definition: 40, enumeration: 30, usage: 0 };
const MAX_QUOTE = 160;

/**
 * How much a document's wording is worth as the source of a national term: the latest Party
 * Congress and government work reports first, then older reports, the law and the national part
 * of the compilations, provincial reports and the newspaper page last.
 */
export function documentAuthority(name: string, line: number): number {
  const gwr = /^national\/gwr-(\d{4})\.txt$/.exec(name);
  if (gwr) return 14 - Math.min(10, (2025 - Number(gwr[1])) * 0.4);
  if (name === 'national/cpc-20.txt') return 15;
  if (name === 'national/cpc-18.txt') return 12;
  if (name.startsWith('national/resolution-')) return 9;
  // 004: the 2024 national report, Xi's articles, a Hunan report and the State Secrets Law (from line 492).
  if (name.startsWith('004_')) return line >= 492 ? 13 : 8;
  // 002 lines 1–182 repeat the 2024 national report (national/gwr-2024.txt is preferred).
  if (name.startsWith('002_')) return line <= 182 ? 10 : 4;
  return 2;
}

/** The ranked sources for one term over the corpus, best first. */
export function findSourceCandidates(entry: ProvenanceTerm, corpus: readonly CorpusDocument[], limit = 5): SourceCandidate[] {
  const forms = [entry.term, ...entry.aliases].filter((f) => f.length >= 2);
  const candidates: SourceCandidate[] = [];
  for (const document of corpus) {
    document.lines.forEach((text, index) => {
      if (!forms.some((f) => text.includes(f))) return;
      for (const sentence of sentencesOf(text)) {
        const form = forms.find((f) => sentence.text.includes(f));
        if (!form) continue;
        const kind = classify(sentence.text, form, entry.items);
        const quote = clauseWindow(text, sentence, form);
        if (quote.length < form.length + 4) continue;
        // Short, complete sentences read best in a hover; quotation marks mark the formulation itself.
        const quoted = sentence.text.includes(`“${form}”`) ? 3 : 0;
        const brevity = (quote.length === sentence.end - sentence.start ? 2 : 0) + Math.max(0, 2 - quote.length / 60);
        const authority = documentAuthority(document.name, index + 1);
        // A provincial report's `X是…` is about its province: it wins only where no national text speaks.
        const score = KIND_SCORE[kind] * (authority >= 8 ? 1 : 0.15) + authority + quoted + brevity;
        candidates.push({ document: document.name, line: index + 1, quote, kind, score });
      }
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.document.localeCompare(b.document) || a.line - b.line);
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.quote) ? false : (seen.add(c.quote), true))).slice(0, limit);
}

interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Sentences of a line, each with its closing 。！？； (quotation marks stay inside). */
export function sentencesOf(line: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (/[。！？；]/.test(line[i])) {
      let end = i + 1;
      if (line[end] === '”') end++;
      sentences.push({ text: line.slice(start, end), start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < line.length && line.slice(start).trim()) sentences.push({ text: line.slice(start), start, end: line.length });
  return sentences.map(trimSpan).filter((s) => s.text.length > 0);
}

function trimSpan(s: SentenceSpan): SentenceSpan {
  const lead = s.text.length - s.text.trimStart().length;
  const text = s.text.trim();
  return { text, start: s.start + lead, end: s.start + lead + text.length };
}

const DEFINING = /^[”"]?[，,]?(?:是指|系指|指的是|就是|即|是)/;
const OPEN_QUOTE = /[“"]$/;

/** What kind of explanation the sentence gives of `form`. String tests only: no pattern is built from data. */
export function classify(sentence: string, form: string, items: readonly string[]): SourceKind {
  const at = sentence.indexOf(form);
  const before = sentence.slice(0, at);
  const after = sentence.slice(at + form.length);
  // `（以下简称“X”）`, `简称X`, or `“X”（…）`.
  if (/简称[“"]?$/.test(before) || (OPEN_QUOTE.test(before) && /^[”"]（/.test(after))) return 'abbreviation';
  // `X是指…`, `“X”即…`, `X就是…` at the start of a sentence or clause.
  // A law's article number (第二条 …) does not count as text before the term.
  const lead = before.replace(OPEN_QUOTE, '').replace(/^第[一二三四五六七八九十百零]+条\s*/, '');
  if (!sentence.endsWith('！') && (lead === '' || /[，：]$/.test(lead) || /(?:所称|所谓)$/.test(lead)) && DEFINING.test(after)) return 'definition';
  if (/^[”"]?[，,]?即/.test(after)) return 'definition';
  if (items.length >= 2) {
    // The items must stand near the term: 创新 or 绿色 alone occur in any long sentence.
    const near = `${sentence.slice(Math.max(0, at - 80), at)}\u0000${after.slice(0, 80)}`;
    const found = items.filter((item) => (item.length <= 2 ? listedShort(near, item) : near.includes(item) || (item.length > 4 && near.includes(item.slice(0, 4))))).length;
    if (found >= Math.ceil(items.length * 0.6)) return 'enumeration';
  }
  return 'usage';
}

/** A short item counts only as a member of a list: followed by 、，和 or preceded by 、. */
function listedShort(text: string, item: string): boolean {
  for (let i = text.indexOf(item); i >= 0; i = text.indexOf(item, i + 1)) {
    if ('、，和'.includes(text[i + item.length] ?? '') || text[i - 1] === '、') return true;
  }
  return false;
}

/**
 * The sentence, or when it is long the clauses around the term (cut only after ，；：), so the
 * quote never stops in the middle of a word.
 */
function clauseWindow(line: string, sentence: SentenceSpan, form: string): string {
  if (sentence.end - sentence.start <= MAX_QUOTE) return sentence.text;
  const at = sentence.start + sentence.text.indexOf(form);
  const cuts = [sentence.start];
  for (let i = sentence.start; i < sentence.end; i++) if (/[，；：]/.test(line[i])) cuts.push(i + 1);
  cuts.push(sentence.end);
  let from = cuts.filter((c) => c <= at).at(-1)!;
  let to = cuts.find((c) => c >= at + form.length) ?? sentence.end;
  // Grow by whole clauses while the quote stays short.
  for (;;) {
    const next = cuts.find((c) => c > to);
    const previous = cuts.filter((c) => c < from).at(-1);
    if (next !== undefined && next - from <= MAX_QUOTE) to = next;
    else if (previous !== undefined && to - previous <= MAX_QUOTE) from = previous;
    else break;
  }
  return line.slice(from, to).replace(/^[，；：\s]+/, '').replace(/[，：\s]+$/, '');
}
