import { describe, expect, it } from 'vitest';
import { loadTermHistory } from '../../server/src/adapters/termHistoryFile';
import type { GlossaryEntry } from '../../server/src/core/terms/glossary';
import type { TermHistoryData } from '../../server/src/core/terms/termHistory';
import { congressName, describeEntry, documentTitle, historyLine } from '../../server/src/lsp/features/entryHover';
import { builtinEntries } from '../helpers/analyzeText';

const history = loadTermHistory() as TermHistoryData;
const entries = builtinEntries();
const entry = (term: string) => entries.find((e) => e.term === term) as GlossaryEntry;

describe('hover text of a glossary entry', () => {
  it('loads the built-in history', () => {
    expect(history.gwrYears.at(-1)).toBe(2025);
  });

  it('新质生产力: editorial note, the official sentence with its report and line, and the history line', () => {
    expect(describeEntry(entry('新质生产力'), 'zh', history)).toBe(
      [
        '**新质生产力** · 发展理念 · *new quality productive forces*',
        '',
        `**编者释义**：${entry('新质生产力').definition}`,
        '',
        '勿写作：~~新质生产率~~',
        '',
        '官方用例：2025 年政府工作报告 第 76 行',
        '> （二）因地制宜发展新质生产力，加快建设现代化产业体系。',
        '',
        '政府工作报告：2024 年首次出现，2024–2025 年 3 次；党代会报告（十八大、二十大）未出现',
      ].join('\n'),
    );
    expect(historyLine('新质生产力', history, 'en')).toBe('Government work reports: first in 2024, 3 times in 2024–2025; Party Congress reports (18th, 20th): not used');
  });

  it('a term of decades: the peak, and both congresses', () => {
    expect(historyLine('一国两制', history, 'zh')).toBe('政府工作报告：1985 年首次出现，1985–2025 年 59 次（34 份报告，1997 年最多，4 次）；党代会报告：十八大 4 次，二十大 9 次');
  });

  it('a term that left the reports says since when', () => {
    expect(historyLine('放管服', history, 'zh')).toBe('政府工作报告：2017 年首次出现，2017–2022 年 10 次（5 份报告，2021 年最多，4 次），2022 年后未再出现；党代会报告（十八大、二十大）未出现');
  });

  it('a term the national reports never use', () => {
    expect(historyLine('八八战略', history, 'zh')).toBe('政府工作报告（1954–2025 年）未出现；党代会报告（十八大、二十大）未出现');
  });

  it('an official definition (the law\'s words) carries no editorial label; a source that defines is 出处', () => {
    const text = describeEntry(entry('国家秘密'), 'zh', history);
    expect(text).not.toContain('编者释义');
    expect(text).toContain('出处：2024 年全国两会学习材料汇编 第 497 行\n> 国家秘密是关系国家安全和利益');
    // the corpus file's name is a hash: the hover names the compilation instead, in each language
    expect(documentTitle('004_aedbcdac15b26f45.txt', 'en')).toBe('a 2024 study compilation on the Two Sessions');
  });

  it('English labels', () => {
    const text = describeEntry(entry('高质量发展'), 'en', history);
    expect(text.split('\n')[0]).toBe('**高质量发展** · Development philosophy · *high-quality development*');
    expect(text).toContain('**Editorial note**: ');
    expect(text).toContain('Source: Report to the 20th CPC National Congress, line 184\n> 高质量发展是全面建设社会主义现代化国家的首要任务。');
  });

  it('a user entry shows no built-in history', () => {
    const user: GlossaryEntry = { ...entry('新质生产力'), origin: 'file:///ws/.policy-lens/glossary.json', definitionOrigin: undefined };
    const text = describeEntry(user, 'zh', history);
    expect(text).not.toContain('政府工作报告：');
    expect(text).not.toContain('编者释义');
    expect(text).toContain('*来自用户术语表*');
  });

  it('a superseded formulation says so, with its last year and successor', () => {
    const text = describeEntry(entry('十三五'), 'zh', history);
    expect(text).toContain('\n\n已不是现行提法：政府工作报告最后见于 2021 年，现用“十四五”\n\n政府工作报告：2015 年首次出现，2015–2021 年 16 次（6 份报告，2016 年最多，6 次），2021 年后未再出现；党代会报告（十八大、二十大）未出现');
    expect(describeEntry(entry('十三五'), 'en', history)).toContain('No longer a current formulation: last in the 2021 government work report; now “十四五”');
  });

  it('names reports readably', () => {
    expect(documentTitle('national/gwr-1985.txt', 'zh')).toBe('1985 年政府工作报告');
    expect(documentTitle('national/cpc-18.txt', 'zh')).toBe('党的十八大报告');
    expect(documentTitle('national/cpc-20.txt', 'en')).toBe('Report to the 20th CPC National Congress');
    // the compilations the glossary cites, named instead of their hashed file names; an unknown file as it is
    expect(documentTitle('002_8dfe99efc033ddf8.txt', 'zh')).toBe('2024 年国务院及各省区市政府工作报告汇编');
    expect(documentTitle('002_8dfe99efc033ddf8.txt', 'en')).toBe('the 2024 government work reports of the State Council and the provinces (a compilation)');
    expect(documentTitle('national/resolution-10.txt', 'en')).toBe('the NPC resolution on the 2016 Government Work Report');
    expect(documentTitle('notes/other.txt', 'en')).toBe('notes/other.txt');
    expect([9, 10, 18, 20, 21].map(congressName)).toEqual(['九大', '十大', '十八大', '二十大', '二十一大']);
  });
});
