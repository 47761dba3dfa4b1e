import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/core/outline/outline';
import type { OutlineOptions } from '../../server/src/core/outline/types';
import { checkNumbering, numberingRule } from '../../server/src/core/rules/numbering';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import type { Finding, TextEdit } from '../../server/src/core/types';

function check(text: string, options: OutlineOptions = { markdown: false, leadItems: true }): Finding[] {
  return checkNumbering(text, buildOutline(text, splitParagraphs(text), options));
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
}

/** The span of the `occurrence`-th (0-based) `needle` in `text`. */
function spanOf(text: string, needle: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  return { start: at, end: at + needle.length };
}

describe('numberingRule metadata', () => {
  it('describes the rule and every message in both languages', () => {
    expect(numberingRule.id).toBe('outline.numbering');
    expect(numberingRule.defaultSeverity).toBe('warning');
    expect(numberingRule.needsTokens).toBe(false);
    for (const id of ['skipped', 'duplicate', 'bracketWidth', 'punctuation', 'levelOrder']) {
      expect(numberingRule.messages[id].en).toMatch(/\{\w+\}/);
      expect(numberingRule.messages[id].zh).toMatch(/\{\w+\}/);
    }
  });

  it('runs as a document check on the outline it is given', () => {
    const text = '一、甲\n二、乙\n四、丙';
    const outline = buildOutline(text, splitParagraphs(text), { markdown: false, leadItems: false });
    // The rule reads only the text and the outline of the document facts.
    const facts = { text, paragraphs: splitParagraphs(text), outline } as unknown as DocumentFacts;
    expect(numberingRule.checkDocument!(facts, {})).toEqual(checkNumbering(text, outline));
  });
});

describe('skipped numbers', () => {
  it('renumbers the rest of a run of standalone headings', () => {
    const text = '一、甲\n正文。\n二、乙\n正文。\n四、丙\n正文。\n五、丁\n正文。';
    const findings = check(text);
    expect(findings).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'skipped',
        span: spanOf(text, '四、'),
        args: { expected: '三', found: '四' },
        related: [spanOf(text, '二、')],
        fix: [
          { span: spanOf(text, '四、'), newText: '三、' },
          { span: spanOf(text, '五、'), newText: '四、' },
        ],
      },
    ]);
    expect(applyEdits(text, findings[0].fix!)).toBe('一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n四、丁\n正文。');
  });

  it('reports a run that does not start at one', () => {
    const text = '（二）甲\n正文。\n（三）乙\n正文。';
    const [finding] = check(text);
    expect(finding).toMatchObject({ messageId: 'skipped', span: spanOf(text, '（二）'), args: { expected: '一', found: '二' } });
    expect(applyEdits(text, finding.fix!)).toBe('（一）甲\n正文。\n（二）乙\n正文。');
  });

  it('offers no fix for inline headings: the marker may be missing instead (Hubei)', () => {
    const text = [
      '（一）聚焦创新。正文。',
      '（二）聚焦产业。正文。',
      '（三）聚焦需求。正文。',
      '聚焦改革开放。正文。',
      '（五）聚焦区域。正文。',
      '（六）聚焦乡村。正文。',
    ].join('\n');
    expect(check(text)).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'skipped',
        span: spanOf(text, '（五）'),
        args: { expected: '四', found: '五' },
        related: [spanOf(text, '（三）')],
      },
    ]);
  });

  it('offers no fix when a short unnumbered line in the gap may be the unmarked heading', () => {
    const text = '（一）甲\n正文。\n（二）乙\n正文。\n丙项工作\n正文。\n（四）丁\n正文。';
    const [finding] = check(text);
    expect(finding).toMatchObject({ messageId: 'skipped', args: { expected: '三', found: '四' } });
    expect(finding.fix).toBeUndefined();
  });

  it('writes expected and found in the marker numeral system', () => {
    const text = '1.甲\n2.乙\n4.丙\n①子\n③丑';
    expect(check(text).map((finding) => [finding.messageId, finding.args])).toEqual([
      ['skipped', { expected: '3', found: '4' }],
      ['skipped', { expected: '②', found: '③' }],
    ]);
  });
});

describe('duplicate numbers', () => {
  it('reports a repeated number without a fix when the intent is unclear', () => {
    const text = '一、甲\n二、乙\n二、丙\n三、丁';
    expect(check(text)).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'duplicate',
        span: spanOf(text, '二、', 1),
        args: { number: '二' },
        related: [spanOf(text, '二、', 0)],
      },
    ]);
  });

  it('fixes a repeated number when the next heading continues after it', () => {
    const text = '（一）甲\n（二）乙\n（二）丙\n（四）丁';
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'duplicate', span: spanOf(text, '（二）', 1), fix: [{ span: spanOf(text, '（二）', 1), newText: '（三）' }] });
    expect(applyEdits(text, findings[0].fix!)).toBe('（一）甲\n（二）乙\n（三）丙\n（四）丁');
  });

  it('reports an article number that goes backwards (articles run through the whole law)', () => {
    const text = '某某条例\n第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 附则\n第一条 丙。';
    const withTitle = `前言。\n${text}`;
    const [finding] = check(withTitle);
    expect(finding).toMatchObject({ messageId: 'duplicate', span: spanOf(withTitle, '第一条', 1), args: { number: '一' } });
  });
});

