import { describe, expect, it } from 'vitest';
import { punctuationQuotedListCommaRule } from '../../../../server/src/core/rules/punctuation/quotedListComma';
import { findingsOf } from '../../../helpers/proofreading';

const TEXT = '推进“一带一路”、“双循环”建设，学习《红楼梦》、《西游记》，落实“放管服”（改革）、“最多跑一次”。';

describe('punctuation.quotedListComma', () => {
  it('is off by default: official reports write ”、“ all the time', () => {
    expect(punctuationQuotedListCommaRule.defaultSeverity).toBe('off');
  });

  it('when turned on, finds the 顿号 between quoted or titled items and deletes it', () => {
    const findings = findingsOf(punctuationQuotedListCommaRule, TEXT, {}, 'information');
    expect(findings.map((f) => [TEXT.slice(f.span.start - 1, f.span.end + 1), f.fix])).toEqual([
      ['”、“', [{ span: { start: 8, end: 9 }, newText: '' }]],
      ['》、《', [{ span: { start: 24, end: 25 }, newText: '' }]],
    ]);
  });
});
