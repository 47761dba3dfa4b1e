import { describe, expect, it } from 'vitest';
import data from '../../../../data/variant-words.json';
import { variantWordRule } from '../../../../server/src/core/rules/wording/variantWord';
import { check } from '../../../helpers/proofreading';

describe('variant.word', () => {
  it('is information by default and names the recommended form', () => {
    expect(variantWordRule.defaultSeverity).toBe('information');
    expect(check(variantWordRule, '汉字的笔划和结构，阶级成份，那末我们')).toEqual([
      ['variant', '笔划', '汉字的笔画和结构，阶级成份，那末我们'],
      ['variant', '成份', '汉字的笔划和结构，阶级成分，那末我们'],
      ['variant', '那末', '汉字的笔划和结构，阶级成份，那么我们'],
    ]);
  });

  it('does not match across words and leaves recommended forms alone', () => {
    for (const control of ['组成份额', '笔画', '成分', '那么', '已经将原由中方管理的企业移交', '发展转型']) {
      expect(check(variantWordRule, control), control).toEqual([]);
    }
  });

  it('lists distinct variants, none of them also a recommended form', () => {
    const variants = data.entries.map((e) => e.variant);
    expect(new Set(variants).size).toBe(variants.length);
    const recommended = new Set(data.entries.map((e) => e.recommended));
    expect(variants.filter((v) => recommended.has(v))).toEqual([]);
  });
});
