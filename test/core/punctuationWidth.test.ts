import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { punctuationWidthRule } from '../../server/src/core/rules/punctuationWidth';
import type { Finding } from '../../server/src/core/types';

const lines = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name), 'utf8').split('\n');
const COMPILATION = lines('002_8dfe99efc033ddf8.txt');
const NEWSPAPER = lines('000_a487f46611498c32.txt');
const LAW_AND_REPORTS = lines('004_aedbcdac15b26f45.txt');

function check(text: string, checkSpaces = true): Finding[] {
  return [...punctuationWidthRule.checkParagraph!({ paragraph: { line: 0, start: 0, end: text.length, text }, tokens: undefined, terms: [], ignored: new Set<string>() }, { checkSpaces })];
}

function applyFix(text: string, finding: Finding): string {
  let result = text;
  for (const edit of [...finding.fix!].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** [1-based line, messageId, flagged text] for every finding in a file. */
function findingsIn(fileLines: string[]): [number, string, string][] {
  return fileLines.flatMap((text, i) => check(text).map((f): [number, string, string] => [i + 1, f.messageId, text.slice(f.span.start, f.span.end)]));
}

describe('punctuation.width on real paragraphs', () => {
  it('finds exactly the half-width punctuation and stray spaces of the compilation', () => {
    // Read one by one: four half-width commas (two on line 2027, one after `11.9%`) and two exclamation marks in Chinese prose, and
    // spaces after full-width punctuation or before quotes left by typesetting. Spaces inside
    // two-part brand slogans (“好客山东 好品山东”) are deliberate and not flagged.
    expect(findingsIn(COMPILATION)).toEqual([
      [829, 'space', ' '],
      [845, 'halfWidth', '!'],
      [999, 'halfWidth', '!'],
      [1389, 'space', ' '],
      [2027, 'halfWidth', ','],
      [2027, 'halfWidth', ','],
      [2099, 'halfWidth', ','],
      [3703, 'space', ' '],
      [4207, 'space', ' '],
      [4475, 'space', ' '],
      [4547, 'space', ' '],
      [4749, 'space', ' '],
      [4749, 'space', ' '],
      [4751, 'space', ' '],
      [4753, 'space', ' '],
      [4821, 'space', ' '],
      [4857, 'space', ' '],
      [4885, 'space', ' '],
      [4945, 'halfWidth', ','],
    ]);
  });

  it('leaves the law alone: `第二条 国家秘密是…` and `第一章 总  则` are spaced on purpose', () => {
    expect(findingsIn(LAW_AND_REPORTS.slice(491))).toEqual([]);
  });

  it('leaves the space after an inserted article (第X条之一) and after markers of articles run on in one paragraph', () => {
    // 刑法 第一百二十条之五; 飞行基本规则 as published online, several articles in one paragraph.
    expect(check('第一百二十条之五 以暴力、胁迫等方式强制他人在公共场所穿着、佩戴宣扬恐怖主义、极端主义服饰、标志的，处三年以下有期徒刑。')).toEqual([]);
    const runOn = '第三条 国家对境内所有飞行实行统一的飞行管制。 第四条 国务院、中央军事委员会空中交通管制委员会领导全国的飞行管制工作。';
    const found = check(runOn);
    // The space before 第四条 is stray (the articles lost their line break); the one after it is the marker's.
    expect(found.map((f) => [f.messageId, f.span.start])).toEqual([['space', runOn.indexOf(' 第四条')]]);
    // A marker inside a sentence is no article: `依照第十条 规定` keeps its finding.
    expect(check('依照本法第十条 规定处理，并由有关部门依法追究责任，情节严重的依法处罚。').map((f) => f.messageId)).toEqual(['space']);
  });

  it('leaves the space between the two phrases of a title in 《》 alone, as of a slogan in “”', () => {
    expect(check('宋思涵以《别赶路 感受路》为题，分享了自己在基层实践中的成长与收获。')).toEqual([]);
    expect(check('宋思涵以别赶路 感受路为题，分享了自己在基层实践中的成长与收获。').map((f) => f.messageId)).toEqual(['space']);
    // A word of a title broken by a copy is still a stray space.
    expect(check('会议审议通过了《国民经济和社会发展第十五个五年规划 纲要》，并作出相应决议。').map((f) => f.messageId)).toEqual(['space']);
  });

  it('leaves alone a ? that stands for a lost character after a pause mark', () => {
    // Hunan 2026 as published online: the first character of a river's name lost.
    expect(check('水利领域，洞庭湖区重点垸堤防加固二期、?水灌区开工建设，大兴寨水库大坝封顶。')).toEqual([]);
    expect(check('这是为什么?我们要认真思考这个问题，找到解决办法。').map((f) => f.args.replacement)).toEqual(['？']);
  });

  it('reports a pair of half-width brackets around an item number as one finding with both fixes', () => {
    // 行政法规 as published online: `(四)出境定居的；`, `第(一)项`.
    const item = '(四)出境定居的；';
    const [finding, ...rest] = check(item);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ messageId: 'halfWidth', span: { start: 0, end: 3 }, args: { char: '(四)', replacement: '（四）' } });
    expect(applyFix(item, finding)).toBe('（四）出境定居的；');
    const cited = '有前款第(一)项、第(四)项规定情形的，由有关部门责令改正。';
    expect(check(cited).map((f) => cited.slice(f.span.start, f.span.end))).toEqual(['(一)', '(四)']);
    // Too far apart for an item number: each bracket on its own.
    const note = '对有关当事人(自然人或者法人以及其他组织的负责人)处以警告。';
    expect(check(note).map((f) => f.args.char)).toEqual(['(', ')']);
  });

  it('fixes a half-width comma in a real sentence', () => {
    const text = COMPILATION[2026];
    const [finding] = check(text);
    expect(finding).toMatchObject({ code: 'punctuation.width', messageId: 'halfWidth', args: { char: ',', replacement: '，' } });
    expect(applyFix(text, finding)).toBe(text.replace(',', '，'));
  });

  it('merges letter-spaced text into one finding whose fix removes every gap', () => {
    const text = NEWSPAPER[654];
    const found = check(text).filter((f) => f.messageId === 'letterSpaced');
    expect(found.length).toBe(2);
    expect(applyFix(text, found[1])).toContain('植树和场院绿化，村庄绿化覆盖率达');
  });

  it('flags `2023 年` in the newspaper page and fixes it to `2023年`', () => {
    const text = NEWSPAPER[638];
    const [finding] = check(text);
    expect(finding).toMatchObject({ messageId: 'numberUnitSpace', args: { unit: '年' } });
    expect(applyFix(text, finding)).toContain('截至 2023年底');
  });

  it('does not flag numbers, times, English and headings', () => {
    expect(check('会议于12:30召开，共有1,000人参加，涉及AI,5G等领域。这是一句足够长的测试句子。')).toEqual([]);
    expect(check('省长 王浩')).toEqual([]);
    expect(check('（一）大力推进现代化产业体系建设，加快发展新质生产力。')).toEqual([]);
  });

  it('flags half-width parentheses around Chinese and keeps UTF-16 offsets after 𠀀', () => {
    const found = check('𠀀推进(试点)工作，这是一句足够长的测试句子啊。');
    // One finding for the pair; its two edits at the brackets' UTF-16 offsets.
    expect(found.map((f) => [f.span.start, f.span.end, f.args.replacement])).toEqual([[4, 8, '（试点）']]);
    expect(found[0].fix!.map((edit) => [edit.span.start, edit.newText])).toEqual([
      [4, '（'],
      [7, '）'],
    ]);
  });

  it('can be told to ignore spaces', () => {
    expect(check(COMPILATION[3702], false)).toEqual([]);
  });
});

