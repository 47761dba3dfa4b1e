import type * as PinyinPro from 'pinyin-pro';

/** pinyin-pro, required on first use: its dictionaries (≈ 0.5 MB of code) are evaluated only when completion needs initials, not at every start. */
let pinyinPro: typeof PinyinPro | undefined;

/** Lower-case pinyin initials of the Han characters in `text` (新质生产力 → xzscl); other characters are dropped. */
export function pinyinInitials(text: string): string {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (!han) return '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pinyinPro ??= require('pinyin-pro') as typeof PinyinPro;
  return pinyinPro.pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}
