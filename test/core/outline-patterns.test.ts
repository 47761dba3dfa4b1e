import { describe, expect, it } from 'vitest';
import { classifyLine, type HeadingLine } from '../../server/src/core/outline/headingPatterns';

function headingOf(line: string): HeadingLine {
  const candidate = classifyLine(line);
  if (candidate?.type !== 'heading') throw new Error(`not a heading: ${line} → ${JSON.stringify(candidate)}`);
  return candidate;
}

/** The family, marker value/text/style and name of a heading line. */
function describeHeading(line: string) {
  const heading = headingOf(line);
  return {
    family: heading.family,
    value: heading.marker?.value,
    marker: heading.marker?.text,
    style: heading.marker?.style,
    name: line.slice(heading.start, heading.nameEnd),
    standalone: heading.standalone,
  };
}

describe('classifyLine: numbered headings', () => {
  it.each([
    ['一、2023年工作回顾', 'cjk-dun', 1, '一、', 'comma', '一、2023年工作回顾', true],
    ['十二．加强政府自身建设', 'cjk-dun', 12, '十二．', 'fullwidth-dot', '十二．加强政府自身建设', true],
    ['三、三大攻坚战', 'cjk-dun', 3, '三、', 'comma', '三、三大攻坚战', true],
    ['（一）持续提升首都功能，推动京津冀协同发展取得新的更大进展', 'cjk-paren', 1, '（一）', 'fullwidth-paren', '（一）持续提升首都功能，推动京津冀协同发展取得新的更大进展', true],
    ['（十一）加快构建大安全大应急框架', 'cjk-paren', 11, '（十一）', 'fullwidth-paren', '（十一）加快构建大安全大应急框架', true],
    ['(二)半角括号的标题', 'cjk-paren', 2, '(二)', 'halfwidth-paren', '(二)半角括号的标题', true],
    ['（三)括号不配对', 'cjk-paren', 3, '（三)', 'mixed-paren', '（三)括号不配对', true],
    ['1.医疗卫生', 'arabic-dot', 1, '1.', 'dot', '1.医疗卫生', true],
    ['2．教育助学', 'arabic-dot', 2, '2．', 'fullwidth-dot', '2．教育助学', true],
    ['10、除险保安。完成病险山塘整治450座。', 'arabic-dot', 10, '10、', 'comma', '10、除险保安', false],
    ['3. 半角点后有空格', 'arabic-dot', 3, '3.', 'dot', '3. 半角点后有空格', true],
    ['（1）新建改扩建幼儿园', 'arabic-paren', 1, '（1）', 'fullwidth-paren', '（1）新建改扩建幼儿园', true],
    ['(12)半角', 'arabic-paren', 12, '(12)', 'halfwidth-paren', '(12)半角', true],
    ['①建成100所公办幼儿园。', 'circled', 1, '①', 'circled', '①建成100所公办幼儿园', false],
    ['第一编 总则', 'bian', 1, '第一编', 'ordinal', '第一编 总则', true],
    [' 第一章 总  则', 'chapter', 1, '第一章', 'ordinal', '第一章 总  则', true],
    ['第二节 定密', 'jie', 2, '第二节', 'ordinal', '第二节 定密', true],
    ['第十三条 下列涉及国家安全和利益的事项，应当确定为国家秘密：', 'article', 13, '第十三条', 'ordinal', '第十三条', false],
    ['第三十四条网络运营者应当加强对其用户发布的信息的管理。', 'article', 34, '第三十四条', 'ordinal', '第三十四条', false],
    ['一是加大宏观调控力度，推动经济运行持续好转。针对严峻挑战……', 'lead-shi', 1, '一是', 'lead', '一是加大宏观调控力度，推动经济运行持续好转', false],
    ['十一是统筹发展和安全，有效防范化解各类风险。', 'lead-shi', 11, '十一是', 'lead', '十一是统筹发展和安全，有效防范化解各类风险', false],
    ['三要建设更高水平的法治政府。深入学习贯彻……', 'lead-yao', 3, '三要', 'lead', '三要建设更高水平的法治政府', false],
    ['——经济总体回升向好。国内生产总值超过126万亿元。', 'lead-dash', undefined, undefined, undefined, '——经济总体回升向好', false],
  ])('%s', (line, family, value, marker, style, name, standalone) => {
    expect(describeHeading(line)).toEqual({ family, value, marker, style, name, standalone });
  });

  it('names an inline heading by its first sentence, without the 。', () => {
    const line = '（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用，以科技创新推动产业创新。';
    expect(describeHeading(line).name).toBe('（一）大力推进现代化产业体系建设，加快发展新质生产力');
  });

  it('stops the first sentence after quotes only at the real 。', () => {
    const line = '（一）准确把握“必须把坚持高质量发展作为新时代的硬道理”的重要要求，推动经济实现质的有效提升。坚持……';
    expect(describeHeading(line).name).toBe('（一）准确把握“必须把坚持高质量发展作为新时代的硬道理”的重要要求，推动经济实现质的有效提升');
  });

  it('drops the ； of a law list item from its name', () => {
    expect(describeHeading('（一）国家事务重大决策中的秘密事项；').name).toBe('（一）国家事务重大决策中的秘密事项');
  });

  it('skips leading full-width and ASCII spaces', () => {
    const heading = headingOf('\u3000\u3000（二）标题');
    expect(heading.start).toBe(2);
    expect(heading.marker).toMatchObject({ start: 2, end: 5 });
  });

  it('recognises compilation titles `N.xxx报告`', () => {
    expect(classifyLine(' 1.政府工作报告')).toMatchObject({ type: 'title', certain: true, start: 1, marker: { value: 1, text: '1.' } });
    expect(classifyLine('32.新疆维吾尔自治区政府工作报告')).toMatchObject({ type: 'title', certain: true, marker: { value: 32 } });
  });

  it('marks standalone document-type lines as uncertain titles (the neighbours decide)', () => {
    expect(classifyLine('2024年湖南省政府工作报告')).toMatchObject({ type: 'title', certain: false });
    expect(classifyLine(' 2024年《政府工作报告》')).toMatchObject({ type: 'title', certain: false, start: 1 });
    expect(classifyLine('中华人民共和国保守国家秘密法')).toMatchObject({ type: 'title', certain: false });
  });

  it('describes short plain lines for the outline builder', () => {
    expect(classifyLine('2023年工作回顾')).toEqual({ type: 'plain', start: 0, end: 9, partLike: true, hasBreak: false });
    expect(classifyLine('习近平在湖南考察时强调 坚持改革创新')).toMatchObject({ type: 'plain', partLike: false, hasBreak: true });
    expect(classifyLine('国务院总理 李强')).toMatchObject({ type: 'plain', partLike: false, hasBreak: true });
  });

  it('recognises Markdown headings', () => {
    expect(classifyLine('## 一、总体要求 ##')).toEqual({ type: 'markdown', level: 2, start: 0, nameStart: 3, end: 9 });
    expect(classifyLine('#话题#')).toMatchObject({ type: 'plain' });
  });
});

