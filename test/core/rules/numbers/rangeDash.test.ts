import { describe, expect, it } from 'vitest';
import { numberRangeDashRule } from '../../../../server/src/core/rules/numbers/rangeDash';
import { check } from '../../../helpers/proofreading';

describe('number.rangeDash', () => {
  it('joins the years of a period with —', () => {
    // gwr-2011 line 269 of the national corpus.
    expect(check(numberRangeDashRule, '颁布实施2011-2020年中国农村扶贫开发纲要')).toEqual([['years', '2011-2020', '颁布实施2011—2020年中国农村扶贫开发纲要']]);
    expect(check(numberRangeDashRule, '规划（2021-2025）提出')).toEqual([['years', '2021-2025', '规划（2021—2025）提出']]);
    // The setting for values does not change periods.
    expect(check(numberRangeDashRule, '2021-2025年', { useTilde: true })).toEqual([['years', '2021-2025', '2021—2025年']]);
  });

  it('joins a range of values with — or, by the setting, ～', () => {
    expect(check(numberRangeDashRule, '集中打造1-2个主导产业')).toEqual([['values', '1-2', '集中打造1—2个主导产业']]);
    expect(check(numberRangeDashRule, '集中打造1-2个主导产业', { useTilde: true })).toEqual([['values', '1-2', '集中打造1～2个主导产业']]);
    expect(check(numberRangeDashRule, '为20-40岁人群接种')).toEqual([['values', '20-40', '为20—40岁人群接种']]);
    expect(check(numberRangeDashRule, '用3~5年时间')).toEqual([['values', '3~5', '用3～5年时间']]);
  });

  it('leaves dates, codes, figure numbers, standards and proper dashes alone', () => {
    for (const control of [
      '2021-02-15召开',
      '陵水25-1、乐东10-1气田',
      '如图2-3所示',
      '依据GB/T 15834-2011',
      '电话6512-3456转',
      '2011－2020年',
      '2021—2025年',
      '1～2个',
      '增长10-15%',
      'covid-19疫情',
    ]) {
      expect(check(numberRangeDashRule, control), control).toEqual([]);
    }
  });
});
