import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCaches, type RuleConfig } from '../../server/src/core/analysis';
import { sentenceDuplicatedRule } from '../../server/src/core/rules/sentenceDuplicated';
import { sloganRepeatedRule } from '../../server/src/core/rules/sloganRepeated';
import { termInconsistentRule } from '../../server/src/core/rules/termInconsistent';
import { termVariantRule } from '../../server/src/core/rules/termVariant';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Finding } from '../../server/src/core/types';
import { factsOf, fixtureLines } from '../helpers/analyzeText';

const COMPILATION = fixtureLines('002_8dfe99efc033ddf8.txt');
const line = (n: number) => COMPILATION[n - 1];

function run(rule: Rule, text: string, options: Record<string, number | boolean> = {}, ignored: string[] = []): Finding[] {
  const defaults = Object.fromEntries(rule.options.map((o) => [o.name, o.default]));
  const config: RuleConfig = { severity: 'warning', options: { ...defaults, ...options } };
  return analyze(factsOf(text, ignored), [rule], { rules: new Map([[rule.id, config]]), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}

const flagged = (text: string, findings: Finding[]) => findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.count ?? f.args.line ?? '']);

function applyFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('slogan.repeated', () => {
  it('flags the third and fourth 高质量发展 in national report line 71, pointing to the others', () => {
    const text = line(71);
    const findings = run(sloganRepeatedRule, text);
    expect(flagged(text, findings)).toEqual([
      ['paragraph', '高质量发展', 4],
      ['paragraph', '高质量发展', 4],
    ]);
    const all = [...text.matchAll(/高质量发展/g)].map((m) => m.index);
    expect(findings.map((f) => f.span.start)).toEqual(all.slice(2));
    expect(findings[0].related!.map((s) => s.start)).toEqual([all[0], all[1], all[3]]);
    expect(findings[0].ignoreKey).toBe('高质量发展');
  });

  it('does not flag parallel frames: 必须始终坚持… ×5 (Hunan 2759) and 向…表示衷心感谢 ×3 (national 49)', () => {
    expect(run(sloganRepeatedRule, line(2759))).toEqual([]);
    expect(run(sloganRepeatedRule, line(49))).toEqual([]);
  });

  it('reports a frame when asked to', () => {
    const findings = run(sloganRepeatedRule, line(49), { flagParallelFrames: true });
    expect(findings.map((f) => [f.args.phrase, f.args.count])).toEqual([['表示衷心感谢', 3]]);
  });

  it('does not report fragments of a sentence pattern that end on a verb (产业紧扣…, 标准提高到…)', () => {
    const text = '数字产业紧扣发展先进计算。新能源产业紧扣新能源汽车。大健康产业紧扣中医药发展。空天海洋产业紧扣航空装备。';
    expect(run(sloganRepeatedRule, text, { flagParallelFrames: true })).toEqual([]);
  });

  it('does not count occurrences inside the fixed chiasmus 以高质量发展促进高水平安全，以高水平安全保障高质量发展', () => {
    const text = line(4065);
    expect([...text.matchAll(/高质量发展/g)]).toHaveLength(4);
    expect(run(sloganRepeatedRule, text).filter((f) => f.args.phrase === '高质量发展')).toEqual([]);
  });

  it('keeps only maximal repeats and never reports fragments starting or ending with function words', () => {
    for (const n of [71, 135, 2759, 4497]) {
      for (const finding of run(sloganRepeatedRule, line(n), { flagParallelFrames: true })) {
        expect(String(finding.args.phrase)).not.toMatch(/^[的是和与在了为对把将以]|[的是和与在了为对把将以]$/);
      }
    }
  });

  it('reports 高质量发展 ×7 in the Gansu paragraph 4497', () => {
    const findings = run(sloganRepeatedRule, line(4497)).filter((f) => f.args.phrase === '高质量发展');
    expect(findings.length).toBe(5);
    expect(findings[0].args.count).toBe(7);
  });

  it('respects ignored phrases and the count threshold', () => {
    // Ignoring 高质量发展 also silences the longer 推动高质量发展 ×3 it had hidden.
    expect(run(sloganRepeatedRule, line(71), {}, ['高质量发展'])).toEqual([]);
    expect(run(sloganRepeatedRule, line(71), {}, ['推动高质量发展']).map((f) => f.args.phrase)).toEqual(['高质量发展', '高质量发展']);
    expect(run(sloganRepeatedRule, line(71), { minCount: 5 })).toEqual([]);
  });

  it('flags a glossary term that is too dense in one part of a report', () => {
    const body = '我们要推动新质生产力发展，培育新质生产力，壮大新质生产力。';
    const text = ['一、总体要求', ...Array(4).fill(body), '二、工作任务', '做好各项工作。'].join('\n');
    const section = run(sloganRepeatedRule, text).filter((f) => f.messageId === 'section');
    expect(section).toHaveLength(1);
    expect(section[0].args).toMatchObject({ phrase: '新质生产力', count: 12 });
    expect(section[0].related).toHaveLength(11);
  });

  it('produces no paragraph findings on short plain text', () => {
    expect(run(sloganRepeatedRule, '坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。')).toEqual([]);
  });
});

