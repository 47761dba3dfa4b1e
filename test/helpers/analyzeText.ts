import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadJieba } from '../../server/src/adapters/jieba';
import { AnalysisCaches, analyze, type GradedFinding, type RuleConfig } from '../../server/src/core/analysis';
import { buildOutline } from '../../server/src/core/outline/outline';
import type { ReferenceIndex } from '../../server/src/core/quotes/referenceIndex';
import { RULES } from '../../server/src/core/rules/registry';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import { segmentParagraph } from '../../server/src/core/segment/tokens';
import { mergeGlossaries } from '../../server/src/core/terms/glossary';
import { validateGlossary } from '../../server/src/core/terms/glossaryValidation';
import { TermMatcher, type TermHit } from '../../server/src/core/terms/termMatcher';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import type { Segmenter, Token } from '../../server/src/core/types';

const ROOT = path.join(__dirname, '../..');
let jieba: Segmenter | undefined;

export const builtinEntries = () => validateGlossary(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8')), 'builtin').entries;
export const fixtureLines = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8').split('\n');

/** The core's facts for a text, as the server computes them, with real jieba and the built-in glossary. */
export function factsOf(text: string, ignored: readonly string[] = [], references?: ReferenceIndex): DocumentFacts {
  jieba ??= loadJieba([]).segmenter;
  const segmenter = jieba;
  const matcher = new TermMatcher(mergeGlossaries([builtinEntries()]));
  const paragraphs = splitParagraphs(text);
  const tokens = new Map<string, Token[]>();
  const hits = new Map<string, TermHit[]>();
  const memos = new Map<string, unknown>();
  const tokensOf = (p: { text: string }) => {
    let t = tokens.get(p.text);
    if (!t) tokens.set(p.text, (t = segmentParagraph(segmenter, p.text)));
    return t;
  };
  return {
    text,
    paragraphs,
    outline: buildOutline(text, paragraphs, { markdown: false, leadItems: false }),
    tokensOf,
    termHits: (p) => {
      let h = hits.get(p.text);
      if (!h) hits.set(p.text, (h = matcher.match(p.text, tokensOf(p))));
      return h;
    },
    ignored: new Set(ignored),
    memo: (namespace, p, compute) => {
      const key = `${namespace}\u0000${p.text}`;
      if (!memos.has(key)) memos.set(key, compute(p));
      return memos.get(key) as never;
    },
    references,
  };
}

/** Findings of all rules at default settings (or the given overrides), quotations checked against `references` if given. */
export function findingsOf(text: string, rules: ReadonlyMap<string, RuleConfig> = new Map(), references?: ReferenceIndex): GradedFinding[] {
  return analyze(factsOf(text, [], references), RULES, { rules, heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}
