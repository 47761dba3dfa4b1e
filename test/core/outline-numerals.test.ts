import { describe, expect, it } from 'vitest';
import {
  formatChineseNumeral,
  formatCircledNumber,
  parseChineseNumeral,
  parseCircledNumber,
} from '../../server/src/core/outline/chineseNumerals';
import { formatNumeralLike, numeralSystemOf, rebracketMarker, renumberMarker, repunctuateMarker } from '../../server/src/core/outline/markerText';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十九', 19],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十', 110],
    ['一百二十三', 123],
    ['两百', 200],
    ['一千零五', 1005],
    ['一千零五十', 1050],
    ['二〇二四', 2024],
    ['〇五', 5],
  ])('%s → %i', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it.each(['', '零', '〇', '两', '百', '千', '十十', '一二十', '一百五', '二十百', '一百十', 'x', '一a'])('rejects %j', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeUndefined();
  });

  it('round-trips with formatChineseNumeral for 1–1200', () => {
    for (let value = 1; value <= 1200; value++) expect(parseChineseNumeral(formatChineseNumeral(value))).toBe(value);
  });
});

describe('formatChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [65, '六十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1050, '一千零五十'],
  ])('%i → %s', (value, numeral) => {
    expect(formatChineseNumeral(value)).toBe(numeral);
  });
});

describe('circled numbers', () => {
  it('reads and writes ①–⑳, ㉑–㉟ and ㊱–㊿', () => {
    for (let value = 1; value <= 50; value++) expect(parseCircledNumber(formatCircledNumber(value)!)).toBe(value);
    expect(parseCircledNumber('①')).toBe(1);
    expect(parseCircledNumber('⑩')).toBe(10);
    expect(parseCircledNumber('㉑')).toBe(21);
    expect(parseCircledNumber('1')).toBeUndefined();
    expect(formatCircledNumber(51)).toBeUndefined();
  });
});

describe('marker rewriting', () => {
  it('knows the numeral system of a marker', () => {
    expect(numeralSystemOf('（四）')).toBe('chinese');
    expect(numeralSystemOf('第十三条')).toBe('chinese');
    expect(numeralSystemOf('12.')).toBe('arabic');
    expect(numeralSystemOf('(3)')).toBe('arabic');
    expect(numeralSystemOf('⑤')).toBe('circled');
  });

  it('formats a value like a marker', () => {
    expect(formatNumeralLike('（五）', 4)).toBe('四');
    expect(formatNumeralLike('5.', 4)).toBe('4');
    expect(formatNumeralLike('⑤', 4)).toBe('④');
  });

  it('renumbers, rebrackets and repunctuates markers', () => {
    expect(renumberMarker('（五）', 4)).toBe('（四）');
    expect(renumberMarker('十一、', 10)).toBe('十、');
    expect(renumberMarker('第二十条', 21)).toBe('第二十一条');
    expect(renumberMarker('三是', 2)).toBe('二是');
    expect(renumberMarker('12.', 11)).toBe('11.');
    expect(renumberMarker('⑤', 4)).toBe('④');
    expect(rebracketMarker('(二)', 'fullwidth')).toBe('（二）');
    expect(rebracketMarker('（二)', 'fullwidth')).toBe('（二）');
    expect(rebracketMarker('（2）', 'halfwidth')).toBe('(2)');
    expect(repunctuateMarker('3、', 'dot')).toBe('3.');
    expect(repunctuateMarker('3.', 'fullwidth-dot')).toBe('3．');
  });
});
