import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/core/outline/outline';
import { classifyLine } from '../../server/src/core/outline/headingPatterns';
import type { OutlineNode, OutlineOptions } from '../../server/src/core/outline/types';
import { flattenOutline, headingsAt } from '../../server/src/core/outline/walk';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

const REPORT: OutlineOptions = { markdown: false, leadItems: false };
const WITH_LEADS: OutlineOptions = { markdown: false, leadItems: true };

function build(text: string, options: OutlineOptions = REPORT): OutlineNode[] {
  return buildOutline(text, splitParagraphs(text), options);
}

/** `kind depth name` per node, pre-order. */
function shape(nodes: readonly OutlineNode[]): string[] {
  return flattenOutline(nodes).map((node) => `${node.kind} ${node.depth} ${node.name}`);
}

function spanText(text: string, node: OutlineNode): string {
  return text.slice(node.span.start, node.span.end);
}

const SMALL_REPORT = [
  '1.某省政府工作报告', // 0
  '', // 1
  '——2024年1月21日在某省第十四届人民代表大会第二次会议上', // 2
  '', // 3
  '省长 某某', // 4
  '', // 5
  '各位代表：', // 6
  '', // 7
  '一、2023年工作回顾', // 8
  '', // 9
  '过去一年，我们做了大量工作。', // 10
  '', // 11
  '（一）经济运行回升向好。全年生产总值增长5%。', // 12
  '', // 13
  '（二）创新能力明显提升。研发投入强度突破2%。', // 14
  '', // 15
  '二、2024年重点工作', // 16
  '', // 17
  '（一）提升创新能级', // 18
  '', // 19
  '1.建设实验室。加快建设。', // 20
  '', // 21
  '（1）第一个小项', // 22
  '', // 23
  '（2）第二个小项', // 24
  '', // 25
  '2.培育企业。', // 26
  '', // 27
  '（二）构建产业体系', // 28
  '', // 29
  '推进新型工业化。', // 30
  '', // 31
  '', // 32
].join('\n');

describe('buildOutline: tree and spans', () => {
  const outline = build(SMALL_REPORT);

  it('nests the GB/T 9704 levels under a compilation title', () => {
    expect(shape(outline)).toEqual([
      'document 1 1.某省政府工作报告',
      'part 2 一、2023年工作回顾',
      'section 3 （一）经济运行回升向好',
      'section 3 （二）创新能力明显提升',
      'part 2 二、2024年重点工作',
      'section 3 （一）提升创新能级',
      'item 4 1.建设实验室',
      'subitem 5 （1）第一个小项',
      'subitem 5 （2）第二个小项',
      'item 4 2.培育企业',
      'section 3 （二）构建产业体系',
    ]);
  });

  it('ends a section at the last non-blank line before the next heading of the same or a higher level', () => {
    const [document] = outline;
    const [part1, part2] = document.children;
    expect(spanText(SMALL_REPORT, part1.children[0])).toBe('（一）经济运行回升向好。全年生产总值增长5%。');
    expect(spanText(SMALL_REPORT, part1)).toBe(SMALL_REPORT.split('\n').slice(8, 15).join('\n'));
    expect(spanText(SMALL_REPORT, part2.children[0])).toBe(SMALL_REPORT.split('\n').slice(18, 27).join('\n'));
    // The last heading of the document runs to its last non-blank line; trailing blank lines are left out.
    expect(spanText(SMALL_REPORT, part2.children[1])).toBe('（二）构建产业体系\n\n推进新型工业化。');
    expect(document.span).toEqual({ start: 0, end: SMALL_REPORT.indexOf('推进新型工业化。') + '推进新型工业化。'.length });
  });

  it('selects the inline heading sentence and the marker', () => {
    const section = outline[0].children[0].children[0];
    expect(SMALL_REPORT.slice(section.selectionSpan.start, section.selectionSpan.end)).toBe('（一）经济运行回升向好');
    expect(section.number).toEqual({
      value: 1,
      text: '（一）',
      style: 'fullwidth-paren',
      span: { start: section.selectionSpan.start, end: section.selectionSpan.start + 3 },
    });
    expect(section.line).toBe(12);
  });

  it('gives breadcrumbs for an offset', () => {
    const offset = SMALL_REPORT.indexOf('第二个小项');
    expect(headingsAt(outline, offset).map((node) => node.name)).toEqual([
      '1.某省政府工作报告',
      '二、2024年重点工作',
      '（一）提升创新能级',
      '1.建设实验室',
      '（2）第二个小项',
    ]);
  });

  it('keeps UTF-16 offsets with astral characters (𠀀, emoji) before a heading', () => {
    const prefix = '𠀀😀说明文字。\n';
    const text = prefix + '一、标题𠀀\n正文。\n（一）小节😀。正文。\n';
    const [part] = build(text);
    expect(part.span.start).toBe(prefix.length);
    expect(prefix.length).toBe(10); // 𠀀 and 😀 are two code units each
    expect(text.slice(part.selectionSpan.start, part.selectionSpan.end)).toBe('一、标题𠀀');
    const [section] = part.children;
    expect(text.slice(section.selectionSpan.start, section.selectionSpan.end)).toBe('（一）小节😀');
    expect(text.slice(part.span.start, part.span.end)).toBe('一、标题𠀀\n正文。\n（一）小节😀。正文。');
  });

  it('handles \\r\\n line breaks', () => {
    const text = '一、甲\r\n正文。\r\n二、乙\r\n正文。';
    const parts = build(text);
    expect(parts.map((part) => spanText(text, part))).toEqual(['一、甲\r\n正文。', '二、乙\r\n正文。']);
  });

  it('returns nothing for empty or heading-free text', () => {
    expect(build('')).toEqual([]);
    expect(build('只有正文。\n\n还是正文。')).toEqual([]);
  });

  it('accepts a caching classifier', () => {
    const seen: string[] = [];
    const outlineWithCache = buildOutline(SMALL_REPORT, splitParagraphs(SMALL_REPORT), REPORT, (line) => {
      seen.push(line);
      return classifyLine(line);
    });
    expect(shape(outlineWithCache)).toEqual(shape(outline));
    expect(seen).not.toContain(''); // blank lines are not classified
  });
});

