import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPastedText, isPageNumberLine } from '../../server/src/core/format/cleanPastedText';
import { fixtureLines } from '../helpers/analyzeText';

/** What must survive a clean-up: everything but white space and page-number lines. */
const content = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .filter((line) => !isPageNumberLine(line))
    .join('')
    .replace(/\s+/gu, '');

const PAPER = fixtureLines('000_a487f46611498c32.txt').join('\n');

describe('cleanPastedText', () => {
  it('joins lines a PDF broke inside sentences, keeps paragraph ends', () => {
    const pasted = ['各地要坚持新兴产业和传统产业融合发展，以技改和', '数字化为抓手，推动传统产业向高端化、智', '能化、绿色化迈进，方能做到稳中求进。', '要以深化改革为动力。加快发展新质生产力，', '有助于我们赢得战略主动。'].join('\n');
    expect(cleanPastedText(pasted)).toBe(
      '各地要坚持新兴产业和传统产业融合发展，以技改和数字化为抓手，推动传统产业向高端化、智能化、绿色化迈进，方能做到稳中求进。\n要以深化改革为动力。加快发展新质生产力，有助于我们赢得战略主动。',
    );
  });

  it('removes spaces between Chinese characters and next to figures in prose', () => {
    expect(cleanPastedText('因 地 制 宜 发 展 新 质 生 产 力 ，落 子 在“实”。')).toBe('因地制宜发展新质生产力，落子在“实”。');
    expect(cleanPastedText('国内生产总值超过 126 万亿元，增长 5.2%，2023 年居世界前列。')).toBe('国内生产总值超过126万亿元，增长5.2%，2023年居世界前列。');
    expect(cleanPastedText('国产大飞机 C919 投入商业运营，Policy Lens 很好用。')).toBe('国产大飞机C919投入商业运营，Policy Lens很好用。');
  });

  it('drops page-number lines, also between the two halves of a broken sentence', () => {
    const pasted = ['推动消费从疫情后恢复转向持续扩大，培育壮大新型消费，实施数字消费、绿色', '', '- 12 -', '', '消费、健康消费促进政策。', '第 13 页 共 40 页', '— 14 —'].join('\n');
    expect(cleanPastedText(pasted)).toBe('推动消费从疫情后恢复转向持续扩大，培育壮大新型消费，实施数字消费、绿色消费、健康消费促进政策。');
    for (const line of ['12', ' - 12 - ', '— 3 —', '第3页', '第 3 页，共 10 页', '3/10', 'Page 7']) expect(isPageNumberLine(line), line).toBe(true);
    for (const line of ['2024', '126万亿元', '第三条', '一、', '1.39万亿斤']) expect(isPageNumberLine(line), line).toBe(false);
  });

  it('leaves headings, list items, bylines, titles and blank-line paragraph breaks alone', () => {
    const text = [
      '政府工作报告',
      '省长 王浩',
      '一、2023年工作回顾',
      '过去一年，是全面贯彻党的二十大精神的开局之年，是本届政府依法履职的第',
      '一年。面对异常复杂的国际环境和艰巨繁重的改革发展稳定任务，我们顶住压',
      '力、克服困难，经济回升向好。',
      '（一）着力扩大国内需求',
      '——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世',
      '界主要经济体前列。',
      '• 第一项',
      '• 第二项',
      '',
      '第一章 总  则',
      '打造“好品山东 商行天下”品牌，叫响“好客山东 好品山东”。',
    ].join('\n');
    expect(cleanPastedText(text).split('\n')).toEqual([
      '政府工作报告',
      '省长 王浩',
      '一、2023年工作回顾',
      '过去一年，是全面贯彻党的二十大精神的开局之年，是本届政府依法履职的第一年。面对异常复杂的国际环境和艰巨繁重的改革发展稳定任务，我们顶住压力、克服困难，经济回升向好。',
      '（一）着力扩大国内需求',
      '——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。',
      '• 第一项',
      '• 第二项',
      '',
      '第一章 总  则',
      '打造“好品山东 商行天下”品牌，叫响“好客山东 好品山东”。',
    ]);
  });

  it('does not join anything in text that already has one paragraph per line', () => {
    for (const name of ['002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt']) {
      const text = fixtureLines(name).join('\n');
      const cleaned = cleanPastedText(text);
      expect(cleaned.split('\n')).toHaveLength(text.split('\n').length);
      expect(content(cleaned)).toBe(content(text));
    }
  });

  it('keeps line-break style, indentation and the final line break', () => {
    expect(cleanPastedText('　　因 地 制 宜，发展新质生产力。\r\n\r\n第二段。\r\n')).toBe('　　因地制宜，发展新质生产力。\r\n\r\n第二段。\r\n');
    expect(cleanPastedText('')).toBe('');
    expect(cleanPastedText('\n\n')).toBe('\n\n');
  });

  it('turns the newspaper page of the corpus (000) into paragraphs', () => {
    const cleaned = cleanPastedText(PAPER);
    const lines = cleaned.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeLessThan(200);
    expect(lines[0]).toBe(' “要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。”今年全国两会期间，习近平总书记的重要讲话为各地发展新质生产力指明了方向。');
    expect(lines).toContain('政府工作报告');
    expect(lines).toContain('——2024年3月5日在第十四届全国人民代表大会第二次会议上');
    expect(lines).toContain('国务院总理 李 强');
    expect(lines).toContain('一、2023年工作回顾');
    expect(lines.find((l) => l.startsWith('——现代化产业体系建设取得重要进展。'))).toBeDefined();
    expect(content(cleaned)).toBe(content(PAPER));
    expect(cleanPastedText(cleaned)).toBe(cleaned);
  });

  it('never loses a character: only white space and page-number lines go (property)', () => {
    const piece = fc.constantFrom(
      '因', '地', '制', '宜', '发展', '。', '，', '、', '“', '”', '：', '2023', ' ', '  ', '\u3000', '\t', '\n', '\n\n', '\r\n',
      '- 12 -', '\n3\n', '\n第 4 页\n', '一、', '（一）', '——', '1.', '• ', '# ', 'Policy', 'Lens', '𠀀', '年', '%',
    );
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const output = cleanPastedText(input);
        expect(content(output)).toBe(content(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('never loses a character of real lines broken at random widths (property)', () => {
    const paragraphs = PAPER.split('\n').filter((l) => l.trim() !== '').slice(0, 120);
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.boolean(), fc.integer({ min: 0, max: 100 }), (width, doubleSpaced, start) => {
        const source = paragraphs.slice(start, start + 20).join('');
        const broken: string[] = [];
        for (let i = 0; i < source.length; i += width) {
          broken.push(source.slice(i, i + width));
          if (i % (width * 7) === 0) broken.push(`- ${i} -`);
        }
        const input = broken.join(doubleSpaced ? '\n\n' : '\n');
        const output = cleanPastedText(input);
        expect(content(output)).toBe(content(input));
        expect(output.split('\n').length).toBeLessThanOrEqual(input.split('\n').length);
      }),
      { numRuns: 200 },
    );
  });
});
