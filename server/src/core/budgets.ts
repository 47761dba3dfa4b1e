/**
 * Every memory budget of the analysis in one place. Caches are bounded by
 * entries and by the characters their keys keep alive (a 1 MB line edited a
 * hundred times must not keep a hundred copies). What each cache holds, its
 * key and what clears it: docs/performance.md.
 */

/** Per-cache limits of a BoundedMemo keyed by text (core/memo.ts). */
export const MEMO_BUDGET = {
  /** Characters of all keys of one cache. */
  maxChars: 8_000_000,
  /** Keys at least this long count against `maxLargeChars` of their own… */
  largeKey: 100_000,
  /** …so that a few huge paragraphs cannot evict all ordinary ones. */
  maxLargeChars: 2_000_000,
} as const;

export const ANALYSIS_BUDGETS = {
  /** Paragraph texts whose findings are kept (AnalysisCaches.paragraphFindings: all rules' in one entry). */
  paragraphFindings: 100_000,
  /** Analysis keys (glossary generations, references, ignored phrases) whose paragraph findings are kept at once. */
  paragraphTables: 4,
  /** Rule configurations and glossary generations kept at once. */
  memoNamespaces: 64,
  /** Heading classification by line text. */
  lineClasses: 200_000,
  /** Findings of runs of paragraphs (one document of a compilation, per rule). */
  scopes: 4096,
  scopeChars: 8_000_000,
} as const;

export const SEGMENTATION_BUDGETS = {
  /** Tokens by paragraph text. */
  paragraphs: 60_000,
  /** Texts per message to the segmenter: large enough to amortise the hop, small enough to interleave with edits. */
  batch: 256,
  /** Distinct short words and tags shared by all tokens (engine/segmentation.ts). */
  internedWords: 200_000,
} as const;

export const GLOSSARY_BUDGETS = {
  /** Term hits by paragraph text. */
  paragraphs: 100_000,
} as const;
