// The Chinese UI (issue 21): the packaged extension in code-server with `policyLens.language: "zh-cn"`
// (and `--locale zh-cn`, which code-server 4.139 ignores without a Chinese language pack — not
// installable offline — so VS Code's own strings and package.json's stay English: the checks read
// only what the extension shows through policyLens.language). The status
// item, hovers, Problems messages and quick fixes must be Chinese, with Chinese punctuation, and carry no
// English words but technical names (jieba, rule codes).
// Usage: node test/e2e/chinese.e2e.mjs   (after test/e2e/setup.mjs and npm run package)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { HOVER_DEFINITION } from './lib/expected.mjs';
import { E2E_DIR, SHOTS, VSIX } from './lib/paths.mjs';

const DRAFT = '草稿.policy.txt';
/** English words allowed in Chinese text: technical names. */
const TECHNICAL = new Set(['jieba', 'JSON', 'UTF', 'PDF', 'GB', 'Ctrl', 'macOS']);

/** English words (3+ letters) in a text, other than technical names and rule codes. */
function englishWords(text) {
  return (text.replace(/\b[a-z]+\.[a-z]+(\.[a-z]+)*\b/gi, ' ').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !TECHNICAL.has(w));
}
/** Half-width punctuation next to a Chinese character. */
function halfWidthNextToChinese(text) {
  return /[\p{Script=Han}][,;:!?]|[,;:!?(][\p{Script=Han}]/u.test(text);
}

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-zh-e2e-'));
const ws = path.join(runDir, 'workspace');
fs.cpSync(path.join(E2E_DIR, 'workspace'), ws, { recursive: true });

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `zh-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('zh-', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({
  dir: path.join(runDir, 'code-server'),
  vsix: [VSIX],
  folder: ws,
  locale: 'zh-cn',
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'policyLens.language': 'zh-cn' },
});
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);

try {
  await wb.open(cs.url, ws);
  await wb.openFile(DRAFT, '基本情况');

  await check('zh-status-item', async () => {
    const item = page.locator('.statusbar-item[id$="policyLens.status"]');
    const text = await until(async () => { const t = (await item.innerText().catch(() => '')).trim(); return /jieba/.test(t) && t; }, { timeout: 60_000, interval: 500, what: 'status item with jieba' });
    log('status item:', text);
    assert.match(text, /^政策文稿助手：jieba · \d+ 个问题$/);
    const widget = page.locator('.monaco-hover:not(.hidden)');
    const tooltip = await until(async () => {
      await page.mouse.move(5, 5);
      await item.hover();
      const t = await widget.first().innerText({ timeout: 3000 }).catch(() => '');
      return t.includes('分词器') && t;
    }, { interval: 1000, what: 'status item tooltip' });
    log('tooltip:', tooltip.replace(/\s+/g, ' '));
    await shot('status-item');
    await page.mouse.move(5, 5);
    assert.deepEqual(englishWords(tooltip), [], tooltip);
    assert.ok(!halfWidthNextToChinese(tooltip), tooltip);
  });

  await check('zh-hover', async () => {
    const texts = await wb.hover('新质生产力', HOVER_DEFINITION, { lineContains: '调研报告' });
    await wb.hoverSettled().catch(() => {});
    await shot('hover');
    await page.mouse.move(5, 5);
    const hover = texts.find((t) => t.includes(HOVER_DEFINITION));
    log('hover:', hover.replace(/\s+/g, ' ').slice(0, 300));
    assert.match(hover, /本文出现 \d+ 次。/);
    // the category in Chinese (in the English UI it reads `Development philosophy`)
    assert.ok(hover.startsWith('新质生产力 · 发展理念'), hover);
    // the glossary's English rendering of the term (`*new quality productive forces*`) is content, not UI
    const labels = hover.replace(/ · [A-Za-z][A-Za-z\s'()-]*$/m, '');
    assert.deepEqual(englishWords(labels), [], hover);
  });

  await check('zh-problems', async () => {
    await wb.showProblems();
    const rows = await until(async () => {
      const r = (await wb.problemRows()).filter((x) => x.message);
      return r.length >= 2 && r.some((x) => x.code?.includes('term.variant')) && r;
    }, { stable: 2, timeout: 60_000, what: 'markers of the draft' });
    log('problems:', JSON.stringify(rows.map((r) => r.message)));
    await shot('problems');
    for (const row of rows) {
      assert.match(row.message, /\p{Script=Han}/u, row.message);
      assert.deepEqual(englishWords(row.message), [], row.message);
      assert.ok(!halfWidthNextToChinese(row.message), row.message);
    }
    assert.ok(rows.some((r) => r.message === '“新质生产率”为错误写法，应为“新质生产力”。'), JSON.stringify(rows));
  });

  await check('zh-quick-fix-titles', async () => {
    await page.locator('.markers-panel .monaco-list-row', { has: page.locator('.marker-message', { hasText: '新质生产率' }) }).first().click();
    await page.mouse.move(5, 5);
    const menu = await until(async () => {
      if (!(await page.locator('.action-widget').first().isVisible())) {
        await wb.focusEditor();
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
      }
      const r = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row')].map((e) => e.textContent.trim()));
      return r.some((t) => t.includes('修正为“新质生产力”')) && r;
    }, { interval: 500, what: 'quick fix 修正为“新质生产力”' });
    log('quick fixes:', JSON.stringify(menu));
    await shot('quick-fix');
    await page.keyboard.press('Escape');
    for (const title of menu.filter((t) => /[\p{Script=Han}]/u.test(t))) assert.deepEqual(englishWords(title), [], title);
  });

} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'code-server (Chinese UI)', t0);
