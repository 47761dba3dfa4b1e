import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPastedText } from '../../server/src/core/format/cleanPastedText';
import { LspTestClient } from '../helpers/lspClient';

const LAW = '第二条 国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。\n';
const DRAFT = ['一、总体要求', '新一轮机构改革中央层面基本完成，地方层面有序推进。', '国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围人员知悉的事项。', ''].join('\n');
const PASTED = [
  '因 地 制 宜 发 展 新 质 生 产 力，各地要坚持新兴产业和传',
  '统产业融合发展，以技改和数字化为抓手，推动传统',
  '产业向高端化、智能化、绿色化迈进，方能做到稳中',
  '求进，这是一条必须长期坚持的发展道路和工作方法。',
  '- 3 -',
  '要以深化改革为动力。加快发展新质生产力，有助于我',
  '们在未来发展和国际竞争中赢得战略主动和发展先机。',
  '',
].join('\n');

function applyEdits(text: string, lines: string[], edits: { range: any; newText: string }[]): string {
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('quote verification and clean-up over stdio', () => {
  let client: LspTestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-quotes-'));
    fs.mkdirSync(path.join(dir, '.policy-lens', 'references'), { recursive: true });
    // A user reference in GB18030, as many government files still are.
    fs.writeFileSync(path.join(dir, '.policy-lens', 'references', '保守国家秘密法.txt'), execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: LAW }));
    client = LspTestClient.start();
    await client.initialize({ locale: 'zh-cn', rootUri: pathToFileURL(dir).toString(), settings: { diagnostics: { debounceMs: 0 } } });
    await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  });

  afterAll(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports misquotations of the built-in report and of a workspace reference, with a quick fix', async () => {
    client.open(uri('draft.policy.txt'), DRAFT);
    const diagnostics = (await client.diagnostics(uri('draft.policy.txt'), 1, 30_000)).filter((d) => d.code === 'quote.mismatch');
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([
      [1, '与参考文本《2024政府工作报告》第 21 行原文不一致：原文为“地方层面有序展开”，此处为“地方层面有序推进”。'],
      [2, '与参考文本《保守国家秘密法》第 1 行原文不一致：原文为“只限一定范围的人员知悉的事”，此处为“只限一定范围人员知悉的事”。'],
    ]);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: uri('draft.policy.txt') },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    expect(actions[0].title).toBe('修正为“展开”');
    expect(actions[0].edit.changes[uri('draft.policy.txt')]).toEqual([{ range: { start: { line: 1, character: 22 }, end: { line: 1, character: 24 } }, newText: '展开' }]);
  });

  it('checks a reference text against the other references, not against itself', async () => {
    const name = '.policy-lens/references/保守国家秘密法.txt';
    client.open(uri(name), DRAFT, 'policy');
    const diagnostics = await client.diagnostics(uri(name), 1, 30_000);
    // The law's own sentence (line 3, one word off the file on disk) is not compared with itself; the 2024 report's is.
    expect(diagnostics.filter((d) => d.code === 'quote.mismatch').map((d) => [d.range.start.line, d.message])).toEqual([
      [1, '与参考文本《2024政府工作报告》第 21 行原文不一致：原文为“地方层面有序展开”，此处为“地方层面有序推进”。'],
    ]);
  });

  it('formats with the clean-up: the whole document, or the lines of a range', async () => {
    client.open(uri('pasted.policy.txt'), PASTED);
    const lines = PASTED.split('\n');
    const whole = await client.request('textDocument/formatting', { textDocument: { uri: uri('pasted.policy.txt') }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(PASTED, lines, whole)).toBe(cleanPastedText(PASTED));
    expect(applyEdits(PASTED, lines, whole)).toContain('因地制宜发展新质生产力，各地要坚持新兴产业和传统产业融合发展，以技改和数字化为抓手');
    const range = await client.request('textDocument/rangeFormatting', {
      textDocument: { uri: uri('pasted.policy.txt') },
      range: { start: { line: 5, character: 3 }, end: { line: 6, character: 2 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(PASTED, lines, range)).toBe([...lines.slice(0, 5), `${lines[5]}${lines[6]}`, ''].join('\n'));
    const clean = await client.request('textDocument/formatting', { textDocument: { uri: uri('draft.policy.txt') }, options: { tabSize: 2, insertSpaces: true } });
    expect(clean).toEqual([]);
  });
});
