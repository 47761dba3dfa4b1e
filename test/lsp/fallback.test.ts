import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '../..');

/**
 * A copy of the extension without node_modules: nodejieba cannot load, as on a
 * platform without a binary. The server must keep working on Intl.Segmenter.
 */
function installWithoutNodejieba(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nojieba-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const file of ['server.js', 'segmentationWorker.js']) fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(dir, 'dist', file));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

describe('without nodejieba', () => {
  const dir = installWithoutNodejieba();
  const client = LspTestClient.start({}, [], path.join(dir, 'dist', 'server.js'));
  afterAll(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says so once, falls back to Intl.Segmenter and keeps every feature running', async () => {
    await client.initialize({ locale: 'en' });
    await client.waitFor('policyLens/status', (p) => p.state === 'fallback', 30_000);
    const uri = 'file:///tmp/fallback.policy.txt';
    const text = '一、总体要求\n加快发展新质生产力，𠀀扎实推进高质量发展。';
    client.open(uri, text);
    const result = await client.request('policyLens/segment', { textDocument: { uri } });
    expect(result.segmenter).toBe('intl');
    expect(result.tokens.map((t: any) => t.text).join('')).toBe(text.replace('\n', ''));
    for (const token of result.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、总体要求']);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(hover.contents.value).toMatch(/^\*\*新质生产力\*\*/);
    client.open('file:///tmp/fallback2.policy.txt', '第二份文稿。');
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/fallback2.policy.txt' } });
    const warnings = client.notifications.filter((n) => n.method === 'window/showMessage' && /jieba segmentation is unavailable/.test(n.params.message));
    expect(warnings).toHaveLength(1);
  });
});
