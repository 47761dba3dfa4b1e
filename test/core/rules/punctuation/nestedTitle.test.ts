import { describe, expect, it } from 'vitest';
import { punctuationNestedTitleRule } from '../../../../server/src/core/rules/punctuation/nestedTitle';
import { check } from '../../../helpers/proofreading';

describe('punctuation.nestedTitle', () => {
  it('marks a title inside a title with 〈〉', () => {
    expect(check(punctuationNestedTitleRule, '审议《关于修改《中华人民共和国立法法》的决定》草案')).toEqual([
      ['nested', '《中华人民共和国立法法》', '审议《关于修改〈中华人民共和国立法法〉的决定》草案'],
    ]);
  });

  it('leaves single titles, correct nesting and titles side by side alone', () => {
    for (const control of ['《关于修改〈中华人民共和国立法法〉的决定》', '《红楼梦》《三国演义》', '学习《纲要》']) {
      expect(check(punctuationNestedTitleRule, control), control).toEqual([]);
    }
  });
});
