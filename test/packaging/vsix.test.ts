import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');

describe('the .vsix contents (vsce ls)', () => {
  const files = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();

  it('ships the bundles, the native module with its dictionaries, our data, grammar and localisation — and nothing else', () => {
    const allowed = [
      /^package\.json$/,
      /^package\.nls(\.[a-z-]+)?\.json$/,
      /^README\.md$/,
      /^LICENSE$/,
      /^language-configuration\.json$/,
      /^dist\/(client|server|segmentationWorker|report|browserClient|browserServer)\.js$/,
      /^dist\/jieba-wasm\/(jieba_rs_wasm_bg\.wasm|jieba\.dict\.utf8|hmm_model\.utf8)$/,
      /^data\/[\w.-]+\.(json|utf8)$/,
      /^data\/references\/[^/]+\.txt$/,
      /^data\/samples\/[^/]+\.policy\.txt$/,
      /^media\/walkthrough\/(en|zh-cn)\/[\w-]+\.md$/,
      /^syntaxes\/policy\.tmLanguage\.json$/,
      /^l10n\/bundle\.l10n\.[a-z-]+\.json$/,
      /^node_modules\/nodejieba\/(package\.json|index\.js|LICENSE|build\/Release\/nodejieba\.node)$/,
      /^node_modules\/nodejieba\/submodules\/cppjieba\/dict\/(jieba\.dict|hmm_model|user\.dict|idf|stop_words)\.utf8$/,
    ];
    for (const file of files) expect(allowed.some((re) => re.test(file)), `unexpected file in .vsix: ${file}`).toBe(true);
  });

  it('contains every required piece', () => {
    for (const required of [
      'dist/client.js',
      'dist/server.js',
      'dist/segmentationWorker.js',
      'dist/report.js',
      'dist/browserClient.js',
      'dist/browserServer.js',
      'dist/jieba-wasm/jieba_rs_wasm_bg.wasm',
      'dist/jieba-wasm/jieba.dict.utf8',
      'dist/jieba-wasm/hmm_model.utf8',
      'data/jieba-wasm-builtin-only.utf8',
      'node_modules/nodejieba/build/Release/nodejieba.node',
      'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
      'data/policy.dict.utf8',
      'data/term-history.json',
      'data/references/2024政府工作报告.txt',
      'syntaxes/policy.tmLanguage.json',
      'language-configuration.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      // the getting-started walkthrough: its sample draft and each language's pages
      'data/samples/sample.policy.txt',
      'media/walkthrough/en/sample.md',
      'media/walkthrough/zh-cn/sample.md',
    ]) {
      expect(files).toContain(required);
    }
  });
});