describe('punctuation.width on news credits (issue 21)', () => {
  const flagged = (text: string) => check(text).map((f) => [f.messageId, text.slice(f.span.start, f.span.end)]);

  it('leaves the spaces of datelines alone and still checks the article text after them', () => {
    expect(flagged('新华社北京3月5日电 记者张三 李四　3月5日上午，十四届全国人大二次会议在人民大会堂开幕。')).toEqual([]);
    expect(flagged('本报北京 3 月 12 日讯（记者黄俊毅）全国绿化委员会办公室12日发布公报，全国完成造林任务。')).toEqual([]);
    expect(flagged('新华社北京3月5日电 记者张三　会议强调，要因地 制宜发展新质生产力。')).toEqual([['space', ' ']]);
    // A dateline's source must be a news organisation: an ordinary sentence with a date keeps its check.
    expect(flagged('会议于3 月5日召开，要求各地区各部门认真贯彻落实。')).toEqual([['numberUnitSpace', ' ']]);
  });

  it('leaves bylines and photo credits alone', () => {
    expect(flagged('本报记者 柳 洁 李 景 钟华林 王金虎')).toEqual([]);
    expect(flagged('图为游客在北京天安门广场参观。新华社记者 李贺 摄')).toEqual([]);
    expect(flagged('图为游客在北京天安门广场参观。（本报记者 某某 摄）')).toEqual([]);
    expect(flagged('3月5日，代表们步入会场，准备参加开幕会。 张三 摄')).toEqual([]);
    // Spaces in the caption itself are still stray.
    expect(flagged('图为游客在北京 天安门广场参观。新华社记者 李贺 摄')).toEqual([['space', ' ']]);
  });

  it('leaves alone the photo credits of the 2026 provincial reports as their papers printed them', () => {
    // Any paper, the name touching 摄, a two-character name spaced out, a credit without 摄 closing the caption.
    expect(flagged('殷勇同志作政府工作报告。本报记者 戴冰摄')).toEqual([]);
    expect(flagged('自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄')).toEqual([]);
    expect(flagged('省长叶建春作政府工作报告。本报全媒体记者 林 君摄')).toEqual([]);
    expect(flagged('政府工作报告。 贵州日报天眼新闻记者 李森 摄')).toEqual([]);
    expect(flagged('省长任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿')).toEqual([]);
    expect(flagged('同学们一边听讲解一边参观文物展览。人民网 李龙摄')).toEqual([]);
    // Speeches as people.cn publishes them, copied with their lines run together.
    expect(flagged('这是习近平来到红军烈士后代家看望慰问。 新华社记者 鞠鹏/摄同志们！我们党是一个有着光荣传统的党。')).toEqual([]);
    expect(flagged('拍摄的核酸检测实验室。新华社发 陈钟昊/摄要加强研究论证，总结中医药防治疫病的经验。')).toEqual([]);
    expect(flagged('在亚太经合组织工商领导人对话会上的主旨演讲（2020年11月19日，北京）中华人民共和国主席 习近平各位工商界朋友，女士们，先生们，朋友们。')).toEqual([]);
    expect(flagged('会议选举产生新一届领导机构。《 人民日报 》（ 2020年08月18日 01 版）')).toEqual([]);
    // A title before a space inside a sentence is no byline.
    expect(flagged('会议强调，各级党委书记 要切实扛起主体责任，抓好各项任务落实。')).toEqual([['space', ' ']]);
    // A reporter named inside running text is no credit: its stray space is still found.
    expect(flagged('记者 张三在现场看到，群众排队办理业务，秩序井然。')).toEqual([['space', ' ']]);
  });
});
