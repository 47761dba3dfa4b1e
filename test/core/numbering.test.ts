import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/core/outline/outline';
import type { OutlineOptions } from '../../server/src/core/outline/types';
import { checkNumbering, numberingRule } from '../../server/src/core/rules/numbering';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import type { Finding, Paragraph, TextEdit } from '../../server/src/core/types';

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
    // The rule reads the text, the outline and the paragraphs (their quotation marks, memoised) of the document facts.
    const facts = { text, paragraphs: splitParagraphs(text), outline, memo: (_: string, p: Paragraph, compute: (p: Paragraph) => unknown) => compute(p) } as unknown as DocumentFacts;
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

  it('accepts sections numbered through the parts, as the State Council’s opinions number them', () => {
    // 国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见 (2018): （一）–（十八） across 一、–八、.
    const opinion = ['一、总体要求', '（一）指导思想。正文。', '（二）基本原则。正文。', '二、推动农机装备产业高质量发展', '（三）完善创新体系。正文。', '（四）推进转型升级。正文。', '三、保障措施', '（五）加强组织领导。正文。'].join('\n');
    expect(check(opinion)).toEqual([]);
    // A report that restarts its sections in a later part numbers per part: the one carried on is a gap (a reviewer's example).
    const mixed = ['一、2025年工作回顾', '（一）甲。', '（二）乙。', '（三）丙。', '二、2026年重点工作', '（四）大力提振消费。', '（五）戊。', '三、加强政府自身建设', '（一）己。', '（二）庚。'].join('\n');
    expect(check(mixed).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '一', found: '四' }]]);
    // A section that neither restarts nor carries on is still a gap.
    const gap = ['一、总体要求', '（一）指导思想。正文。', '（二）基本原则。正文。', '二、主要任务', '（四）完善创新体系。正文。'].join('\n');
    expect(check(gap).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '一', found: '四' }]]);
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

  it('flags a half-width bracket among full-width markers and leaves a tie alone', () => {
    const mixed = '（1）甲\n（2）乙\n（3)丙';
    expect(check(mixed).map((finding) => [finding.messageId, finding.args])).toEqual([['bracketWidth', { found: '（3)', expected: '（3）' }]]);
    expect(check('（一）甲\n(二)乙')).toEqual([]);
  });

  it('never asks for half-width brackets: among half-width markers the full-width ones are right (GB/T 9704)', () => {
    // 景宁畲族自治县水资源管理条例 as published online: (一) everywhere, （一） in one list.
    expect(check('(1)甲\n(2)乙\n（3）丙')).toEqual([]);
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

describe('real patterns that are not numbering errors (issue 13)', () => {
  it('ignores link fragments of a web page left on lines of their own (gwr-2017)', () => {
    const text = [
      '一、2016年工作回顾',
      '过去一年，我国发展面临国内外诸多矛盾叠加、风险隐患交汇的严峻挑战。我们在以习近平同志为核心的党中央坚强领导下，保持了经济社会持续健康发展。',
      '党的十八届六中全会',
      '正式明确',
      '习近平',
      '总书记的核心地位，体现了党和人民的根本利益。“',
      '十三五',
      '”实现了良好开局。',
      '二、2017年工作总体部署',
      '今年发展的主要预期目标是：国内生产总值增长6.5%左右。',
      '三、2017年重点工作任务',
      '（一）用改革的办法深入推进“三去一降一补”',
      '正文。',
    ].join('\n');
    const outline = buildOutline(text, splitParagraphs(text), { markdown: false, leadItems: false });
    expect(outline.map((node) => [node.kind, node.name])).toEqual([
      ['part', '一、2016年工作回顾'],
      ['part', '二、2017年工作总体部署'],
      ['part', '三、2017年重点工作任务'],
    ]);
    expect(check(text)).toEqual([]);
  });

  it('does not take `我国第一部《` / `国防法` / `》开始实施。` for a title (gwr-1998)', () => {
    const text = '一、关于过去五年的政府工作\n国防和军队现代化建设迈出新的步伐。\n我国第一部《\n国防法\n》开始实施。各级政府和广大人民群众积极支持国防建设，军政军民团结进一步加强。\n二、关于1998年政府工作的建议\n正文。';
    expect(check(text)).toEqual([]);
  });

  it('accepts lead items between parts, also when 一是 starts inside the paragraph before (gwr-2010)', () => {
    const standalone = '一、回顾\n正文。\n二、任务\n今年要抓好五件事。\n一是甲。\n二是乙。\n三是丙。\n四是丁。\n五是戊。\n三、保障\n正文。';
    const inline = '一、回顾\n正文。\n二、任务\n继续实施积极的财政政策。一是保持支出强度。\n二是结构性减税。\n三是优化支出结构。\n严格控制一般性支出。\n四是加强债务管理。\n继续实施适度宽松的货币政策。一是保持货币信贷合理充裕。\n二是优化信贷结构。\n三、保障\n正文。';
    for (const text of [standalone, inline]) {
      expect(check(text, { markdown: false, leadItems: true })).toEqual([]);
      expect(check(text, { markdown: false, leadItems: false })).toEqual([]);
    }
    // A lead item still may not skip: 三是 is missing here.
    const gap = '一、任务\n今年要抓好几件事。一是甲。\n二是乙。\n四是丁。';
    expect(check(gap).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '三', found: '四' }]]);
  });

  it('takes `20.2030年远景目标` and `21.3+1产业体系` as items 20 and 21, not as wrapped numbers', () => {
    const text = '二、任务\n19.城市更新：正文。\n20.2030年远景目标：正文。\n21.3+1产业体系：正文。\n22.开放合作：正文。';
    const outline = buildOutline(text, splitParagraphs(text), { markdown: false, leadItems: false });
    expect(outline[0].children.map((node) => node.name)).toEqual(['19.城市更新：正文', '20.2030年远景目标：正文', '21.3+1产业体系：正文', '22.开放合作：正文']);
    const items = Array.from({ length: 18 }, (_, i) => `${i + 1}.工作${i + 1}：正文。`).join('\n');
    expect(check(`一、总体\n正文。\n${text.replace('二、任务', `二、任务\n${items}`)}`)).toEqual([]);
    // Without item 1 before it, `2.2万亿元…` stays a wrapped number.
    const wrapped = '一、回顾\n1.扩大有效投资。全年新增专项债券\n2.2万亿元，增发国债。\n2.推进改革。';
    expect(check(wrapped)).toEqual([]);
  });

  it('reads a list numbered like the parts as a list of its own (gwr-1981, gwr-1986)', () => {
    const text = [
      '一、依靠政策和科学，加快农业的发展',
      '正文。',
      '二、有重点有步骤地进行技术改造',
      '进行技术改造要紧紧围绕提高经济效益，从以下几个方面进行：',
      '一、节约能源，节约原材料，降低消耗；',
      '二、改革产品结构，提高性能和质量；',
      '三、合理地利用资源，提高综合利用水平。',
      '正文。',
      '三、分批进行企业的全面整顿',
      '正文。',
    ].join('\n');
    expect(check(text)).toEqual([]);
    // Two levels both numbered 一、: the outer run resumes after the inner one.
    const twoLevels = '一、回顾\n正文。\n二、任务\n着重说明以下几个问题。\n一、甲\n二、乙\n三、丙\n三、改革\n正文。\n一、子\n二、丑\n四、外交\n正文。';
    expect(check(twoLevels)).toEqual([]);
  });

  it('returns to the level of （二） when 一、 parts were placed under it (gwr-1981)', () => {
    const text = '（一）当前的经济形势\n正文。\n（二）今后经济建设的方针\n正文。\n一、加快农业的发展\n正文。\n二、调整重工业的服务方向\n正文。\n（三）我国经济发展的前景\n正文。';
    const outline = buildOutline(text, splitParagraphs(text), { markdown: false, leadItems: false });
    expect(outline.map((node) => node.name)).toEqual(['（一）当前的经济形势', '（二）今后经济建设的方针', '一、加快农业的发展', '二、调整重工业的服务方向', '（三）我国经济发展的前景']);
    // The inverted levels are reported once; （三） continues （二）.
    expect(check(text).map((finding) => [finding.messageId, finding.args])).toEqual([['levelOrder', { found: '一、', previous: '（二）' }]]);
  });
});

