import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name), 'utf8');
const NATIONAL = fixture('002_8dfe99efc033ddf8.txt').split('\n').slice(0, 181).join('\n');

describe('language server over stdio', () => {
  let client: LspTestClient;
  let initializeResult: any;
  let initializeMs: number;
  let readyBeforeInitialize: boolean;

  beforeAll(async () => {
    client = LspTestClient.start();
    const started = performance.now();
    initializeResult = await client.initialize({ locale: 'zh-cn', settings: { diagnostics: { debounceMs: 0 } } });
    initializeMs = performance.now() - started;
    readyBeforeInitialize = client.notifications.some((n) => n.method === 'policyLens/status' && n.params.state === 'ready');
  });

  afterAll(() => client.kill());

  it('answers initialize at once with its capabilities', () => {
    // It does not wait for the dictionary (loaded afterwards, in a worker); the bound only catches hangs.
    expect(readyBeforeInitialize).toBe(false);
    expect(initializeMs).toBeLessThan(5000);
    expect(initializeResult.serverInfo.name).toBe('policy-lens');
    const caps = initializeResult.capabilities;
    expect(caps.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.codeActionProvider).toBeTruthy();
  });

  it('publishes versioned diagnostics on open and after incremental edits', async () => {
    const uri = 'file:///tmp/punctuation.policy.txt';
    client.open(uri, '第一段文字,需要检查标点符号是否规范。这是一个足够长的句子。\n', 'policy', 1);
    const first = await client.diagnostics(uri, 1);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      code: 'punctuation.width',
      source: 'policy-lens',
      range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } },
      message: '中文语境中使用了半角“,”，应为“，”。',
    });
    // Replace the comma: the finding disappears in version 2.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: '，' }],
    });
    expect(await client.diagnostics(uri, 2)).toEqual([]);
    // Insert an emoji and a half-width ! after it: the range must count UTF-16 units.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '𠀀好!' }],
    });
    const third = await client.diagnostics(uri, 3);
    expect(third.map((d: any) => d.range.start.character)).toEqual([3]);
  });

  it('offers the quick fix of a finding as a code action', async () => {
    const uri = 'file:///tmp/fix.policy.txt';
    client.open(uri, '扎实推进高质量发展(一年来),成效显著。这句话足够长可以检查。\n');
    const diagnostics = await client.diagnostics(uri, 1);
    expect(diagnostics.map((d: any) => d.range.start.character)).toEqual([9, 14]);
    // `(一年来)` is one finding (both brackets), the comma another.
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[1].range,
      context: { diagnostics: [diagnostics[1]] },
    });
    expect(actions.map((a: any) => [a.title, a.kind])).toEqual([
      ['修正为“，”', 'quickfix'],
      ['修正本文所有“punctuation.width”问题', 'quickfix'],
    ]);
    expect(actions[0].edit.changes[uri]).toEqual([{ range: diagnostics[1].range, newText: '，' }]);
    expect(actions[1].edit.changes[uri].map((e: any) => e.newText)).toEqual(['（', '）', '，']);
    // Fix on save asks for source.fixAll.policyLens.
    const onSave = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.policyLens'] },
    });
    expect(onSave).toHaveLength(1);
    expect(onSave[0].kind).toBe('source.fixAll.policyLens');
    expect(onSave[0].edit.changes[uri]).toHaveLength(3);
  });

  it('keeps the diagnostics of lines an edit did not touch, and their quick fixes stay right', async () => {
    const uri = 'file:///tmp/reuse.policy.txt';
    const lines = ['第一段文字,需要检查标点符号是否规范。这是一个足够长的句子。', '第二段没有问题，这是一个足够长的句子。', '第三段文字;同样需要检查。这是一个足够长的句子。'];
    client.open(uri, `${lines.join('\n')}\n`);
    const before = await client.diagnostics(uri, 1);
    expect(before.map((d: any) => [d.range.start.line, d.range.start.character, d.data.version])).toEqual([[0, 5, 1], [2, 5, 1]]);
    // Typing on line 1 leaves lines 0 and 2 as they were: the same diagnostics, built for version 1.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '新' }] });
    const after = await client.diagnostics(uri, 2);
    expect(after).toEqual(before);
    // Typing before the finding on line 2 moves it: rebuilt for version 3.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '𠀀' }] });
    const moved = await client.diagnostics(uri, 3);
    expect(moved.map((d: any) => [d.range.start.line, d.range.start.character, d.data.version])).toEqual([[0, 5, 1], [2, 7, 3]]);
    // The quick fix of the diagnostic kept from version 1 is looked up again for version 3, and is right.
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: moved[0].range, context: { diagnostics: [moved[0]] } });
    expect(actions[0].edit.changes[uri]).toEqual([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, newText: '，' }]);
    const second = await client.request('textDocument/codeAction', { textDocument: { uri }, range: moved[1].range, context: { diagnostics: [moved[1]] } });
    expect(second[0].edit.changes[uri]).toEqual([{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } }, newText: '；' }]);
  });

  it('segments a sentence of the 2024 report with document offsets', async () => {
    const uri = 'file:///tmp/national.policy.txt';
    client.open(uri, NATIONAL);
    const line = NATIONAL.split('\n').findIndex((l) => l.startsWith('（一）大力推进现代化产业体系建设'));
    expect(line).toBeGreaterThan(0);
    const result = await client.request('policyLens/segment', {
      textDocument: { uri },
      range: { start: { line, character: 3 }, end: { line, character: 27 } },
    });
    expect(result.segmenter).toBe('jieba');
    const base = NATIONAL.split('\n').slice(0, line).join('\n').length + 1;
    expect(result.tokens.map((t: any) => t.text)).toEqual(['大力', '推进', '现代化产业体系', '建设', '，', '加快', '发展', '新质生产力', '。']);
    for (const token of result.tokens) expect(NATIONAL.slice(token.start, token.end)).toBe(token.text);
    expect(result.tokens[0].start).toBe(base + 3);
  });

  it('rejects a segment request for an unknown document with an error, and keeps running', async () => {
    await expect(client.request('policyLens/segment', { textDocument: { uri: 'file:///nope' } })).rejects.toThrow(/unknown document/);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/national.policy.txt' } });
    expect(Array.isArray(symbols)).toBe(true);
  });

  it('writes nothing but JSON-RPC to stdout and exits cleanly on shutdown/exit', async () => {
    const second = LspTestClient.start();
    await second.initialize();
    second.open('file:///tmp/x.policy.txt', '一、总体要求\n（一）加快发展新质生产力。\n');
    await second.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/x.policy.txt' } });
    expect(await second.shutdown()).toBe(0);
    expect(second.garbage).toEqual([]);
    expect(client.garbage).toEqual([]);
  });
});

describe('server process', () => {
  it('exits when the editor closes stdin without shutting it down (exit code 1, as vscode-languageserver does)', async () => {
    const client = LspTestClient.start();
    await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
    client.child.stdin.end();
    expect(await client.exited).toBe(1);
  });
});
