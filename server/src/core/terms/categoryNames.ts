import type { LocalizedText } from '../rules/rule';
import type { CATEGORIES } from './glossary';

/**
 * The built-in glossary's categories in each UI language (data/glossary.json names them in
 * Chinese). A user glossary's own categories have no translation and are shown as written.
 */
export const CATEGORY_NAMES: Readonly<Record<(typeof CATEGORIES)[number], LocalizedText>> = {
  发展理念: { en: 'Development philosophy', zh: '发展理念' },
  战略: { en: 'Strategies', zh: '战略' },
  方针政策: { en: 'Guidelines and policies', zh: '方针政策' },
  工程与行动: { en: 'Programmes and campaigns', zh: '工程与行动' },
  机构与会议: { en: 'Institutions and meetings', zh: '机构与会议' },
  数字简称: { en: 'Numbered formulations', zh: '数字简称' },
  改革举措: { en: 'Reform measures', zh: '改革举措' },
  民生保障: { en: 'Public wellbeing', zh: '民生保障' },
  生态环保: { en: 'Ecology and environment', zh: '生态环保' },
  科技产业: { en: 'Science, technology and industry', zh: '科技产业' },
  区域协调: { en: 'Regional development', zh: '区域协调' },
  法律术语: { en: 'Legal terms', zh: '法律术语' },
  党建与治理: { en: 'Party building and governance', zh: '党建与治理' },
};

/** A glossary category as the UI language names it. */
export function categoryName(category: string, language: keyof LocalizedText): string {
  return Object.hasOwn(CATEGORY_NAMES, category) ? CATEGORY_NAMES[category as keyof typeof CATEGORY_NAMES][language] : category;
}
