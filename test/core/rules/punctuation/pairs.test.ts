import { describe, expect, it } from 'vitest';
import { punctuationPairsRule } from '../../../../server/src/core/rules/punctuation/pairs';
import { check } from '../../../helpers/proofreading';

describe('punctuation.pairs', () => {
  it('finds marks left open or closed without an opening within a paragraph', () => {
    expect(check(punctuationPairsRule, '他说：“要坚持稳中求进。\n\n会议指出，改革）开放不停步。\n\n学习《纲要》和《决定。')).toEqual([
      ['unclosed', '“', null],
      ['unopened', '）', null],
      ['unclosed', '《', null],
    ]);
    // gwr-1986 line 18 of the national corpus: an opening double and a closing single quotation mark.
    expect(check(punctuationPairsRule, '而“六五’时期的年平均增长速度比这两个时期都高。')).toEqual([
      ['unclosed', '“', null],
      ['unopened', '’', null],
    ]);
  });

  it('accepts a quotation over several paragraphs: each opens with “, only the last closes', () => {
    expect(check(punctuationPairsRule, '“第一段引文。\n“第二段引文。\n“第三段引文。”')).toEqual([]);
    // …but not a last paragraph that never closes.
    expect(check(punctuationPairsRule, '“第一段引文。\n“第二段引文。\n\n以下是正文。\n再一段。\n又一段。\n最后一段。')).toEqual([['unclosed', '“', null]]);
  });

  it('accepts a line broken inside a quotation (web pages, PDF copies)', () => {
    expect(check(punctuationPairsRule, '高度勉励湖南“着力打造国家重要先进制\n\n造业高地、具有核心竞争力的科技创新\n\n高地”。长沙市……')).toEqual([]);
    expect(check(punctuationPairsRule, '根据《\n中华人民共和国著作权法\n》第五条')).toEqual([]);
  });

  it('leaves balanced text, list markers and apostrophes alone', () => {
    for (const control of ['他说：“好。”（见附件）《纲要》【注】', '1）第一项内容。', 'a) 第一项', 'China’s growth', '办好“中国’99昆明世界园艺博览会”。', '“‘三农’问题”']) {
      expect(check(punctuationPairsRule, control), control).toEqual([]);
    }
  });
});
