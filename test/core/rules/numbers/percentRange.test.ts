import { describe, expect, it } from 'vitest';
import { numberPercentRangeRule } from '../../../../server/src/core/rules/numbers/percentRange';
import { check } from '../../../helpers/proofreading';

describe('number.percentRange', () => {
  it('adds the missing percent sign and keeps a full dash', () => {
    // gwr-1957 line 169 of the national corpus.
    expect(check(numberPercentRangeRule, '有10—15%过着少吃少穿的生活')).toEqual([['percentRange', '10—15%', '有10%—15%过着少吃少穿的生活']]);
    expect(check(numberPercentRangeRule, '增长6.5～7％左右')).toEqual([['percentRange', '6.5～7％', '增长6.5％～7％左右']]);
  });

  it('turns a half-width hyphen into the dash of the setting', () => {
    expect(check(numberPercentRangeRule, '增长10-15%')).toEqual([['percentRange', '10-15%', '增长10%—15%']]);
    expect(check(numberPercentRangeRule, '增长10-15%', { useTilde: true })).toEqual([['percentRange', '10-15%', '增长10%～15%']]);
  });

  it('leaves complete ranges and other numbers alone', () => {
    for (const control of ['增长6.5%－7%', '10%—15%', '15%～30%', '增长5%左右', '2015-2020年', '从20-15%', '比例为3:1-5%', 'CPI涨幅3%']) {
      expect(check(numberPercentRangeRule, control), control).toEqual([]);
    }
  });
});
