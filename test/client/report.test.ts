import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTermHistory } from '../../server/src/adapters/termHistoryFile';
import { timelineOf } from '../../server/src/core/terms/termHistory';
import { barData, columnLabels, format, heatmap, historyChart, opaque, ruleRows, summaryLine, type ReportInput, type ReportLabels } from '../../client/src/report/reportModel';
import { reportHtml } from '../../client/src/views/reportHtml';
import { groupTerms, nextOccurrence } from '../../client/src/views/termsModel';
import { findingMessage } from '../../server/src/engine/l10n';
import { ruleById } from '../../server/src/core/rules/registry';
import { CATEGORY_NAMES, categoryName } from '../../server/src/core/terms/categoryNames';
import { documentStatistics } from '../../server/src/core/stats/termStatistics';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { TermStatisticsResult } from '../../server/src/protocol';
import { factsOf, findingsOf, fixtureLines } from '../helpers/analyzeText';

const NATIONAL = fixtureLines('002_8dfe99efc033ddf8.txt').slice(0, 181).join('\n');
const URI = 'file:///ws/%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A2024.policy.txt';

/** The national report's statistics in the protocol's shape, as the server sends them (see lsp/features/termStatistics.ts). */
function nationalResult(language: 'en' | 'zh' = 'en'): TermStatisticsResult {
  const stats = documentStatistics(factsOf(NATIONAL), findingsOf(NATIONAL));
  const lines = new LineIndex(NATIONAL);
  const range = (span: { start: number; end: number }) => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) });
  return {
    scope: 'document',
    documents: [{ uri: URI, characters: stats.characters }],
    characters: stats.characters,
    terms: stats.terms.map((t) => ({ term: t.entry.term, category: t.entry.category, categoryName: categoryName(t.entry.category, language), kind: t.entry.kind, count: t.count, forms: t.forms, occurrences: t.occurrences.map((o) => ({ uri: URI, range: range(o) })) })),
    sections: stats.sections.map((s) => ({ name: s.name, uri: URI, line: s.line, characters: s.characters })),
    density: stats.density.map((d) => ({ term: d.entry.term, kind: d.entry.kind, counts: d.counts, perThousand: d.perThousand })),
    rules: stats.rules.map((r) => ({
      code: r.code,
      title: ruleById(r.code)!.description.en,
      count: r.count,
      bySeverity: r.bySeverity,
      findings: r.findings.map((f) => ({ uri: URI, range: range(f.span), severity: f.severity, message: findingMessage(f, 'en') })),
    })),
  };
}

const LABELS: ReportLabels = {
  summary: 'Characters: {0} · terms and slogans: {1} · occurrences: {2} · findings: {3}',
  topTerms: 'Most frequent terms and slogans',
  term: 'term',
  slogan: 'slogan',
  occurrences: 'occurrences',
  density: 'Density by section',
  densityNote: '…',
  opening: '(opening)',
  total: 'total',
  findings: 'Findings by rule',
  rule: 'rule',
  count: 'count',
  severities: {
    error: { one: '{0} error', other: '{0} errors' },
    warning: { one: '{0} warning', other: '{0} warnings' },
    information: { one: '{0} information', other: '{0} information' },
    hint: { one: '{0} hint', other: '{0} hints' },
  },
  noTerms: 'none',
  noFindings: 'none',
  refresh: 'Refresh',
  line: 'Ln {0}',
  truncated: '{0} of {1} shown',
  history: 'In the government work reports',
  historyNote: '…',
};

