import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReferenceIndex, loadBuiltinReferences } from '../../server/src/adapters/references';
import { AnalysisCaches, analyze } from '../../server/src/core/analysis';
import { paragraphBrokenRule } from '../../server/src/core/rules/paragraphBroken';
import type { Finding } from '../../server/src/core/types';
import { findingMessage } from '../../server/src/engine/l10n';
import { factsOf } from '../helpers/analyzeText';

const INDEX = buildReferenceIndex(loadBuiltinReferences().texts);
const CONFIG = { rules: new Map(), heavyRules: true, cacheKey: '' };
const check = (text: string) => analyze(factsOf(text, [], INDEX), [paragraphBrokenRule], CONFIG, new AnalysisCaches());

function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('paragraph.broken', () => {
  it('finds the sentences of the summary broken across paragraphs, where the reference runs on, and joins them', () => {
    const text = fs.readFileSync(path.join(__dirname, '../fixtures/corpus/written/summary-2024.txt'), 'utf8');
    const findings = check(text);
    expect(findings.map((f) => [lineOf(text, f.span.start), text.slice(f.span.start, f.span.end), f.messageId, f.args])).toEqual([
      [9, '工\n', 'reference', { reference: '2024政府工作报告', line: 77 }], // cut mid-word, text lost (quote.mismatch restores it)
      [12, '、\n', 'reference', { reference: '2024政府工作报告', line: 79 }],
    ]);
    const joined = applyFixes(text, findings).split('\n');
    expect(joined[10]).toContain('推动传统产业高端化、智能化、绿色化转型。');
    expect(joined[8]).toContain('加快推进新型工提高全要素生产率');
    expect(findingMessage(findings[1], 'zh')).toBe('句子在下一段接续（参考文本《2024政府工作报告》第 79 行中为同一句话），应合并为一段。');
  });

  it('finds a break inside a word, and a paragraph ending in a comma, without a reference', () => {
    const text = '沈晓明表示，长沙全球研发中心城\n市建设，不但能够成为科技创新高地。\n\n一年来，各项工作扎实推进，\n重点任务全面完成。';
    const findings = check(text);
    expect(findings.map((f) => [lineOf(text, f.span.start), f.messageId, f.args])).toEqual([
      [1, 'word', { word: '城市' }],
      [4, 'comma', { mark: '，' }],
    ]);
    expect(applyFixes(text, findings)).toBe('沈晓明表示，长沙全球研发中心城市建设，不但能够成为科技创新高地。\n\n一年来，各项工作扎实推进，重点任务全面完成。');
    expect(findingMessage(findings[0], 'en')).toBe('The paragraph breaks off inside a word ("城市"): join it with the next paragraph.');
  });

  it('leaves headings, titles, list items, bylines, table rows, slogans and finished sentences alone', () => {
    const text = [
      '政府工作报告',
      '——2024年3月5日在第十四届全国人民代表大会第二次会议上',
      '国务院总理 李强',
      '一、2023年工作回顾',
      '过去一年，我们主要做了以下工作：',
      '一是加大宏观调控力度，推动经济运行持续好转',
      '二是依靠改革开放增强发展内生动力',
      '（一）大力推进现代化产业体系建设',
      '1. 推动产业链供应链优化升级',
      '项目\t2023年\t2024年',
      '国内生产总值\t126万亿元\t5%左右',
      '高质量发展',
      '惟楚有才，于斯为盛',
      '我们要坚持稳中求进、以进促稳、先立后破。',
      '稳是大局和基础。',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('leaves a list laid out one item per line alone (the Constitution, art. 65), and still finds a sentence broken after a comma', () => {
    const constitution = '第六十五条 全国人民代表大会常务委员会由下列人员组成：\n\n委员长，\n\n副委员长若干人，\n\n秘书长，\n\n委员若干人。\n\n全国人民代表大会常务委员会组成人员中，应当有适当名额的少数民族代表。';
    expect(check(constitution)).toEqual([]);
    // The same short lines without the introducing colon, or only two of them: a sentence broken after its comma.
    const withoutColon = '第六十五条 全国人民代表大会常务委员会的组成。\n\n委员长，\n\n副委员长若干人，\n\n委员若干人。';
    expect(check(withoutColon).map((f) => [lineOf(withoutColon, f.span.start), f.messageId])).toEqual([
      [3, 'comma'],
      [5, 'comma'],
    ]);
    const twoLines = '违反本条例规定的，按照下列规定处理：\n\n情节轻微的，\n\n予以警告。';
    expect(check(twoLines).map((f) => [lineOf(twoLines, f.span.start), f.messageId])).toEqual([[3, 'comma']]);
  });
});