describe('buildOutline: lead items', () => {
  const text = ['一、工作回顾', '——经济回升。增长5%。', '——民生改善。', '一是加大调控力度。出台政策。', '二是深化改革。', '（一）某项工作。正文。', '一是第一点。', '二是第二点。'].join('\n');

  it('are outline entries only when options.leadItems', () => {
    expect(shape(build(text))).toEqual(['part 1 一、工作回顾', 'section 2 （一）某项工作']);
    expect(shape(build(text, WITH_LEADS))).toEqual([
      'part 1 一、工作回顾',
      'lead 2 ——经济回升',
      'lead 2 ——民生改善',
      'lead 2 一是加大调控力度',
      'lead 2 二是深化改革',
      'section 2 （一）某项工作',
      'lead 3 一是第一点',
      'lead 3 二是第二点',
    ]);
  });

  it('end at the next lead or heading', () => {
    const [part] = build(text, WITH_LEADS);
    expect(spanText(text, part.children[3])).toBe('二是深化改革。');
    expect(spanText(text, part.children[4].children[1])).toBe('二是第二点。');
  });
});

describe('buildOutline: laws', () => {
  const law = [
    '中华人民共和国某某法',
    '（2024年2月27日第十四届全国人民代表大会常务委员会第八次会议修订）',
    '第一章 总  则',
    '第一条 为了……，制定本法。',
    '第二条 下列事项属于本法所称事项：',
    '（一）第一类事项；',
    '（二）第二类事项。',
    '前款规定的事项，由国务院规定。',
    '第三条 另一条。',
    '第二章 附  则',
    '第四条 本法自2024年5月1日起施行。',
  ].join('\n');

  it('makes enumerations inside an article list items of that article', () => {
    expect(shape(build(law))).toEqual([
      'document 1 中华人民共和国某某法',
      'chapter 2 第一章 总  则',
      'article 3 第一条',
      'article 3 第二条',
      'listItem 4 （一）第一类事项',
      'listItem 4 （二）第二类事项',
      'article 3 第三条',
      'chapter 2 第二章 附  则',
      'article 3 第四条',
    ]);
  });

  it('gives list items their own line as span and articles the whole article', () => {
    const article2 = build(law)[0].children[0].children[1];
    expect(spanText(law, article2.children[1])).toBe('（二）第二类事项。');
    expect(spanText(law, article2)).toBe('第二条 下列事项属于本法所称事项：\n（一）第一类事项；\n（二）第二类事项。\n前款规定的事项，由国务院规定。');
    expect(law.slice(article2.selectionSpan.start, article2.selectionSpan.end)).toBe('第二条');
  });
});

