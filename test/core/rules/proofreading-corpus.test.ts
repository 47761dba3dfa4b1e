import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import data from '../../../data/fixed-expressions.json';
import { AnalysisCaches, analyze } from '../../../server/src/core/analysis';
import { RULES } from '../../../server/src/core/rules/registry';
import type { Finding } from '../../../server/src/core/types';
import { factsOf } from '../../helpers/analyzeText';

/** The rules of issue 15 (docs/proofreading.md), at their default settings. */
const PROOFREADING = [
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
const CORPUS = path.join(__dirname, '../../fixtures/corpus');
const LABELS = path.join(__dirname, '../../fixtures/labels');
const documents = [
  ...fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')),
  ...fs.readdirSync(path.join(CORPUS, 'national')).filter((f) => f.endsWith('.txt')).map((f) => `national/${f}`),
].sort();

type Row = { file: string; line: number; code: string; phrase: string };
const key = (r: Row) => `${r.file}:${r.line} ${r.code} ${r.phrase}`;

/** Every finding of the proofreading rules in every corpus document, as label rows. */
const found: Row[] = documents.flatMap((file) => {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const rules = RULES.filter((r) => PROOFREADING.includes(r.id));
  const findings: Finding[] = analyze(factsOf(text), rules, { rules: new Map(), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
  return findings.map((f) => ({ file, line: text.slice(0, f.span.start).split('\n').length, code: f.code, phrase: text.slice(f.span.start, f.span.end).slice(0, 40) }));
});

/** The labels of the rules above on the documents this test reads (laws/ has labels of its own, checked by test/precision). */
function labels(): (Row & { verdict: string; reason: string })[] {
  return labelRows().filter((l) => documents.includes(l.file));
}

function labelRows(): (Row & { verdict: string; reason: string })[] {
  return fs
    .readdirSync(LABELS)
    .filter((f) => PROOFREADING.some((id) => f === `${id}.tsv`))
    .flatMap((f) =>
      fs
        .readFileSync(path.join(LABELS, f), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [file, n, code, phrase, verdict, reason] = line.split('\t');
          return { file, line: Number(n), code, phrase, verdict, reason };
        }),
    );
}

describe('proofreading rules on the whole corpus (national reports, compilation, newspaper, law)', () => {
  it('report exactly the labelled findings, each reviewed as true (precision 1.0 on 106 findings)', () => {
    // Labels on other documents (laws/, checked by test/precision/labels.test.ts) are not this test's.
    const labelled = labels().filter((l) => documents.includes(l.file));
    expect(labelled.every((l) => l.verdict === 'true' || l.verdict === 'false')).toBe(true);
    expect(found.map(key).sort()).toEqual(labelled.filter((l) => l.verdict === 'true').map(key).sort());
    expect(labelled.filter((l) => l.verdict === 'false').map(key).filter((k) => found.map(key).includes(k))).toEqual([]);
    expect(found).toHaveLength(106);
  });

  it('add well under one finding per 10 000 characters on the national reports; none but variant.word on reports before 2001', () => {
    const national = documents.filter((f) => f.startsWith('national/'));
    const characters = national.reduce((n, f) => n + fs.readFileSync(path.join(CORPUS, f), 'utf8').length, 0);
    const inNational = found.filter((r) => r.file.startsWith('national/'));
    const perTenThousand = (n: number) => Math.round((n / characters) * 1e6) / 100;
    expect(national).toHaveLength(74);
    expect(inNational).toHaveLength(93);
    expect(perTenThousand(inNational.length)).toBe(0.78);
    // Without the information-level variant.word (all 61 of its findings are in reports of 1954–1997, before GF 1001-2001).
    const variants = inNational.filter((r) => r.code === 'variant.word');
    expect(variants).toHaveLength(61);
    expect(variants.every((r) => /gwr-19(5|6|7|8|9)\d/.test(r.file))).toBe(true);
    expect(perTenThousand(inNational.length - variants.length)).toBe(0.27);
  });

  it('finds no wrong form of the typo data in the national reports except real errors: 颠复 (×5, 1957/1959) and 复盖 (1958), correct when written (覆 was simplified to 复 from 1956 to 1986), wrong today', () => {
    const typos = found.filter((r) => r.code === 'typo.fixedExpression' && r.file.startsWith('national/'));
    expect(typos.map((r) => `${r.file}:${r.line} ${r.phrase}`)).toEqual([
      'national/gwr-1957.txt:240 颠复',
      'national/gwr-1958.txt:171 复盖',
      'national/gwr-1959.txt:246 颠复',
      'national/gwr-1959.txt:248 颠复',
      'national/gwr-1959.txt:266 颠复',
      'national/gwr-1959.txt:266 颠复',
    ]);
  });

  it('does not take a wrong form for an error where it only spans two words (学习/贯彻, 预防/犯罪, 平安/祥和)', () => {
    // Every place the national reports contain a wrong form as a string, the segmentation says it is not a word there.
    const national = documents.filter((f) => f.startsWith('national/'));
    const inText = new Map<string, number>();
    for (const file of national) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      for (const { wrong } of data.entries) {
        const count = text.split(wrong).length - 1;
        if (count > 0) inText.set(wrong, (inText.get(wrong) ?? 0) + count);
      }
    }
    expect(Object.fromEntries([...inText].sort())).toEqual({ 习贯: 6, 复盖: 1, 安祥: 1, 防犯: 1, 颠复: 5 });
  });
});
