import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulationCoverage, type FormulationCandidate } from '../../server/src/core/terms/coverage';
import { mergeGlossaries } from '../../server/src/core/terms/glossary';
import { TermMatcher } from '../../server/src/core/terms/termMatcher';
import { builtinEntries } from '../helpers/analyzeText';

// Coverage of the current reports (issue 16): every formulation the 2025 government work report and
// the 20th Party Congress report set off in quotation marks or as a numbered slogan is a glossary
// term, or docs/glossary.md lists it as left out on purpose; the docs state the figure.

const ROOT = path.join(__dirname, '../..');
const REPORTS = ['national/gwr-2025.txt', 'national/cpc-20.txt'];
const matcher = new TermMatcher(mergeGlossaries([builtinEntries()]));
const candidates = new Map<string, FormulationCandidate[]>(
  REPORTS.map((name) => [name, formulationCoverage(fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', name), 'utf8').replace(/\u200b/g, '').split('\n'), matcher)]),
);
const docs = fs.readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8');
const section = docs.slice(docs.indexOf('### Left out on purpose'));
/** First column of the table rows after the heading: `| “稳” | … |`. */
const leftOut = new Set([...section.matchAll(/^\| “([^”]+)” \|/gm)].map((m) => m[1]));

describe('glossary coverage of the 2025 report and the 20th Congress report', () => {
  it('finds the candidates of both reports', () => {
    const texts = (name: string) => candidates.get(name)!.map((c) => c.text);
    expect(texts('national/gwr-2025.txt')).toEqual(expect.arrayContaining(['两重', '两新', '人工智能+', '十五五', '内卷式', '两个毫不动摇']));
    expect(texts('national/cpc-20.txt')).toEqual(expect.arrayContaining(['四个意识', '十四个坚持', '四个全面', '灰犀牛']));
    expect(candidates.get('national/gwr-2025.txt')!.find((c) => c.text === '内卷式')?.term).toBe('内卷式竞争');
  });

  it('every candidate is a glossary term or listed in docs/glossary.md as left out on purpose', () => {
    const uncovered = [...new Set([...candidates.values()].flat().filter((c) => !c.term).map((c) => c.text))].sort();
    expect(uncovered).toEqual([...leftOut].sort());
  });

  it('docs/glossary.md states the coverage figure', () => {
    const all = new Map<string, boolean>();
    for (const c of [...candidates.values()].flat()) all.set(c.text, (all.get(c.text) ?? false) || c.term !== undefined);
    const covered = [...all.values()].filter(Boolean).length;
    expect(docs).toContain(`**${covered} / ${all.size}**`);
  });
});
