import { describe, expect, it } from 'vitest';
import { findingRows, findingsCsv } from '../../server/src/core/docx/findingsTable';
import { docxMarkdown } from '../../server/src/core/docx/markdown';
import type { DocxContent, DocxOrigin, DocxParagraph } from '../../server/src/core/docx/model';
import { buildDocxOutline } from '../../server/src/core/docx/outline';
import { docxPlace, docxPolicyText, originLabel, originLabelLocalized } from '../../server/src/core/docx/policyText';
import type { OutlineNode } from '../../server/src/core/outline/types';
import { checkNumbering } from '../../server/src/core/rules/numbering';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

let counter = 0;
const body = (text: string, level?: number): DocxParagraph => ({ text, origin: { kind: 'body', paragraph: ++counter }, ...(level !== undefined ? { level } : {}) });
const cell = (text: string, table: number, row: number, c: number): DocxParagraph => ({ text, origin: { kind: 'table', paragraph: ++counter, table, row, cell: c } });
const note = (text: string, n: number, paragraph = 1): DocxParagraph => ({ text, origin: { kind: 'footnote', note: n, paragraph } });
const content = (...paragraphs: DocxParagraph[]): DocxContent => {
  counter = 0;
  return { paragraphs, warnings: [] };
};

function outline(doc: DocxContent): OutlineNode[] {
  const docx = docxPolicyText(doc);
  return buildDocxOutline(docx.text, splitParagraphs(docx.text), docx, { markdown: false, leadItems: false });
}

const tree = (nodes: readonly OutlineNode[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.kind, n.name, tree(n.children)] : [n.kind, n.name]));

describe('the policy text of a Word document', () => {
  it('is one line per paragraph, a manual line break starting a line of the same paragraph, notes after a blank line', () => {
    counter = 0;
    const docx = docxPolicyText({ paragraphs: [body('标题', 1), body('第一行\n第二行'), cell('格\r子', 1, 1, 1), note('注释。', 1)], warnings: [] });
    expect(docx.text).toBe('标题\n第一行\n第二行\n格 子\n\n注释。');
    expect(docx.lines).toEqual([
      { origin: { kind: 'body', paragraph: 1 }, column: 0, level: 1 },
      { origin: { kind: 'body', paragraph: 2 }, column: 0 },
      { origin: { kind: 'body', paragraph: 2 }, column: 4 },
      { origin: { kind: 'table', paragraph: 3, table: 1, row: 1, cell: 1 }, column: 0 },
      { column: 0 },
      { origin: { kind: 'footnote', note: 1, paragraph: 1 }, column: 0 },
    ]);
  });

  it('places a finding by paragraph and column in Word, with literal text around it', () => {
    counter = 0;
    const docx = docxPolicyText({ paragraphs: [body('前言\n加快发展新质生产率，推动高质量发展取得新成效。')], warnings: [] });
    expect(docxPlace(docx, '加快发展新质生产率，推动高质量发展取得新成效。', 1, 4, 9)).toEqual({
      origin: { kind: 'body', paragraph: 1 },
      column: 3 + 4 + 1,
      excerpt: '加快发展新质生产率，推动高质量发展',
    });
    expect(docxPlace(docx, '', 5, 0)).toBeUndefined();
  });

  it('never cuts a surrogate pair in an excerpt', () => {
    counter = 0;
    const line = '𠀀𠀀𠀀𠀀𠀀错字𠀀𠀀𠀀𠀀𠀀';
    const docx = docxPolicyText({ paragraphs: [body(line)], warnings: [] });
    // 8 code units of context would start and end inside a 𠀀: the excerpt widens to whole characters.
    const excerpt = docxPlace(docx, line, 0, 11, 13)!.excerpt;
    expect(excerpt).toBe('𠀀𠀀𠀀𠀀错字𠀀𠀀𠀀𠀀𠀀');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(excerpt)).toBe(false);
  });

  it('labels places for machines and for people', () => {
    const origins: DocxOrigin[] = [
      { kind: 'body', paragraph: 12 },
      { kind: 'table', paragraph: 40, table: 1, row: 2, cell: 3 },
      { kind: 'footnote', note: 1, paragraph: 1 },
      { kind: 'endnote', note: 2, paragraph: 3 },
    ];
    expect(origins.map(originLabel)).toEqual(['¶12', '¶40 table 1 row 2 cell 3', 'footnote 1', 'endnote 2 ¶3']);
    expect(origins.map((o) => originLabelLocalized(o, 'zh'))).toEqual(['第12段', '第40段（表1第2行第3格）', '脚注1', '尾注2第3段']);
  });
});

