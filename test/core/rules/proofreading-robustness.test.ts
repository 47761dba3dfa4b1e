import { describe, expect, it } from 'vitest';
import { ruleById } from '../../../server/src/core/rules/registry';
import type { DocumentFacts, Rule } from '../../../server/src/core/rules/rule';
import { splitParagraphs } from '../../../server/src/core/text/paragraphs';
import type { Finding, Paragraph, Token } from '../../../server/src/core/types';

const IDS = [
  'number.zero',
  'number.yearAbbrev',
  'number.approximate',
  'number.percentRange',
  'number.rangeDash',
  'punctuation.ellipsis',
  'punctuation.repeated',
  'punctuation.pairs',
  'punctuation.nestedTitle',
  'punctuation.quotedListComma',
  'typo.fixedExpression',
  'usage.jiezhi',
  'variant.word',
];
const rules = IDS.map((id) => ruleById(id)!);

/** One token per code point: boundaries everywhere, so the word rules match wherever a form occurs. */
function charTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const end = i + String.fromCodePoint(text.codePointAt(i)!).length;
    tokens.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

/** A rule's findings with document offsets, without the segmenter (fast on huge input); `tokens` of a one-paragraph text may be given. */
function run(rule: Rule, text: string, tokens?: Token[]): Finding[] {
  const paragraphs = splitParagraphs(text);
  const options = Object.fromEntries(rule.options.map((o) => [o.name, o.default]));
  if (rule.checkDocument) {
    const facts: DocumentFacts = {
      text,
      paragraphs,
      outline: [],
      tokensOf: (p) => charTokens(p.text),
      hasTokens: () => true,
      termHits: () => [],
      termCandidates: () => [],
      ignored: new Set(),
      memo: (_namespace, p, compute) => compute(p),
      memoScope: (_namespace, _paragraphs, compute) => compute(),
    };
    return [...rule.checkDocument(facts, options)];
  }
  return paragraphs.flatMap((p: Paragraph) =>
    rule.checkParagraph!({ paragraph: { ...p, start: 0, end: p.text.length }, tokens: rule.needsTokens ? (tokens ?? charTokens(p.text)) : undefined, terms: [], ignored: new Set() }, options).map((f) => ({
      ...f,
      span: { start: f.span.start + p.start, end: f.span.end + p.start },
    })),
  );
}

describe('proofreading rules on bad input', () => {
  it.each(rules.map((r) => [r.id, r]))('%s survives empty text, lone surrogates, NUL and unmatched marks', (_id, rule) => {
    for (const text of ['', '\n\n', '\ud800', '\udc00二0二五年\ud800', '\0“《（', '》）”', '…', '0', '年', '截止', '、、']) {
      expect(() => run(rule as Rule, text)).not.toThrow();
    }
  });

  it('counts offsets in UTF-16 units after emoji and CJK Extension B characters', () => {
    const text = '😀𠀀二0二五年，𠀀再接再励，截止2025年底，笔划';
    const at = (id: string) => run(ruleById(id)!, text).map((f) => text.slice(f.span.start, f.span.end));
    expect(at('number.zero')).toEqual(['二0二五']);
    expect(at('typo.fixedExpression')).toEqual(['再接再励']);
    expect(at('usage.jiezhi')).toEqual(['截止']);
    expect(at('variant.word')).toEqual(['笔划']);
  });

  it('checks a 1 MB line in well under a second per rule', () => {
    const sentence = '全省上下要再接再厉，推动高质量发展，建成三四十个示范区，增长10%—15%。';
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length)) + '二0二五年，，“';
    const tokens = charTokens(line);
    for (const rule of rules) {
      const started = performance.now();
      const findings = run(rule, line, tokens);
      expect(performance.now() - started, rule.id).toBeLessThan(1000);
      expect(findings.length, rule.id).toBeLessThanOrEqual(1);
    }
  });
});
