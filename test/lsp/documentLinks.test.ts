import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const BOOKLET = fs.readFileSync(path.join(__dirname, '../fixtures/booklets/booklet-study.txt'), 'utf8');
const LINES = BOOKLET.split('\n');

describe('table of contents over stdio', () => {
  let client: LspTestClient;
  const uri = 'file:///booklet/booklet-study.policy.txt';

  beforeAll(async () => {
    client = LspTestClient.start();
    const result = await client.initialize({ locale: 'zh' });
    expect(result.capabilities.documentLinkProvider).toEqual({ resolveProvider: false });
    client.open(uri, BOOKLET);
  });

  afterAll(() => client.kill());

  it('links every 目录 entry found in the text to its article', async () => {
    const links = await client.request('textDocument/documentLink', { textDocument: { uri } });
    const shown = links.map((link: any) => [
      link.range.start.line + 1,
      LINES[link.range.start.line].slice(link.range.start.character, link.range.end.character),
      link.target.replace(uri, ''),
      link.tooltip,
    ]);
    expect(shown).toEqual([
      [8, '习近平在湖南考察时强调 坚持改革创新 求真务实 奋力谱写中国式现代化湖南篇章', '#L17', '转到正文第 17 行'],
      [9, '习近平主持召开新时代推动中部地区崛起座谈会强调 在更高起点上扎实推动中部地区崛起', '#L29', '转到正文第 29 行'],
      [10, '政府工作报告', '#L43', '转到正文第 43 行'],
      [11, '2023年工作回顾', '#L51', '转到正文第 51 行'],
      [12, '2024年经济社会发展总体要求和政策取向', '#L59', '转到正文第 59 行'],
      [13, '2024年政府工作任务', '#L63', '转到正文第 63 行'],
      [14, '毛伟明主持省政府党组会议：牢记领袖嘱托 感恩担当奋进 奋力谱写中国式现代化湖南篇章', '#L75', '转到正文第 75 行'],
    ]);
  });

  it('reports toc.mismatch for the entry that differs and the one that is missing, in Chinese', async () => {
    const other = 'file:///booklet/booklet-copy.policy.txt';
    client.open(other, BOOKLET);
    const diagnostics = (await client.diagnostics(other, 1, 30_000)).filter((d: any) => d.code === 'toc.mismatch');
    expect(diagnostics.map((d: any) => [d.range.start.line + 1, d.severity, d.message])).toEqual([
      [14, 2, '与正文标题（第 75 行）文字不一致，正文为“毛伟明主持省政府党组会议 牢记领袖嘱托 感恩担当奋进 奋力书写中国式现代化湖南篇章”。'],
      [15, 2, '正文中没有与此目录条目对应的标题。'],
    ]);
  });
});