describe('the outline of a Word document', () => {
  it('merges style levels with text numbering and still finds a numbering gap under Word headings', () => {
    const doc = content(
      body('关于推进工作的报告', 0),
      body('一、总体要求', 1),
      body('（一）指导思想', 2),
      body('正文。'),
      body('（三）主要目标', 2),
      body('1.稳增长。正文。'),
      body('附件说明', 1),
      body('二、重点任务', 1),
    );
    const nodes = outline(doc);
    expect(tree(nodes)).toEqual([
      [
        'document',
        '关于推进工作的报告',
        [
          ['part', '一、总体要求', [['section', '（一）指导思想'], ['section', '（三）主要目标', [['item', '1.稳增长']]]]],
          ['styled', '附件说明'],
          ['part', '二、重点任务'],
        ],
      ],
    ]);
    const text = docxPolicyText(doc).text;
    expect(checkNumbering(text, nodes).map((f) => [f.messageId, text.slice(f.span.start, f.span.end)])).toEqual([['skipped', '（三）']]);
  });

  it('gives an unstyled numbered heading the level of its styled kin, so a gap among them is a gap', () => {
    const doc = content(body('一、总体要求', 1), body('正文。'), body('二、重点任务'), body('正文。'), body('四、保障措施', 1));
    const nodes = outline(doc);
    expect(tree(nodes)).toEqual([
      ['part', '一、总体要求'],
      ['part', '二、重点任务'],
      ['part', '四、保障措施'],
    ]);
    const text = docxPolicyText(doc).text;
    expect(checkNumbering(text, nodes).map((f) => f.args)).toEqual([{ expected: '三', found: '四' }]);
  });

  it('takes no headings from table cells or notes, and none from empty styled paragraphs', () => {
    const doc = content(body('一、总体要求', 1), cell('一、指标', 1, 1, 1), cell('三、目标', 1, 1, 2), body('', 2), body('正文。'), note('二、注释', 1));
    expect(tree(outline(doc))).toEqual([['part', '一、总体要求']]);
  });

  it('nests Heading 3 directly under Heading 1 when Heading 2 is missing, and plain numbering under both', () => {
    const doc = content(body('总则', 1), body('细则', 3), body('（一）第一项。内容。'), body('（二）第二项。内容。'), body('附则', 1));
    expect(tree(outline(doc))).toEqual([
      ['styled', '总则', [['styled', '细则', [['section', '（一）第一项'], ['section', '（二）第二项']]]]],
      ['styled', '附则'],
    ]);
  });
});

describe('Word documents as .policy.md and as a findings table', () => {
  it('writes headings as Markdown headings, tables as pipe tables and notes as footnotes', () => {
    const doc = content(
      body('关于推进工作的报告', 0),
      body('一、总体要求', 1),
      { text: '正文甲。', origin: { kind: 'body', paragraph: 3 }, notes: [{ offset: 3, kind: 'footnote', note: 1 }] },
      body('# 不是标题'),
      cell('指标', 1, 1, 1),
      cell('目标', 1, 1, 2),
      cell('增长', 1, 2, 1),
      cell('5%|左右', 1, 2, 2),
      cell('（预期）', 1, 2, 2),
      body('（一）指导思想', 2),
      note('见报告。', 1),
    );
    expect(docxMarkdown(doc)).toBe(
      [
        '# 关于推进工作的报告',
        '',
        '## 一、总体要求',
        '',
        '正文甲[^1]。',
        '',
        '\\# 不是标题',
        '',
        '| 指标 | 目标 |\n| --- | --- |\n| 增长 | 5%\\|左右<br>（预期） |',
        '',
        '### （一）指导思想',
        '',
        '[^1]: 见报告。',
        '',
      ].join('\n'),
    );
  });

  it('exports findings as CSV with a byte order mark, localized headers and places, quoted fields', () => {
    const doc = content(body('一、总体要求'), cell('增长5%,稳中有进', 1, 2, 2), note('=1+1,见报告', 1));
    const docx = docxPolicyText(doc);
    const comma = docx.text.indexOf(',');
    const findings = [
      { code: 'punctuation.width', messageId: 'halfWidth', span: { start: comma, end: comma + 1 }, args: {}, fix: [{ span: { start: comma, end: comma + 1 }, newText: '，' }] },
      { code: 'quote.mismatch', messageId: 'x', span: { start: docx.text.indexOf('=1'), end: docx.text.indexOf('=1') + 2 }, args: {} },
    ];
    const rows = findingRows(docx.text, docx, findings, (f) => `说明 "${f.code}"`, 'zh');
    expect(rows).toEqual([
      { paragraph: '第2段（表1第2行第2格）', excerpt: '增长5%,稳中有进', rule: 'punctuation.width', message: '说明 "punctuation.width"', suggestion: '“,” → “，”' },
      { paragraph: '脚注1', excerpt: '=1+1,见报告', rule: 'quote.mismatch', message: '说明 "quote.mismatch"', suggestion: '' },
    ]);
    expect(findingsCsv(rows, 'zh')).toBe(
      '\uFEFF"段落","摘录","规则","问题","修改建议"\r\n' +
        '"第2段（表1第2行第2格）","增长5%,稳中有进","punctuation.width","说明 ""punctuation.width""","“,” → “，”"\r\n' +
        '"脚注1","\'=1+1,见报告","quote.mismatch","说明 ""quote.mismatch""",""\r\n',
    );
    expect(findingsCsv([], 'en')).toBe('\uFEFF"paragraph","excerpt","rule","message","suggestion"\r\n');
  });
});
