import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const FIXTURES = path.join(__dirname, '../fixtures');
const COMPILATION = fs.readFileSync(path.join(FIXTURES, '002_8dfe99efc033ddf8.txt'), 'utf8').split('\n');
const NATIONAL = COMPILATION.slice(0, 181).join('\n');
const BEIJING = COMPILATION.slice(182, 278).join('\n');

/** Decodes LSP semantic tokens into [line, character, text, type]. */
function decode(data: number[], lines: string[], types: string[]): [number, number, string, string][] {
  const result: [number, number, string, string][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    result.push([line, char, lines[line].slice(char, char + data[i + 2]), types[data[i + 3]]]);
  }
  return result;
}

describe('glossary, outline and workspace features over stdio', () => {
  let client: LspTestClient;
  let dir: string;
  let nationalUri: string;
  let beijingUri: string;
  let legend: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-ws-'));
    fs.writeFileSync(path.join(dir, 'national.policy.txt'), NATIONAL);
    fs.writeFileSync(path.join(dir, 'beijing.policy.txt'), BEIJING);
    fs.mkdirSync(path.join(dir, '.policy-lens'));
    fs.writeFileSync(
      path.join(dir, '.policy-lens', 'glossary.json'),
      JSON.stringify({ version: 1, terms: [{ term: '京津冀协同发展', kind: 'term', category: '区域协调', definition: '本单位术语表中的定义。', english: 'coordinated development' }] }, null, 2),
    );
    nationalUri = pathToFileURL(path.join(dir, 'national.policy.txt')).toString();
    beijingUri = pathToFileURL(path.join(dir, 'beijing.policy.txt')).toString();
    client = LspTestClient.start();
    const init = await client.initialize({ locale: 'zh-cn', rootUri: pathToFileURL(dir).toString(), settings: { diagnostics: { debounceMs: 0 } } });
    legend = init.capabilities.semanticTokensProvider.legend.tokenTypes;
    client.open(nationalUri, NATIONAL);
    await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
  });

  afterAll(() => client.kill());

  const position = (text: string, needle: string, nth = 0) => {
    const lines = text.split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
      for (let at = lines[line].indexOf(needle); at >= 0; at = lines[line].indexOf(needle, at + 1)) {
        if (seen++ === nth) return { line, character: at };
      }
    }
    throw new Error(`not found: ${needle}`);
  };

  it('hover on 新质生产力 shows its definition, category and count', async () => {
    const at = position(NATIONAL, '新质生产力');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: nationalUri }, position: { line: at.line, character: at.character + 2 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toMatch(/^\*\*新质生产力\*\* · 发展理念/);
    expect(hover.contents.value).toContain('先进生产力质态');
    const count = NATIONAL.split('新质生产力').length - 1;
    expect(hover.contents.value).toContain(`本文出现 ${count} 次。`);
    // The definition is marked editorial, next to the official sentence, with the term's history in the reports.
    expect(hover.contents.value).toContain('**编者释义**：创新起主导作用');
    expect(hover.contents.value).toContain('官方用例：2025 年政府工作报告 第 76 行\n> （二）因地制宜发展新质生产力，加快建设现代化产业体系。');
    expect(hover.contents.value).toContain('\n\n政府工作报告：2024 年首次出现，2024–2025 年 3 次；党代会报告（十八大、二十大）未出现\n\n---\n\n本文出现');
    expect(hover.range).toEqual({ start: at, end: { line: at.line, character: at.character + 5 } });
  });

  it('hover on the first line says how much of the document is a reference text', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: nationalUri }, position: { line: 0, character: 1 } });
    // The national report of the compilation is the built-in 2024 report (a few short lines are not in chains).
    const share = /本文 (\d+)% 的文字出自《2024政府工作报告》。/.exec(hover.contents.value);
    expect(share).not.toBeNull();
    expect(Number(share![1])).toBeGreaterThanOrEqual(95);
    expect(hover.contents.value).not.toContain('2025政府工作报告');
    // Not on other lines.
    const other = await client.request('textDocument/hover', { textDocument: { uri: nationalUri }, position: { line: 8, character: 1 } });
    expect(other?.contents.value ?? '').not.toContain('的文字出自');
  });

  it('hover on a heading shows the section statistics', async () => {
    const at = position(NATIONAL, '一、2023年工作回顾');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: nationalUri }, position: { line: at.line, character: 3 } });
    expect(hover.contents.value).toMatch(/^\*\*一、2023年工作回顾\*\*\n\n本节共 \d+ 字，\d+ 段，下设 0 个小节。$/);
  });

  it('document symbols list the parts of the national report in order', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: nationalUri } });
    expect(symbols).toHaveLength(1);
    expect(symbols[0].name).toBe('1.政府工作报告');
    expect(symbols[0].children.map((s: any) => s.name)).toEqual(['一、2023年工作回顾', '二、2024年经济社会发展总体要求和政策取向', '三、2024年政府工作任务']);
    const tasks = symbols[0].children[2];
    expect(tasks.children[0].name).toBe('（一）大力推进现代化产业体系建设，加快发展新质生产力');
    // A section runs until the next heading of its level.
    expect(tasks.children[0].range.end.line).toBeLessThan(tasks.children[1].range.start.line);
    expect(tasks.children[0].selectionRange.start.line).toBe(tasks.children[0].range.start.line);
  });

  it('folding ranges follow the sections', async () => {
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri: nationalUri } });
    const parts = ['一、2023年工作回顾', '二、2024年经济社会发展总体要求和政策取向', '三、2024年政府工作任务'].map((h) => position(NATIONAL, h).line);
    for (const line of parts) expect(ranges.some((r: any) => r.startLine === line && r.endLine > line)).toBe(true);
  });

  it('workspace symbols find a heading of another (unopened) file', async () => {
    const symbols = await client.request('workspace/symbol', { query: '首都功能' });
    const match = symbols.find((s: any) => s.location.uri === beijingUri);
    expect(match).toBeDefined();
    expect(match.name).toContain('首都功能');
    expect(match.location.range.start.line).toBe(position(BEIJING, match.name).line);
  });

  it('references of 高质量发展 cover both workspace files', async () => {
    const at = position(NATIONAL, '高质量发展');
    const refs = await client.request('textDocument/references', { textDocument: { uri: nationalUri }, position: at, context: { includeDeclaration: true } });
    const inNational = refs.filter((r: any) => r.uri === nationalUri).length;
    const inBeijing = refs.filter((r: any) => r.uri === beijingUri).length;
    // Leftmost-longest: occurrences inside longer glossary entries belong to those entries.
    const standalone = NATIONAL.replaceAll('以高质量发展促进高水平安全，以高水平安全保障高质量发展', '').replaceAll('黄河流域生态保护和高质量发展', '');
    expect(inNational).toBe(standalone.split('高质量发展').length - 1);
    expect(inBeijing).toBeGreaterThan(0);
    for (const ref of refs.filter((r: any) => r.uri === nationalUri)) {
      expect(NATIONAL.split('\n')[ref.range.start.line].slice(ref.range.start.character, ref.range.end.character)).toBe('高质量发展');
    }
  });

  it('the workspace glossary overrides the built-in entry, and go to definition opens it', async () => {
    client.open(beijingUri, BEIJING);
    const at = position(BEIJING, '京津冀协同发展');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: beijingUri }, position: at });
    expect(hover.contents.value).toContain('本单位术语表中的定义。');
    expect(hover.contents.value).toContain('来自用户术语表');
    const definition = await client.request('textDocument/definition', { textDocument: { uri: beijingUri }, position: at });
    expect(definition.uri).toMatch(/\.policy-lens\/glossary\.json$/);
    expect(definition.range.start.line).toBe(4); // the line of `"term": "京津冀协同发展"`
  });

  it('a broken glossary file gets diagnostics with line numbers, and the built-in glossary keeps working', async () => {
    const glossaryUri = pathToFileURL(path.join(dir, '.policy-lens', 'glossary.json')).toString();
    const broken = '{\n  "terms": [\n    { "term": "两区", "category": "数字简称" },\n    { "term": "三区" "definition": "x" }\n  ]\n}\n';
    client.notify('textDocument/didOpen', { textDocument: { uri: glossaryUri, languageId: 'json', version: 1, text: broken } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === glossaryUri && p.diagnostics.length > 0);
    const lines = published.params.diagnostics.map((d: any) => [d.code, d.range.start.line]);
    expect(lines).toContainEqual(['glossary.missingField', 2]);
    expect(lines).toContainEqual(['glossary.syntax', 3]);
    const at = position(NATIONAL, '新质生产力');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: nationalUri }, position: at });
    expect(hover.contents.value).toContain('先进生产力质态');
  });

  it('a term the document defines itself: hover shows that definition first, and go to definition jumps to it', async () => {
    const uri = 'file:///tmp/local-definition.policy.txt';
    const text = '加快国家服务业扩大开放综合示范区和中国（北京）自由贸易试验区建设（以下简称“两区”）。\n全面提升“两区”建设水平。';
    client.open(uri, text);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } });
    const [local, builtin] = hover.contents.value.split('\n\n---\n\n');
    expect(local).toBe('**两区** · 本文定义（第 1 行）\n\n> 加快国家服务业扩大开放综合示范区和中国（北京）自由贸易试验区建设（以下简称“两区”）。');
    expect(builtin).toMatch(/^\*\*两区\*\* · 数字简称/);
    const definition = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 5 } });
    expect(definition).toEqual({ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.indexOf('\n') } } });
  });

  it('semantic tokens decode to the glossary terms of a known paragraph', async () => {
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: nationalUri } });
    const lines = NATIONAL.split('\n');
    const decoded = decode(tokens.data, lines, legend);
    const line = position(NATIONAL, '（一）大力推进现代化产业体系建设').line;
    const onLine = decoded.filter(([l]) => l === line).map(([, , text]) => text);
    expect(onLine.slice(0, 2)).toEqual(['现代化产业体系', '新质生产力']);
    for (const [l, c, text] of decoded) expect(lines[l].slice(c, c + text.length)).toBe(text);
    expect(new Set(decoded.map(([, , , type]) => type))).toEqual(new Set(['policyTerm', 'policySlogan']));
  });

  it('completes glossary terms from Chinese prefixes and pinyin initials', async () => {
    const uri = 'file:///tmp/complete.policy.txt';
    client.open(uri, '加快发展新质\nxzscl');
    const chinese = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 6 } });
    const item = chinese.items.find((i: any) => i.label === '新质生产力');
    expect(item.textEdit).toEqual({ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } }, newText: '新质生产力' });
    const initials = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5 } });
    expect(initials.items[0].label).toBe('新质生产力');
    expect(initials.items[0].filterText).toBe('xzscl');
    // One character starts too many terms to offer them (新 → 新质生产力, 新发展理念, 新型城镇化…).
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '加快发展新\nxzscl' }] });
    const single = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
    expect(single.items).toEqual([]);
  });
});
