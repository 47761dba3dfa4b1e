import type { TermMatcher } from './termMatcher';

/**
 * Which formulations a report sets off — in quotation marks (“两重”, “人工智能+”) or as a numbered
 * slogan (四个意识, 十四个坚持) — and whether the glossary knows them. Measures the glossary's
 * coverage of the current reports (docs/glossary.md). Pure.
 */
export interface FormulationCandidate {
  readonly text: string;
  /** 1-based line of the first occurrence. */
  readonly line: number;
  /** The glossary term that covers it, if any. */
  readonly term?: string;
}

const QUOTED = /“([^“”\n]{2,30})”/g;
const NUMBERED = /(?<![\p{Script=Han}第])([一二三四五六七八九十两]+个[\p{Script=Han}]{2,4}?)(?=[，。、；：”）和的])/gu;
const QUOTES = /[“”]/g;

/** The distinct candidates of a document in order of first occurrence, each with the term covering it. */
export function formulationCoverage(lines: readonly string[], matcher: TermMatcher): FormulationCandidate[] {
  const found = new Map<string, FormulationCandidate>();
  lines.forEach((line, index) => {
    // Quotation marks do not stop a term: “内卷式”竞争 is 内卷式竞争, “两个毫不动摇” is 两个毫不动摇.
    const plain = line.replace(QUOTES, '');
    const hits = matcher.match(plain).filter((hit) => hit.match.role !== 'rejected');
    const plainOffset = (offset: number) => offset - (line.slice(0, offset).match(QUOTES)?.length ?? 0);
    const spans: { text: string; start: number }[] = [];
    for (const m of line.matchAll(QUOTED)) spans.push({ text: m[1], start: m.index + 1 });
    for (const m of line.matchAll(NUMBERED)) spans.push({ text: m[1], start: m.index });
    for (const span of spans) {
      const start = plainOffset(span.start);
      const end = start + span.text.replace(QUOTES, '').length;
      const cover = hits.find((hit) => hit.start <= start && end <= hit.end);
      const previous = found.get(span.text);
      if (!previous) found.set(span.text, { text: span.text, line: index + 1, ...(cover ? { term: cover.match.entry.term } : {}) });
      else if (!previous.term && cover) found.set(span.text, { ...previous, term: cover.match.entry.term });
    }
  });
  return [...found.values()];
}
