import { describe, expect, it } from 'vitest';
import { punctuationRepeatedRule } from '../../../../server/src/core/rules/punctuation/repeated';
import { check } from '../../../helpers/proofreading';

describe('punctuation.repeated', () => {
  it('fixes a doubled mark and reports a mixed run without a fix', () => {
    // gwr-2006 line 68 of the national corpus.
    expect(check(punctuationRepeatedRule, '以更加奋发有为的精神状态，，更加扎实的工作作风')).toEqual([['doubled', '，，', '以更加奋发有为的精神状态，更加扎实的工作作风']]);
    expect(check(punctuationRepeatedRule, '教育、、卫生；；文化')).toEqual([
      ['doubled', '、、', '教育、卫生；；文化'],
      ['doubled', '；；', '教育、、卫生；文化'],
    ]);
    expect(check(punctuationRepeatedRule, '取得新进展。，今年要')).toEqual([['mixed', '。，', null]]);
  });

  it('leaves stacked question and exclamation marks, ellipses and marks next to quotes alone', () => {
    for (const control of ['这难道不是奇迹吗？！', '多好啊！！', '我们要发展。。。', '他说：“好。”', '（一）总体要求。']) {
      expect(check(punctuationRepeatedRule, control), control).toEqual([]);
    }
  });
});
