import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCaches } from '../../server/src/core/analysis';
import { sentenceDuplicatedRule } from '../../server/src/core/rules/sentenceDuplicated';
import { sloganRepeatedRule } from '../../server/src/core/rules/sloganRepeated';
import type { Rule } from '../../server/src/core/rules/rule';
import { termInconsistentRule } from '../../server/src/core/rules/termInconsistent';
import { leadSentence } from '../../server/src/core/rules/slogan/topics';
import { factsOf } from '../helpers/analyzeText';

function run(text: string, rules: Rule[] = [sloganRepeatedRule]) {
  return analyze(factsOf(text), rules, { rules: new Map(), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}
const phrases = (text: string, rules?: Rule[]) => run(text, rules).map((f) => [f.code, text.slice(f.span.start, f.span.end), f.args.count]);

describe('slogan.repeated flags slogans, not what a paragraph is about', () => {
  it('never flags leaders’ names and titles', () => {
    const text = '过去一年，我们牢记习近平总书记殷切嘱托，认真落实习近平总书记重要要求，坚决践行习近平总书记重要指示，各项工作取得新进展。正如毛泽东同志所说，学习毛泽东同志的著作，就要领会毛泽东同志的立场、观点和方法。';
    expect(run(text)).toEqual([]);
  });

  it('never flags plain nouns of the subject matter: 社会主义, 科学技术, 知识分子', () => {
    const text = '我们的国家是社会主义国家，社会主义建设需要科学技术，科学技术的发展离不开知识分子，知识分子是工人阶级的一部分，社会主义事业需要全体知识分子和科学技术工作者共同努力，社会主义道路越走越宽广。';
    expect(run(text)).toEqual([]);
  });

  it('never flags institutions, statistical indicators or the names of programmes', () => {
    const text = '今年地区生产总值增长5%，高于全国平均水平，地区生产总值总量突破万亿元，人均地区生产总值接近全国平均水平，营商环境持续优化，营商环境评价位居前列，营商环境改革经验在全国推广，国务院部署的任务全部完成，国务院督查给予表扬，国务院通报表扬。';
    expect(run(text)).toEqual([]);
  });

  it('never flags the topic a short lead sentence announces (积极推进新型城镇化。)', () => {
    const text = '积极推进新型城镇化。我国城镇化还有很大发展提升空间，要深入实施新型城镇化战略行动，使县城成为新型城镇化的重要载体，新型城镇化要处处体现以人为本。';
    expect(run(text)).toEqual([]);
    expect(leadSentence('（三）积极推进新型城镇化。我国城镇化还有很大发展提升空间。')).toBe('积极推进新型城镇化');
    expect(leadSentence('完成今年发展目标任务，必须深入贯彻习近平经济思想，集中精力推动高质量发展。强化系统观念。')).toBe('');
  });

  it('never flags the topic a heading above the paragraph announces', () => {
    const paragraph = '今年要坚持以推动高质量发展为主题，把高质量发展要求贯穿经济社会发展全过程和各领域，在高质量发展上不断取得新进展，努力实现质的有效提升和量的合理增长。';
    expect(phrases(paragraph)).toEqual([['slogan.repeated', '高质量发展', 3]]);
    expect(run(['一、坚定不移推动高质量发展', paragraph].join('\n'))).toEqual([]);
  });

  it('never flags a formula used inside the name of a meeting or an action', () => {
    const text = '省里召开民营经济高质量发展大会，启动制造业高质量发展行动，举办开发区高质量发展论坛，各地踊跃参加，取得很好效果，企业普遍欢迎。';
    expect(run(text)).toEqual([]);
  });

  it('flags a formulaic modifier piled up in a short span, but not a parallel frame', () => {
    const careless = '我们要进一步深化改革，并进一步扩大开放，还要进一步改善民生，为进一步发展打下基础。';
    expect(phrases(careless)).toEqual([['slogan.repeated', '进一步', 4]]);
    const frame = '全面推进各项工作，着力扩大国内需求，着力加强自主创新，着力深化改革开放，着力保障和改善民生。';
    expect(run(frame)).toEqual([]);
    // 进一步 and 切实 opening clause after clause are padding, not rhetoric.
    const padding = '我市将进一步优化营商环境，进一步深化“放管服”改革，进一步提升政务服务效能，进一步激发市场主体活力。';
    expect(phrases(padding)).toEqual([['slogan.repeated', '进一步', 4]]);
    const review = '经济运行持续好转、内生动力持续增强、社会预期持续改善、风险隐患持续化解，发展态势稳中向好。';
    expect(run(review)).toEqual([]);
    const spread = `我们要进一步深化改革。${'各地区各部门要抓好落实，确保各项任务按期完成，'.repeat(6)}还要进一步扩大开放，为进一步发展打下基础。`;
    expect(run(spread)).toEqual([]);
  });

  it('does not count words quoted from a leader or a central document', () => {
    const text = '习近平总书记对江苏提出“在推进中国式现代化中走在前、做示范”重大要求。就是要勇于创新、敢于实践，为中国式现代化探索路径；就是要面向国际、树好形象，以江苏的发展成效充分展示中国式现代化的光明前景。';
    expect(run(text)).toEqual([]);
    const own = text.replace('“在推进中国式现代化中走在前、做示范”', '在推进中国式现代化中走在前、做示范的');
    expect(phrases(own)).toEqual([['slogan.repeated', '中国式现代化', 3]]);
  });

  it('takes anaphora (，加快高质量发展… ×3) for a frame, not for carelessness', () => {
    const text = '我们一定要看到，加快高质量发展其略已定、其势已成。一定要看到，加快高质量发展正逢其时、恰逢其会。一定要看到，加快高质量发展氛围正浓、动力正劲。';
    expect(run(text)).toEqual([]);
  });

  it('takes the first sentence after a number for a heading, whatever its length', () => {
    const text = '（五）准确把握“必须坚持把推进中国式现代化作为最大的政治”的重要要求，扎实推进中国式现代化的云南实践。在推进中国式现代化进程中找准定位、明确方向，紧扣中国式现代化的中国特色，走稳走好中国式现代化云南实践之路。';
    expect(run(text)).toEqual([]);
    expect(phrases(text.slice(3))).toEqual([['slogan.repeated', '中国式现代化', 4]]);
  });

  it('does not take 可持续 or noun uses (作出很大的努力) for the modifiers', () => {
    expect(run('坚持可持续发展，推动可持续城市建设，实现可持续增长，建设可持续社会。')).toEqual([]);
    expect(run('大家作出了很大的努力，各方的努力得到肯定，这些努力没有白费，今后还要加倍努力。')).toEqual([]);
  });
});

describe('one phrase, one finding, one rule', () => {
  it('reports a phrase once per paragraph, with every other occurrence as related information', () => {
    const text = '我们要进一步深化改革，并进一步扩大开放，还要进一步改善民生，为进一步发展打下基础。';
    const [finding] = run(text);
    expect(finding.span.start).toBe(text.indexOf('进一步'));
    expect(finding.related!.map((s) => text.slice(s.start, s.end))).toEqual(['进一步', '进一步', '进一步']);
  });

  it('leaves a phrase of a duplicated sentence to sentence.duplicated', () => {
    const sentence = '面对新形势新任务，我们必须完整准确全面贯彻新发展理念，坚定不移推动高质量发展。';
    const text = `${sentence}要坚持把高质量发展作为新时代的硬道理，统筹推进各项工作。${sentence}`;
    expect(phrases(text, [sloganRepeatedRule])).toEqual([['slogan.repeated', '高质量发展', 3]]);
    expect(phrases(text, [sloganRepeatedRule, sentenceDuplicatedRule])).toEqual([['sentence.duplicated', sentence, undefined]]);
  });

  it('leaves a term written two ways to term.inconsistent', () => {
    const text = '要坚持“两个毫不动摇”，落实两个毫不动摇的各项政策，把“两个毫不动摇”贯彻到经济工作全过程。要坚持“两个毫不动摇”。';
    expect(phrases(text)).toEqual([['slogan.repeated', '两个毫不动摇', 4]]);
    const both = phrases(text, [sloganRepeatedRule, termInconsistentRule]);
    expect(both.map(([code]) => code)).toEqual(['term.inconsistent']);
  });
});
