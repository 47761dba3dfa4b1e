// The packaged extension in a real VS Code (code-server 4.139 = VS Code 1.139) in headless Chromium.
// Installs the .vsix built by `npm run package` into a fresh profile, opens a copy of
// test/e2e/workspace and checks what a person sees, from the DOM. Screenshots: .e2e/shots/.
// Usage: node test/e2e/vscode.e2e.mjs   (after test/e2e/setup.mjs and npm run package; run.mjs does all)
//   E2E_KEEP=1 keeps the run dir (profiles, logs, workspace); it is kept anyway when a check fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { HOVER_DEFINITION, HOVER_HEADING_TEXT, REPORT_OUTLINE } from './lib/expected.mjs';
import { E2E_DIR, NODE24, SHOTS, VSIX } from './lib/paths.mjs';

const REPORT = '政府工作报告2024.policy.txt';
const BEIJING = '北京市政府工作报告2024.policy.txt';
const DRAFT = '草稿.policy.txt';

const SLOGAN_MESSAGE = '"进一步" occurs 3 times in this paragraph.';
const VARIANT_MESSAGE = '"新质生产率" is a wrong form of "新质生产力".';
const TYPO_MESSAGE = '"再接再励" is a misspelling of "再接再厉" (as in 《现代汉语词典》第7版).';
// English display language (code-server's default); the zh-cn text is from l10n/bundle.l10n.zh-cn.json
const RESTART_MESSAGES = ['The Policy Lens server stopped and was restarted.', '政策文稿助手语言服务器已停止并已重新启动。'];

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-e2e-'));
const ws = path.join(runDir, 'workspace');
fs.cpSync(path.join(E2E_DIR, 'workspace'), ws, { recursive: true });

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({
  dir: path.join(runDir, 'code-server'),
  vsix: [VSIX],
  folder: ws,
  settings: {
    'workbench.colorTheme': 'Default Dark Modern',
    // the LSP messages go to the extension's log (printed when a check fails)
    'policyLens.trace.server': 'messages',
  },
});
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);