describe('numbering restarts', () => {
  it('restarts per document, per part, under unnumbered parts and for each lead enumeration', () => {
    const text = [
      '1.甲省政府工作报告',
      '一、回顾',
      '（一）甲。正文。',
      '（二）乙。正文。',
      '一是丙。二是丁。',
      '二、安排',
      '（一）戊。正文。',
      '一是己。',
      '二是庚。',
      '（二）辛。正文。',
      '一是壬。',
      '一是癸。',
      '2.乙省政府工作报告',
      '各位代表：',
      '现在，我代表省人民政府，向大会报告工作，请予审议。',
      '2023年工作回顾',
      '过去一年，我们坚持稳中求进，推动经济回升向好，取得了来之不易的成绩，全省生产总值增长6%。',
      '（一）甲。正文。',
      '加强政府自身建设',
      '面对推进高质量发展的新任务新要求，我们要坚定拥护“两个确立”，坚决做到“两个维护”。',
      '（一）乙。正文。',
      '（二）丙。正文。',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('numbers articles and chapters of a law through the whole law, list items per article', () => {
    const text = ['前言。', '中华人民共和国某某法', '第一章 总则', '第一条 甲：', '（一）子；', '（二）丑。', '第二条 乙：', '（一）寅；', '第二章 附则', '第三条 丙。'].join('\n');
    expect(check(text)).toEqual([]);
  });
});

describe('style consistency', () => {
  it('flags the minority bracket width with a fix to the majority', () => {
    const text = '（一）甲\n（二）乙\n(三)丙\n（四）丁';
    const findings = check(text);
    expect(findings).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'bracketWidth',
        span: spanOf(text, '(三)'),
        args: { found: '(三)', expected: '（三）' },
        fix: [{ span: spanOf(text, '(三)'), newText: '（三）' }],
      },
    ]);
    expect(applyEdits(text, findings[0].fix!)).toBe('（一）甲\n（二）乙\n（三）丙\n（四）丁');
  });

  it('flags a mismatched pair of brackets and leaves a tie alone', () => {
    const mixed = '(1)甲\n(2)乙\n（3)丙';
    expect(check(mixed).map((finding) => [finding.messageId, finding.args])).toEqual([['bracketWidth', { found: '（3)', expected: '(3)' }]]);
    expect(check('（一）甲\n(二)乙')).toEqual([]);
  });

  it('flags `1、` in a document that otherwise uses `1.`', () => {
    const text = '一、总体\n1.甲\n2.乙\n3、丙\n二、任务\n1.丁';
    const findings = check(text);
    expect(findings).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'punctuation',
        span: spanOf(text, '3、'),
        args: { found: '3、', expected: '3.' },
        fix: [{ span: spanOf(text, '3、'), newText: '3.' }],
      },
    ]);
    expect(applyEdits(text, findings[0].fix!)).toBe('一、总体\n1.甲\n2.乙\n3.丙\n二、任务\n1.丁');
  });

  it('accepts a document that uses `1、` throughout (Zhejiang)', () => {
    expect(check('（一）平安浙江\n1、医疗卫生。正文。\n2、教育助学。正文。')).toEqual([]);
  });

  it('checks style per document of a compilation', () => {
    const text = '1.甲报告\n（一）子\n（二）丑\n2.乙报告\n(一)寅\n(二)卯';
    expect(check(text)).toEqual([]);
  });
});

describe('level order', () => {
  it('flags a higher level after a lower one under the same parent', () => {
    const text = '一、总体\n1.甲\n2.乙\n（一）丙\n正文。';
    expect(check(text)).toEqual([
      {
        code: 'outline.numbering',
        messageId: 'levelOrder',
        span: spanOf(text, '（一）'),
        args: { found: '（一）', previous: '2.' },
        related: [spanOf(text, '2.')],
      },
    ]);
  });

  it('allows skipping levels downwards (`1.` right under `一、`) and leads before sections', () => {
    expect(check('一、总体\n1.甲\n2.乙\n二、任务\n（1）丙\n（2）丁\n三、保障\n——经济向好。\n（一）戊。正文。')).toEqual([]);
  });
});

describe('excerpts of a compilation', () => {
  it('accept a file that starts at report 2, but still report a gap between reports', () => {
    const body = '各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n';
    const excerpt = `2.北京市政府工作报告\n${body}3.天津市政府工作报告\n${body}`;
    expect(checkNumbering(excerpt, buildOutline(excerpt, splitParagraphs(excerpt), { markdown: false, leadItems: false }))).toEqual([]);
    const gap = `2.北京市政府工作报告\n${body}4.河北省政府工作报告\n${body}`;
    const findings = checkNumbering(gap, buildOutline(gap, splitParagraphs(gap), { markdown: false, leadItems: false }));
    expect(findings.map((f) => [f.messageId, f.args])).toEqual([['skipped', { expected: '3', found: '4' }]]);
  });
});
