/** Chinese numerals as GB/T 15835 uses them: digits read one by one, and the unit characters. */
export const CHINESE_DIGITS = '〇零一二三四五六七八九';
export const DIGIT_VALUE: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Place units: `一百零五` reads the zero as 零, `一〇五` (digit by digit) as 〇. */
export const PLACE_UNITS = '十百千万亿';