describe('real gaps still fire', () => {
  it('reports a heading broken across lines (`（` / `三）…`) with a fix that joins the marker', () => {
    const text = '一、任务\n（一）甲\n正文。\n（二）乙\n正文。\n（\n三）加快建设现代化产业体系\n正文。\n（四）丁\n正文。';
    const outline = buildOutline(text, splitParagraphs(text), { markdown: false, leadItems: false });
    expect(outline[0].children.map((node) => [node.line, node.name])).toEqual([
      [1, '（一）甲'],
      [3, '（二）乙'],
      [5, '（三）加快建设现代化产业体系'],
      [8, '（四）丁'],
    ]);
    const span = { start: text.indexOf('（\n三）'), end: text.indexOf('（\n三）') + 4 };
    expect(check(text)).toEqual([
      { code: 'outline.numbering', messageId: 'brokenMarker', span, args: { marker: '（三）' }, fix: [{ span, newText: '（三）' }] },
    ]);
    expect(applyEdits(text, check(text)[0].fix!)).toContain('\n（三）加快建设现代化产业体系\n');
  });

  it('renumbers or rebrackets a broken marker without touching its line break (found by the fuzz run)', () => {
    const text = '一、任务\n（一）甲\n正文。\n（\r\n三）乙\n正文。\n（四）丙\n正文。\n（五）丁\n正文。\n(六)戊\n正文。';
    const findings = check(text);
    const byId = (id: string) => findings.find((f) => f.messageId === id)!;
    const broken = text.indexOf('（\r\n三）');
    expect(findings.map((f) => f.messageId).sort()).toEqual(['bracketWidth', 'brokenMarker', 'skipped']);
    expect(byId('brokenMarker').fix).toEqual([{ span: { start: broken, end: broken + 5 }, newText: '（三）' }]);
    // Renumbering edits the part after the break, and the later markers as before.
    expect(byId('skipped').fix![0]).toEqual({ span: { start: broken + 3, end: broken + 5 }, newText: '二）' });
    expect(applyEdits(text, byId('skipped').fix!)).toBe('一、任务\n（一）甲\n正文。\n（\r\n二）乙\n正文。\n（三）丙\n正文。\n（四）丁\n正文。\n(五)戊\n正文。');
    // No fix but the join spans the line break.
    for (const finding of findings.filter((f) => f.messageId !== 'brokenMarker')) {
      for (const edit of finding.fix ?? []) expect(text.slice(edit.span.start, edit.span.end)).not.toMatch(/[\r\n]/);
    }
  });

  it('rebrackets a broken marker by its opener alone', () => {
    const text = '一、任务\n（一）甲\n正文。\n（二）乙\n正文。\n(\n三）丙\n正文。';
    const rebracket = check(text).filter((f) => f.messageId === 'bracketWidth');
    const broken = text.indexOf('(\n三）');
    expect(rebracket.map((f) => f.fix)).toEqual([[{ span: { start: broken, end: broken + 1 }, newText: '（' }]]);
  });

  it('still reports a missing （四） among restarting lists and a gap after a resumed list', () => {
    const missing = '一、回顾\n正文。\n二、任务\n（一）甲\n（二）乙\n（三）丙\n（五）戊\n三、保障\n正文。';
    expect(check(missing).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '四', found: '五' }]]);
    const afterList = '一、回顾\n正文。\n二、任务\n从以下几个方面进行：\n一、甲；\n二、乙。\n四、保障\n正文。';
    expect(check(afterList).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '三', found: '四' }]]);
  });
});

