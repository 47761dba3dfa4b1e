// The standalone server with a second real client: headless Neovim (Debian's neovim) runs
// test/e2e/nvim/check.lua, which starts `policy-lens-server --stdio` from PATH, opens the 2024
// national report and prints the hover on 新质生产力, the document symbols, the workspace symbols
// (another report lies next to it) and the diagnostics.
// `policy-lens-server` is linked the way `npm install -g` would: PATH entry → package.json "bin" target.
// Usage: node test/e2e/nvim.e2e.mjs   (after npm run build; run.mjs does it)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOVER_DEFINITION, HOVER_HEADING_MD, REPORT_OUTLINE } from './lib/expected.mjs';
import { E2E_DIR, REPO } from './lib/paths.mjs';

const t0 = Date.now();
const results = [];
const check = (name, fn) => {
  try { fn(); results.push({ name, ok: true }); } catch (e) { results.push({ name, ok: false, error: e.message }); }
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nvim-'));
const sub = (n) => { const p = path.join(dir, n); fs.mkdirSync(p, { recursive: true }); return p; };
const file = path.join(sub('workspace'), '政府工作报告2024.policy.txt');
fs.copyFileSync(path.join(E2E_DIR, 'workspace/政府工作报告2024.policy.txt'), file);
fs.copyFileSync(path.join(E2E_DIR, 'workspace/北京市政府工作报告2024.policy.txt'), path.join(path.dirname(file), '北京市政府工作报告2024.policy.txt'));
// issue 15: a line of a draft with two proofreading errors after the report (which has none); text-only
// rules, so they are in the first publish that check.lua keeps
const PROOF_LINE = '截止2025年底，二0二五年目标全面完成。';
fs.appendFileSync(file, `\n${PROOF_LINE}\n`);

// policy-lens-server on PATH, as npm links a package's "bin" (symlink to the executable target)
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const target = path.join(REPO, pkg.bin['policy-lens-server']);
assert.ok(fs.readFileSync(target, 'utf8').startsWith('#!/usr/bin/env node\n'), `${target} has no node shebang`);
fs.chmodSync(target, 0o755);
fs.symlinkSync(target, path.join(sub('bin'), 'policy-lens-server'));

// UTF-16 position of the first 新质生产力 (LSP's default encoding; Neovim 0.7 speaks UTF-16)
const lines = fs.readFileSync(file, 'utf8').split('\n');
const hoverLine = lines.findIndex((l) => l.includes('新质生产力'));
const hoverChar = lines[hoverLine].indexOf('新质生产力') + 1;

const env = {
  ...process.env, LANG: 'C.UTF-8', PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
  POLICY_FILE: file, POLICY_HOVER: `${hoverLine},${hoverChar}`, POLICY_WORKSPACE_QUERY: '2023年工作回顾',
  // nvim writes ~/.cache/nvim/lsp.log and ~/.local/share/nvim otherwise
  HOME: sub('home'), XDG_CONFIG_HOME: sub('xdg-config'), XDG_CACHE_HOME: sub('xdg-cache'),
  XDG_DATA_HOME: sub('xdg-data'), XDG_STATE_HOME: sub('xdg-state'),
};
const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(E2E_DIR, 'nvim/check.lua')], { env, encoding: 'utf8', timeout: 90_000 });
const out = (r.stdout ?? '') + (r.stderr ?? '');
const messages = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
console.log(`[nvim] ${spawnSync('nvim', ['--version'], { env, encoding: 'utf8' }).stdout?.split('\n')[0]}; exit ${r.status ?? r.signal ?? r.error}`);
for (const m of messages) {
  if (m.kind === 'symbols') console.log(`[nvim] symbols: ${m.symbols.length}\n${m.symbols.map((s) => `   ${'  '.repeat(s.depth - 1)}${s.name}  (line ${s.line + 1})`).join('\n')}`);
  else if (m.kind === 'workspaceSymbols') console.log(`[nvim] workspace symbols for "${m.query}":\n${m.symbols.map((x) => `   ${x.name}  ${path.basename(x.file)}:${x.line + 1}  ${x.uri}`).join('\n')}`);
  else if (m.kind === 'diagnostics') console.log(`[nvim] diagnostics:\n${m.items.map((d) => `   ${d.line + 1}:${d.character + 1} ${d.code} ${d.message}`).join('\n')}`);
  else console.log(`[nvim] ${m.kind}: ${typeof m.value === 'string' ? m.value : JSON.stringify(m)}`);
}

check('nvim-runs', () => assert.equal(r.status, 0, `nvim exit ${r.status ?? r.signal ?? r.error}:\n${out.slice(-3000)}`));
check('nvim-hover', () => {
  const hover = messages.find((m) => m.kind === 'hover');
  assert.ok(hover, 'no hover answer');
  assert.ok(hover.value.startsWith(HOVER_HEADING_MD), hover.value);
  assert.ok(hover.value.includes(HOVER_DEFINITION), hover.value);
});
check('nvim-document-symbols', () => {
  const symbols = messages.find((m) => m.kind === 'symbols')?.symbols ?? [];
  assert.deepEqual(symbols.slice(0, REPORT_OUTLINE.length).map((s) => [s.depth, s.name]), REPORT_OUTLINE);
});
check('nvim-workspace-symbols', () => {
  // one "一、2023年工作回顾" per file: the open report (Neovim's URI) and the Beijing report (read from disk)
  const found = messages.find((m) => m.kind === 'workspaceSymbols')?.symbols ?? [];
  assert.deepEqual(found.map((x) => [x.name, path.basename(x.file), x.line + 1]).sort(), [
    ['一、2023年工作回顾', '北京市政府工作报告2024.policy.txt', 8],
    ['一、2023年工作回顾', '政府工作报告2024.policy.txt', 11],
  ]);
});
check('nvim-diagnostics', () => {
  const items = messages.find((m) => m.kind === 'diagnostics')?.items ?? [];
  // line 71 of the report repeats 高质量发展 four times: one diagnostic (information severity = 3), the others related
  const slogan = items.filter((d) => d.code === 'slogan.repeated' && d.line === 70);
  assert.equal(slogan.length, 1, JSON.stringify(items));
  assert.equal(slogan[0].message, '"高质量发展" occurs 4 times in this paragraph.');
  assert.equal(slogan[0].severity, 3);
});

check('nvim-proofreading', () => {
  const items = messages.find((m) => m.kind === 'diagnostics')?.items ?? [];
  const line = fs.readFileSync(file, 'utf8').split('\n').indexOf(PROOF_LINE);
  const proof = items.filter((d) => d.line === line).sort((a, b) => a.character - b.character);
  assert.deepEqual(proof.map((d) => [d.code, d.character + 1, d.severity, d.message]), [
    ['usage.jiezhi', 1, 2, '"截止" before a point in time: write "截至" ("up to") or "截止到"; "截止" alone means "to stop (at a set time)" and takes no time object (Xiandai Hanyu Cidian, 7th ed.: 截至 = 截止到).'],
    ['number.zero', 10, 2, '"二0二五" mixes the digit 0 into Chinese numerals: write "二〇二五" (GB/T 15835-2011, 5.2.5).'],
  ], JSON.stringify(items));
});

fs.rmSync(dir, { recursive: true, force: true });
for (const x of results) console.log(`${x.ok ? 'PASS' : 'FAIL'} ${x.name}${x.error ? ' - ' + x.error.replace(/\n/g, '\n     ') : ''}`);
const failed = results.filter((x) => !x.ok).length;
console.log(`neovim suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
