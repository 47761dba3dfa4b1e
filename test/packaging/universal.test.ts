import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { segmentParagraph } from '../../server/src/core/segment/tokens';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '../..');
const TEXT = '加快发展新质生产力，扎实推进高质量发展，因地制宜发展5G和人工智能+行动。';

/**
 * `npm run package -- --target universal`: one .vsix without native code for
 * every platform (Windows, macOS, Linux ARM, LoongArch …), segmenting with
 * jieba-wasm. Built for real, unpacked, and its server started from the unpacked files.
 */
describe('the universal package', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-universal-'));
  const vsix = path.join(dir, 'policy-lens-universal.vsix');
  let names: string[] = [];
  let client: LspTestClient | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/package.mjs', '--target', 'universal', '--out', vsix], { cwd: ROOT, stdio: 'pipe' });
    const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
    names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    for (const name of names) {
      const file = path.join(dir, 'unpacked', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await zip.files[name].async('nodebuffer'));
    }
  }, 180_000);
  afterAll(() => {
    client?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('contains no native code and no platform, but jieba-wasm and its data', () => {
    expect(names.filter((name) => name.endsWith('.node'))).toEqual([]);
    expect(names.filter((name) => name.includes('node_modules/'))).toEqual([]);
    for (const required of ['dist/server.js', 'dist/segmentationWorker.js', 'dist/browserClient.js', 'dist/browserServer.js', 'dist/jieba-wasm/jieba_rs_wasm_bg.wasm', 'dist/jieba-wasm/jieba.dict.utf8', 'dist/jieba-wasm/hmm_model.utf8', 'data/policy.dict.utf8', 'data/jieba-wasm-builtin-only.utf8']) {
      expect(names).toContain(`extension/${required}`);
    }
    const manifest = fs.readFileSync(path.join(dir, 'unpacked/extension.vsixmanifest'), 'utf8');
    expect(manifest).not.toMatch(/TargetPlatform=/);
  });

  it('starts its server, which segments with jieba-wasm exactly like nodejieba', async () => {
    client = LspTestClient.start({}, [], path.join(dir, 'unpacked/extension/dist/server.js'));
    await client.initialize({ locale: 'en' });
    const status = await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
    expect(status.params).toMatchObject({ state: 'ready', segmenter: 'jieba-wasm' });
    const uri = 'file:///tmp/universal.policy.txt';
    client.open(uri, TEXT);
    const result = await client.request('policyLens/segment', { textDocument: { uri } });
    expect(result.segmenter).toBe('jieba-wasm');
    const expected = segmentParagraph(loadJieba([]).segmenter, TEXT).map((t) => t.text);
    expect(result.tokens.map((t: any) => t.text)).toEqual(expected);
    expect(expected).toContain('新质生产力');
    expect(client.notifications.filter((n) => n.method === 'window/showMessage')).toEqual([]);
  });
});
