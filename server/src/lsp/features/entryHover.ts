import { categoryName } from '../../core/terms/categoryNames';
import type { GlossaryEntry, GlossarySource } from '../../core/terms/glossary';
import { summarizeSeries, type TermHistoryData } from '../../core/terms/termHistory';
import { format, type Locale } from '../../engine/l10n';

/** The glossary entry's hover texts in each language (exported for the language tests). */
export const ENTRY_LABELS = {
  variants: { en: 'Variants', zh: '其他写法' },
  rejected: { en: 'Not', zh: '勿写作' },
  items: { en: 'Stands for', zh: '具体指' },
  editorial: { en: 'Editorial note', zh: '编者释义' },
  source: { en: 'Source: {document}, line {line}', zh: '出处：{document} 第 {line} 行' },
  usage: { en: 'In official use: {document}, line {line}', zh: '官方用例：{document} 第 {line} 行' },
  userGlossary: { en: 'From your glossary', zh: '来自用户术语表' },
  gwrFirst: { en: 'Government work reports: first in {first}, {total|time|times} in {first}–{last}', zh: '政府工作报告：{first} 年首次出现，{first}–{last} 年 {total} 次' },
  gwrOnce: { en: 'Government work reports: only in {first} ({total|time|times})', zh: '政府工作报告：仅 {first} 年出现（{total} 次）' },
  gwrPeak: { en: ' ({reports|report|reports}, most in {peak}: {count})', zh: '（{reports} 份报告，{peak} 年最多，{count} 次）' },
  gwrGone: { en: ', not since {last}', zh: '，{last} 年后未再出现' },
  gwrNone: { en: 'Government work reports ({from}–{to}): not used', zh: '政府工作报告（{from}–{to} 年）未出现' },
  cpc: { en: 'Party Congress reports: {list}', zh: '党代会报告：{list}' },
  cpcNone: { en: 'Party Congress reports ({list}): not used', zh: '党代会报告（{list}）未出现' },
  separator: { en: '; ', zh: '；' },
  superseded: { en: 'No longer a current formulation: last in the {last} government work report', zh: '已不是现行提法：政府工作报告最后见于 {last} 年' },
  successor: { en: '; now “{successor}”', zh: '，现用“{successor}”' },
} as const;

type Label = keyof typeof ENTRY_LABELS;

function label(locale: Locale) {
  return (key: Label, args?: Record<string, string | number>) => format(ENTRY_LABELS[key][locale], args);
}

/** The hover text of a glossary entry: definition (marked when editorial), items, forms, the official sentence, its history. */
export function describeEntry(entry: GlossaryEntry, locale: Locale, history?: TermHistoryData): string {
  const t = label(locale);
  const definition = entry.definitionOrigin === 'editorial' ? `**${t('editorial')}**${locale === 'zh' ? '：' : ': '}${entry.definition}` : entry.definition;
  const lines = [`**${entry.term}** · ${categoryName(entry.category, locale)}${entry.english ? ` · *${entry.english}*` : ''}`, '', definition];
  if (entry.items.length > 0) lines.push('', `${t('items')}${locale === 'zh' ? '：' : ':'}`, ...entry.items.map((item, i) => `${i + 1}. ${item}`));
  const variants = [...entry.aliases, ...entry.variants.accepted];
  if (variants.length > 0) lines.push('', `${t('variants')}${locale === 'zh' ? '：' : ': '}${variants.join(locale === 'zh' ? '、' : ', ')}`);
  if (entry.variants.rejected.length > 0) lines.push('', `${t('rejected')}${locale === 'zh' ? '：' : ': '}~~${entry.variants.rejected.join(locale === 'zh' ? '~~、~~' : '~~, ~~')}~~`);
  if (entry.source) lines.push('', sourceLine(entry.source, locale), `> ${entry.source.quote}`);
  const dated = supersededLine(entry, history, locale);
  if (dated) lines.push('', dated);
  const historyText = history && entry.origin === 'builtin' ? historyLine(entry.term, history, locale) : undefined;
  if (historyText) lines.push('', historyText);
  if (entry.origin !== 'builtin') lines.push('', `*${t('userGlossary')}*`);
  return lines.join('\n');
}

