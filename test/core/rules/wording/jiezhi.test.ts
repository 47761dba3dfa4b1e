import { describe, expect, it } from 'vitest';
import { usageJiezhiRule } from '../../../../server/src/core/rules/wording/jiezhi';
import { check } from '../../../helpers/proofreading';

describe('usage.jiezhi', () => {
  it('finds 截止 before a point in time and writes 截至', () => {
    expect(check(usageJiezhiRule, '截止2025年11月底，全省累计完成投资')).toEqual([['jiezhi', '截止', '截至2025年11月底，全省累计完成投资']]);
    expect(check(usageJiezhiRule, '截止目前，已建成')).toEqual([['jiezhi', '截止', '截至目前，已建成']]);
    expect(check(usageJiezhiRule, '截止去年底')).toEqual([['jiezhi', '截止', '截至去年底']]);
    expect(check(usageJiezhiRule, '截止今年6月，截止二〇二四年')).toEqual([
      ['jiezhi', '截止', '截至今年6月，截止二〇二四年'],
      ['jiezhi', '截止', '截止今年6月，截至二〇二四年'],
    ]);
  });

  it('leaves 截止 as "to end" and correct 截至 alone', () => {
    for (const control of ['截止日期为10月31日', '报名于2025年10月31日截止', '申报截止于2025年底', '截止时间', '截至2025年底', '报名已经截止。']) {
      expect(check(usageJiezhiRule, control), control).toEqual([]);
    }
  });

  // 《现代汉语词典》: 截至 = 截止到（某个时候）. The Supreme People's Court's texts of 2012, 2000 and 2017 in the laws corpus.
  it('leaves 截止到 and 截止至 before a point in time alone: the long form of 截至', () => {
    for (const control of ['该期间在2013年6月30日尚未届满的，截止到2013年6月30日。', '截止至1999年5月31日，内地依照仲裁法成立的', '截止到目前，已建成', '截止至去年底']) {
      expect(check(usageJiezhiRule, control), control).toEqual([]);
    }
  });
});
