import { describe, expect, it } from 'vitest';
import { punctuationPairsRule } from '../../../../server/src/core/rules/punctuation/pairs';
import { check } from '../../../helpers/proofreading';

describe('punctuation.pairs', () => {
  it('finds marks left open or closed without an opening within a paragraph', () => {
    expect(check(punctuationPairsRule, '他说：“要坚持稳中求进。\n\n会议指出，改革）开放不停步。\n\n学习《纲要》和《决定。')).toEqual([
      ['unclosed', '“', null],
      ['unopened', '）', null],
      ['unclosed', '《', null],
    ]);
    // gwr-1986 line 18 of the national corpus: an opening double and a closing single quotation mark.
    expect(check(punctuationPairsRule, '而“六五’时期的年平均增长速度比这两个时期都高。')).toEqual([
      ['unclosed', '“', null],
      ['unopened', '’', null],
    ]);
  });

  it('accepts a quotation over several paragraphs: each opens with “, only the last closes', () => {
    expect(check(punctuationPairsRule, '“第一段引文。\n“第二段引文。\n“第三段引文。”')).toEqual([]);
    // …but not a last paragraph that never closes.
    expect(check(punctuationPairsRule, '“第一段引文。\n“第二段引文。\n\n以下是正文。\n再一段。\n又一段。\n最后一段。')).toEqual([['unclosed', '“', null]]);
  });

  it('accepts a quoted article over several paragraphs whose first “ follows an introduction (amendments of laws)', () => {
    // 刑法修正案 item 五: only the last paragraph closes.
    expect(check(punctuationPairsRule, '五、将刑法第一百八十一条修改为：“编造并且传播虚假信息的，处五年以下有期徒刑。\n\n“从业人员故意提供虚假信息的，处五年以下有期徒刑。\n\n“单位犯前两款罪的，对单位判处罚金。”')).toEqual([]);
    // 刑法修正案（十）: the introduction ends with a half-width colon.
    expect(check(punctuationPairsRule, '将该条修改为:\n\n“在公共场合，故意侮辱国旗的，处三年以下有期徒刑。\n\n“在公共场合，故意篡改国歌的，依照前款的规定处罚。”')).toEqual([]);
  });

  it('accepts a quotation whose inner paragraphs leave out the repeated “ (a quoted list of items)', () => {
    const items = '（一）甲项；\n\n（二）乙项；\n\n（三）丙项；\n\n（四）丁项；\n\n（五）戊项';
    // 司法解释 amending decisions: the ” ends the last item.
    expect(check(punctuationPairsRule, `将第六条修改为：“有下列情形之一的，人民法院应予支持：\n\n${items}。”`)).toEqual([]);
    expect(check(punctuationPairsRule, `“下列事项之一，人民法院应当认定：\n\n${items}”。`)).toEqual([]);
    // 刑法修正案 item 六: the last paragraph, quoted to its end, closes the quotation.
    expect(check(punctuationPairsRule, `六、将刑法第一百八十二条修改为：“有下列情形之一的，处五年以下有期徒刑：\n\n${items}。\n\n“单位犯前款罪的，对单位判处罚金。”`)).toEqual([]);
  });

  it('still reports a quotation left open when what follows does not close it', () => {
    const between = '一。\n\n二。\n\n三。\n\n四。';
    // A ” inside a later paragraph, not at its end.
    expect(check(punctuationPairsRule, `他说：“要坚持。\n\n${between}\n\n所谓”稳”字。`)).toEqual([
      ['unclosed', '“', null],
      ['unopened', '”', null],
      ['unopened', '”', null],
    ]);
    // A later paragraph that only opens with a quoted term.
    expect(check(punctuationPairsRule, `他说：“要坚持。\n\n${between}\n\n“一带一路”建设取得进展。`)).toEqual([['unclosed', '“', null]]);
    // Another quotation opened in between: the far ” is the later one's, the first stays open — and neither
    // introduces items (no colon ends its paragraph), so the far ” closes nothing either.
    expect(check(punctuationPairsRule, `他说：“要坚持。\n\n${between}\n\n她说：“要发展。\n\n${between}\n\n结束。”`)).toEqual([
      ['unclosed', '“', null],
      ['unclosed', '“', null],
      ['unopened', '”', null],
    ]);
    expect(check(punctuationPairsRule, `他说：“要坚持：\n\n${between}\n\n她说：“要发展以下各项：\n\n${between}\n\n结束。”`)).toEqual([['unclosed', '“', null]]);
    // Left open in a sentence that introduces nothing: a quotation far below closes nothing (a reviewer's example).
    const six = '一。\n\n二。\n\n三。\n\n四。\n\n五。\n\n六。';
    expect(check(punctuationPairsRule, `我们要深入践行“绿水青山就是金山银山理念，持续推进生态文明建设。\n\n${six}\n\n“青山一道同云雨，明月何曾是两乡。”`)).toEqual([['unclosed', '“', null]]);
    // Too far away (more than 40 paragraphs).
    const far = Array.from({ length: 45 }, (_, i) => `第${i}段。`).join('\n\n');
    expect(check(punctuationPairsRule, `他说：“要坚持。\n\n${far}\n\n结束。”`)).toEqual([
      ['unclosed', '“', null],
      ['unopened', '”', null],
    ]);
  });

  it('accepts a legislative history note typeset over several lines; reports one that lost its opening bracket', () => {
    const history = ['2005年12月29日上海市第十二届人民代表大会常务委员会第二十五次会议通过', '根据2010年9月17日上海市第十三届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》修正', '根据2015年7月23日上海市第十四届人民代表大会常务委员会第二十二次会议《关于修改本市部分地方性法规的决定》修正', '根据2018年12月20日上海市第十五届人民代表大会常务委员会第八次会议《关于修改本市部分地方性法规的决定》修正'].join('\n\n');
    expect(check(punctuationPairsRule, `上海市某某条例\n\n（${history}）\n\n第一条 为了规范管理，制定本条例。`)).toEqual([]);
    // The LawRefBook copies of local regulations dropped the （ and kept the ）: unbalanced as the text stands.
    expect(check(punctuationPairsRule, `上海市某某条例\n\n${history}）\n\n第一条 为了规范管理，制定本条例。`)).toEqual([['unopened', '）', null]]);
  });

  it('accepts a line broken inside a quotation (web pages, PDF copies)', () => {
    expect(check(punctuationPairsRule, '高度勉励湖南“着力打造国家重要先进制\n\n造业高地、具有核心竞争力的科技创新\n\n高地”。长沙市……')).toEqual([]);
    expect(check(punctuationPairsRule, '根据《\n中华人民共和国著作权法\n》第五条')).toEqual([]);
  });

  it('leaves balanced text, list markers and apostrophes alone', () => {
    for (const control of ['他说：“好。”（见附件）《纲要》【注】', '1）第一项内容。', 'a) 第一项', 'China’s growth', '办好“中国’99昆明世界园艺博览会”。', '“‘三农’问题”']) {
      expect(check(punctuationPairsRule, control), control).toEqual([]);
    }
  });
});