/** `[messageId, found number]` of each finding, for the laws tests below. */
function summary(text: string): [string, string][] {
  return check(text, { markdown: false, leadItems: false }).map((finding) => [finding.messageId, text.slice(finding.span.start, finding.span.end)]);
}

describe('laws and regulations (unseen LawRefBook corpus)', () => {
  it('skips articles inserted by an amendment (刑法 第一百三十三条之一)', () => {
    const text = '第一百三十三条 甲。\n第一百三十三条之一 乙。\n第一百三十三条之二 丙。\n第一百三十四条 丁。\n第一百三十六条 戊。';
    expect(summary(text)).toEqual([['skipped', '第一百三十六条']]);
  });

  it('does not take a reference to an article for its heading (文物保护法: `第三十一条的决定》第一次修正`)', () => {
    const text = '《关于修改〈中华人民共和国文物保护法〉第三十条\n第三十一条的决定》第一次修正\n第一章 总则\n第一条 甲。\n第二条 乙。';
    expect(summary(text)).toEqual([]);
  });

  it('skips a chapter list without its 目录 line, and its last entry when it holds the first articles', () => {
    const listed = '北京中轴线文化遗产保护条例\n第一章 总 则\n第二章 附 则\n第一章 总 则\n第一条 甲。\n第二章 附 则\n第二条 乙。';
    expect(summary(listed)).toEqual([]);
    // 重庆市长江防护林体系管理条例: the body lost its `第一章`; the list's `第二章` holds 第一条. The real gap stays.
    const bodyLostChapterOne = '某某条例\n第一章 总 则\n第二章 附 则\n总 则\n第一条 甲。\n第二章 附 则\n第二条 乙。';
    expect(summary(bodyLostChapterOne)).toEqual([['skipped', '第二章']]);
  });

  it('restarts chapters in each 编 when the 编 starts at 第一章 (刑法), else runs them through (民事诉讼法)', () => {
    const perBook = '第一编 总则\n第一章 甲\n第一条 子。\n第二章 乙\n第二条 丑。\n第二编 分则\n第一章 丙\n第三条 寅。\n第二章 丁\n第四条 卯。';
    expect(summary(perBook)).toEqual([]);
    const through = '第一编 总则\n第一章 甲\n第一条 子。\n第二章 乙\n第二条 丑。\n第二编 审判程序\n第三章 丙\n第三条 寅。\n第五章 丁\n第四条 卯。';
    expect(summary(through)).toEqual([['skipped', '第五章']]);
  });

  it('lets a file start at any article (民法典 合同编, 宪法修正案, a case quoting one article), still reporting later gaps', () => {
    expect(summary('合同编\n第四百六十三条 甲。\n第四百六十四条 乙。')).toEqual([]);
    expect(summary('第十八条 甲。\n第十九条 乙。\n第二十一条 丙。')).toEqual([['skipped', '第二十一条']]);
    // A law whose chapters lost their numbers still misses 第一章 (山东省学生体质健康促进条例).
    expect(summary('某某条例\n第一条 甲。\n第二章 体育活动\n第二条 乙。')).toEqual([['skipped', '第二章']]);
  });

  it('skips the numbers of provisions a decision quotes over several lines', () => {
    const quoted = ['一、修改《某某解释》', '1.将第一条修改为：', '“甲有下列情形之一的：', '（一）子；', '（二）丑。”', '2.将第二条修改为：', '“乙。”'].join('\n');
    expect(summary(quoted)).toEqual([]);
    // Without the quotation marks `（一）` is a level above `1.` after it.
    expect(summary(quoted.replace(/[“”]/g, ''))).toEqual([['levelOrder', '（一）']]);
  });

  it('skips the provisions an amendment article introduces with 内容如下：, until its next article (宪法修正案 2018)', () => {
    const text = ['第五十一条 甲。', '第五十二条 宪法第三章中增加一节，作为第七节；增加二条。内容如下：', '第七节 监察委员会', '第一百二十三条 乙。', '第一百二十四条 丙。', '第五十三条 丁。'].join('\n');
    expect(summary(text)).toEqual([]);
  });

  it('takes no plan’s chapters for the chapter list of a regulation that follows it in a compilation (a reviewer’s example)', () => {
    // Two documents of a compilation (numbered titles): the first's chapters skip 第三章.
    const text = ['1.江西省国民经济和社会发展规划执行情况的报告', '第一章 发展环境', '正文。', '第二章 总体要求', '正文。', '第四章 创新驱动', '正文。', '2.江西省促进科技成果转化条例实施情况的报告', '第一章 总则', '第一条 为了促进科技成果转化，制定本条例。', '第二条 本条例适用于本省。'].join('\n');
    expect(check(text).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '三', found: '四' }]]);
  });

  it('ends the provisions introduced with 内容如下： at the next articles of the text itself (a reviewer’s example)', () => {
    const law = ['第一条 为了规范供水，制定本办法。', '第二条 本办法适用于本市。', '第三条 本市居民生活用水实行阶梯水价，具体内容如下：', '（一）第一阶梯用水量。', '（二）第二阶梯用水量。', '第五条 供水企业应当保障水质。', '第六条 本办法自公布之日起施行。'].join('\n');
    expect(check(law).map((finding) => [finding.messageId, finding.args])).toEqual([['skipped', { expected: '四', found: '五' }]]);
  });

  it('accepts items numbered on through the parts (执行工作若干问题的规定: 44. under 六、, 45. under 七、)', () => {
    expect(summary('一、甲\n1.子\n2.丑\n二、乙\n3.寅\n4.卯')).toEqual([]);
    // Crimes numbered several to a line (罪名的意见): the next part may start well above the last line-initial number.
    expect(summary('一、甲\n1.子 2.丑 3.寅\n二、乙\n4.卯 5.辰\n三、丙\n6.巳')).toEqual([]);
    // A list that starts below the last item is judged as before.
    expect(summary('一、甲\n1.子\n2.丑\n3.寅\n二、乙\n2.卯')).toEqual([['skipped', '2.']]);
  });

  it('counts item 1 on the line of its label (`附件：1.…` / `2.…`)', () => {
    expect(summary('第十三条 本规定自公布之日起施行。\n附件：1.人民法院司法建议书制作规范\n2.文书样式\n3.封面样式')).toEqual([]);
  });

  it('counts the items of a law article that share a line before the next one on its own line', () => {
    const text = '第三十七条 有下列情形之一的，依法给予处分：\n（一）子的； （二）丑的； （三）寅的；\n（四）卯的。\n第三十八条 乙。';
    expect(summary(text)).toEqual([]);
    const missing = '第三十七条 有下列情形之一的，依法给予处分：\n（一）子的； （二）丑的；\n（四）卯的。\n第三十八条 乙。';
    expect(summary(missing)).toEqual([['skipped', '（四）']]);
  });

  it('skips lines about items that open with a marker (`（一）至（三）项所列人员…`)', () => {
    const text = '第三十五条 下列人员：\n（一）子；\n（二）丑；\n（三）寅。\n（一）至（二）项所列人员，在工作单位登记。\n（三）项所列人员，在户籍所在地登记。\n第三十六条 乙。';
    expect(summary(text)).toEqual([]);
  });
});

describe('laws and regulations: section titles and wrapped labels', () => {
  it('skips a section title between two articles (担保制度的解释: `（二）不动产抵押` before 第四十六条)', () => {
    const text = '一、关于担保物权\n（一）一般规定\n第四十五条 有下列情形之一的：\n（一）子；\n（二）丑。\n债权人以诉讼方式行使担保物权。\n（二）不动产抵押\n第四十六条 甲。';
    expect(summary(text)).toEqual([]);
    // An item without its final punctuation before the next article is still an item.
    expect(summary('第四十五条 有下列情形之一的：\n（一）子；\n（三）丑\n第四十六条 甲。')).toEqual([['skipped', '（三）']]);
  });

  it('counts item 1 on its label line when it wraps (`附件：1.…（最高人民法` / `院…用）` / `2.…`)', () => {
    expect(summary('第六条 本解释自2021年4月1日起施行。\n附件：1.中华人民共和国最高人民法院决定书（最高人民法\n院决定由高级人民法院审查用）\n2.中华人民共和国最高人民法院通知书\n3.行政裁定书')).toEqual([]);
  });
});
