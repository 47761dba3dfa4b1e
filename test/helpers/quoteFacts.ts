import { AnalysisCaches, analyze } from '../../server/src/core/analysis';
import { buildOutline } from '../../server/src/core/outline/outline';
import type { ReferenceIndex } from '../../server/src/core/quotes/referenceIndex';
import { quoteMismatchRule } from '../../server/src/core/rules/quoteMismatch';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import type { Finding } from '../../server/src/core/types';

/** Facts with what quote.mismatch reads (paragraphs, outline, references; no segmentation), memoised in `caches` as the server does. */
export function quoteFacts(text: string, caches: AnalysisCaches, index: ReferenceIndex): DocumentFacts {
  const paragraphs = splitParagraphs(text);
  return {
    text,
    paragraphs,
    outline: buildOutline(text, paragraphs, { markdown: false, leadItems: false }),
    tokensOf: () => undefined,
    hasTokens: () => false,
    termHits: () => [],
    termCandidates: () => [],
    ignored: new Set(),
    memo: (namespace, p, compute) => caches.memo(namespace, p, compute),
    memoScope: (namespace, ps, compute) => caches.memoScope(namespace, ps, compute),
    references: index,
  };
}

/** quote.mismatch's findings in a text, with fresh caches unless given. */
export function checkQuotes(text: string, index: ReferenceIndex, caches = new AnalysisCaches()): Finding[] {
  return analyze(quoteFacts(text, caches, index), [quoteMismatchRule], { rules: new Map(), heavyRules: true, cacheKey: '' }, caches);
}