function sourceLine(source: GlossarySource, locale: Locale): string {
  return label(locale)(source.kind === 'usage' ? 'usage' : 'source', { document: documentTitle(source.document, locale), line: source.line });
}

/**
 * The corpus documents the built-in glossary cites besides the national reports, by file name
 * (their names are content hashes, meaningless to a reader).
 */
export const SOURCE_DOCUMENTS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  '002_8dfe99efc033ddf8.txt': { en: 'the 2024 government work reports of the State Council and the provinces (a compilation)', zh: '2024 年国务院及各省区市政府工作报告汇编' },
  '004_aedbcdac15b26f45.txt': { en: 'a 2024 study compilation on the Two Sessions', zh: '2024 年全国两会学习材料汇编' },
  'national/resolution-10.txt': { en: 'the NPC resolution on the 2016 Government Work Report', zh: '第十二届全国人民代表大会第四次会议关于政府工作报告的决议' },
};

/** A readable name of a corpus document: `national/gwr-2025.txt` → 2025 年政府工作报告. */
export function documentTitle(document: string, locale: Locale): string {
  const gwr = /^national\/gwr-(\d{4})\.txt$/.exec(document);
  if (gwr) return locale === 'zh' ? `${gwr[1]} 年政府工作报告` : `${gwr[1]} Government Work Report`;
  const cpc = /^national\/cpc-(\d+)\.txt$/.exec(document);
  if (cpc) return locale === 'zh' ? `党的${congressName(Number(cpc[1]))}报告` : `Report to the ${ordinal(Number(cpc[1]))} CPC National Congress`;
  const named = Object.hasOwn(SOURCE_DOCUMENTS, document) ? SOURCE_DOCUMENTS[document] : undefined;
  return named ? named[locale] : document;
}

/**
 * One line on the term's life in the national reports, e.g.
 * “政府工作报告：2024 年首次出现，2024–2025 年 3 次；党代会报告（十八大、二十大）未出现”.
 */
export function historyLine(term: string, history: TermHistoryData, locale: Locale): string | undefined {
  if (history.gwrYears.length === 0) return undefined;
  const t = label(locale);
  const record = history.terms[term] ?? {};
  const latest = history.gwrYears[history.gwrYears.length - 1];
  const gwr = summarizeSeries(record.gwr);
  let gwrText: string;
  if (!gwr) gwrText = t('gwrNone', { from: history.gwrYears[0], to: latest });
  else {
    gwrText = t(gwr.reports === 1 ? 'gwrOnce' : 'gwrFirst', { first: gwr.first, last: gwr.last, total: gwr.total });
    if (gwr.reports >= 3) gwrText += t('gwrPeak', { reports: gwr.reports, peak: gwr.peak.key, count: gwr.peak.count });
    if (gwr.last < latest) gwrText += t('gwrGone', { last: gwr.last });
  }
  const congresses = history.congresses.map((n) => (locale === 'zh' ? congressName(n) : ordinal(n)));
  const cpc = record.cpc ?? [];
  const cpcText =
    cpc.length === 0
      ? t('cpcNone', { list: congresses.join(locale === 'zh' ? '、' : ', ') })
      : t('cpc', { list: cpc.map(([n, count]) => (locale === 'zh' ? `${congressName(n)} ${count} 次` : `${ordinal(n)} ${count}×`)).join(locale === 'zh' ? '，' : ', ') });
  return `${gwrText}${t('separator')}${cpcText}`;
}

/** For a superseded formulation: the year official texts last used it and its successor. */
export function supersededLine(entry: GlossaryEntry, history: TermHistoryData | undefined, locale: Locale): string | undefined {
  if (!entry.superseded) return undefined;
  const t = label(locale);
  const last = entry.superseded.lastUsed ?? (history ? summarizeSeries(history.terms[entry.term]?.gwr)?.last : undefined);
  if (last === undefined) return undefined;
  return t('superseded', { last }) + (entry.superseded.successor ? t('successor', { successor: entry.superseded.successor }) : '');
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 18 → 十八大, 20 → 二十大. */
export function congressName(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${DIGITS[ones]}大`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
