import { describe, expect, it } from 'vitest';
import { numberYearAbbrevRule } from '../../../../server/src/core/rules/numbers/yearAbbrev';
import { check } from '../../../helpers/proofreading';

describe('number.yearAbbrev', () => {
  it('finds two-digit years before a part of the year', () => {
    expect(check(numberYearAbbrevRule, '力争25年底前全部完工，24年第四季度启动。')).toEqual([
      ['abbreviated', '25年', null],
      ['abbreviated', '24年', null],
    ]);
    expect(check(numberYearAbbrevRule, '24年度考核优秀，18年初启动。')).toEqual([
      ['abbreviated', '24年', null],
      ['abbreviated', '18年', null],
    ]);
    expect(check(numberYearAbbrevRule, '23年3月召开推进会，23年上半年完成。')).toEqual([
      ['abbreviated', '23年', null],
      ['abbreviated', '23年', null],
    ]);
  });

  it('restores the century when the paragraph names the same year in full', () => {
    expect(check(numberYearAbbrevRule, '2025年目标：’25年第四季度完成验收。')).toEqual([['abbreviated', '’25年', '2025年目标：2025年第四季度完成验收。']]);
  });

  it('leaves durations, ages and full years alone', () => {
    for (const control of ['改革开放45年来', '用3年时间基本完成', '近30年第一次', '10年内翻一番', '过去10年底子更厚', '满18年以上', '2025年底', '五年规划', '18岁以上', '15年前', '扎根基层30年初心不改', '干了10年底气更足', '用3年度过难关', '20年末端治理']) {
      expect(check(numberYearAbbrevRule, control), control).toEqual([]);
    }
  });
});
