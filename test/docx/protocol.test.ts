import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_EXPORT_REQUEST, DOCX_MARKDOWN_REQUEST, DOCX_TEXT_REQUEST } from '../../server/src/protocol';
import { docxFileUri } from '../../server/src/lsp/features/docxViews';
import { LspTestClient } from '../helpers/lspClient';
import { buildDocx, footnoteRef, p, table } from '../helpers/docxBuilder';

let dir: string;
let client: LspTestClient;
const docxUri = (file: string) => `policy-docx:${pathToFileURL(file).pathname}`;

function flatten(symbols: any[], depth = 1): string[] {
  return symbols.flatMap((s) => [`${depth} ${s.selectionRange.start.line} ${s.name}`, ...flatten(s.children ?? [], depth + 1)]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-docx-lsp-'));
  const bytes = await buildDocx({
    body: [
      p('关于推进高质量发展的报告', 'Title'),
      p('一、总体要求', '1'),
      p(['加快发展新质生产力', footnoteRef(1), ',推动高质量发展。']),
      p('二、重点任务', '1'),
      table([['指标', '目标']]),
      p('四、保障措施', '1'),
    ],
    footnotes: [{ id: 1, paragraphs: ['见报告。'] }],
  });
  fs.writeFileSync(path.join(dir, '报告 草稿#1.docx'), bytes);
  fs.writeFileSync(path.join(dir, '文本.docx'), '不是 Word 文档');
  client = LspTestClient.start();
  await client.initialize();
});

afterAll(() => client?.kill());

describe('Word documents as read-only policy-docx: views over stdio', { timeout: 60_000 }, () => {
  it('maps policy-docx: URIs to file paths, percent-decoded', () => {
    const file = path.join(dir, '报告 草稿#1.docx');
    expect(fileURLToPath(docxFileUri(docxUri(file))!)).toBe(file);
    expect(docxFileUri('file:///x.docx')).toBeUndefined();
  });

  it('serves the text, then outline with Word headings, diagnostics, hover, CSV and Markdown for the open view', async () => {
    const uri = docxUri(path.join(dir, '报告 草稿#1.docx'));
    const answer = await client.request(DOCX_TEXT_REQUEST, { uri });
    expect(answer).toEqual({ text: '关于推进高质量发展的报告\n一、总体要求\n加快发展新质生产力,推动高质量发展。\n二、重点任务\n指标\n目标\n四、保障措施\n\n见报告。' });
    client.open(uri, answer.text);

    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(flatten(symbols)).toEqual(['1 0 关于推进高质量发展的报告', '2 1 一、总体要求', '2 3 二、重点任务', '2 6 四、保障措施']);

    const diagnostics = await client.diagnostics(uri, 1, 30_000);
    const sorted = diagnostics.map((d: any) => [d.code, d.range.start.line, d.range.start.character]).sort((a: any, b: any) => a[1] - b[1]);
    expect(sorted).toEqual([
      ['punctuation.width', 2, 9],
      ['outline.numbering', 6, 0],
    ]);

    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
    expect(JSON.stringify(hover.contents)).toContain('新质生产力');

    const exported = await client.request(DOCX_EXPORT_REQUEST, { uri });
    expect(exported.findings).toBe(2);
    expect(exported.csv.split('\r\n')).toEqual([
      '\uFEFF"paragraph","excerpt","rule","message","suggestion"',
      '"¶3","快发展新质生产力,推动高质量发展。","punctuation.width","Half-width "","" in Chinese text: use ""，"".","“,” → “，”"',
      // Not renumbered for certain: the table's short cells could be the missing heading.
      '"¶7","四、保障措施","outline.numbering","Numbering skips: expected 三, found 四.",""',
      '',
    ]);

    const markdown = await client.request(DOCX_MARKDOWN_REQUEST, { uri });
    expect(markdown.markdown).toBe('# 关于推进高质量发展的报告\n\n## 一、总体要求\n\n加快发展新质生产力[^1],推动高质量发展。\n\n## 二、重点任务\n\n| 指标 | 目标 |\n| --- | --- |\n\n## 四、保障措施\n\n[^1]: 见报告。\n');
  });

  it('answers an unreadable file with an error naming it', async () => {
    const file = path.join(dir, '文本.docx');
    expect(await client.request(DOCX_TEXT_REQUEST, { uri: docxUri(file) })).toEqual({ error: `${file}: not a Word document (.docx)` });
    expect(await client.request(DOCX_EXPORT_REQUEST, { uri: docxUri(file) })).toEqual({ error: `not an open Word document: ${docxUri(file)}` });
  });
});
