import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCaches, type GradedFinding } from '../../server/src/core/analysis';
import { RULES, ruleById } from '../../server/src/core/rules/registry';
import { termDatedRule } from '../../server/src/core/rules/termDated';
import { findingMessage } from '../../server/src/engine/l10n';
import { factsOf } from '../helpers/analyzeText';

const run = (text: string, ignored: string[] = []): GradedFinding[] =>
  analyze(factsOf(text, ignored), [termDatedRule], { rules: new Map([['term.dated', { severity: 'information', options: {} }]]), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
const national = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/corpus/national', name), 'utf8');

describe('term.dated', () => {
  it('is registered, information-level when on, off by default', () => {
    expect(ruleById('term.dated')).toBe(termDatedRule);
    expect(termDatedRule.defaultSeverity).toBe('off');
    const text = '“十三五”规划目标任务';
    expect(analyze(factsOf(text), RULES, { rules: new Map(), heavyRules: true, cacheKey: '' }, new AnalysisCaches()).filter((f) => f.code === 'term.dated')).toEqual([]);
  });

  it('notes a superseded formulation with its last year and successor, in both languages', () => {
    const text = '启动一批“十三五”规划重大项目，依法开展扫黑除恶专项斗争。';
    const findings = run(text);
    expect(findings.map((f) => [text.slice(f.span.start, f.span.end), f.args.last, f.args.successor, f.severity])).toEqual([
      ['十三五', 2021, '十四五', 'information'],
      ['扫黑除恶专项斗争', 2023, '扫黑除恶常态化', 'information'],
    ]);
    expect(findingMessage(findings[0], 'zh')).toBe('“十三五”已不是现行提法（政府工作报告最后见于2021年），现用“十四五”；回顾以往时可照常使用。');
    expect(findingMessage(findings[0], 'en')).toBe('"十三五" is no longer a current formulation (last used in the 2021 government work report); it is now "十四五". Right when looking back.');
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('the longer current term wins: 扫黑除恶 alone and 全面建设社会主义现代化国家 are not noted', () => {
    expect(run('推进扫黑除恶常态化，全面建设社会主义现代化国家。')).toEqual([]);
  });

  it('is silent where a sentence looks back, as every use in the 2021–2025 reports does', () => {
    expect(run('“十三五”规划主要目标任务胜利完成。如期全面建成小康社会，实现第一个百年奋斗目标。力争投入强度高于“十三五”时期实际。')).toEqual([]);
    for (const name of ['gwr-2021.txt', 'gwr-2022.txt', 'gwr-2023.txt', 'gwr-2024.txt', 'gwr-2025.txt', 'cpc-20.txt']) expect(run(national(name)), name).toEqual([]);
  });

  it('respects ignored phrases', () => {
    expect(run('“十三五”时期', ['十三五'])).toEqual([]);
  });

  it('the 2016 report, forward-looking then, is noted', () => {
    const in2016 = run(national('gwr-2016.txt'));
    expect(new Set(in2016.map((f) => f.args.found))).toEqual(new Set(['十三五', '全面建成小康社会']));
  });
});
