import { describe, expect, it } from 'vitest';
import { numberApproximateRule } from '../../../../server/src/core/rules/numbers/approximate';
import { check } from '../../../helpers/proofreading';

describe('number.approximate', () => {
  it('finds a 顿号 inside approximate numbers and removes it', () => {
    expect(check(numberApproximateRule, '建成三、四十个示范区，用七、八天时间')).toEqual([
      ['approximate', '三、四十', '建成三四十个示范区，用七、八天时间'],
      ['approximate', '七、八', '建成三、四十个示范区，用七八天时间'],
    ]);
    expect(check(numberApproximateRule, '看上去十七、八岁')).toEqual([['approximate', '七、八', '看上去十七八岁']]);
    // gwr-1955 line 423 and gwr-1981 line 197 of the national corpus.
    expect(check(numberApproximateRule, '如果再把一、二千万亩粮田改种薯类')).toEqual([['approximate', '一、二千万', '如果再把一二千万亩粮田改种薯类']]);
    expect(check(numberApproximateRule, '减少百分之二、三的占用量')).toEqual([['approximate', '二、三', '减少百分之二三的占用量']]);
  });

  it('leaves enumerations, ordinals, abbreviated series and headings alone', () => {
    for (const control of [
      '荣获一、二、三等奖',
      '第三、四季度增速回升',
      '推动二、三产业融合',
      '三、四线城市房地产',
      '一、三年来的工作回顾',
      '工作要点：一、二者要统筹',
      '每周一、二开放',
      '高一、二年级学生',
      '一、二两月份',
      '三五成群',
      '三、五年内建成',
      '七八天',
      '和平统一、一国两制',
      '一、二楼是商铺',
      '三、四班合并',
      // 宁波市地名管理条例 (2020) line 152: items one and two of the article, not "one or two".
      '（三）除一、二项以外的地名标志',
      '违反本条第一、二项规定的',
      '前款三、四目所列情形',
    ]) {
      expect(check(numberApproximateRule, control), control).toEqual([]);
    }
  });
});
