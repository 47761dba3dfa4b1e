import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '../..');
const TEXT = '一、总体要求\n加快发展新质生产力，𠀀扎实推进高质量发展。';

/**
 * A copy of the extension without node_modules: nodejieba cannot load, as on a
 * platform without a binary. `jiebaWasm` decides what dist/jieba-wasm holds.
 */
function installWithoutNodejieba(jiebaWasm: 'intact' | 'none' | 'broken-wasm' | 'broken-dictionary'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nojieba-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const file of ['server.js', 'segmentationWorker.js']) fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(dir, 'dist', file));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  if (jiebaWasm !== 'none') fs.cpSync(path.join(ROOT, 'dist/jieba-wasm'), path.join(dir, 'dist/jieba-wasm'), { recursive: true });
  // A truncated download: the magic number survives, the module does not.
  if (jiebaWasm === 'broken-wasm') fs.writeFileSync(path.join(dir, 'dist/jieba-wasm/jieba_rs_wasm_bg.wasm'), fs.readFileSync(path.join(ROOT, 'dist/jieba-wasm/jieba_rs_wasm_bg.wasm')).subarray(0, 4096));
  if (jiebaWasm === 'broken-dictionary') fs.writeFileSync(path.join(dir, 'dist/jieba-wasm/jieba.dict.utf8'), '新质 many n\n');
  return dir;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function startWithout(jiebaWasm: Parameters<typeof installWithoutNodejieba>[0]): LspTestClient {
  const dir = installWithoutNodejieba(jiebaWasm);
  const client = LspTestClient.start({}, [], path.join(dir, 'dist', 'server.js'));
  cleanups.push(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return client;
}

async function segment(client: LspTestClient, uri: string, text = TEXT): Promise<{ segmenter: string; tokens: string[] }> {
  client.open(uri, text);
  const result = await client.request('policyLens/segment', { textDocument: { uri } });
  for (const token of result.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  return { segmenter: result.segmenter, tokens: result.tokens.map((t: any) => t.text) };
}

const showMessages = (client: LspTestClient): string[] =>
  client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);

describe('without nodejieba', () => {
  it('segments with jieba-wasm, the same words as nodejieba, and the status says so', async () => {
    const native = LspTestClient.start();
    cleanups.push(() => native.kill());
    await native.initialize({ locale: 'en' });
    const client = startWithout('intact');
    await client.initialize({ locale: 'en' });
    const status = await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
    expect(status.params.segmenter).toBe('jieba-wasm');
    expect(status.params.message).toMatch(/^Policy Lens: segmentation ready \(jieba-wasm, \d+ ms, 0 user words\)\.$/);
    const wasm = await segment(client, 'file:///tmp/wasm.policy.txt');
    const jieba = await segment(native, 'file:///tmp/native.policy.txt');
    expect(wasm.segmenter).toBe('jieba-wasm');
    expect(jieba.segmenter).toBe('jieba');
    expect(wasm.tokens).toEqual(jieba.tokens);
    expect(wasm.tokens).toContain('新质生产力');
    expect(wasm.tokens).toContain('高质量发展');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/wasm.policy.txt' }, position: { line: 1, character: 6 } });
    expect(hover.contents.value).toMatch(/^\*\*新质生产力\*\*/);
    // `auto` and a package without nodejieba: expected, so logged, not shown.
    expect(showMessages(client)).toEqual([]);
  });

  it('says once why, and falls back to Intl.Segmenter when jieba-wasm is missing too, keeping every feature running', async () => {
    const client = startWithout('none');
    await client.initialize({ locale: 'en' });
    const status = await client.waitFor('policyLens/status', (p) => p.state === 'fallback', 30_000);
    expect(status.params.segmenter).toBe('intl');
    const uri = 'file:///tmp/fallback.policy.txt';
    const result = await segment(client, uri);
    expect(result.segmenter).toBe('intl');
    expect(result.tokens.join('')).toBe(TEXT.replace('\n', ''));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、总体要求']);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(hover.contents.value).toMatch(/^\*\*新质生产力\*\*/);
    await segment(client, 'file:///tmp/fallback2.policy.txt', '第二份文稿。');
    const warnings = showMessages(client).filter((m) => /jieba segmentation is unavailable/.test(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/nodejieba: .*; jieba-wasm: cannot read .*jieba_rs_wasm_bg\.wasm \(ENOENT\)/);
  });

  it('a broken .wasm: one clear message, then Intl.Segmenter', async () => {
    const client = startWithout('broken-wasm');
    await client.initialize({ locale: 'en' });
    await client.waitFor('policyLens/status', (p) => p.state === 'fallback', 30_000);
    expect((await segment(client, 'file:///tmp/broken-wasm.policy.txt')).segmenter).toBe('intl');
    const warnings = showMessages(client);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/jieba-wasm: jieba_rs_wasm_bg\.wasm is not a usable WebAssembly module/);
  });

  it('a dictionary jieba-wasm cannot load: one clear message, then Intl.Segmenter', async () => {
    const client = startWithout('broken-dictionary');
    await client.initialize({ locale: 'zh-cn' });
    await client.waitFor('policyLens/status', (p) => p.state === 'fallback', 30_000);
    expect((await segment(client, 'file:///tmp/broken-dict.policy.txt')).segmenter).toBe('intl');
    const warnings = showMessages(client);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^政策文稿助手：jieba 分词不可用（nodejieba: .*; jieba-wasm: jieba-wasm could not load its dictionaries \(main dictionary, line 1: "新质 many n"\)）/);
  });

  it('`native` chosen but unavailable: says so once and uses jieba-wasm', async () => {
    const client = startWithout('intact');
    await client.initialize({ locale: 'en', settings: { segmenter: 'native' } });
    const status = await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
    expect(status.params.segmenter).toBe('jieba-wasm');
    expect((await segment(client, 'file:///tmp/native-missing.policy.txt')).segmenter).toBe('jieba-wasm');
    const warnings = showMessages(client);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Policy Lens: nodejieba: .*; segmenting with jieba-wasm instead/);
  });
});

describe('policyLens.segmenter', () => {
  it('`wasm` and `intl` pick that segmenter; changing the setting reloads', async () => {
    const client = LspTestClient.start();
    cleanups.push(() => client.kill());
    await client.initialize({ locale: 'en', settings: { segmenter: 'wasm' } });
    const ready = await client.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
    expect(ready.params.segmenter).toBe('jieba-wasm');
    const wasm = await segment(client, 'file:///tmp/choice.policy.txt');
    expect(wasm.segmenter).toBe('jieba-wasm');
    expect(wasm.tokens).toContain('新质生产力');
    client.settings.policyLens = { ...(client.settings.policyLens as object), segmenter: 'intl' };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('policyLens/status', (p) => p.state === 'ready' && p.segmenter === 'intl', 30_000);
    const intl = await client.request('policyLens/segment', { textDocument: { uri: 'file:///tmp/choice.policy.txt' } });
    expect(intl.segmenter).toBe('intl');
    expect(intl.tokens.map((t: any) => t.text)).not.toContain('新质生产力');
    // Chosen, not a failure: no warning.
    expect(showMessages(client)).toEqual([]);
  });
});
