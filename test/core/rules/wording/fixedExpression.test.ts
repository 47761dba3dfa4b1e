import { describe, expect, it } from 'vitest';
import data from '../../../../data/fixed-expressions.json';
import { typoFixedExpressionRule } from '../../../../server/src/core/rules/wording/fixedExpression';
import { check } from '../../../helpers/proofreading';

describe('typo.fixedExpression', () => {
  it('finds wrong characters in idioms and fixed expressions and fixes them', () => {
    expect(check(typoFixedExpressionRule, '全省上下要再接再励，精心布署，按步就班推进，决不能一愁莫展。')).toEqual([
      ['typo', '再接再励', '全省上下要再接再厉，精心布署，按步就班推进，决不能一愁莫展。'],
      ['typo', '布署', '全省上下要再接再励，精心部署，按步就班推进，决不能一愁莫展。'],
      ['typo', '按步就班', '全省上下要再接再励，精心布署，按部就班推进，决不能一愁莫展。'],
      ['typo', '一愁莫展', '全省上下要再接再励，精心布署，按步就班推进，决不能一筹莫展。'],
    ]);
    expect(check(typoFixedExpressionRule, '一如继往地迫不急待，针贬时弊')).toEqual([
      ['typo', '一如继往', '一如既往地迫不急待，针贬时弊'],
      ['typo', '迫不急待', '一如继往地迫不及待，针贬时弊'],
      ['typo', '针贬', '一如继往地迫不急待，针砭时弊'],
    ]);
  });

  it('does not match across words: 学习/贯彻, 预防/犯罪, 平安/祥和 are correct', () => {
    for (const control of ['深入学习贯彻习近平新时代中国特色社会主义思想', '做好预防犯罪工作', '促进社会平安祥和', '再接再厉', '统筹部署', '踔厉奋发、勇毅前行']) {
      expect(check(typoFixedExpressionRule, control), control).toEqual([]);
    }
  });

  it('has at least 300 distinct wrong forms, each with a correct form that differs and a known source', () => {
    const wrong = data.entries.map((e) => e.wrong);
    expect(new Set(wrong).size).toBe(wrong.length);
    expect(wrong.length).toBeGreaterThanOrEqual(300);
    for (const entry of data.entries) {
      expect(entry.correct, entry.wrong).not.toBe(entry.wrong);
      expect(entry.correct.length, entry.wrong).toBe(entry.wrong.length);
      expect(Object.keys(data.sources), entry.wrong).toContain(entry.source);
    }
  });
});
