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

  it('leaves the third level alone: inside 〈〉 the marks alternate back to 《》', () => {
    // As the amending decisions of local laws write it.
    for (const control of ['根据《关于修改〈河南省实施《土地管理法》办法〉的决定》第一次修正', '《关于修改<青岛市实施《中华人民共和国水法》若干规定>的决定》']) {
      expect(check(punctuationNestedTitleRule, control), control).toEqual([]);
    }
    // A 《》 right inside the outer 《》 is still nested, also next to a correct 〈〉.
    expect(check(punctuationNestedTitleRule, '《关于修改〈档案法〉和《立法法》的决定》')).toEqual([['nested', '《立法法》', '《关于修改〈档案法〉和〈立法法〉的决定》']]);
  });
});
