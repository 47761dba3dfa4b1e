import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryText } from '../../server/src/engine/glossaryFile';
import { mergeGlossaries, type GlossaryEntry } from '../../server/src/core/terms/glossary';
import { validateGlossary } from '../../server/src/core/terms/glossaryValidation';
import { findLocalDefinitions } from '../../server/src/core/terms/localDefinitions';
import { TermMatcher, tokenBoundaries } from '../../server/src/core/terms/termMatcher';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

const lines = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name), 'utf8').split('\n');
const COMPILATION = lines('002_8dfe99efc033ddf8.txt');
const FOUR = lines('004_aedbcdac15b26f45.txt');

function entry(term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    term,
    kind: 'term',
    category: '发展理念',
    aliases: [],
    variants: { accepted: [], rejected: [] },
    definition: `${term}的定义。`,
    english: '',
    items: [],
    source: null,
    origin: 'builtin',
    ...extra,
  };
}

const glossary = mergeGlossaries([
  [
    entry('发展'),
    entry('高质量发展'),
    entry('新质生产力', { variants: { accepted: [], rejected: ['新质生产率'] } }),
    entry('三农', { category: '数字简称' }),
    entry('两区', { category: '数字简称' }),
    entry('千万工程', { aliases: ['千村示范、万村整治'], kind: 'slogan' }),
    entry('𠀀试验'),
  ],
]);
const matcher = new TermMatcher(glossary);
const found = (text: string) => matcher.match(text).map((h) => [h.form, h.start, h.end, h.match.role]);

