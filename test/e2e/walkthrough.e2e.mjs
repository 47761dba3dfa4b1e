// A first-time user's first fixed finding (issue 21: "a first-time user reaches a first fixed finding
// in under two minutes"). The packaged extension freshly installed into a fresh code-server profile,
// an empty project folder, the server not started yet (the dictionary loads while the user reads, as
// on a first run). The script follows the walkthrough as its texts tell a newcomer to, with the
// mouse and keys a person would use, and counts those actions:
//   Command Palette (Ctrl+Shift+P) → type "Policy Lens walkthrough" → click the command →
//   the step's button "Open the Sample Draft" → the step "Fix a problem" → click the wavy-underlined
//   新质生产率 in line 14 → Ctrl+. → click `Change to "新质生产力"`.
// What is measured: the number of actions and how long the editor takes for each (the script acts as
// soon as what it waits for is on screen). What is estimated: the person's own time — reading the
// steps and moving the mouse — from the Keystroke-Level Model (Card, Moran & Newell 1980: 1.35 s to
// decide on an action, 1.1 s to point, 0.2 s to click, 0.28 s a keystroke, 0.4 s from mouse to keys)
// and a reading speed of 200 English words a minute, printed next to the measurement. A script is not
// a newcomer: whether the texts are understood is judged by reading them (docs/e2e.md).
// Usage: node test/e2e/walkthrough.e2e.mjs   (after test/e2e/setup.mjs and npm run package; run.mjs does all)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { SHOTS, VSIX } from './lib/paths.mjs';

