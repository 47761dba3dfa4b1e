import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';
import type { LocalizedText } from '../../server/src/core/rules/rule';
import { CODE_ACTION_TITLES } from '../../server/src/lsp/features/codeActions';
import { describeEntry, ENTRY_LABELS, SOURCE_DOCUMENTS } from '../../server/src/lsp/features/entryHover';
import { loadTermHistory } from '../../server/src/adapters/termHistoryFile';
import { CATEGORY_NAMES, categoryName } from '../../server/src/core/terms/categoryNames';
import { CATEGORIES, type GlossaryEntry } from '../../server/src/core/terms/glossary';
import { HOVER_LABELS } from '../../server/src/lsp/features/hover';
import { format } from '../../server/src/engine/l10n';
import { SERVER_MESSAGES } from '../../server/src/engine/serverMessages';
import { builtinEntries } from '../helpers/analyzeText';
import { languageProblems, type Language } from '../helpers/languageCheck';

const ROOT = path.join(__dirname, '../..');
const json = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8')) as Record<string, string>;

/**
 * English messages whose count is never 1, so `{count} times` is right: a phrase is reported
 * from `minCount` (at least 2) occurrences in a paragraph and `sectionMinCount` (at least 2) in a section.
 */
const COUNT_AT_LEAST_TWO = new Set(['slogan.repeated/paragraph', 'slogan.repeated/section']);

interface Sample {
  readonly where: string;
  readonly text: string;
  readonly language: Language;
}

function localized(where: string, text: LocalizedText): Sample[] {
  return [
    { where: `${where} (en)`, text: text.en, language: 'en' },
    { where: `${where} (zh)`, text: text.zh, language: 'zh' },
  ];
}

/** Every user-facing string of the extension, the server and the rules, with its language. */
function allStrings(): Sample[] {
  const samples: Sample[] = [];
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  for (const key of Object.keys(en)) samples.push(...localized(`package.nls ${key}`, { en: en[key], zh: zh[key] }));
  const bundle = json('l10n/bundle.l10n.zh-cn.json');
  for (const [key, value] of Object.entries(bundle)) {
    // `{0} warnings` is the plural of a pair (`{0} warning` for one), chosen by the count in code.
    const pluralOfPair = /^\{0\} \w+s$/.test(key) && `${key.slice(0, -1)}` in bundle;
    if (pluralOfPair) samples.push({ where: `l10n "${key}" (zh)`, text: value, language: 'zh' });
    else samples.push(...localized(`l10n "${key}"`, { en: key, zh: value }));
  }
  for (const [id, text] of Object.entries(SERVER_MESSAGES)) samples.push(...localized(`server ${id}`, text));
  for (const [id, text] of Object.entries(HOVER_LABELS)) samples.push(...localized(`hover ${id}`, text));
  for (const [id, text] of Object.entries(ENTRY_LABELS)) samples.push(...localized(`hover entry ${id}`, text));
  for (const [id, text] of Object.entries(CATEGORY_NAMES)) samples.push(...localized(`glossary category ${id}`, text));
  for (const [id, text] of Object.entries(SOURCE_DOCUMENTS)) samples.push(...localized(`source document ${id}`, text));
  for (const [id, text] of Object.entries(CODE_ACTION_TITLES)) samples.push(...localized(`code action ${id}`, text));
  for (const rule of RULES) {
    samples.push(...localized(`${rule.id} description`, rule.description));
    for (const option of rule.options) samples.push(...localized(`${rule.id}.${option.name}`, option.description));
    for (const [id, text] of Object.entries(rule.messages)) {
      if (COUNT_AT_LEAST_TWO.has(`${rule.id}/${id}`)) samples.push({ where: `${rule.id}/${id} (zh)`, text: text.zh, language: 'zh' });
      else samples.push(...localized(`${rule.id}/${id}`, text));
    }
  }
  for (const language of ['en', 'zh-cn'] as const) {
    const dir = path.join(ROOT, 'media/walkthrough', language);
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (!file.endsWith('.md')) continue;
      for (const [i, line] of fs.readFileSync(path.join(dir, file), 'utf8').split('\n').entries()) {
        if (line.trim() && !line.startsWith('```') && !line.startsWith('    ')) samples.push({ where: `${language}/${file}:${i + 1}`, text: line, language: language === 'en' ? 'en' : 'zh' });
      }
    }
  }
  return samples;
}