try {
  await wb.open(cs.url, ws);
  await wb.openFile(REPORT, '2023年工作回顾');

  await check('language-mode', async () => {
    // the package's language (contributes.languages): the status bar shows its first alias
    const mode = await until(async () => { const m = await wb.statusText('status.editor.mode'); return m !== 'Plain Text' && m; }, { what: 'language mode' });
    log('language mode:', mode);
    // the language is named in the UI language (issue 21): `%language.policy%` → Policy Document / 政策文稿
    assert.equal(mode, 'Policy Document');
  });

  await check('status-item', async () => {
    // the extension's status bar item (issue 21): segmenter and number of findings, details in its tooltip
    const item = page.locator('.statusbar-item[id$="policyLens.status"]');
    const text = await until(async () => { const t = (await item.innerText().catch(() => '')).trim(); return /jieba/.test(t) && t; }, { timeout: 60_000, interval: 500, what: 'status item with jieba' });
    log('status item:', text);
    assert.match(text, /^Policy Lens: jieba · \d+ findings?$/);
    const widget = page.locator('.monaco-hover:not(.hidden)');
    const tooltip = await until(async () => {
      await page.mouse.move(5, 5);
      await item.hover();
      const t = await widget.first().innerText({ timeout: 3000 }).catch(() => '');
      return t.includes('Segmenter:') && t;
    }, { interval: 1000, what: 'status item tooltip' });
    log('tooltip:', tooltip.replace(/\s+/g, ' '));
    assert.match(tooltip, /Segmenter: jieba with the policy dictionary, loaded in \d+ ms; words from user dictionaries: 0\./);
    assert.match(tooltip, /Findings in this document: \d+\./);
    await shot('status-item');
    await page.mouse.move(5, 5);
  });

  await check('outline', async () => {
    await wb.command('Explorer: Focus on Outline View');
    // collapse the file tree so the Outline pane is tall enough to render its first rows
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const rows = await until(async () => {
      const r = await page.evaluate(() => [...document.querySelectorAll('.outline-pane .monaco-list-row')]
        .map((row) => [Number(row.getAttribute('aria-level')), row.querySelector('.label-name')?.textContent?.trim()]));
      return r.length >= REPORT_OUTLINE.length && r;
    }, { stable: 3, what: 'outline rows' });
    log('outline:', JSON.stringify(rows.slice(0, 12)));
    await shot('outline');
    await folders.click(); // the file tree again, for the next checks
    assert.deepEqual(rows.slice(0, REPORT_OUTLINE.length), REPORT_OUTLINE);
  });

  await check('grammar', async () => {
    await wb.focusEditor();
    await wb.gotoLine(11); // 一、2023年工作回顾
    await wb.command('Developer: Inspect Editor Tokens and Scopes');
    const inspect = page.locator('.token-inspect-widget');
    const text = await until(async () => { const t = await inspect.innerText().catch(() => ''); return t.includes('textmate scopes') && t; }, { what: 'token inspector' });
    log('token inspector:', text.replace(/\s+/g, ' ').slice(0, 300));
    assert.match(text, /markup\.heading\.1\.policy/);
    assert.match(text, /text\.policy/);
    // The heading's marker is drawn in the theme's markup.heading style (Dark Modern: #569CD6, bold), body text is not.
    const styles = await page.evaluate(() => {
      const styleOf = (lineText, tokenText) => {
        for (const line of document.querySelectorAll('.editor-group-container.active .view-lines .view-line')) {
          if (!line.textContent.includes(lineText)) continue;
          for (const span of line.querySelectorAll('span > span')) {
            if (span.textContent.startsWith(tokenText)) { const s = getComputedStyle(span); return { text: span.textContent, color: s.color, weight: s.fontWeight }; }
          }
        }
        return null;
      };
      return { heading: styleOf('2023年工作回顾', '一、'), body: styleOf('各位代表', '各位代表') };
    });
    log('styles:', JSON.stringify(styles));
    await shot('grammar-heading-scope');
    await page.keyboard.press('Escape');
    assert.equal(styles.heading?.color, 'rgb(86, 156, 214)', JSON.stringify(styles));
    assert.equal(styles.heading.weight, '700');
    assert.notEqual(styles.body?.color, styles.heading.color);
  });

  await check('hover', async () => {
    await wb.openFile(DRAFT, '基本情况');
    const texts = await wb.hover('新质生产力', HOVER_DEFINITION, { lineContains: '调研报告' });
    log('hover:', JSON.stringify(texts).slice(0, 300));
    await wb.hoverSettled().catch(() => {});
    await shot('hover-新质生产力');
    await page.mouse.move(5, 5);
    const hover = texts.find((t) => t.includes(HOVER_DEFINITION));
    assert.ok(hover.startsWith(HOVER_HEADING_TEXT), hover);
  });

  await check('walkthrough', async () => {
    // the getting-started walkthrough opens, and its first step opens the sample draft with a finding of every rule
    // (the other documents are closed first, so that the Problems panel lists the sample's findings alone)
    await wb.command('View: Close All Editors');
    await wb.command('Policy Lens: Open the Getting-Started Walkthrough (打开入门指南)');
    const page1 = page.locator('.gettingStartedContainer');
    const text = await until(async () => { const t = await page1.innerText().catch(() => ''); return t.includes('Get Started with Policy Lens') && t.includes('Add a user glossary entry') && t; }, { what: 'walkthrough page' });
    log('walkthrough:', text.replace(/\s+/g, ' ').slice(0, 300));
    for (const step of ['Open the sample draft', 'Hover a term', 'Fix a problem', 'Outline and Policy Terms view', 'Add a reference text', 'Add a user glossary entry']) assert.ok(text.includes(step), step);
    assert.ok(!/[\u4e00-\u9fff]{4,}/.test(text.replace(/新质生产[力率]|三农/g, '')), 'no Chinese sentences in the English walkthrough');
    await shot('walkthrough');
    // the step's command link renders as a button; the first step is expanded once the walkthrough's slide is in
    // (the Welcome overview slides away first: a click during the slide misses, so click until the sample opens)
    const button = page.locator('.gettingStartedContainer').getByRole('button', { name: 'Open the Sample Draft', exact: true });
    const sample = page.locator('.editor-group-container.active .view-lines', { hasText: '关于加快发展新质生产力的工作方案' });
    await until(async () => {
      if (await sample.first().isVisible()) return true;
      if (await button.first().isVisible()) await button.first().click({ timeout: 3000 }).catch(() => {});
      await sample.first().waitFor({ timeout: 3000 }).catch(() => {});
      return sample.first().isVisible();
    }, { interval: 500, what: 'the sample draft opened from the walkthrough' });
    await wb.showProblems();
    // the panel tall enough to render every row (the list renders only the rows in view)
    await wb.command('View: Toggle Maximized Panel');
    const codes = await until(async () => {
      const c = [...new Set((await wb.problemRows()).map((r) => /[a-z]+\.[a-z]+/.exec(r.code ?? '')?.[0]).filter(Boolean))].sort();
      return c.length >= 7 && c;
    }, { timeout: 60_000, stable: 2, what: 'a finding of every rule on the sample' });
    log('sample findings:', JSON.stringify(codes));
    await shot('walkthrough-sample');
    await wb.command('View: Toggle Maximized Panel');
    // the sample goes (unsaved, untitled), so that its markers do not mix with the draft's in the next checks
    await wb.focusEditor();
    await wb.command('View: Revert and Close Editor');
    await until(async () => !(await wb.problemRows()).some((r) => r.code?.includes('quote.mismatch')), { what: 'sample markers to go' });
    if (await page.locator('.tabs-container .tab.active', { hasText: 'Walkthrough' }).count()) await wb.command('View: Close Editor');
    await wb.openFile(DRAFT, '基本情况');
    for (const code of ['outline.numbering', 'punctuation.width', 'quote.mismatch', 'sentence.duplicated', 'slogan.repeated', 'term.inconsistent', 'term.variant']) assert.ok(codes.includes(code), code);
  });

  // The draft's last paragraph (line 9) says 进一步 three times in one sentence; line 6 has the typo 新质生产率.
  // (Line 4 says 高质量发展 four times, but it is that paragraph's topic: slogan.repeated leaves it alone.)
  await check('problems-slogan', async () => {
    await wb.showProblems();
    const rows = await until(async () => {
      const r = await wb.problemRows();
      return r.filter((x) => x.message === SLOGAN_MESSAGE).length >= 1 && r.some((x) => x.message === VARIANT_MESSAGE) && r;
    }, { stable: 2, what: 'slogan and variant markers' });
    log('problems:', JSON.stringify(rows.map((r) => r.aria)));
    await shot('problems');
    const slogans = rows.filter((x) => x.message === SLOGAN_MESSAGE);
    // one diagnostic on the first occurrence (the others are its related information), information severity
    assert.deepEqual(slogans.map((s) => s.position), ['[Ln 9, Col 6]']);
    for (const s of slogans) {
      assert.match(s.aria, /^Info: /, s.aria);
      assert.match(s.code ?? '', /slogan\.repeated/);
    }
  });

  /** Clicks the Problems row with `message`, opens the quick fix menu in the editor, picks `title`. */
  async function applyQuickFix(message, title, slug) {
    await wb.showProblems();
    await page.locator('.markers-panel .monaco-list-row', { has: page.locator('.marker-message', { hasText: message }) }).first().click();
    await page.mouse.move(5, 5); // off the row, so that its tooltip does not open and linger
    const menuRows = () => page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row')].map((e) => e.textContent.trim()));
    const rows = await until(async () => {
      // (re)open the menu until it lists the fix: code actions are asked for when it opens
      if (!(await page.locator('.action-widget').first().isVisible())) {
        await wb.focusEditor();
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
      }
      const r = await menuRows();
      if (r.some((t) => t.includes(title))) return r;
      if (r.length) await page.keyboard.press('Escape');
      return null;
    }, { interval: 500, what: `quick fix "${title}"` });
    log('quick fixes:', JSON.stringify(rows));
    await shot(`quick-fix-menu-${slug}`);
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().click();
    await until(async () => !(await page.locator('.action-widget').first().isVisible()), { timeout: 5000, what: 'quick fix menu to close' });
    return rows;
  }

  await check('quick-fix-ignore-slogan', async () => {
    await applyQuickFix(SLOGAN_MESSAGE, 'Ignore "进一步" in this workspace', 'ignore-slogan');
    // the command writes the workspace settings, the server re-checks, the markers go away
    const settingsFile = path.join(ws, '.vscode/settings.json');
    const settings = await until(() => {
      const json = fs.existsSync(settingsFile) && JSON.parse(fs.readFileSync(settingsFile, 'utf8') || '{}');
      return json?.['policyLens.ignoredPhrases'] && json;
    }, { what: 'policyLens.ignoredPhrases in .vscode/settings.json' });
    log('workspace settings:', JSON.stringify(settings));
    assert.deepEqual(settings['policyLens.ignoredPhrases'], ['进一步']);
    await wb.showProblems();
    const rows = await until(async () => { const r = await wb.problemRows(); return !r.some((x) => x.message === SLOGAN_MESSAGE) && r; }, { what: 'slogan markers to disappear' });
    await shot('problems-after-ignore');
    assert.ok(rows.some((x) => x.message === VARIANT_MESSAGE), 'the term.variant marker stays');
  });

  await check('quick-fix-term-variant', async () => {
    assert.ok(await wb.renderedLine('因地制宜发展新质生产率，'));
    await applyQuickFix(VARIANT_MESSAGE, 'Change to "新质生产力"', 'term-variant');
    const line = await until(() => wb.renderedLine('因地制宜发展新质生产力'), { what: 'fixed line' });
    log('line 6 now:', line);
    assert.equal(line, '要因地制宜发展新质生产力，推动产业链供应链优化升级，积极培育新兴产业和未来产业。');
    await wb.showProblems();
    await until(async () => !(await wb.problemRows()).some((x) => x.message === VARIANT_MESSAGE), { what: 'variant marker to disappear' });
    await shot('term-variant-fixed');
    // the tab shows the unsaved edit
    assert.equal(await page.locator('.tabs-container .tab.active.dirty', { hasText: DRAFT }).count(), 1);
  });

  await check('quick-fix-proofreading', async () => {
    // issue 15: a proofreading rule (typo.fixedExpression) in the draft's line 8, fixed from the Problems panel
    await wb.showProblems();
    const rows = await until(async () => { const r = await wb.problemRows(); return r.some((x) => x.message === TYPO_MESSAGE) && r; }, { what: 'typo marker' });
    const typo = rows.find((x) => x.message === TYPO_MESSAGE);
    log('typo marker:', typo.aria);
    assert.equal(typo.position, '[Ln 8, Col 6]');
    assert.match(typo.aria, /^Warning: /, typo.aria);
    assert.match(typo.code ?? '', /typo\.fixedExpression/);
    await applyQuickFix(TYPO_MESSAGE, 'Change to "再接再厉"', 'typo');
    const line = await until(() => wb.renderedLine('要再接再厉'), { what: 'fixed line 8' });
    log('line 8 now:', line);
    assert.equal(line, '全市上下要再接再厉，奋力谱写新篇章。');
    await wb.showProblems();
    await until(async () => !(await wb.problemRows()).some((x) => x.message === TYPO_MESSAGE), { what: 'typo marker to disappear' });
    await shot('typo-fixed');
  });

  await check('workspace-symbol', async () => {
    await wb.focusEditor();
    // Go to Symbol in Workspace (Ctrl+T) finds a heading of the Beijing report, a file never opened
    const wanted = '（一）持续提升首都功能，推动京津冀协同发展取得新的更大进展';
    const rows = await wb.quickPick('Control+T', '#首都功能', (r) => r.label === wanted, { retypeEvery: 3000 });
    log('workspace symbols:', JSON.stringify(rows.slice(0, 5)));
    await shot('workspace-symbol');
    const row = rows.find((r) => r.label === wanted);
    assert.match(row.description, /北京市政府工作报告2024\.policy\.txt/);
    await wb.accept(rows, (r) => r.label === wanted);
    await page.locator('.tabs-container .tab.active', { hasText: BEIJING }).waitFor({ timeout: 10_000 });
    const pos = await until(async () => { const s = await wb.statusText('status.editor.selection'); return s.startsWith('Ln 29,') && s; }, { what: 'cursor on the heading' });
    log('cursor:', pos);
  });

  let serverPid;
  await check('server-process', async () => {
    // The server runs from the installed package, under code-server's Node 24, with the packaged
    // native nodejieba loaded (the .vsix carries it; no fallback segmenter).
    const pids = cs.processes(cs.ext, 'dist/server.js');
    assert.equal(pids.length, 1, `server processes: ${pids}`);
    serverPid = pids[0];
    const exe = fs.realpathSync(`/proc/${serverPid}/exe`);
    const maps = fs.readFileSync(`/proc/${serverPid}/maps`, 'utf8');
    const jieba = [...new Set(maps.split('\n').map((l) => l.split(/\s+/).slice(5).join(' ')).filter((p) => p.endsWith('nodejieba.node')))];
    log(`server pid ${serverPid}, exe ${exe}, native: ${jieba.join(', ')}`);
    assert.equal(exe, fs.realpathSync(NODE24));
    assert.equal(jieba.length, 1);
    assert.ok(jieba[0].startsWith(cs.ext + path.sep), jieba[0]);
  });

  await check('server-restart', async () => {
    assert.ok(serverPid, 'no server pid from the previous check');
    // the status bar's problem counts (errors, warnings, infos) of the open documents, once settled
    const counts = () => wb.statusText('status.problems').then((t) => t.replace(/\s+/g, ' '));
    const before = await until(counts, { stable: 4, interval: 300, what: 'problem counts to settle' });
    log('problem counts before:', before);
    process.kill(serverPid, 'SIGKILL');
    const toast = await until(async () => (await wb.notifications()).find((m) => RESTART_MESSAGES.includes(m)), { what: 'restart notification' });
    log('notification:', toast);
    const newPid = await until(() => cs.processes(cs.ext, 'dist/server.js').find((p) => p !== serverPid), { what: 'new server process' });
    log('new server pid:', newPid);
    await shot('server-restarted');
    // the restarted server checks the open documents again: the same counts as before the crash
    const after = await until(async () => { const c = await counts(); return c === before && c; }, { what: `problem counts back to ${before}` });
    log('problem counts after:', after);
    // hovers work again
    await wb.openFile(DRAFT, '基本情况');
    const texts = await wb.hover('新质生产力', HOVER_DEFINITION, { lineContains: '调研报告' });
    await wb.hoverSettled().catch(() => {});
    await shot('hover-after-restart');
    assert.ok(texts.some((t) => t.startsWith(HOVER_HEADING_TEXT)), JSON.stringify(texts));
  });
} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'code-server', t0);