describe('the term report’s content (national report)', () => {
  const result = nationalResult();
  const input: ReportInput = { title: 'Policy terms in 政府工作报告2024.policy.txt', labels: LABELS, result, documentNames: { [URI]: '政府工作报告2024.policy.txt' } };

  it('sums up characters, terms, occurrences and findings', () => {
    expect(summaryLine(input)).toBe('Characters: 17,276 · terms and slogans: 338 · occurrences: 471 · findings: 1');
  });

  it('charts the 20 most used, terms and slogans as two series', () => {
    const bars = barData(result);
    expect(bars.labels).toHaveLength(20);
    expect(bars.labels.slice(0, 3)).toEqual(['高质量发展', '新型城镇化', '以习近平同志为核心的党中央']);
    expect(bars.terms.slice(0, 3)).toEqual([22, 8, null]);
    expect(bars.slogans.slice(0, 3)).toEqual([null, null, 7]);
    // every bar is in exactly one series
    bars.labels.forEach((_, i) => expect([bars.terms[i], bars.slogans[i]].filter((v) => v !== null)).toHaveLength(1));
  });

  it('charts the most used terms in the government work reports, year by year since their first use', () => {
    expect(historyChart(result)).toBeUndefined();
    const history = loadTermHistory()!;
    const withHistory: TermStatisticsResult = {
      ...result,
      terms: result.terms.map((t) => ({ ...t, history: { gwr: timelineOf(history, t.term).gwr, cpc: timelineOf(history, t.term).cpc } })),
      historyCorpus: { gwrYears: history.gwrYears, congresses: history.congresses },
    };
    const chart = historyChart(withHistory)!;
    expect(chart.series.map((s) => s.term)).toEqual(['高质量发展', '新型城镇化', '以习近平同志为核心的党中央', '一带一路', '新时代', '绿色低碳']);
    // From 2011 (the earliest first use among them), the report years of the corpus: 2020 is missing.
    expect(chart.years).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]);
    const quality = chart.series[0].counts;
    expect(quality.slice(-5)).toEqual([7, 9, 5, 22, 8]);
    expect(quality[chart.years.indexOf(2024)]).toBe(result.terms.find((t) => t.term === '高质量发展')!.count);
    for (const series of chart.series) expect(series.counts).toHaveLength(chart.years.length);
  });

  it('shades the density table relative to its densest cell and shortens long section names', () => {
    const table = heatmap(input);
    expect(table.columns.map((c) => c.label)).toEqual(['1.政府工作报告', '一、2023年工作…', '二、2024年经济…', '三、2024年政府…']);
    expect(table.columns[1].title).toBe('一、2023年工作回顾');
    expect(table.columns.map((c) => c.tooltip)).toEqual([
      '1.政府工作报告 · Ln 1 (89)', '一、2023年工作回顾 · Ln 11 (4,135)', '二、2024年经济社会发展总体要求和政策取向 · Ln 53 (2,426)', '三、2024年政府工作任务 · Ln 73 (10,626)',
    ]);
    const quality = table.rows[0];
    expect([quality.term, quality.total, quality.cells.map((c) => c.count)]).toEqual(['高质量发展', 22, [0, 4, 7, 11]]);
    const intensities = table.rows.flatMap((r) => r.cells.map((c) => c.intensity));
    expect(Math.max(...intensities)).toBe(1);
    expect(Math.min(...intensities)).toBe(0);
    // the densest cell of the table: 高质量发展 in part 二 (2.89 per 1 000 characters)
    expect(quality.cells[2].intensity).toBe(1);
  });

  it('keeps apart column headers whose names share a long start', () => {
    // A compilation whose articles are named by their credit line (issue 21: six columns read 《人民日报》（20…).
    const credits = ['22日第01版', '21日第01版', '13日第01版', '06日第02版', '06日第03版'].map((day) => `《人民日报》（2024年03月${day}）`);
    const names = ['', ...credits, '《人民日报》（2024年04月02日第01版）', '《湖南日报》（2024年03月24日第01版）'];
    const sections = names.map((name, i) => ({ name, uri: URI, line: i * 10, characters: 100 }));
    const table = heatmap({ ...input, result: { ...result, sections, density: [] } });
    expect(table.columns.map((c) => c.label)).toEqual([
      '(opening)',
      '《人民…22日第01版）', '《人民…21日第01版）', '《人民…13日第01版）', '《人民…02版）', '《人民…03版）',
      '《人民…04月02日第…', // the month is where it departs from the others; cut after 8 characters
      '《湖南日报》（20…', // no other column starts so: cut at the end as usual
    ]);
    expect(table.columns[4].tooltip).toBe('《人民日报》（2024年03月06日第02版） · Ln 41 (100)');
    expect(new Set(table.columns.map((c) => c.label)).size).toBe(names.length);
  });

  it('column labels: short names whole, the same name the same label, different names never the same label', () => {
    expect(columnLabels(['一、总则', '二、2024年经济社会发展总体要求和政策取向'], 10)).toEqual(['一、总则', '二、2024年经济…']);
    // each report of a compilation has its 一、2023年工作回顾: the same name, the same label (the tooltip gives the line)
    expect(columnLabels(['一、2023年工作回顾', '一、2023年工作回顾'], 10)).toEqual(['一、2023年工作…', '一、2023年工作…']);
    // files in one folder: the part after the folder
    expect(columnLabels(['reports/2024/北京市政府工作报告.txt', 'reports/2024/天津市政府工作报告.txt'], 10)).toEqual(['rep…北京市政府工作…', 'rep…天津市政府工作…']);
    // a name that is the start of another: its last 8 characters
    expect(columnLabels(['中华人民共和国保守国家秘密法', '中华人民共和国保守国家秘密法实施条例'], 10)).toEqual(['中华人…国保守国家秘密法', '中华人…实施条例']);
    // names that differ within the first 9 characters: cut at the end
    expect(columnLabels(['关于2024年国民经济和社会发展计划', '关于2025年国民经济和社会发展计划'], 10)).toEqual(['关于2024年国民…', '关于2025年国民…']);
    // numbers whole: 2024 and 2025 differ in the last digit, the label shows the year
    expect(columnLabels(['全国人民代表大会常务委员会2024年度工作报告', '全国人民代表大会常务委员会2025年度工作报告'], 10)).toEqual(['全国人…2024年度工…', '全国人…2025年度工…']);
    // two names that differ only beyond the part shown keep their full names
    expect(columnLabels(['某'.repeat(18) + '甲', '某'.repeat(18) + '乙'], 10)).toEqual(['某某某…甲', '某某某…乙']);
    // two names whose labels would still meet keep their full names
    expect(columnLabels(['某'.repeat(20), '某'.repeat(28)], 10)).toEqual(['某'.repeat(20), '某'.repeat(28)]);
  });

  it('names a section without heading "(opening)" and workspace columns by their path', () => {
    const unnamed = { ...input, result: { ...result, sections: [{ ...result.sections[0], name: '' }, ...result.sections.slice(1)] } };
    expect(heatmap(unnamed).columns[0].title).toBe('(opening)');
    const workspace = { ...input, result: { ...result, scope: 'workspace' as const, sections: [{ name: 'x.policy.txt', uri: URI, line: 0, characters: 10 }], density: [] } };
    expect(heatmap(workspace).columns[0].title).toBe('政府工作报告2024.policy.txt');
  });

  it('lists findings per rule with their line, and what clicking them reveals', () => {
    const [rule] = ruleRows(input);
    expect([rule.code, rule.count, rule.severities]).toEqual(['slogan.repeated', 1, '1 information']);
    expect(rule.findings[0]).toEqual({
      message: '"高质量发展" occurs 4 times in this paragraph.',
      location: 'Ln 71',
      reveal: { type: 'reveal', uri: URI, line: 70, character: expect.any(Number), endLine: 70, endCharacter: expect.any(Number) },
    });
    const line = NATIONAL.split('\n')[70];
    expect(line.slice(rule.findings[0].reveal.character, rule.findings[0].reveal.endCharacter)).toBe('高质量发展');
    expect(rule.truncated).toBeUndefined();
    const cut = ruleRows({ ...input, result: { ...result, rules: [{ ...result.rules[0], count: 1500 }] } });
    expect(cut[0].truncated).toBe('1 of 1500 shown');
  });

  it('draws theme colours without their transparency', () => {
    expect(opaque('rgba(234, 92, 0, 0.33)')).toBe('rgb(234, 92, 0)');
    expect(opaque('#59a4f9')).toBe('#59a4f9');
    expect(opaque('#59a4f980')).toBe('#59a4f9');
    expect(opaque('#abc8')).toBe('#abc');
    expect(opaque('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });

  it('formats numbered placeholders and leaves unknown ones', () => {
    expect(format('{0} of {1} ({2})', 1, '二')).toBe('1 of 二 ({2})');
  });
});

describe('the Policy Terms view’s model', () => {
  const result = nationalResult();

  it('groups by category, the most used first', () => {
    const groups = groupTerms(result.terms, 'count');
    // 方针政策 has the most occurrences (many terms, the three global initiatives twice each), 发展理念 the most used term
    expect(groups.slice(0, 2).map((g) => g.category)).toEqual(['方针政策', '科技产业']);
    expect(groups.find((g) => g.category === '发展理念')!.terms[0]).toMatchObject({ term: '高质量发展', count: 22 });
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(471);
    for (const group of groups) expect(group.terms.map((t) => t.count)).toEqual(group.terms.map((t) => t.count).sort((a, b) => b - a));
    const counts = groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('names categories in the UI language', () => {
    const groups = groupTerms(result.terms, 'count');
    expect(groups.slice(0, 2).map((g) => g.name)).toEqual(['Guidelines and policies', 'Science, technology and industry']);
    for (const group of groups) expect(group.name).toBe(CATEGORY_NAMES[group.category as keyof typeof CATEGORY_NAMES].en);
    expect(groupTerms(nationalResult('zh').terms, 'count').slice(0, 2).map((g) => g.name)).toEqual(['方针政策', '科技产业']);
    // by name, English names alphabetically
    const names = groupTerms(result.terms, 'name').map((g) => g.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('Development philosophy');
  });

  it('sorted by name, categories and terms are in pinyin order', () => {
    const groups = groupTerms(nationalResult('zh').terms, 'name');
    const names = groups.map((g) => g.category);
    // 党建与治理 (dang) < 发展理念 (fa) < … < 战略 (zhan)
    expect(names.indexOf('党建与治理')).toBeLessThan(names.indexOf('发展理念'));
    expect(names.indexOf('发展理念')).toBeLessThan(names.indexOf('战略'));
    const strategy = groups.find((g) => g.category === '战略')!.terms.map((t) => t.term);
    expect(strategy.indexOf('一带一路')).toBeGreaterThan(strategy.indexOf('乡村全面振兴')); // xiang < yi
  });

  it('a click goes to the next occurrence after the cursor and wraps round', () => {
    const starts = result.terms[0].occurrences.map((o) => o.range.start);
    expect(nextOccurrence(starts, undefined)).toBe(0);
    expect(nextOccurrence(starts, starts[0])).toBe(1);
    expect(nextOccurrence(starts, { line: starts[5].line, character: starts[5].character - 1 })).toBe(5);
    expect(nextOccurrence(starts, starts[starts.length - 1])).toBe(0);
    // clicking 22 times visits all 22 occurrences
    const seen = new Set<number>();
    let cursor: (typeof starts)[number] | undefined;
    for (let i = 0; i < starts.length; i++) {
      const next = nextOccurrence(starts, cursor);
      seen.add(next);
      cursor = starts[next];
    }
    expect(seen.size).toBe(starts.length);
  });
});

describe('the report page', () => {
  const page = reportHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', script: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/report.js', nonce: 'abc123', language: 'zh-cn' });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1];

  it('has a content security policy that denies by default and runs only the bundled script', () => {
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect([...page.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/report.js"']);
  });

  it('loads nothing but the webview’s own resources', () => {
    const urls = [...page.matchAll(/https?:\/\/[^\s"';)]+/g)].map((m) => m[0]);
    expect(urls.every((u) => u.startsWith('https://file+.vscode-resource.vscode-cdn.net'))).toBe(true);
  });

  it('the bundled script carries Chart.js and fetches nothing', () => {
    const bundle = fs.readFileSync(path.join(__dirname, '../../dist/report.js'), 'utf8');
    expect(bundle).toContain('Chart.js v4');
    // URLs only in the licence comments esbuild keeps
    const code = bundle.replace(/\/\*![\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/https?:\/\//);
    expect(code).not.toMatch(/\bfetch\(|XMLHttpRequest|importScripts/);
  });
});
