import type { Finding, Span } from '../types';
import { documentScopes } from './documentScopes';
import type { DocumentFacts, Rule, RuleOptions } from './rule';

const SENTENCE = /[^。！？!?\r\n]+[。！？!?]/g;

/**
 * `sentence.duplicated`: a whole sentence that appears twice in one document,
 * usually a copy-paste left-over. The later copy is flagged and points to the
 * first. Sentences are compared without white space.
 */
export const sentenceDuplicatedRule: Rule = {
  id: 'sentence.duplicated',
  defaultSeverity: 'warning',
  needsTokens: false,
  description: { en: 'A sentence that appears twice in the same document.', zh: '同一文稿中重复出现的句子。' },
  options: [
    { name: 'minLength', type: 'number', default: 12, minimum: 4, maximum: 200, description: { en: 'Shortest sentence (characters) compared.', zh: '参与比较的最短句子（字数）。' } },
  ],
  messages: {
    duplicate: { en: 'This sentence already appears on line {line}.', zh: '此句与第 {line} 行重复。' },
  },
  checkDocument(facts: DocumentFacts, options: RuleOptions): Finding[] {
    const minLength = options.minLength as number;
    const findings: Finding[] = [];
    const lineStarts = facts.paragraphs.map((p) => p.start);
    for (const scope of documentScopes(facts.text, facts.outline)) {
      const first = new Map<string, Span>();
      for (const paragraph of facts.paragraphs) {
        if (paragraph.end <= scope.start || paragraph.start >= scope.end || paragraph.text.length < minLength) continue;
        for (const match of paragraph.text.matchAll(SENTENCE)) {
          const raw = match[0];
          const leading = raw.length - raw.trimStart().length;
          const sentence = raw.replace(/\s+/g, '');
          if ([...sentence].length < minLength) continue;
          const span = { start: paragraph.start + match.index + leading, end: paragraph.start + match.index + raw.length };
          const original = first.get(sentence);
          if (!original) {
            first.set(sentence, span);
            continue;
          }
          findings.push({
            code: 'sentence.duplicated',
            messageId: 'duplicate',
            span,
            args: { line: lineOf(lineStarts, original.start) + 1 },
            related: [original],
          });
        }
      }
    }
    return findings;
  },
};

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
