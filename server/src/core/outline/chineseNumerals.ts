/**
 * Chinese numerals as used in heading markers: `一`…`九十九`, `一百零一`,
 * `两百`, and digit-by-digit forms such as `二〇二四`.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is made of, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

/**
 * Reads a Chinese numeral (`十一` → 11, `一百零五` → 105, `两百` → 200,
 * `二〇二四` → 2024). Returns undefined for anything that is not a well-formed
 * numeral below 10 000.
 */
export function parseChineseNumeral(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  if (!/[十百千]/.test(numeral)) return parseDigitByDigit(numeral);
  let total = 0;
  let pending: number | undefined; // the digit waiting for its unit
  let lastUnit = Infinity;
  let sawZero = false;
  for (const char of numeral) {
    const digit = DIGITS[char];
    if (digit !== undefined) {
      if (pending !== undefined) return undefined; // two digits in a row: `一二十`
      if (digit === 0) {
        if (sawZero) return undefined;
        sawZero = true;
        continue;
      }
      pending = digit;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined; // units must fall: 千 > 百 > 十
    // `十二` means 12: a bare 十 at the start counts one ten.
    if (pending === undefined && !(unit === 10 && total === 0 && !sawZero)) return undefined;
    total += (pending ?? 1) * unit;
    pending = undefined;
    sawZero = false;
    lastUnit = unit;
  }
  if (pending !== undefined) {
    // `一百零五`: the zero marks the skipped place; `一百五` (=150) is colloquial, not accepted.
    if (lastUnit > 10 && !sawZero) return undefined;
    total += pending;
  }
  return total;
}

function parseDigitByDigit(numeral: string): number | undefined {
  let value = 0;
  for (const char of numeral) {
    const digit = DIGITS[char];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  // A lone `零` or `〇` is not a heading number; `两` alone is (两 = 2) only inside numbers.
  if (numeral.length === 1 && (value === 0 || numeral === '两')) return undefined;
  return value;
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes a positive integer below 10 000 the way headings do: 11 → `十一`, 105 → `一百零五`. */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value >= 10_000) return String(value);
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let result = '';
  let rest = value;
  let needZero = false;
  for (const [size, unit] of places) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit === 0) {
      if (result) needZero = true;
      continue;
    }
    if (needZero) result += '零';
    needZero = false;
    // 10–19 are written `十…`, not `一十…`, when they stand alone.
    result += size === 10 && digit === 1 && result === '' ? unit : DIGIT_CHARS[digit] + unit;
  }
  if (rest > 0) result += (needZero && result ? '零' : '') + DIGIT_CHARS[rest];
  return result;
}

/** ① … ⑳ (U+2460), ㉑ … ㉟ (U+3251), ㊱ … ㊿ (U+32B1). */
export function parseCircledNumber(char: string): number | undefined {
  const code = char.codePointAt(0);
  if (code === undefined || char.length !== 1) return undefined;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  return undefined;
}

/** The circled form of 1–50, or undefined. */
export function formatCircledNumber(value: number): string | undefined {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return undefined;
}