describe('buildOutline: titles and unnumbered parts', () => {
  it('reads standalone document titles and newspaper headlines, joining headline lines with a space', () => {
    const text = [
      '2024年某省政府工作报告',
      '1月24日上午，某省第十四届人民代表大会第二次会议开幕。省长作政府工作报告。',
      '一、过去一年工作回顾',
      '正文。',
      '',
      '某某在某地考察时强调',
      '',
      '坚持改革创新 奋力谱写新篇章',
      '',
      '中共中央总书记、国家主席、中央军委主席某某近日在某地考察，他强调，要坚持改革创新，求真务实。',
    ].join('\n');
    expect(shape(build(text))).toEqual([
      'document 1 2024年某省政府工作报告',
      'part 2 一、过去一年工作回顾',
      'document 1 某某在某地考察时强调 坚持改革创新 奋力谱写新篇章',
    ]);
    const headline = build(text)[1];
    expect(text.slice(headline.selectionSpan.start, headline.selectionSpan.end)).toBe('某某在某地考察时强调\n\n坚持改革创新 奋力谱写新篇章');
  });

  it('takes no sentence broken before 是： for a headline (Guangdong 2026 as published online)', () => {
    const text = [
      '一、2025年工作回顾',
      '正文。',
      '二、“十五五”时期的主要目标和重点任务',
      '“十五五”时期我省经济社会发展的指导思想是：坚持稳中求进。',
      '“十五五”时期经济社会发展的',
      '主要目标',
      '是：地区生产总值年均增长5%左右，高质量发展取得显著成效，科技自立自强水平大幅提高。',
      '三、2026年工作安排',
      '正文。',
    ].join('\n');
    expect(shape(build(text))).toEqual(['part 1 一、2025年工作回顾', 'part 1 二、“十五五”时期的主要目标和重点任务', 'part 1 三、2026年工作安排']);
  });

  it('finds unnumbered parts only in a titled document without numbered parts', () => {
    const sichuan = [
      '24.某省政府工作报告',
      '省长 某某',
      '各位代表：',
      '现在，我代表省人民政府，向大会报告工作，请予审议。',
      '2023年工作回顾',
      '过去一年，我们坚持稳中求进，推动经济回升向好，取得了来之不易的成绩，全省生产总值增长6%。',
      '2024年工作安排',
      '今年是实现“十四五”规划目标任务的关键一年，要着力推动高质量发展，重点抓好以下工作。',
      '（一）推动经济增长。正文。',
    ].join('\n');
    expect(shape(build(sichuan))).toEqual([
      'document 1 24.某省政府工作报告',
      'part 2 2023年工作回顾',
      'part 2 2024年工作安排',
      'section 3 （一）推动经济增长',
    ]);
    // The same short lines in a document that numbers its parts stay body text.
    const numbered = sichuan.replace('（一）推动经济增长。正文。', '一、加强政府自身建设\n正文。');
    expect(shape(build(numbered))).toEqual(['document 1 24.某省政府工作报告', 'part 2 一、加强政府自身建设']);
    // Without a document title nothing vouches for them either.
    expect(shape(build(sichuan.split('\n').slice(1).join('\n')))).toEqual(['section 1 （一）推动经济增长']);
  });

  it('joins a numbered heading wrapped over two lines', () => {
    const text = ['一、2023年工作回顾', '正文。', '二、2024年工作', '', '总体要求和预期目标', '', '今年是中华人民共和国成立75周年。', '三、2024年重点工作'].join('\n');
    const parts = build(text);
    expect(shape(parts)).toEqual(['part 1 一、2023年工作回顾', 'part 1 二、2024年工作总体要求和预期目标', 'part 1 三、2024年重点工作']);
    expect(text.slice(parts[1].selectionSpan.start, parts[1].selectionSpan.end)).toBe('二、2024年工作\n\n总体要求和预期目标');
    expect(parts[1].number?.text).toBe('二、');
  });
});

