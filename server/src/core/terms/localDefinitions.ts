import type { Paragraph, Span } from '../types';

/** A term the document defines itself: `…（以下简称“两区”）`, `涉密人员是指…`. */
export interface LocalDefinition {
  readonly term: string;
  /** The defining sentence. */
  readonly sentence: Span;
  /** Where the term itself stands in that sentence. */
  readonly termSpan: Span;
  readonly line: number;
}

const ABBREVIATION = /[（(]以下(?:简称|称)[“"]?([^”"）)，。；]{1,24})[”"]?[）)]/g;
const IS_DEFINED_AS = /(?:^|[，。；：])[“"]?([\p{Script=Han}A-Za-z0-9]{2,16}?)[”"]?，?(?:是指|系指|指的是)/gu;

/**
 * Finds definitions a document makes of its own terms. The sentence is the
 * text between the sentence ends (。！？；) around the definition.
 */
export function findLocalDefinitions(paragraphs: readonly Paragraph[]): LocalDefinition[] {
  const definitions: LocalDefinition[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    if (!text.includes('简称') && !text.includes('以下称') && !/是指|系指|指的是/.test(text)) continue;
    for (const pattern of [ABBREVIATION, IS_DEFINED_AS]) {
      for (const match of text.matchAll(pattern)) {
        // `本法所称X，是指…` defines X, not the words before 所称.
        const term = match[1].includes('所称') ? match[1].slice(match[1].lastIndexOf('所称') + 2) : match[1];
        if (term.length < 2) continue;
        const termStart = match.index + match[0].lastIndexOf(term);
        const sentence = sentenceAround(text, termStart);
        definitions.push({
          term,
          sentence: { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end },
          termSpan: { start: paragraph.start + termStart, end: paragraph.start + termStart + term.length },
          line: paragraph.line,
        });
      }
    }
  }
  return definitions;
}

function sentenceAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && !/[。！？；]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !/[。！？；]/.test(text[end])) end++;
  if (end < text.length) end++;
  return { start, end };
}