const COMMAND = 'Policy Lens: Open the Getting-Started Walkthrough (打开入门指南)';
const FIX_TITLE = 'Change to "新质生产力"';
const WRONG = '新质生产率';
const FIXED_LINE = '要因地制宜发展新质生产力，';
/** The goal for the whole way, person and editor together. */
const GOAL_MS = 120_000;
/** Keystroke-Level Model operators (s) and reading speed (English words a minute). */
const KLM = { M: 1.35, P: 1.1, B: 0.2, K: 0.28, H: 0.4 };
const WORDS_PER_MINUTE = 200;

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-walkthrough-e2e-'));
const ws = path.join(runDir, 'my-project');
fs.mkdirSync(ws, { recursive: true });
// what a project folder might hold before the extension: a plain note (no policy document: nothing starts the server)
fs.writeFileSync(path.join(ws, 'notes.txt'), 'to do\n');

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `walkthrough-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('walkthrough-', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({ dir: path.join(runDir, 'code-server'), vsix: [VSIX], folder: ws, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);

/** The user's actions: what was done, the KLM time a person needs for it (s), how long the editor took to show its result (ms). */
const actions = [];
/** Texts the user reads before acting (for the reading-time estimate). */
const read = [];
/** Performs one user action and waits for what it should show; records both. */
async function act(what, person, perform, result, { timeout = 30_000 } = {}) {
  const start = Date.now();
  await perform();
  const value = await until(result, { timeout, interval: 100, what: `after "${what}"` });
  actions.push({ what, person, ms: Date.now() - start });
  log(`action ${actions.length}: ${what} — the editor ${Date.now() - start} ms`);
  return value;
}
/**
 * An action that may have no effect the first time (a click while the walkthrough slides in, the
 * Command Palette typed into before the extensions are listed): the person does it again, and every
 * try counts as an action.
 */
async function actUntil(what, person, perform, result, { timeout = 5000, tries = 4, againPerson = person } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await act(i > 1 ? `${what} (again)` : what, i > 1 ? againPerson : person, perform, result, { timeout });
    } catch (e) {
      actions.push({ what: `${what} (no effect)`, person, ms: timeout });
      log(`action ${actions.length}: ${what} — no effect within ${timeout} ms`);
      if (i >= tries) throw e;
    }
  }
}
const words = (text) => (text.match(/[A-Za-z0-9'’.-]+/g) ?? []).length + [...text.matchAll(/\p{Script=Han}/gu)].length / 2;

/** Box of `text` on screen in any editor (the sample is in the second editor group). */
const boxOf = (text) => wb.textBox(text, { anyGroup: true });
/** True when a warning squiggle is drawn under the box. */
const squiggleUnder = (box) => page.evaluate((box) => [...document.querySelectorAll('.editor-group-container .view-overlays .squiggly-warning')].some((e) => {
  const r = e.getBoundingClientRect();
  return r.left < box.x + box.width - 1 && r.right > box.x + 1 && r.top < box.y + box.height && r.bottom > box.y;
}), box);

try {
  await wb.open(cs.url, ws);

  await check('walkthrough-first-fix', async () => {
    const steps = page.locator('.gettingStartedContainer');
    const start = Date.now();
    await act('Ctrl+Shift+P (Command Palette)', KLM.M + KLM.K * 3, () => page.keyboard.press('Control+Shift+P'), () => page.locator('.quick-input-widget .quick-input-box input').isVisible());
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: COMMAND });
    // (typed again over the old text, Ctrl+A first, when the command is not listed yet)
    await actUntil('type "Policy Lens walkthrough"', KLM.M + KLM.K * 25, async () => { await page.keyboard.press('Control+A'); await page.keyboard.type('>Policy Lens walkthrough'); }, () => row.first().isVisible());
    await act(`click "${COMMAND}"`, KLM.H + KLM.M + KLM.P + KLM.B, () => row.first().click(), async () => (await steps.innerText().catch(() => '')).includes('Open the sample draft'));
    await shot('opened');
    // the first step is open: its text is what the user reads before the button
    const first = await until(async () => {
      const t = await page.locator('.getting-started-step.expanded').first().innerText().catch(() => '');
      return t.includes('Open the Sample Draft') && t;
    }, { what: 'the first step expanded' });
    read.push(first);
    const button = steps.getByRole('button', { name: 'Open the Sample Draft', exact: true });
    const sample = page.locator('.editor-group-container .view-lines', { hasText: '关于加快发展新质生产力的工作方案' });
    // the walkthrough slides in; a click during the slide misses (then the person clicks again, counted)
    await actUntil('click "Open the Sample Draft"', KLM.M + KLM.P + KLM.B, () => button.first().click({ timeout: 5000 }), () => sample.first().isVisible());
    // the sample opens beside the walkthrough: the steps stay readable next to it
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the sample opened to the side of the walkthrough');
    await shot('sample');
    const stepTitle = steps.locator('.getting-started-step', { hasText: 'Fix a problem' });
    const fixStep = await act('click the step "Fix a problem"', KLM.M + KLM.P + KLM.B, () => stepTitle.first().click(), async () => {
      const t = await page.locator('.getting-started-step.expanded').first().innerText().catch(() => '');
      return t.includes('Fix a problem') && t.includes('Ctrl+.') && t;
    });
    read.push(fixStep);
    log('the step says:', fixStep.replace(/\s+/g, ' '));
    // the finding: the person sees the wavy line under 新质生产率 (the server starts with the sample and loads the dictionary)
    const waitStart = Date.now();
    const box = await until(async () => { const b = await boxOf(WRONG); return b && (await squiggleUnder(b)) && b; }, { timeout: 90_000, interval: 200, what: `a squiggle under ${WRONG}` });
    const waitedForFinding = Date.now() - waitStart;
    log(`the underline under ${WRONG} was there ${waitedForFinding} ms after the step was read`);
    const menu = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE });
    // A person reads the step before clicking; the script only waits for the walkthrough to settle
    // (the step's slide-open and its focus: a click at once was taken back by the walkthrough page).
    await until(() => page.evaluate(() => `${document.getAnimations().filter((a) => a.playState === 'running').length} ${document.activeElement?.className}`), { stable: 4, interval: 150, what: 'the walkthrough settled' });
    // the sample's editor group active, the cursor in line 14 (its line number the active one)
    await actUntil(`click ${WRONG} in line 14`, KLM.M + KLM.P + KLM.B, () => page.mouse.click(box.cx, box.cy), () => page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container.active .line-numbers.active-line-number')].some((e) => e.textContent.trim() === '14')));
    // Ctrl+. with nothing shown (the walkthrough page took the focus back, as seen once in CI): the
    // person clicks the word again and presses again; every try counts. What the screen showed is logged.
    let ctrlDotTries = 0;
    await actUntil('Ctrl+.', KLM.H + KLM.M + KLM.K * 2, async () => {
      if (ctrlDotTries++ > 0) {
        log('no quick-fix menu; the screen showed:', await page.evaluate(() => JSON.stringify({
          focus: `${document.activeElement?.tagName}.${document.activeElement?.className}`.slice(0, 120),
          actionRows: [...document.querySelectorAll('.action-widget .monaco-list-row')].map((e) => e.textContent),
          messages: [...document.querySelectorAll('.monaco-editor-overlaymessage, .notification-list-item-message')].map((e) => e.textContent),
        })));
        await page.keyboard.press('Escape');
        await page.mouse.click(box.cx, box.cy);
      }
      await page.keyboard.press('Control+.');
    }, () => menu.first().isVisible(), { timeout: 8_000, tries: 3, againPerson: KLM.M + KLM.P + KLM.B + KLM.H + KLM.K * 2 });
    await shot('quick-fix');
    await act(`click "${FIX_TITLE}"`, KLM.H + KLM.M + KLM.P + KLM.B, () => menu.first().click(), async () => {
      const b = await boxOf(FIXED_LINE);
      return b !== null && (await boxOf(WRONG)) === null && !(await squiggleUnder({ ...b, x: b.x + b.width * 0.4, width: b.width * 0.5 }));
    });
    const editorMs = Date.now() - start;
    await shot('fixed');

    const readingS = read.reduce((sum, t) => sum + words(t), 0) / WORDS_PER_MINUTE * 60;
    const personS = actions.reduce((sum, a) => sum + a.person, 0);
    const editorWaitS = actions.reduce((sum, a) => sum + a.ms, 0) / 1000 + waitedForFinding / 1000;
    log(`${actions.length} user actions; the editor: ${(editorMs / 1000).toFixed(1)} s from the first key to the fixed line (waits: ${actions.map((a) => (a.ms / 1000).toFixed(1)).join(' + ')} s, and ${(waitedForFinding / 1000).toFixed(1)} s for the finding)`);
    // upper bound: the person's time added to the editor's, as if nobody read while the editor worked
    const totalS = readingS + personS + editorWaitS;
    log(`estimated for a person: reading ${readingS.toFixed(0)} s (${read.reduce((s, t) => s + words(t), 0).toFixed(0)} words at ${WORDS_PER_MINUTE}/min) + acting ${personS.toFixed(1)} s (KLM) + the editor ${editorWaitS.toFixed(1)} s = ${totalS.toFixed(0)} s (goal < ${GOAL_MS / 1000} s)`);
    assert.ok(editorMs < 60_000, `the editor took ${editorMs} ms`);
    assert.ok(totalS * 1000 < GOAL_MS, `estimated ${totalS.toFixed(0)} s`);
  });
} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'walkthrough', t0);
