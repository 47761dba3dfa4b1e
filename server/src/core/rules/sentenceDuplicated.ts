import { paragraphAt } from '../text/paragraphs';
import type { Finding, Paragraph, Span } from '../types';
import { checkPerScope } from './documentScopes';
import type { DocumentFacts, Rule, RuleOptions } from './rule';

// The lookbehind makes a match start only where a run of sentence text starts. Without it, a
// long line with no final punctuation is rescanned from every offset: quadratic, and a 100 000
// character line took 8 s. Matches are the same (a match could only ever start there).
const SENTENCE = /(?<![^。！？!?\r\n])[^。！？!?\r\n]+[。！？!?]/g;

/**
 * `sentence.duplicated`: a whole sentence that appears twice in one document,
 * usually a copy-paste left-over. The later copy is flagged and points to the
 * first. Sentences are compared without white space.
 */
export const sentenceDuplicatedRule: Rule = {
  id: 'sentence.duplicated',
  defaultSeverity: 'warning',
  needsTokens: false,
  cost: 'full',
  textOnly: true,
  example: 'copy-paste left-overs',
  description: { en: 'A sentence that appears twice in the same document.', zh: '同一文稿中重复出现的句子。' },
  options: [
    { name: 'minLength', type: 'number', default: 12, minimum: 4, maximum: 200, description: { en: 'Shortest sentence (characters) compared.', zh: '参与比较的最短句子（字数）。' } },
  ],
  messages: {
    duplicate: { en: 'This sentence already appears on line {line}.', zh: '此句与第 {line} 行重复。' },
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const minLength = options.minLength as number;
    const sentences = (paragraph: Paragraph) => sentencesOf(paragraph.text, minLength);
    return checkPerScope(facts, 'scopes', (paragraphs) => {
      const findings: Finding[] = [];
      const first = new Map<string, Span>();
      for (const paragraph of paragraphs) {
        for (const sentence of facts.memo('sentences', paragraph, sentences)) {
          const span = { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end };
          const original = first.get(sentence.key);
          if (!original) {
            first.set(sentence.key, span);
            continue;
          }
          findings.push({
            code: 'sentence.duplicated',
            messageId: 'duplicate',
            span,
            args: { line: paragraphAt(facts.paragraphs, original.start) + 1 },
            related: [original],
          });
        }
      }
      return findings;
    });
  },
};

/** The sentences of a paragraph long enough to compare: offsets relative to it, key without white space. */
function sentencesOf(text: string, minLength: number): { key: string; start: number; end: number }[] {
  const sentences: { key: string; start: number; end: number }[] = [];
  if (text.length < minLength) return sentences;
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0];
    const key = raw.replace(/\s+/g, '');
    if ([...key].length < minLength) continue;
    const leading = raw.length - raw.trimStart().length;
    sentences.push({ key, start: match.index + leading, end: match.index + raw.length });
  }
  return sentences;
}
