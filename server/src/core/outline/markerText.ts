import { CHINESE_NUMERAL_CHARS, formatChineseNumeral, formatCircledNumber } from './chineseNumerals';

/** Rewriting heading markers (`（四）`, `3.`, `第五条`, `②`) for numbering fixes. */

const NUMERAL = new RegExp(`\\d+|[${CHINESE_NUMERAL_CHARS}]+|[\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf]`);

export type NumeralSystem = 'arabic' | 'chinese' | 'circled';

/** Systems by marker: the numbering rule asks for every heading on every edit, and a regular expression's match was garbage each time. */
const systems = new Map<string, NumeralSystem>();

/** Which kind of numeral a marker is written with. */
export function numeralSystemOf(marker: string): NumeralSystem {
  let system = systems.get(marker);
  if (system === undefined) {
    // Markers are few (（一） 1. 第三条 …); a document of odd lines cannot grow this without bound.
    if (systems.size >= 4096) systems.clear();
    systems.set(marker, (system = systemOf(marker)));
  }
  return system;
}

function systemOf(marker: string): NumeralSystem {
  const numeral = NUMERAL.exec(marker)?.[0] ?? '';
  if (/^\d/.test(numeral)) return 'arabic';
  if (/^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/.test(numeral)) return 'circled';
  return 'chinese';
}

/** `value` written in the numeral system of `marker`: 3 → `三` for `（四）`, `3` for `4.`. */
export function formatNumeralLike(marker: string, value: number): string {
  switch (numeralSystemOf(marker)) {
    case 'arabic':
      return String(value);
    case 'circled':
      return formatCircledNumber(value) ?? String(value);
    case 'chinese':
      return formatChineseNumeral(value);
  }
}

/** The marker with its number replaced: (`（五）`, 4) → `（四）`. */
export function renumberMarker(marker: string, value: number): string {
  return marker.replace(NUMERAL, formatNumeralLike(marker, value));
}

/** The marker in full-width (`（二）`) or half-width (`(二)`) brackets. */
export function rebracketMarker(marker: string, width: 'fullwidth' | 'halfwidth'): string {
  return width === 'fullwidth' ? marker.replace(/^\(/, '（').replace(/\)$/, '）') : marker.replace(/^（/, '(').replace(/）$/, ')');
}

/** Punctuation after a marker number, by style name. */
export const MARKER_PUNCTUATION: Readonly<Record<string, string>> = { dot: '.', 'fullwidth-dot': '．', comma: '、' };

/** The marker with its final punctuation replaced: (`1、`, `dot`) → `1.`. */
export function repunctuateMarker(marker: string, style: string): string {
  const punctuation = MARKER_PUNCTUATION[style];
  return punctuation === undefined ? marker : marker.replace(/[.．、]$/, punctuation);
}
