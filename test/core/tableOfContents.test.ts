import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/core/outline/outline';
import { findTableOfContents } from '../../server/src/core/outline/tableOfContents';
import { tocMismatchRule } from '../../server/src/core/rules/tocMismatch';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

const BOOKLET = fs.readFileSync(path.join(__dirname, '../fixtures/booklets/booklet-study.txt'), 'utf8');

function tocFindings(text: string) {
  const paragraphs = splitParagraphs(text);
  const facts = { text, paragraphs, outline: buildOutline(text, paragraphs, { markdown: false, leadItems: false }) } as unknown as DocumentFacts;
  return tocMismatchRule.checkDocument!(facts, {}).map((finding) => ({ ...finding, text: text.slice(finding.span.start, finding.span.end) }));
}

describe('table of contents of the study booklet', () => {
  const toc = findTableOfContents(splitParagraphs(BOOKLET))!;

  it('reads the entries: wording without number, leader dots and page; (1)… as sub-entries', () => {
    expect(toc.headerLine + 1).toBe(6);
    expect(toc.entries.map((entry) => [entry.line + 1, entry.level, entry.text, entry.page])).toEqual([
      [8, 1, '习近平在湖南考察时强调 坚持改革创新 求真务实 奋力谱写中国式现代化湖南篇章', 1],
      [9, 1, '习近平主持召开新时代推动中部地区崛起座谈会强调 在更高起点上扎实推动中部地区崛起', 4],
      [10, 1, '政府工作报告', 7],
      [11, 2, '2023年工作回顾', 7],
      [12, 2, '2024年经济社会发展总体要求和政策取向', 10],
      [13, 2, '2024年政府工作任务', 12],
      [14, 1, '毛伟明主持省政府党组会议：牢记领袖嘱托 感恩担当奋进 奋力谱写中国式现代化湖南篇章', 20],
      [15, 1, '中华人民共和国保守国家秘密法', 22],
    ]);
    for (const entry of toc.entries) expect(BOOKLET.slice(entry.span.start, entry.span.end)).toBe(entry.text);
  });

  it('finds each entry in the body: titles over several lines, parts by their wording without 一、', () => {
    expect(toc.matches.map((match) => match && [match.lines.map((line) => line + 1), match.exact])).toEqual([
      [[17, 18, 19], true],
      [[29, 30, 31], true],
      [[43], true],
      [[51], true],
      [[59], true],
      [[63], true],
      [[75, 76], false],
      undefined,
    ]);
  });

  it('reports the entry that differs in wording and the one that names no article', () => {
    const findings = tocFindings(BOOKLET);
    expect(findings.map(({ messageId, args, text }) => ({ messageId, args, text }))).toEqual([
      {
        messageId: 'differs',
        args: { line: 75, title: '毛伟明主持省政府党组会议 牢记领袖嘱托 感恩担当奋进 奋力书写中国式现代化湖南篇章' },
        text: '毛伟明主持省政府党组会议：牢记领袖嘱托 感恩担当奋进 奋力谱写中国式现代化湖南篇章',
      },
      { messageId: 'missing', args: {}, text: '中华人民共和国保守国家秘密法' },
    ]);
    expect(findings[0].fix).toBeUndefined();
  });

  it('is silent when the 目录 agrees with the text', () => {
    const agreeing = BOOKLET.replace('奋力书写', '奋力谱写').replace(/\n5\.中华人民共和国保守国家秘密法[^\n]*/, '');
    expect(tocFindings(agreeing)).toEqual([]);
  });

  it('joins an entry wrapped over two lines of the 目录 and accepts ….. leaders and a tab', () => {
    const text = [
      '目 录',
      '一、关于加快发展新质生产力',
      '    的若干意见……………………3',
      '二、附件\t9',
      '',
      '关于加快发展新质生产力的若干意见',
      '为深入贯彻落实党的二十大精神，加快发展新质生产力，推动高质量发展，现提出如下意见。',
      '附件',
      '重点任务分工方案如下，请各地区各部门结合实际认真贯彻落实，确保各项任务落到实处。',
    ].join('\n');
    const found = findTableOfContents(splitParagraphs(text))!;
    expect(found.entries.map((entry) => [entry.line, entry.level, entry.text, entry.page])).toEqual([
      [1, 1, '关于加快发展新质生产力的若干意见', 3],
      [3, 1, '附件', 9],
    ]);
    expect(found.matches.map((match) => match?.lines)).toEqual([[5], [7]]);
    expect(tocFindings(text)).toEqual([]);
  });

  it('needs a 目录 line and at least two entries', () => {
    expect(findTableOfContents(splitParagraphs('政府工作报告\n各位代表：\n一、回顾……3'))).toBeUndefined();
    expect(findTableOfContents(splitParagraphs('目录\n一、回顾……3\n正文。'))).toBeUndefined();
    expect(findTableOfContents(splitParagraphs(''))).toBeUndefined();
  });

  it('survives bad input: a 1 MB line, lone surrogates, supplementary-plane characters', () => {
    const huge = `目录\n一、甲……1\n二、乙……2\n${'长'.repeat(1_000_000)}\n甲\n乙`;
    const found = findTableOfContents(splitParagraphs(huge))!;
    expect(found.matches.map((match) => match?.lines)).toEqual([[4], [5]]);
    const odd = '目录\n\uD800𠀀……1\n😀节……2\n\n\uD800𠀀\n正文。\n😀节\n正文。';
    const toc2 = findTableOfContents(splitParagraphs(odd))!;
    expect(toc2.entries.map((entry) => odd.slice(entry.span.start, entry.span.end))).toEqual(['\uD800𠀀', '😀节']);
    expect(toc2.matches.map((match) => match?.lines)).toEqual([[4], [6]]);
    expect(tocFindings(odd)).toEqual([]);
  });
});

describe('the 目录 of a single law or plan', () => {
  it('links its chapters but keeps them chapters of one document', () => {
    const text = [
      '中华人民共和国某某法',
      '目  录',
      '第一章 总则……………………1',
      '第二章 附则……………………5',
      '',
      '第一章 总则',
      '第一条 为了规范某某工作，制定本法。',
      '第二章 附则',
      '第二条 本法自公布之日起施行。',
    ].join('\n');
    const paragraphs = splitParagraphs(text);
    expect(findTableOfContents(paragraphs)!.matches.map((match) => match?.lines)).toEqual([[5], [7]]);
    const outline = buildOutline(text, paragraphs, { markdown: false, leadItems: false });
    expect(outline.map((node) => [node.kind, node.name, node.children.map((child) => child.kind)])).toEqual([
      ['document', '中华人民共和国某某法', ['chapter', 'chapter']],
    ]);
    expect(tocFindings(text)).toEqual([]);
  });
});