describe('buildOutline: Markdown', () => {
  const text = ['# 某某报告', '', '## 一、总体要求', '一、正文标题', '（一）小节。正文。', '## 二、重点任务 ##'].join('\n');

  it('recognises # headings only with options.markdown', () => {
    expect(shape(build(text))).toEqual(['part 1 一、正文标题', 'section 2 （一）小节']);
    expect(shape(build(text, { markdown: true, leadItems: false }))).toEqual([
      'markdown 1 某某报告',
      'markdown 2 一、总体要求',
      'part 3 一、正文标题',
      'section 4 （一）小节',
      'markdown 2 二、重点任务',
    ]);
    const last = build(text, { markdown: true, leadItems: false })[0].children[1];
    expect(text.slice(last.span.start, last.span.end)).toBe('## 二、重点任务 ##');
    expect(text.slice(last.selectionSpan.start, last.selectionSpan.end)).toBe('二、重点任务');
  });
});

describe('buildOutline: negative cases in context', () => {
  it('ignores table-of-contents lines, wrapped numbers and running-text brackets', () => {
    const text = [
      '目录',
      '1.全国政协……·····\t1',
      '2.政府工作报告……·····\t5',
      '国内生产总值超过126万亿元，新增地方政府专项债券',
      '2.2 万亿元，增发 1 万亿元国债支持灾后',
      '32.01%。开展湿地保护法执法检查。',
      '昌厦（福）、长昌（九）等线路加快建设。',
      '——2024年3月5日在第十四届全国人民代表大会第二次会议上',
      '各位代表：',
    ].join('\n');
    expect(build(text, WITH_LEADS)).toEqual([]);
  });
});

describe('compilations of newspaper articles (issue 13)', () => {
  const OPENING = '中共中央总书记、国家主席、中央军委主席习近平近日在湖南考察时强调，要坚持改革创新、求真务实，奋力谱写中国式现代化湖南篇章。';
  const PARAGRAPH = '会议指出，要锚定“三个高地”主攻方向持续用力，坚持以科技创新引领现代化产业体系建设，加快发展新质生产力。';

  it('never takes a source line for a title, also at the end of an article, and skips a dateline', () => {
    const text = [
      '习近平在湖南考察时强调',
      '坚持改革创新 求真务实',
      OPENING,
      '《人民日报》（2024年03月22日第01版）',
      '毛伟明主持省政府党组会议',
      '——牢记领袖嘱托 感恩担当奋进',
      '新华社长沙3月23日电',
      PARAGRAPH,
      '来源：湖南日报',
      '政府工作报告',
      '——2024年3月5日在第十四届全国人民代表大会第二次会议上',
      '各位代表：',
      '一、2023年工作回顾',
      PARAGRAPH,
      '二、2024年政府工作任务',
      PARAGRAPH,
      '《人民日报》（2024年03月13日第01版）',
    ].join('\n');
    expect(shape(build(text))).toEqual([
      'document 1 习近平在湖南考察时强调 坚持改革创新 求真务实',
      'document 1 毛伟明主持省政府党组会议 ——牢记领袖嘱托 感恩担当奋进',
      'document 1 政府工作报告',
      'part 2 一、2023年工作回顾',
      'part 2 二、2024年政府工作任务',
    ]);
  });

  it('classifies source lines', () => {
    for (const line of ['《人民日报》（2024年03月06日第01版）', '《人民日报》2024年3月6日', '——《求是》2024年第6期', '新华社北京3月5日电', '（来源：新华网）', '摘自《学习时报》']) {
      expect(classifyLine(line), line).toEqual({ type: 'source' });
    }
    expect(classifyLine('来源于群众')?.type).toBe('plain');
  });
});

describe('headings broken by the links of a web page (gwr-2006)', () => {
  it('joins the pieces of the heading into its name', () => {
    const text = '三、关于《\n国民经济和社会发展第十一个五年规划纲要（草案）\n》的说明\n\n下面，我就几个问题作简要说明。\n（一）“十一五”规划《\n纲要（草案）\n》的编制过程和主要特点\n正文。';
    const outline = build(text);
    expect(shape(outline)).toEqual(['part 1 三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明', 'section 2 （一）“十一五”规划《纲要（草案）》的编制过程和主要特点']);
    expect(outline[0].children[0].line).toBe(5);
  });
});
