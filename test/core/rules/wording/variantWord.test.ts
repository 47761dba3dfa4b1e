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

  // The unseen laws corpus: 刻划、涂污 (文物保护法), 定船舶、定航线、定货种 (港口法), 龙门坎 (a place), 连结点 (private international law).
  it('leaves a form alone where its neighbours make it another word', () => {
    for (const control of [
      '（一）刻划、涂污或者损坏文物；',
      '在树上刻划、钉钉',
      '在景物或者设施上刻划、涂污',
      '攀折花木、采摘花果、刻划树皮',
      '爱护公共设施，不随意刻划，与他人友善相处。',
      '但是，定船舶、定航线、定货种的船舶可以定期报告。',
      '但是，定船、定线、定货的船舶可以定期报告。',
      '西至杨府庙、龙门坎、何家村',
      '一方当事人故意制造涉外民事关系的连结点',
    ]) {
      expect(check(variantWordRule, control), control).toEqual([]);
    }
  });

  it('still finds the same forms used as the variant word', () => {
    expect(check(variantWordRule, '细致刻划人物形象')).toEqual([['variant', '刻划', '细致刻画人物形象']]);
    expect(check(variantWordRule, '签订定货合同')).toEqual([['variant', '定货', '签订订货合同']]);
    expect(check(variantWordRule, '降低准入门坎')).toEqual([['variant', '门坎', '降低准入门槛']]);
    // 民法典 继承编 writes 辈份: reported (information), the message notes that a law's text keeps its wording.
    expect(check(variantWordRule, '辈份不同的，推定长辈先死亡')).toEqual([['variant', '辈份', '辈分不同的，推定长辈先死亡']]);
  });

  it('lists distinct variants, none of them also a recommended form', () => {
    const variants = data.entries.map((e) => e.variant);
    expect(new Set(variants).size).toBe(variants.length);
    const recommended = new Set(data.entries.map((e) => e.recommended));
    expect(variants.filter((v) => recommended.has(v))).toEqual([]);
  });
});