describe('term matching', () => {
  it('finds from the occurrences exactly what it finds in the text, with and without token boundaries', () => {
    // The built-in glossary, every paragraph of the compilation; boundaries as jieba's could be (random) and none.
    const builtin = new TermMatcher(mergeGlossaries([validateGlossary(JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/glossary.json'), 'utf8')), 'builtin').entries]));
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let hits = 0;
    for (const text of COMPILATION) {
      const occurrences = builtin.occurrences(text);
      const boundaries = Uint8Array.from({ length: text.length + 1 }, () => (next() < 0.6 ? 1 : 0));
      for (const b of [boundaries, undefined]) {
        const expected = builtin.match(text, b);
        expect(builtin.matchAmong(occurrences, b)).toEqual(expected);
        hits += expected.length;
      }
    }
    expect(hits).toBeGreaterThan(10_000);
  });

  it('prefers the longest match: 高质量发展 over 发展', () => {
    expect(found('推动高质量发展和发展')).toEqual([
      ['高质量发展', 2, 7, 'term'],
      ['发展', 8, 10, 'term'],
    ]);
  });

  it('finds terms in unspaced text and inside quotes: “三农”工作', () => {
    const line = COMPILATION.find((l) => l.includes('“三农”工作'))!;
    const hits = matcher.match(line).filter((h) => h.form === '三农');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(line.slice(hit.start - 1, hit.end + 1)).toMatch(/^.三农.$/);
    expect(line.slice(hits[0].start - 1, hits[0].end + 3)).toBe('“三农”工作');
  });

  it('finds the national report paragraph terms with exact spans', () => {
    const line = COMPILATION.find((l) => l.startsWith('（一）大力推进现代化产业体系建设，加快发展新质生产力。'))!;
    const hits = matcher.match(line).map((h) => [h.form, h.start, h.end]);
    expect(hits.slice(0, 2)).toEqual([
      ['发展', 19, 21],
      ['新质生产力', 21, 26],
    ]);
    expect(line.slice(21, 26)).toBe('新质生产力');
  });

  it('maps aliases and rejected variants to their entry', () => {
    const [alias] = matcher.match('学习运用“千村示范、万村整治”工程经验');
    expect(alias.match.entry.term).toBe('千万工程');
    expect(alias.match.role).toBe('alias');
    const [, wrong] = matcher.match('发展新质生产率');
    expect(wrong.match.role).toBe('rejected');
    expect(wrong.match.entry.term).toBe('新质生产力');
  });

  it('keeps UTF-16 offsets after astral characters, and matches astral terms', () => {
    expect(found('𠀀👍🏽高质量发展')).toEqual([['高质量发展', 6, 11, 'term']]);
    expect(found('开展𠀀试验')).toEqual([['𠀀试验', 2, 6, 'term']]);
  });

  it('with tokens, short terms must sit on token boundaries (两区 is not in 两/区域)', () => {
    const text = '统筹两区域发展，推进两区建设';
    const tokens = [
      ['统筹', 0, 2],
      ['两', 2, 3],
      ['区域', 3, 5],
      ['发展', 5, 7],
      ['，', 7, 8],
      ['推进', 8, 10],
      ['两区', 10, 12],
      ['建设', 12, 14],
    ].map(([t, start, end]) => ({ text: t as string, start: start as number, end: end as number }));
    expect(matcher.match(text).filter((h) => h.form === '两区').map((h) => h.start)).toEqual([2, 10]);
    expect(matcher.match(text, tokenBoundaries(tokens, text.length)).filter((h) => h.form === '两区').map((h) => h.start)).toEqual([10]);
  });

  it('lists every occurrence of every form, overlapping ones included, and the short ones alone', () => {
    const occurrences = (text: string, shorterThan?: number) => matcher.occurrences(text, shorterThan).map((h) => [h.form, h.start, h.end]);
    expect(occurrences('推动高质量发展，统筹两区域')).toEqual([
      ['高质量发展', 2, 7],
      ['发展', 5, 7],
      ['两区', 10, 12],
    ]);
    // Where `match` reads token boundaries: the forms under four characters.
    expect(occurrences('推动高质量发展，统筹两区域', 4)).toEqual([
      ['发展', 5, 7],
      ['两区', 10, 12],
    ]);
    expect(occurrences('𠀀试验田，新质生产率')).toEqual([
      ['𠀀试验', 0, 4],
      ['新质生产率', 6, 11],
    ]);
  });

  it('lists the occurrences a search for every form finds, on every paragraph of the compilation and with one-character forms', () => {
    const builtin = mergeGlossaries([validateGlossary(JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/glossary.json'), 'utf8')), 'builtin').entries, [entry('两'), entry('发')]]);
    const withSingles = new TermMatcher(builtin);
    // The definition: at every position, every form that starts there, shortest first.
    const byFirst = new Map<number, string[]>();
    for (const form of builtin.forms.keys()) byFirst.set(form.charCodeAt(0), [...(byFirst.get(form.charCodeAt(0)) ?? []), form].sort((a, b) => a.length - b.length));
    const searched = (text: string, shorterThan: number) => {
      const hits: [string, number, number][] = [];
      for (let i = 0; i < text.length; i++) for (const form of byFirst.get(text.charCodeAt(i)) ?? []) if (form.length < shorterThan && text.startsWith(form, i)) hits.push([form, i, i + form.length]);
      return hits;
    };
    let hits = 0;
    for (const text of [...COMPILATION, '两', '发展两区两']) {
      for (const shorterThan of [Infinity, 4]) {
        const expected = searched(text, shorterThan);
        const got = withSingles.occurrences(text, shorterThan);
        expect(got.map((h) => [h.form, h.start, h.end])).toEqual(expected);
        for (const h of got) expect(h.match).toBe(builtin.forms.get(h.form));
        hits += expected.length;
      }
    }
    expect(hits).toBeGreaterThan(20_000);
  });

  it('finds with boundaries known only around the short forms what it finds with all of them', () => {
    const text = '统筹两区域发展，推进两区建设';
    const all = Uint8Array.from([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1]);
    // Outside the clauses of 两区 and 发展 (0–7 and 8–14 here: all of it), anything: the forms of four characters or more ignore them.
    const onlyThere = new Uint8Array(text.length + 1);
    for (const hit of matcher.occurrences(text, 4)) for (const at of [hit.start, hit.end]) onlyThere[at] = all[at];
    expect(matcher.match(text, onlyThere)).toEqual(matcher.match(text, all));
    expect(matcher.match(text, onlyThere).map((h) => [h.form, h.start])).toEqual([
      ['发展', 5],
      ['两区', 10],
    ]);
  });

  it('later glossaries override entries with the same term', () => {
    const merged = mergeGlossaries([[entry('三农')], [entry('三农', { definition: '用户定义。', origin: 'file:///g.json' })]]);
    expect(merged.entries).toHaveLength(1);
    expect(merged.forms.get('三农')!.entry.definition).toBe('用户定义。');
  });
});

describe('glossary validation', () => {
  it('keeps valid entries and reports each bad one by path', () => {
    const { entries, problems } = validateGlossary(
      {
        version: 1,
        terms: [
          { term: '三农', category: '数字简称', definition: '农业、农村、农民。' },
          { term: '双碳', category: '数字简称' },
          { term: 5, category: '战略', definition: 'x' },
          { term: '三农', category: '数字简称', definition: '重复。' },
          { term: '两山', category: '生态环保', definition: '绿水青山就是金山银山。', aliases: '两山理论' },
          'text',
        ],
      },
      'file:///user.json',
    );
    expect(entries.map((e) => e.term)).toEqual(['三农']);
    expect(problems).toEqual([
      { path: ['terms', 1, 'definition'], messageId: 'glossary.missingField', args: { field: 'definition' } },
      { path: ['terms', 2, 'term'], messageId: 'glossary.wrongType', args: { field: 'term', expected: 'string' } },
      { path: ['terms', 3, 'term'], messageId: 'glossary.duplicate', args: { term: '三农' } },
      { path: ['terms', 4, 'aliases'], messageId: 'glossary.wrongType', args: { field: 'aliases', expected: 'string[]' } },
      { path: ['terms', 5], messageId: 'glossary.notAnObject', args: {} },
    ]);
  });

  it('locates problems of a glossary file on their lines, and survives syntax errors', () => {
    const text = ['{', '  "terms": [', '    { "term": "三农", "category": "数字简称", "definition": "农业、农村、农民。" },', '    { "term": "双碳", "category": "数字简称" },', '    { "term": "两山" "definition": "x", "category": "生态环保" }', '  ]', '}'].join('\n');
    const { entries, problems } = parseGlossaryText(text, 'file:///g.json');
    const index = new LineIndex(text);
    const located = problems.map((p) => [p.messageId, index.positionAt(p.span.start).line]);
    expect(located).toContainEqual(['glossary.syntax', 4]);
    expect(located).toContainEqual(['glossary.missingField', 3]);
    expect(entries.map((e) => e.term)).toContain('三农');
  });

  it('reports an empty file', () => {
    expect(parseGlossaryText('', 'file:///g.json').problems.map((p) => p.messageId)).toEqual(['glossary.syntax']);
  });
});

describe('document-local definitions', () => {
  it('finds the law’s abbreviations with their sentences', () => {
    const law = FOUR.slice(491).join('\n');
    const definitions = findLocalDefinitions(splitParagraphs(law));
    expect(definitions.map((d) => d.term)).toEqual(['保密', '机关、单位', '保密事项范围', '国家秘密载体', '涉密信息系统', '涉密人员']);
    const carrier = definitions.find((d) => d.term === '国家秘密载体')!;
    expect(law.slice(carrier.sentence.start, carrier.sentence.end)).toMatch(/^第二十二条 机关、单位对承载国家秘密的纸介质.*应当作出国家秘密标志。$/);
    expect(law.slice(carrier.termSpan.start, carrier.termSpan.end)).toBe('国家秘密载体');
  });

  it('finds `X是指…` definitions', () => {
    const [definition] = findLocalDefinitions(splitParagraphs('本办法所称两区，是指自贸试验区和综合示范区。'));
    expect(definition.term).toBe('两区');
  });
});
