import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of the Han characters in `text` (新质生产力 → xzscl); other characters are dropped. */
export function pinyinInitials(text: string): string {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (!han) return '';
  return pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}
