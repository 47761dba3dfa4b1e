// The web extension (package.json `browser`) in code-server's web worker extension host, in
// headless Chromium: the universal package (no native code) installed with its extension kind
// forced to `web` (`remote.extensionKind`), so the client runs in the browser and starts
// dist/browserServer.js in a web worker, as in vscode.dev / github.dev. Checks the language status
// (jieba-wasm), that no Node server process exists, the outline, a hover and a diagnostic.
// Usage: node test/e2e/web.e2e.mjs   (after test/e2e/setup.mjs and npm run build)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { HOVER_DEFINITION, HOVER_HEADING_TEXT, REPORT_OUTLINE } from './lib/expected.mjs';
import { E2E_DIR, REPO, SHOTS } from './lib/paths.mjs';

const REPORT = '政府工作报告2024.policy.txt';
const DRAFT = '草稿.policy.txt';
const VARIANT_MESSAGE = '"新质生产率" is a wrong form of "新质生产力".';

fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-e2e-web-'));
const ws = path.join(runDir, 'workspace');
fs.cpSync(path.join(E2E_DIR, 'workspace'), ws, { recursive: true });
const vsix = path.join(runDir, 'policy-lens-universal.vsix');
execFileSync(process.execPath, ['scripts/package.mjs', '--target', 'universal', '--out', vsix], { cwd: REPO, stdio: 'inherit' });

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `web-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('web-', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({
  dir: path.join(runDir, 'code-server'),
  vsix: [vsix],
  folder: ws,
  settings: {
    'workbench.colorTheme': 'Default Dark Modern',
    'remote.extensionKind': { 'policy-lens.policy-lens': ['web'] },
    'policyLens.trace.server': 'messages',
  },
});
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);
// The web worker extension host logs to the browser console: kept, and printed when a check fails.
const consoleLines = [];
page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));

try {
  await wb.open(cs.url, ws);
  await wb.openFile(REPORT, '2023年工作回顾');

  await check('web-language-status', async () => {
    // the extension's status bar item (issue 21) names the segmenter in use
    const item = page.locator('.statusbar-item[id$="policyLens.status"]');
    const text = await until(async () => {
      const t = (await item.innerText().catch(() => '')).trim();
      return t.includes('jieba (WebAssembly)') && t;
    }, { timeout: 90_000, interval: 1000, what: 'status item "Policy Lens: jieba (WebAssembly) · …"' });
    log('status item:', text.replace(/\s+/g, ' '));
    assert.match(text, /^Policy Lens: jieba \(WebAssembly\)/);
    await shot('language-status');
    await page.mouse.move(5, 5);
  });

  await check('web-no-node-server', async () => {
    // The extension runs in the browser: code-server started no dist/server.js for it.
    assert.deepEqual(cs.processes(cs.ext, 'dist/server.js'), []);
  });

  await check('web-outline', async () => {
    await wb.command('Explorer: Focus on Outline View');
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const rows = await until(async () => {
      const r = await page.evaluate(() => [...document.querySelectorAll('.outline-pane .monaco-list-row')]
        .map((row) => [Number(row.getAttribute('aria-level')), row.querySelector('.label-name')?.textContent?.trim()]));
      // A row without a name on top is VS Code grouping by provider: for a moment while the web
      // client (re)starts, two providers are registered. Wait until one remains.
      return r.length >= REPORT_OUTLINE.length && r[0][1] != null && r;
    }, { stable: 3, timeout: 60_000, what: 'outline rows of one provider' });
    log('outline:', JSON.stringify(rows.slice(0, 12)));
    await shot('outline');
    await folders.click();
    assert.deepEqual(rows.slice(0, REPORT_OUTLINE.length), REPORT_OUTLINE);
  });

  await check('web-hover', async () => {
    await wb.openFile(DRAFT, '基本情况');
    const texts = await wb.hover('新质生产力', HOVER_DEFINITION, { lineContains: '调研报告' });
    log('hover:', JSON.stringify(texts).slice(0, 300));
    await shot('hover');
    await page.mouse.move(5, 5);
    const hover = texts.find((t) => t.includes(HOVER_DEFINITION));
    assert.ok(hover.startsWith(HOVER_HEADING_TEXT), hover);
  });

  await check('web-diagnostic', async () => {
    await wb.showProblems();
    const rows = await until(async () => { const r = await wb.problemRows(); return r.some((x) => x.message === VARIANT_MESSAGE) && r; }, { timeout: 60_000, stable: 2, what: 'term.variant marker' });
    log('problems:', JSON.stringify(rows.map((r) => r.aria)));
    await shot('problems');
    assert.ok(rows.some((x) => x.message === VARIANT_MESSAGE && /^Warning: /.test(x.aria)), JSON.stringify(rows));
  });
} catch (error) {
  await harnessFailed(error);
} finally {
  await closeSuite(browser, cs, runDir, results);
}
if (results.some((r) => !r.ok)) for (const line of consoleLines.filter((l) => /policy|worker|error/i.test(l)).slice(-60)) console.log(`[console] ${line.slice(0, 400)}`);
report(results, 'web', t0);