describe('sentence.duplicated', () => {
  it('flags a copy-pasted sentence in one report and points to the first copy', () => {
    const sentence = '今年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。';
    const text = ['一、总体要求', `${sentence}做好今年工作意义重大。`, '二、工作任务', `各位代表！${sentence}`].join('\n');
    const findings = run(sentenceDuplicatedRule, text);
    expect(flagged(text, findings)).toEqual([['duplicate', sentence, 2]]);
    expect(text.slice(findings[0].related![0].start, findings[0].related![0].end)).toBe(sentence);
  });

  it('does not flag sentences shared by different reports of the compilation', () => {
    // 今年是中华人民共和国成立75周年… opens the national report and nine provincial reports.
    const text = COMPILATION.join('\n');
    const findings = run(sentenceDuplicatedRule, text);
    expect(findings).toEqual([]);
  });

  it('ignores short sentences', () => {
    expect(run(sentenceDuplicatedRule, '织密扎牢社会保障网。\n织密扎牢社会保障网。')).toEqual([]);
  });
});

describe('term.variant', () => {
  it('flags a rejected spelling and fixes it to the canonical term', () => {
    const text = '加快发展新质生产率，坚持全程人民民主，因地治宜推进工作。';
    const findings = run(termVariantRule, text);
    expect(findings.map((f) => [text.slice(f.span.start, f.span.end), f.args.canonical])).toEqual([
      ['新质生产率', '新质生产力'],
      ['全程人民民主', '全过程人民民主'],
      ['因地治宜', '因地制宜'],
    ]);
    expect(applyFixes(text, findings)).toBe('加快发展新质生产力，坚持全过程人民民主，因地制宜推进工作。');
  });

  it('leaves 全过程民主 alone: the statutory wording of 2021 (NPC Organic Law), before 全过程人民民主', () => {
    expect(run(termVariantRule, '坚持全过程民主。')).toEqual([]);
  });

  it('finds nothing in the national report', () => {
    expect(run(termVariantRule, COMPILATION.slice(0, 181).join('\n'))).toEqual([]);
  });
});

describe('term.inconsistent', () => {
  it('flags the one unquoted 三农 among quoted ones and adds the quotes', () => {
    const text = '做好“三农”工作。推进“三农”改革。坚持不懈强三农。';
    const findings = run(termInconsistentRule, text);
    expect(findings.map((f) => [f.messageId, text.slice(f.span.start, f.span.end), f.args.majority])).toEqual([['bareMinority', '三农', 2]]);
    expect(applyFixes(text, findings)).toBe('做好“三农”工作。推进“三农”改革。坚持不懈强“三农”。');
  });

  it('flags a minority full-width ％ and fixes it to %', () => {
    const text = '增长5.2%，增长3%，下降1.5％。';
    const findings = run(termInconsistentRule, text);
    expect(flagged(text, findings)).toEqual([['symbol', '％', '']]);
    expect(applyFixes(text, findings)).toBe('增长5.2%，增长3%，下降1.5%。');
  });

  it('leaves a tie alone', () => {
    expect(run(termInconsistentRule, '做好“三农”工作，强三农。')).toEqual([]);
  });

  it('ignores forms inside a longer quotation such as “一圈一带两区”', () => {
    expect(run(termInconsistentRule, '构建“一圈一带两区”格局，推进“两区”建设，“两区”联动。')).toEqual([]);
  });
});
