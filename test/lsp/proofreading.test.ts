import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/** A draft with one kind of error per line, correct neighbours beside them. */
const DRAFT = [
  '二0二五年是“十四五”规划收官之年，一九八〇年不变。',
  '2025年目标：25年第四季度完成验收，用3年时间。',
  '建成三、四十个示范区，荣获一、二、三等奖。',
  '增长10—15%，控制在6.5%—7%以内。',
  '实施2021-2025年规划，打造1-2个产业集群，2021-02-15召开。',
  '猪肝、大豆、油菜……等。',
  '更加奋发有为的精神状态，，更加扎实的作风。',
  '他说：“要坚持稳中求进。',
  '审议《关于修改《中华人民共和国立法法》的决定》。',
  '全省上下要再接再励，精心布署，深入学习贯彻。',
  '截止2025年11月底，累计完成投资，截止日期不变。',
  '汉字的笔划要规范。',
  '推进“一带一路”、“双循环”。',
].join('\n');

describe('proofreading rules over stdio', () => {
  let client: LspTestClient;
  const uri = 'file:///tmp/proofreading.policy.txt';
  let diagnostics: any[];

  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ locale: 'zh-cn', settings: { diagnostics: { debounceMs: 0 } } });
    await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
    client.open(uri, DRAFT);
    diagnostics = await client.diagnostics(uri, 1);
  });

  afterAll(() => client.kill());

  const lines = DRAFT.split('\n');
  const flagged = (d: any) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);

  it('reports every kind with its code, severity and span, and nothing on the correct neighbours', () => {
    expect(diagnostics.map((d) => [d.range.start.line, d.code, flagged(d), d.severity])).toEqual([
      [0, 'number.zero', '二0二五', 2],
      [1, 'number.yearAbbrev', '25年', 2],
      [2, 'number.approximate', '三、四十', 2],
      [3, 'number.percentRange', '10—15%', 2],
      [4, 'number.rangeDash', '2021-2025', 2],
      [4, 'number.rangeDash', '1-2', 2],
      [5, 'punctuation.ellipsis', '……等', 2],
      [6, 'punctuation.repeated', '，，', 2],
      [7, 'punctuation.pairs', '“', 2],
      [8, 'punctuation.nestedTitle', '《中华人民共和国立法法》', 2],
      [9, 'typo.fixedExpression', '再接再励', 2],
      [9, 'typo.fixedExpression', '布署', 2],
      [10, 'usage.jiezhi', '截止', 2],
      [11, 'variant.word', '笔划', 3],
    ]);
  });

  it('names the standard and clause in the message', () => {
    const message = (code: string) => diagnostics.find((d) => d.code === code).message;
    expect(message('number.zero')).toBe('“二0二五”在汉字数字中混用了阿拉伯数字“0”，应为“二〇二五”（GB/T 15835—2011 第 5.2.5 条）。');
    expect(message('punctuation.ellipsis')).toBe('省略号与“等”不能同时使用，应保留其一；修正保留“等”（GB/T 15834—2011 附录 A.9）。');
    expect(message('variant.word')).toBe('“笔划”为异形词的非推荐词形，GF 1001—2001 推荐使用“笔画”（法律法规正式文本及对其的引用照录原文）。');
    expect(message('punctuation.pairs')).toBe('标号 “ 没有对应的 ”（GB/T 15834—2011：标号应成对使用）。');
  });

  it('offers the certain fixes as code actions, and "fix all of this kind"', async () => {
    const typo = diagnostics.find((d) => d.code === 'typo.fixedExpression');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    expect(actions.map((a: any) => a.title)).toEqual(['修正为“再接再厉”', '修正本文所有“typo.fixedExpression”问题']);
    expect(actions[0].edit.changes[uri]).toEqual([{ range: typo.range, newText: '再接再厉' }]);
    expect(actions[1].edit.changes[uri].map((e: any) => e.newText)).toEqual(['再接再厉', '部署']);

    const nested = diagnostics.find((d) => d.code === 'punctuation.nestedTitle');
    const nestedActions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: nested.range, context: { diagnostics: [nested] } });
    expect(nestedActions[0].edit.changes[uri].map((e: any) => e.newText)).toEqual(['〈', '〉']);

    // A fix that only deletes says what it deletes; one that deletes a line break joins two lines.
    const ellipsis = diagnostics.find((d) => d.code === 'punctuation.ellipsis');
    const ellipsisActions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: ellipsis.range, context: { diagnostics: [ellipsis] } });
    expect(ellipsisActions[0].title).toBe('删除“……”');
    const broken = 'file:///tmp/broken.policy.txt';
    client.open(broken, '今年以来，各地区各部门坚持稳中求进工作总基调，\n扎实推进高质量发展，经济运行总体平稳。\n');
    const join = (await client.diagnostics(broken, 1)).find((d: any) => d.code === 'paragraph.broken');
    const joinActions = await client.request('textDocument/codeAction', { textDocument: { uri: broken }, range: join.range, context: { diagnostics: [join] } });
    expect(joinActions[0].title).toBe('与下一行合并');

    // A finding without a certain fix offers no quick fix (an unclosed quotation: only the writer knows where it ends).
    const pairs = diagnostics.find((d) => d.code === 'punctuation.pairs');
    const pairActions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: pairs.range, context: { diagnostics: [pairs] } });
    expect(pairActions.filter((a: any) => a.kind === 'quickfix' && a.edit)).toEqual([]);
  });

  it('turns on the opt-in 顿号 rule from the settings', async () => {
    const other = 'file:///tmp/proofreading-optin.policy.txt';
    client.open(other, lines[12]);
    expect(await client.diagnostics(other, 1)).toEqual([]);
    const settings = { diagnostics: { debounceMs: 0 }, rules: { punctuation: { quotedListComma: { severity: 'information' } } } };
    client.settings = { policyLens: settings };
    client.notify('workspace/didChangeConfiguration', { settings: { policyLens: settings } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === other && p.diagnostics.length > 0);
    expect(published.params.diagnostics.map((d: any) => [d.code, d.range.start.character, d.severity])).toEqual([['punctuation.quotedListComma', 8, 3]]);
  });
});