describe('classifyLine: not headings', () => {
  it.each([
    ['table-of-contents line with dot leaders', '1.全国政协……·····\t1'],
    ['table-of-contents line with a tab', '一、总则\t3'],
    ['wrapped number 2.2 万亿元', '2.2 万亿元，增发 1 万亿元国债支持灾后'],
    ['wrapped percentage', '32.01%。开展湿地保护法执法检查。新增'],
    ['a year with a full stop', '2024.全年目标'],
    ['a month list', '1、2月份工业增加值增长7%。'],
    ['date line', '——2024年3月5日在第十四届全国人民代表大会第二次会议上'],
    ['date line with one dash', '—2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上'],
    ['date line with a space', '—— 2024年1月23日在天津市第十八届人民代表大会第二次会议上'],
    ['date line with spaced numbers', '——2024 年 3 月 5 日在第十四届'],
    ['salutation', '各位代表：'],
    ['running text with （福）', '昌厦（福）、长昌（九）等线路加快建设。'],
    ['a revision note in brackets', '（1988年9月5日第七届全国人民代表大会常务委员会第三次会议通过）'],
    ['a continuation marker', '（下转第二版）'],
    ['a bare marker', '（三）'],
    ['prose starting with 第一', '第一，坚持稳中求进。'],
    ['a long line that starts like a chapter', '第一章节的内容很长，并且有标点。'],
    ['blank', '   \u3000 '],
    ['a numeral list in prose', '一、二线城市房地产市场总体平稳。'],
    ['a numeral list of quarters', '一、二季度经济增速回落。'],
    ['a date under a signature', '2024年1月5日'],
    ['a date in Chinese numerals', '二〇二四年一月五日'],
    ['ordinary prose', '现在，我代表国务院，向大会报告政府工作，请予审议。'],
  ])('%s', (_label, line) => {
    const type = classifyLine(line)?.type;
    expect(type === 'heading' || type === 'title' || type === 'markdown', `${line} → ${type}`).toBe(false);
  });

  it('does not treat bylines or continuation markers as titles', () => {
    expect(classifyLine('省长 王浩')?.type).toBe('plain');
    expect(classifyLine('□ 金观平')?.type).toBe('plain');
  });
});
