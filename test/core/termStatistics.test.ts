import { describe, expect, it } from 'vitest';
import { combineStatistics, documentStatistics, statSections, type DocumentStatistics } from '../../server/src/core/stats/termStatistics';
import { factsOf, findingsOf, fixtureLines } from '../helpers/analyzeText';

const LINES = fixtureLines('002_8dfe99efc033ddf8.txt');
/** The 2024 national government work report (lines 1–181) and the Beijing report (183–278). */
const NATIONAL = LINES.slice(0, 181).join('\n');
const BEIJING = LINES.slice(182, 278).join('\n');

const statisticsOf = (text: string) => documentStatistics(factsOf(text), findingsOf(text));
const occurrencesOf = (text: string, phrase: string) => text.split(phrase).length - 1;
const tally = (stats: DocumentStatistics, term: string) => stats.terms.find((t) => t.entry.term === term)!;

describe('term statistics of the 2024 national report', () => {
  const stats = statisticsOf(NATIONAL);

  it('has a section per part, plus the opening before 一、 (named after the document)', () => {
    expect(stats.sections.map((s) => [s.name, s.line])).toEqual([
      ['1.政府工作报告', 0],
      ['一、2023年工作回顾', 10],
      ['二、2024年经济社会发展总体要求和政策取向', 52],
      ['三、2024年政府工作任务', 72],
    ]);
    // the sections cover every character of text, once
    expect(stats.sections.reduce((sum, s) => sum + s.characters, 0)).toBe(stats.characters);
    expect(stats.characters).toBe(NATIONAL.split('\n').reduce((sum, line) => sum + line.length, 0));
  });

  it('counts each term as often as the text has it, outside longer glossary formulas', () => {
    // 高质量发展 stands 25 times in the text: two are inside the slogan 以高质量发展促进高水平安全，以高水平安全保障高质量发展
    // and one inside the strategy 黄河流域生态保护和高质量发展, entries of their own
    const formula = '以高质量发展促进高水平安全，以高水平安全保障高质量发展';
    expect(occurrencesOf(NATIONAL, '高质量发展')).toBe(25);
    expect(occurrencesOf(NATIONAL, '高质量发展') - 2 * occurrencesOf(NATIONAL, formula) - occurrencesOf(NATIONAL, '黄河流域生态保护和高质量发展')).toBe(22);
    expect(tally(stats, '黄河流域生态保护和高质量发展').count).toBe(1);
    expect(tally(stats, '高质量发展').count).toBe(22);
    expect(tally(stats, formula).count).toBe(1);
    expect(tally(stats, '新质生产力').count).toBe(occurrencesOf(NATIONAL, '新质生产力'));
    // every occurrence is the term (or one of its forms) at that place
    for (const t of stats.terms) {
      expect(t.occurrences).toHaveLength(t.count);
      for (const span of t.occurrences) expect(t.forms.map((f) => f.form)).toContain(NATIONAL.slice(span.start, span.end));
    }
  });

  it('counts aliases under their entry and keeps which form was written', () => {
    expect(tally(stats, '两山').forms).toEqual([{ form: '绿水青山就是金山银山', role: 'alias', count: 1 }]);
    // 人民政协 (the CPPCC as a whole) is its own entry since the glossary review, no longer an alias of 全国政协.
    expect(tally(stats, '全国政协').forms.map((f) => [f.form, f.role])).toEqual([['全国政协', 'term']]);
    expect(tally(stats, '人民政协').forms.map((f) => [f.form, f.role])).toEqual([['人民政协', 'term']]);
  });

  it('lists the most used first: 高质量发展, 新型城镇化, then the slogan 以习近平同志为核心的党中央', () => {
    expect(stats.terms.slice(0, 3).map((t) => [t.entry.term, t.entry.kind, t.count])).toEqual([
      ['高质量发展', 'term', 22],
      ['新型城镇化', 'term', 8],
      ['以习近平同志为核心的党中央', 'slogan', 7],
    ]);
    const counts = stats.terms.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('gives the density of the ten most used per section: 高质量发展 is densest in part 二', () => {
    expect(stats.density).toHaveLength(10);
    const row = stats.density[0];
    expect(row.entry.term).toBe('高质量发展');
    expect(row.counts).toEqual([0, 4, 7, 11]);
    expect(row.perThousand[2]).toBeCloseTo((7 * 1000) / stats.sections[2].characters, 2);
    expect(Math.max(...row.perThousand)).toBe(row.perThousand[2]);
    // every occurrence falls in a section
    for (const density of stats.density) expect(density.counts.reduce((a, b) => a + b, 0)).toBe(tally(stats, density.entry.term).count);
  });

  it('groups the findings by rule, with counts by severity', () => {
    expect(stats.rules.map((r) => [r.code, r.count, r.bySeverity.information])).toEqual([['slogan.repeated', 7, 7]]);
    expect(stats.rules[0].findings.map((f) => f.args.phrase)).toEqual(['预期目标', '高质量发展', '高质量发展', '新型城镇化', '新型城镇化', '绿色低碳', '军队建设']);
  });
});

describe('sections of other shapes', () => {
  it('a compilation: each document’s opening and parts, in order', () => {
    const stats = statisticsOf([NATIONAL, '', BEIJING].join('\n'));
    expect(stats.sections.map((s) => s.name)).toEqual([
      '1.政府工作报告',
      '一、2023年工作回顾',
      '二、2024年经济社会发展总体要求和政策取向',
      '三、2024年政府工作任务',
      '2.北京市政府工作报告',
      '一、2023年工作回顾',
      '二、2024年重点任务',
    ]);
    expect(stats.sections[4].line).toBe(182);
  });

  it('text without headings is one unnamed section; leading text before the first heading is one too', () => {
    const plain = factsOf('\n推动高质量发展。\n\n坚持稳中求进。');
    expect(statSections(plain).map((s) => [s.name, s.line, s.characters])).toEqual([['', 1, 15]]);
    const led = factsOf('说明：以下为摘录。\n一、总体要求\n推动高质量发展。\n二、重点任务\n坚持稳中求进。');
    expect(statSections(led).map((s) => [s.name, s.line])).toEqual([
      ['', 0],
      ['一、总体要求', 1],
      ['二、重点任务', 3],
    ]);
  });
});

describe('workspace statistics', () => {
  const national = statisticsOf(NATIONAL);
  const beijing = statisticsOf(BEIJING);
  const combined = combineStatistics([
    { name: '政府工作报告2024.policy.txt', statistics: national },
    { name: '北京市政府工作报告2024.policy.txt', statistics: beijing },
  ]);

  it('adds the counts up and keeps them per document', () => {
    const quality = combined.terms.find((t) => t.entry.term === '高质量发展')!;
    expect([quality.count, quality.perDocument]).toEqual([39, [22, 17]]);
    expect(combined.terms[0].entry.term).toBe('高质量发展');
    expect(combined.characters).toBe(national.characters + beijing.characters);
    // 中关村 appears only in the Beijing report
    expect(combined.terms.find((t) => t.entry.term === '中关村')!.perDocument).toEqual([0, 15]);
  });

  it('compares documents in the density table', () => {
    expect(combined.sections.map((s) => s.name)).toEqual(['政府工作报告2024.policy.txt', '北京市政府工作报告2024.policy.txt']);
    const row = combined.density[0];
    expect(row.counts).toEqual([22, 17]);
    expect(row.perThousand[0]).toBeCloseTo((22 * 1000) / national.characters, 2);
  });

  it('keeps each finding with its document', () => {
    const byRule = Object.fromEntries(combined.rules.map((r) => [r.code, r.findings.map((f) => f.document)]));
    const expected: Record<string, number[]> = {};
    [national, beijing].forEach((stats, document) => {
      for (const rule of stats.rules) (expected[rule.code] ??= []).push(...rule.findings.map(() => document));
    });
    expect(byRule).toEqual(expected);
    expect(byRule['slogan.repeated'].filter((d) => d === 0)).toHaveLength(7);
  });
});
