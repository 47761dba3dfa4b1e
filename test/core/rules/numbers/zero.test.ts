import { describe, expect, it } from 'vitest';
import { numberZeroRule } from '../../../../server/src/core/rules/numbers/zero';
import { check } from '../../../helpers/proofreading';

describe('number.zero', () => {
  it('finds the digit 0 among Chinese numerals and writes 〇 in numbers read digit by digit', () => {
    expect(check(numberZeroRule, '二0二五年国内生产总值')).toEqual([['zero', '二0二五', '二〇二五年国内生产总值']]);
    // cpc-18 line 46 of the national corpus.
    expect(check(numberZeroRule, '二00八年以后，国际金融危机')).toEqual([['zero', '二00八', '二〇〇八年以后，国际金融危机']]);
    expect(check(numberZeroRule, '二０二四年（全角零）')).toEqual([['zero', '二０二四', '二〇二四年（全角零）']]);
  });

  it('writes 零 where the number is read with place units (GB/T 15835-2011 5.2.5: 三千零五十二)', () => {
    expect(check(numberZeroRule, '共一百0五人参加')).toEqual([['zero', '0五', '共一百零五人参加']]);
  });

  it('leaves correct numerals and Arabic numbers alone', () => {
    for (const control of ['二〇二五年', '2025年', '一九八〇年', 'G20峰会', '第10次', '0.5个百分点', '三千零五十二', '2020一2025年（误把破折号打成“一”）', '一〇五医院']) {
      expect(check(numberZeroRule, control), control).toEqual([]);
    }
  });
});
