// Word navigation by jieba and the term statistics (issue 9) in a real VS Code (code-server + headless
// Chromium), with the packaged extension: Ctrl+←/→, Ctrl+Shift+→, Ctrl+Backspace/Delete and
// Shift+Alt+→ in a policy document, multi-cursor, the setting that turns the bindings off, the
// "Policy Terms" view (counts, click cycles through occurrences) and the term report webview (chart,
// density table, findings, CSP) with screenshots in .e2e/shots/ (prefixed nav-).
// Usage: node test/e2e/navigation.e2e.mjs   (after test/e2e/setup.mjs and npm run package)
//   E2E_VSIX=path uses another .vsix; E2E_KEEP=1 keeps the run dir.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { E2E_DIR, SHOTS, VSIX as PACKAGED } from './lib/paths.mjs';

const VSIX = process.env.E2E_VSIX || PACKAGED;
const DRAFT = '草稿.policy.txt';
const REPORT = '政府工作报告2024.policy.txt';
// Line 4 of the draft; jieba with the policy dictionary: 推动/高质量发展/是/新时代/的/硬道理/。/全市/上下/坚持/以/推动/高质量发展/…
const LINE_4 = '推动高质量发展是新时代的硬道理。全市上下坚持以推动高质量发展为主题，把高质量发展的要求贯穿经济社会发展全过程，以高质量发展的实际成效检验各项工作。';
// Columns (1-based) where Ctrl+→ stops from column 1: after 推动, 高质量发展, 是, 新时代, 的, 硬道理, (。passed) 全市, 上下, 坚持, 以.
// VS Code's own word navigation stops once, after 硬道理 or later: the whole run is one "word" to it.
const RIGHT_STOPS = [3, 8, 9, 12, 13, 16, 19, 21, 23, 24];
const LEFT_STOPS = [23, 21, 19, 17, 13, 12, 9, 8, 3, 1];

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nav-e2e-'));
const ws = path.join(runDir, 'workspace');
fs.cpSync(path.join(E2E_DIR, 'workspace'), ws, { recursive: true });
assert.equal(fs.readFileSync(path.join(ws, DRAFT), 'utf8').split('\n')[3], LINE_4, 'the draft’s line 4 changed: update this test');

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `nav-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('nav-', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({
  dir: path.join(runDir, 'code-server'),
  vsix: [VSIX],
  folder: ws,
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
});
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);
const consoleErrors = [];
page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

/** The status bar's cursor item, e.g. `Ln 4, Col 8 (7 selected)`. */
const cursor = () => wb.statusText('status.editor.selection');
/** Presses `key` and waits until the cursor item changes; returns its new text. */
async function press(key) {
  const before = await cursor();
  await page.keyboard.press(key);
  return until(async () => { const now = await cursor(); return now !== before && now; }, { timeout: 5000, interval: 30, what: `cursor to move on ${key} from ${before}` });
}
const column = (status) => Number(/Col (\d+)/.exec(status)?.[1]);

try {
  await wb.open(cs.url, ws);
  await wb.openFile(DRAFT, '基本情况');

  await check('jieba-ready', async () => {
    // the word motions answer from jieba's tokens once the server has loaded them (before that: Intl.Segmenter)
    // the extension's status item says jieba once the dictionary is loaded (issue 21)
    const item = page.locator('.statusbar-item[id$="policyLens.status"]');
    await until(async () => /jieba/.test(await item.innerText().catch(() => '')), { timeout: 90_000, interval: 1000, what: 'status item "Policy Lens: jieba"' });
  });

  await check('word-right', async () => {
    await wb.focusEditor();
    await wb.gotoLine(4);
    const stops = [];
    for (let i = 0; i < RIGHT_STOPS.length; i++) stops.push(column(await press('Control+ArrowRight')));
    log('Ctrl+→ stops at columns', stops.join(', '));
    assert.deepEqual(stops, RIGHT_STOPS);
  });

  await check('word-left', async () => {
    const stops = [];
    for (let i = 0; i < LEFT_STOPS.length; i++) stops.push(column(await press('Control+ArrowLeft')));
    log('Ctrl+← stops at columns', stops.join(', '));
    assert.deepEqual(stops, LEFT_STOPS);
  });

  await check('select-word-right', async () => {
    await press('Control+Shift+ArrowRight');
    const status = await press('Control+Shift+ArrowRight');
    log('after Ctrl+Shift+→ ×2:', status);
    await shot('select-推动高质量发展');
    assert.equal(status, 'Ln 4, Col 8 (7 selected)');
    await press('ArrowLeft'); // collapse to the start
  });

  await check('delete-word', async () => {
    await press('Control+ArrowRight');
    await press('Control+ArrowRight'); // after 高质量发展
    await page.keyboard.press('Control+Backspace');
    const line = await until(() => wb.renderedLine('推动是新时代'), { timeout: 5000, what: 'line without 高质量发展' });
    log('Ctrl+Backspace:', line.slice(0, 20));
    assert.ok(line.startsWith('推动是新时代的硬道理。'), line);
    await page.keyboard.press('Control+z');
    await until(() => wb.renderedLine('推动高质量发展是新时代'), { timeout: 5000, what: 'undo' });
    // Ctrl+Delete from column 3 removes the next word
    await wb.gotoLine(4);
    await press('Control+ArrowRight');
    await page.keyboard.press('Control+Delete');
    const after = await until(() => wb.renderedLine('推动是新时代'), { timeout: 5000, what: 'line without 高质量发展 (Ctrl+Delete)' });
    assert.ok(after.startsWith('推动是新时代'), after);
    await page.keyboard.press('Control+z');
    await until(() => wb.renderedLine('推动高质量发展是新时代'), { timeout: 5000, what: 'undo' });
  });

  await check('expand-selection', async () => {
    await wb.gotoLine(4);
    for (let i = 0; i < 9; i++) await press('ArrowRight'); // Col 10: inside 新时代
    const first = await press('Shift+Alt+ArrowRight');
    log('Shift+Alt+→:', first);
    await shot('expand-新时代');
    assert.equal(first, 'Ln 4, Col 12 (3 selected)');
    // a whole word already: VS Code's smart select takes over and grows it further
    const second = await press('Shift+Alt+ArrowRight');
    log('again:', second);
    assert.ok(Number(/\((\d+) selected\)/.exec(second)?.[1]) > 3, second);
    await page.keyboard.press('Escape');
  });

  await check('multi-cursor', async () => {
    await wb.gotoLine(4);
    await wb.command('Add Cursor Below');
    await wb.command('Add Cursor Below');
    await wb.focusEditor();
    // lines 4–6 start with 推动 / 二、 / 要因地制宜: one word each is selected, then deleted
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Backspace');
    const lines = await until(async () => {
      const l = [await wb.renderedLine('高质量发展是新时代'), await wb.renderedLine('主要举措'), await wb.renderedLine('因地制宜发展')];
      return l.every((x) => x && !x.startsWith('推动') && !x.startsWith('二') && !x.startsWith('要')) && l;
    }, { timeout: 5000, what: 'a word deleted on each of three lines' });
    log('after three cursors deleted a word each:', JSON.stringify(lines.map((l) => l.slice(0, 8))));
    await shot('multi-cursor');
    assert.deepEqual(lines.map((l) => l.slice(0, 4)), ['高质量发', '、主要举', '因地制宜']);
    await page.keyboard.press('Control+z');
    await until(() => wb.renderedLine('推动高质量发展是新时代'), { timeout: 5000, what: 'undo' });
    await page.keyboard.press('Escape');
  });

  await check('setting-off', async () => {
    // policyLens.wordNavigation.enable = false: the keys are VS Code's own again
    const settingsDir = path.join(ws, '.vscode');
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({ 'policyLens.wordNavigation.enable': false }, null, 2));
    const status = await until(async () => {
      await wb.focusEditor();
      await wb.gotoLine(4);
      const s = await press('Control+ArrowRight');
      return column(s) > RIGHT_STOPS[1] && s;
    }, { timeout: 20_000, interval: 500, what: 'VS Code’s own Ctrl+→ after turning the setting off' });
    log('built-in Ctrl+→ from column 1:', status);
    fs.writeFileSync(path.join(settingsDir, 'settings.json'), '{}\n');
    await until(async () => { await wb.gotoLine(4); return column(await press('Control+ArrowRight')) === RIGHT_STOPS[0]; }, { timeout: 20_000, interval: 500, what: 'our Ctrl+→ back on' });
  });

  await check('terms-view', async () => {
    await wb.command('Explorer: Focus on Policy Terms View');
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Policy Terms' }) });
    const rows = () => pane.locator('.monaco-list-row').evaluateAll((rs) => rs.map((r) => ({
      label: r.querySelector('.label-name')?.textContent?.trim(), description: r.querySelector('.label-description')?.textContent?.trim(), level: Number(r.getAttribute('aria-level')),
    })));
    const shown = await until(async () => { const r = await rows(); return r.some((x) => x.label === '高质量发展') && r; }, { timeout: 60_000, stable: 2, what: 'Policy Terms rows' });
    log('Policy Terms:', JSON.stringify(shown.slice(0, 10)));
    await shot('terms-view');
    assert.deepEqual(shown.find((x) => x.label === '高质量发展'), { label: '高质量发展', description: '4', level: 2 });
    // the misspelt 新质生产率 counts under 新质生产力, flagged
    assert.match(shown.find((x) => x.label === '新质生产力')?.description ?? '', /1 misspelt/);
    assert.equal(shown[0].level, 1); // a category first
    // 高质量发展's category, named in the UI language (发展理念 in the glossary)
    const quality = shown.findIndex((x) => x.label === '高质量发展');
    assert.equal(shown.slice(0, quality).reverse().find((x) => x.level === 1)?.label, 'Development philosophy');

    // clicking cycles through the occurrences: each click selects the next 高质量发展 of line 4
    const expected = [];
    for (let at = LINE_4.indexOf('高质量发展'); at >= 0; at = LINE_4.indexOf('高质量发展', at + 1)) expected.push(`Ln 4, Col ${at + 6} (5 selected)`);
    const row = pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^高质量发展$/ }) });
    await wb.focusEditor();
    await wb.gotoLine(1); // the first click goes to the first occurrence after the cursor
    const seen = [];
    for (let i = 0; i <= expected.length; i++) {
      const before = await cursor();
      await row.click();
      seen.push(await until(async () => { const s = await cursor(); return s !== before && s; }, { timeout: 5000, what: 'selection to move to the next occurrence' }));
    }
    log('clicks selected:', JSON.stringify(seen));
    await shot('terms-view-click');
    assert.deepEqual(seen, [...expected, expected[0]]);
  });

  /** The frame of the open webview whose document has `#report` (code-server nests it in two iframes). */
  async function reportFrame(headingIncludes) {
    return until(async () => {
      for (const frame of page.frames()) {
        const heading = await frame.locator('#report h1').textContent({ timeout: 200 }).catch(() => null);
        if (heading?.includes(headingIncludes)) return frame;
      }
      return null;
    }, { timeout: 60_000, interval: 300, what: `report webview "${headingIncludes}"` });
  }

  await check('term-report', async () => {
    await wb.openFile(REPORT, '2023年工作回顾');
    consoleErrors.length = 0;
    await wb.command('Policy Lens: Show Term Report (显示术语报告)');
    const frame = await reportFrame(REPORT);
    const facts = await until(() => frame.evaluate(() => {
      const canvas = document.querySelector('#report canvas');
      if (!canvas || canvas.width === 0) return null;
      // the chart is drawn: some pixels are not transparent
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      const heat = [...document.querySelectorAll('table.heatmap tbody tr')].map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]);
      return {
        summary: document.querySelector('.summary')?.textContent,
        painted,
        columns: [...document.querySelectorAll('table.heatmap thead th')].map((th) => th.textContent),
        columnTitles: [...document.querySelectorAll('table.heatmap thead th')].map((th) => th.title),
        heat,
        rules: [...document.querySelectorAll('details.rule summary')].map((s) => s.textContent),
        chartsBlue: getComputedStyle(document.body).getPropertyValue('--vscode-charts-blue').trim(),
        chartsOrange: getComputedStyle(document.body).getPropertyValue('--vscode-charts-orange').trim(),
        background: getComputedStyle(document.body).backgroundColor,
      };
    }).then((f) => f && f.painted > 1000 && f), { timeout: 30_000, what: 'the chart to be drawn' });
    log('report:', JSON.stringify({ ...facts, heat: facts.heat.slice(0, 3) }));
    await shot('term-report');
    // the whole report, its editor group maximized (best effort: only for the screenshots)
    await page.locator('.tabs-container .tab', { hasText: 'Term Report:' }).first().click();
    const maximized = await wb.command('View: Toggle Maximize Editor Group').then(() => true, () => false);
    await page.waitForTimeout(500);
    await shot('term-report-wide');
    assert.match(facts.summary, /^Characters: 17,276 · terms and slogans: 338 · occurrences: 471 · findings: 1$/);
    assert.deepEqual(facts.columns.slice(1, 3), ['1.政府工作报告', '一、2023年工作…']);
    // the header's tooltip: the full name, its line and its characters
    assert.equal(facts.columnTitles[2], '一、2023年工作回顾 · Ln 11 (4,135)');
    assert.deepEqual(facts.heat[0], ['高质量发展', '·', '4', '7', '11', '22']);
    assert.match(facts.rules[0], /slogan\.repeated.*1/);
    assert.ok(facts.chartsBlue, 'the theme’s --vscode-charts-blue reaches the webview');
    const csp = consoleErrors.filter((m) => /Content Security Policy|Refused to/.test(m));
    assert.deepEqual(csp, [], 'no content security policy violations');

    await frame.locator('table.heatmap').scrollIntoViewIfNeeded();
    await shot('term-report-density');
    if (maximized) await wb.command('View: Toggle Maximize Editor Group').catch(() => {});

    // a finding's link reveals it in the editor
    await frame.locator('details.rule summary').first().click();
    // the one finding of the report since slogan.repeated stopped reporting topics: 高质量发展 ×4 on line 71
    await frame.locator('details.rule a').first().click();
    const status = await until(async () => { const s = await cursor(); return s.startsWith('Ln 71,') && s; }, { timeout: 10_000, what: 'the finding revealed in the editor' });
    log('finding revealed at', status);
    await shot('term-report-reveal');
  });

  await check('workspace-report', async () => {
    await wb.command('Policy Lens: Show Term Report for the Workspace (显示工作区术语报告)');
    const frame = await reportFrame('documents: 3');
    const columns = await until(() => frame.evaluate(() => [...document.querySelectorAll('table.heatmap thead th')].map((th) => th.title)).then((c) => c.length === 5 && c), { timeout: 30_000, what: 'three document columns' });
    log('workspace columns:', JSON.stringify(columns));
    await until(() => frame.evaluate(() => document.querySelector('#report canvas')?.width > 0), { timeout: 10_000, what: 'chart' });
    await shot('workspace-report');
    assert.deepEqual(columns.slice(1, 4).map((c) => c.replace(/ \(.*\)$/, '')).sort(), ['北京市政府工作报告2024.policy.txt', '政府工作报告2024.policy.txt', '草稿.policy.txt'].sort());
  });
} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'navigation', t0);
