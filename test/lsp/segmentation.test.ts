import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const REPORT_LINES = fs.readFileSync(path.join(__dirname, '../fixtures/002_8dfe99efc033ddf8.txt'), 'utf8').split('\n').slice(0, 181);

describe('segmentation loading and user dictionaries', () => {
  const clients: LspTestClient[] = [];
  const start = () => {
    const client = LspTestClient.start();
    clients.push(client);
    return client;
  };
  afterAll(() => clients.forEach((c) => c.kill()));

  it('serves the outline while the dictionary is still loading', async () => {
    const client = start();
    await client.initialize();
    const uri = 'file:///tmp/outline-first.policy.txt';
    client.open(uri, REPORT_LINES.join('\n'));
    const started = performance.now();
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const elapsed = performance.now() - started;
    // The answer came before the worker finished loading jieba (≈1 s), and quickly.
    expect(client.notifications.some((n) => n.method === 'policyLens/status' && n.params.state === 'ready')).toBe(false);
    expect(elapsed).toBeLessThan(500);
    expect(symbols.length).toBeGreaterThan(0);
    // Token work waits for the dictionary instead of failing.
    const segmented = await client.request('policyLens/segment', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } },
    });
    expect(segmented.segmenter).toBe('jieba');
    // Tokens that overlap the range are returned whole.
    const joined = segmented.tokens.map((t: any) => t.text).join('');
    expect(joined.length).toBeGreaterThanOrEqual(8);
    expect(REPORT_LINES[0].startsWith(joined)).toBe(true);
    expect(client.notifications.some((n) => n.method === 'policyLens/status' && n.params.state === 'ready')).toBe(true);
  });

  it('loads user dictionaries, and reports missing and broken ones without losing the built-in one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-dict-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'good.txt'), '# 本单位用语\n链长制试点 50000 n\n湘江新区算力港\n');
    fs.writeFileSync(path.join(dir, 'broken.txt'), '好词 100 n\n坏 行 有 四列\n负频 -5 n\n');
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    const client = start();
    await client.initialize({
      locale: 'en',
      rootUri: `file://${dir}`,
      settings: { dictionaries: ['good.txt', 'broken.txt', 'missing.txt', 'folder.txt'] },
    });
    await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
    const uri = 'file:///tmp/user-dict.policy.txt';
    client.open(uri, '推进链长制试点和湘江新区算力港建设，加快发展新质生产力。');
    const result = await client.request('policyLens/segment', { textDocument: { uri } });
    const tokens = result.tokens.map((t: any) => t.text);
    expect(tokens).toContain('链长制试点');
    expect(tokens).toContain('湘江新区算力港');
    expect(tokens).toContain('新质生产力');
    const messages = client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
    expect(messages.some((m) => m.includes('missing.txt') && m.includes('not found'))).toBe(true);
    expect(messages.some((m) => m.includes('folder.txt') && m.includes('not a file'))).toBe(true);
    expect(messages.some((m) => m.includes('broken.txt:2'))).toBe(true);
    expect(messages.some((m) => m.includes('broken.txt:3'))).toBe(true);
  });
});