describe('one language at a time', () => {
  it('the check catches what the first-hour test saw', () => {
    expect(languageProblems('Not：', 'en')).not.toEqual([]);
    expect(languageProblems('Stands for：', 'en')).not.toEqual([]);
    expect(languageProblems('Occurs 86 time(s) in this document.', 'en')).not.toEqual([]);
    expect(languageProblems('{0} warnings', 'en')).not.toEqual([]);
    expect(languageProblems('Segmentation ({0}, {1} tokens):', 'en')).not.toEqual([]);
    expect(languageProblems('政策文稿', 'en')).not.toEqual([]);
    expect(languageProblems('发展,推动', 'zh')).not.toEqual([]);
    expect(languageProblems('正在统计...', 'zh')).not.toEqual([]);
    expect(languageProblems('正在统计…', 'zh')).not.toEqual([]);
    expect(languageProblems('政策文稿助手(测试)', 'zh')).not.toEqual([]);
    expect(languageProblems('Show Segmentation', 'zh')).not.toEqual([]);
    expect(languageProblems('分词结果：共 {0} 个 tokens', 'zh')).not.toEqual([]);
    // and lets through what is right in each language
    expect(languageProblems('Occurs {count|time|times} in this document.', 'en')).toEqual([]);
    expect(languageProblems('Show 一是/一要 and —— lead items in the outline.', 'en')).toEqual([]);
    expect(languageProblems('Half-width punctuation, as in `发展,推动` → `发展，推动`.', 'en')).toEqual([]);
    expect(languageProblems('附加分词词典（UTF-8，每行“词 [词频] [词性]”），见 docs/glossary.md。', 'zh')).toEqual([]);
    expect(languageProblems('可调高“policyLens.diagnostics.maxDocumentSize”进行完整检查。', 'zh')).toEqual([]);
  });

  it('every user-facing string is written in its own language with its punctuation and grammar', () => {
    const samples = allStrings();
    expect(samples.length).toBeGreaterThan(200);
    const problems = samples.flatMap((s) => languageProblems(s.text, s.language).map((p) => `${s.where}: ${p} — ${s.text}`));
    expect(problems).toEqual([]);
  });

  it('the hover of every built-in glossary entry reads as one language in the English UI', () => {
    const problems: string[] = [];
    for (const entry of builtinEntries()) {
      const hover = describeEntry(entry, 'en');
      // Labels are followed by a space in English, never by a full-width colon.
      for (const line of hover.split('\n')) if (/[A-Za-z]\**\s*：/.test(line)) problems.push(`${entry.term}: ${line}`);
    }
    expect(problems).toEqual([]);
    const withItems = builtinEntries().find((e) => e.items.length > 0)!;
    expect(describeEntry(withItems, 'en')).toContain('Stands for:\n');
    expect(describeEntry(withItems, 'zh')).toContain('具体指：\n');
  });

  it('every built-in category has a name in each language, and the hover of every entry shows it in the UI language', () => {
    expect(Object.keys(CATEGORY_NAMES).sort()).toEqual([...CATEGORIES].sort());
    const history = loadTermHistory()!;
    const problems: string[] = [];
    const entries = builtinEntries();
    expect(new Set(entries.map((e) => e.category)).size).toBe(CATEGORIES.length);
    for (const entry of entries) {
      for (const language of ['en', 'zh'] as const) {
        const hover = describeEntry(entry, language, history);
        // The first line: **term** · category · *English name of the term*
        const category = /^\*\*[^*]+\*\* · ([^·]+?)(?: · \*[^*]+\*)?$/.exec(hover.split('\n')[0])?.[1];
        if (category !== categoryName(entry.category, language) || category !== CATEGORY_NAMES[entry.category as keyof typeof CATEGORY_NAMES][language]) {
          problems.push(`${entry.term} (${language}): category "${category}"`);
        }
        // What is left of the hover without the entry's own content must be in the UI language alone.
        for (const line of labelsOf(hover, entry).split('\n')) {
          for (const problem of labelProblems(line, language)) problems.push(`${entry.term} (${language}): ${problem} — ${line}`);
        }
        if (/\.txt\b/.test(hover)) problems.push(`${entry.term} (${language}): a corpus file name — ${hover.split('\n').find((l) => l.includes('.txt'))}`);
      }
    }
    expect(problems).toEqual([]);
    const quality = entries.find((e) => e.term === '高质量发展')!;
    expect(describeEntry(quality, 'en').split('\n')[0]).toBe('**高质量发展** · Development philosophy · *high-quality development*');
    expect(describeEntry(quality, 'zh').split('\n')[0]).toBe('**高质量发展** · 发展理念 · *high-quality development*');
  });

  it('the check of the hover’s labels fails on a Chinese category in the English UI', () => {
    const entry = builtinEntries().find((e) => e.term === '新质生产力')!;
    const mixed = describeEntry(entry, 'en').replace('Development philosophy', '发展理念');
    expect(labelsOf(mixed, entry).split('\n').flatMap((line) => labelProblems(line, 'en'))).toEqual(['Chinese text without English', 'Chinese in an English label']);
    const english = describeEntry(entry, 'zh').replace('发展理念', 'Development philosophy');
    expect(labelsOf(english, entry).split('\n').flatMap((line) => labelProblems(line, 'zh'))).toEqual(['English word "Development"', 'English word "philosophy"', 'untranslated']);
  });

  it('English counts agree with their number', () => {
    expect(format(HOVER_LABELS.count.en, { count: 1 })).toBe('Occurs 1 time in this document.');
    expect(format(HOVER_LABELS.count.en, { count: 86 })).toBe('Occurs 86 times in this document.');
    expect(format(HOVER_LABELS.count.zh, { count: 1 })).toBe('本文出现 1 次。');
    // a reference's name is quoted in English, as in quote.mismatch's messages, and title-marked in Chinese
    expect(format(HOVER_LABELS.reuse.en, { share: 93, reference: '2024政府工作报告' })).toBe('93 % of this document is text from "2024政府工作报告".');
    expect(format(HOVER_LABELS.reuse.zh, { share: 93, reference: '2024政府工作报告' })).toBe('本文 93% 的文字出自《2024政府工作报告》。');
    expect(format(SERVER_MESSAGES.segmenterReady.en, { segmenter: 'jieba', ms: 4072, words: 1 })).toBe('Policy Lens: segmentation ready (jieba, 4072 ms, 1 user word).');
  });

  it('the language is named in the UI language, and each command title can be found in both languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    const aliases: string[] = pkg.contributes.languages[0].aliases;
    expect(aliases[0]).toBe('%language.policy%');
    expect([en['language.policy'], zh['language.policy']]).toEqual(['Policy Document', '政策文稿']);
    const hidden = new Set((pkg.contributes.menus.commandPalette as { command: string; when: string }[]).filter((m) => m.when === 'false').map((m) => m.command));
    const visible = (pkg.contributes.commands as { command: string; title: string }[]).filter((c) => !hidden.has(c.command));
    expect(visible.length).toBeGreaterThan(5);
    for (const command of visible) {
      const key = command.title.slice(1, -1);
      // The English title carries the Chinese one, so 整理粘贴文本 finds the command in an English UI
      // (a Chinese UI matches the English original title by itself).
      expect(en[key], command.command).toMatch(new RegExp(`^[^\\p{Script=Han}]+ \\(${escape(zh[key])}\\)$`, 'u'));
    }
  });
});

/**
 * A glossary entry's hover without the entry's own words (term, English name, definition, items,
 * forms, the quoted sentence, the successor): what is left is the hover's labels, which must be in
 * the UI language.
 */
function labelsOf(hover: string, entry: GlossaryEntry): string {
  const own = [entry.term, entry.english, entry.definition, ...entry.items, ...entry.aliases, ...entry.variants.accepted, ...entry.variants.rejected, entry.source?.quote ?? '', entry.superseded?.successor ?? ''];
  let rest = hover;
  for (const text of own.filter((t) => t.length > 0).sort((a, b) => b.length - a.length)) rest = rest.split(text).join(' ');
  return rest;
}

/** A hover label's problems: those of any string in its language, and in English any Chinese (the entry's own words are gone). */
function labelProblems(line: string, language: 'en' | 'zh'): string[] {
  if (!line.trim()) return [];
  const problems = languageProblems(line, language);
  if (language === 'en' && /\p{Script=Han}/u.test(line)) problems.push('Chinese in an English label');
  return problems;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
