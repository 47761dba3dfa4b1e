import { inBrokenSentence, type LineFacts } from './lineFacts';

/**
 * Finds the titles of the documents inside a compilation. A title is
 *  - `N.xxx报告` (a numbered entry of a compilation), always;
 *  - a standalone line ending in 报告/条例/办法/… or `中华人民共和国…法`
 *    (`2024年湖南省政府工作报告`, ` 2024年《政府工作报告》`), when it follows
 *    body text (or starts the file) and body text follows it;
 *  - a newspaper headline: one to three short lines without commas or
 *    sentence punctuation (a one-line headline must contain a space or colon
 *    between its phrases), after body text and before a paragraph of at least
 *    40 characters — the Xi Jinping articles in a compilation.
 * Bylines and date lines never follow body text, so they are never titles.
 * Pieces of sentences broken by web-page links (`我国第一部《` / `国防法` /
 * `》开始实施。`, gwr-1998) are never titles, nor is a "headline" whose
 * opening paragraph does not end like one (gwr-2017: `党的十八届六中全会` /
 * `正式明确` / `习近平` / `总书记的核心地位，…“`).
 */

/** The non-blank lines one title occupies, in order. */
export type TitleLines = readonly number[];

const MAX_HEADLINE_LINES = 3;
/** The first paragraph of an article is long; hard-wrapped newspaper columns (≤ 20 characters) are not. */
const MIN_ARTICLE_OPENING = 40;

/** Titles in document order. */
export function findDocumentTitles(facts: LineFacts): TitleLines[] {
  const titles: TitleLines[] = [];
  for (let i = 0; i < facts.count; i++) {
    const candidate = facts.candidates[i];
    if (!candidate) continue;
    if (candidate.type === 'title') {
      if (candidate.certain || (followsBody(facts, i) && precedesBody(facts, i) && !inBrokenSentence(facts, i))) titles.push([i]);
    } else if (candidate.type === 'plain') {
      const headline = headlineAt(facts, i);
      if (headline) {
        titles.push(headline);
        i = headline[headline.length - 1];
      }
    }
  }
  return titles;
}

/** The line starts the text, or the non-blank line before it ends like body text or names the source of an article. */
export function followsBody(facts: LineFacts, line: number): boolean {
  const previous = facts.previousNonBlank[line];
  return previous === -1 || facts.bodyEnding[previous] === 1 || facts.candidates[previous]?.type === 'source';
}

/** The next non-blank line (after a dateline such as `新华社北京3月5日电`) is neither a short standalone line nor a title. */
export function precedesBody(facts: LineFacts, line: number): boolean {
  const next = skipSources(facts, facts.nextNonBlank[line]);
  if (next === -1) return false;
  const type = facts.candidates[next]?.type;
  return type !== 'plain' && type !== 'title';
}

function skipSources(facts: LineFacts, line: number): number {
  let next = line;
  while (next !== -1 && facts.candidates[next]?.type === 'source') next = facts.nextNonBlank[next];
  return next;
}

/** `——在全省干部大会上的讲话`: a subtitle line of a headline (a dash lead without sentence punctuation). */
function isSubtitle(facts: LineFacts, line: number): boolean {
  const candidate = facts.candidates[line];
  return candidate?.type === 'heading' && candidate.family === 'lead-dash' && candidate.standalone && facts.bodyEnding[line] === 0 && facts.contentLength[line] <= 40;
}

function headlineAt(facts: LineFacts, first: number): TitleLines | undefined {
  if (!followsBody(facts, first)) return undefined;
  const lines = [first];
  let next = facts.nextNonBlank[first];
  while (next !== -1 && (facts.candidates[next]?.type === 'plain' || isSubtitle(facts, next)) && lines.length < MAX_HEADLINE_LINES) {
    lines.push(next);
    next = facts.nextNonBlank[next];
  }
  next = skipSources(facts, next);
  if (next === -1 || facts.candidates[next] !== null || facts.contentLength[next] < MIN_ARTICLE_OPENING) return undefined;
  if (!facts.bodyEnding[next] || facts.fragment[next] !== 0 || lines.some((line) => inBrokenSentence(facts, line))) return undefined;
  const firstLine = facts.candidates[first];
  const oneLineHeadline = firstLine?.type === 'plain' && firstLine.hasBreak;
  return lines.length >= 2 || oneLineHeadline ? lines : undefined;
}
