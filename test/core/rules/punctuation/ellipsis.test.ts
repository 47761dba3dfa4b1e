import { describe, expect, it } from 'vitest';
import { punctuationEllipsisRule } from '../../../../server/src/core/rules/punctuation/ellipsis';
import { check } from '../../../helpers/proofreading';

describe('punctuation.ellipsis', () => {
  it('finds an ellipsis with 等 or 等等 and keeps the word (the example of GB/T 15834-2011 A.9)', () => {
    expect(check(punctuationEllipsisRule, '含有铁质的食物有猪肝、大豆、油菜……等。')).toEqual([['withDeng', '……等', '含有铁质的食物有猪肝、大豆、油菜等。']]);
    expect(check(punctuationEllipsisRule, '教育、卫生、文化……等等，都要加强')).toEqual([['withDeng', '……等等', '教育、卫生、文化等等，都要加强']]);
    expect(check(punctuationEllipsisRule, '交通、水利。。。等方面')).toEqual([['withDeng', '。。。等', '交通、水利等方面']]);
  });

  it('finds ellipses in wrong forms', () => {
    expect(check(punctuationEllipsisRule, '我们要发展。。。我们要改革')).toEqual([['form', '。。。', '我们要发展……我们要改革']]);
    expect(check(punctuationEllipsisRule, '改革、开放...都要坚持')).toEqual([['form', '...', '改革、开放……都要坚持']]);
    expect(check(punctuationEllipsisRule, '一二三…十')).toEqual([['form', '…', '一二三……十']]);
  });

  it('leaves correct ellipses, 等 alone and English dots alone', () => {
    for (const control of ['改革、开放、创新……', '教育、卫生等。', '教育、卫生等等。', '…………', 'see p. 3...5 of the report', 'etc...']) {
      expect(check(punctuationEllipsisRule, control), control).toEqual([]);
    }
  });
});
