// Typing latency in the real editor (issue 21): "typing in a policy document stays within 1.2 × that
// of the same text as plain text". The packaged extension in code-server + headless Chromium; the
// 2024 national report opened twice, as `打字测试.policy.txt` (language Policy Document: the
// extension's server, diagnostics, semantic tokens, completion, word wrap) and as `打字测试.txt`
// (Plain Text, which the extension leaves alone by default). In each, Chinese characters are typed
// one by one at the end of the same paragraphs, at a writer's pace, and for every character the time
// from sending it (Chrome DevTools Protocol `Input.insertText`, what an input method's commit does)
// until the editor's DOM shows it is taken: the page's clock is matched to this process's clock
// first, and a MutationObserver on the editor's view lines notes when each typed prefix appears.
// Rounds alternate between the two documents (policy, plain, plain, policy, …) so that the load of
// this shared machine falls on both alike. Prints every median, the ratio and whether it meets the
// goal of 1.2 (not yet: 1.17–1.44 here, the same build giving both); fails above 1.7, where semantic highlighting had put it
// (1.52–1.91) before it waited for pauses in typing — a guard against that kind of regression with
// room for this machine's noise (one run's ratio moves by 0.2), not the goal.
// Usage: node test/e2e/typing.e2e.mjs   (after test/e2e/setup.mjs and npm run package; run.mjs does all)
//   TYPING_ROUNDS=N (default 12, even), TYPING_CHARS=N characters per round (default 20), TYPING_GAP_MS (default 250)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, QUIET_SETTINGS, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { E2E_DIR, SHOTS, VSIX } from './lib/paths.mjs';

const POLICY = '打字测试.policy.txt';
const PLAIN = '打字测试.txt';
/** The goal, reported… */
const GOAL_RATIO = 1.2;
/** …and what fails the check: near the ratio before semantic tokens waited for pauses in typing, above the noise. */
const MAX_RATIO = 1.7;
const ROUNDS = Number(process.env.TYPING_ROUNDS ?? 12);
const CHARS = Number(process.env.TYPING_CHARS ?? 20);
const GAP_MS = Number(process.env.TYPING_GAP_MS ?? 250);
/** What is typed: a sentence of the kind these documents are made of (CHARS characters of it per round). */
const SENTENCE = '坚持稳中求进工作总基调，加快发展新质生产力，推动高质量发展，扎实推进中国式现代化建设。';
/** Paragraphs (1-based lines) typed at, in turn: those of the report's body with 80 characters or more. */
const LINES = [];

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-typing-e2e-'));
const ws = path.join(runDir, 'workspace');
fs.cpSync(path.join(E2E_DIR, 'workspace'), ws, { recursive: true });
const report2024 = fs.readFileSync(path.join(ws, '政府工作报告2024.policy.txt'), 'utf8');
fs.writeFileSync(path.join(ws, POLICY), report2024);
fs.writeFileSync(path.join(ws, PLAIN), report2024);
const reportLines = report2024.split('\n');
reportLines.forEach((text, i) => { if (i >= 60 && [...text].length >= 80) LINES.push(i + 1); });

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `typing-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('typing-', () => page);
const log = (...a) => console.log('  ', ...a);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

const t0 = Date.now();
const cs = await startCodeServer({
  dir: path.join(runDir, 'code-server'),
  vsix: [VSIX],
  folder: ws,
  // TYPING_SETTINGS: more user settings, as JSON (to find where time goes, e.g. {"editor.semanticHighlighting.enabled": false})
  settings: { 'workbench.colorTheme': 'Default Dark Modern', ...JSON.parse(process.env.TYPING_SETTINGS ?? '{}') },
});
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);

/** The page's clock minus this process's clock (ms), from the round trip with the smallest delay. */
async function clockOffset() {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const before = now();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: pageTime - (before + after) / 2 };
  }
  return best;
}

/**
 * Starts watching the active editor's view lines: `expected[i]` is the text around the cursor once
 * the (i+1)-th character is in; the page notes the time each first appears (wrapped lines joined).
 */
function watch(expected) {
  return page.evaluate((expected) => {
    const root = document.querySelector('.editor-group-container.active .view-lines');
    const seen = new Array(expected.length).fill(null);
    const excerpts = new Array(expected.length).fill(null);
    let next = 0;
    // The rendered lines in order; the segments of a wrapped line joined, an empty line (between
    // paragraphs) a line break, so that the next paragraph's start is never taken for typed text.
    const text = () => [...root.querySelectorAll('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => l.textContent || '\n').join('');
    const observer = new MutationObserver(() => {
      if (next >= expected.length) return;
      const t = performance.timeOrigin + performance.now();
      const shown = text();
      let last = -1;
      for (let i = next; i < expected.length; i++) if (shown.includes(expected[i])) last = i;
      if (last < 0) return;
      // what the line showed, to tell a false match from a real one should a latency come out negative
      const at = shown.indexOf(expected[0].slice(0, 6));
      for (let i = next; i <= last; i++) { seen[i] = t; excerpts[i] = shown.slice(Math.max(0, at - 2), at + 40); }
      next = last + 1;
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    window.__typingProbe = { seen, excerpts, stop: () => observer.disconnect() };
  }, expected);
}

/** Types CHARS characters at the end of 1-based `line` of the active editor; returns each one's latency (ms). */
async function typeRound(line, offset) {
  // the cursor to the end of the paragraph: the blank line after it, then one to the left (End would stop at a wrap)
  await wb.gotoLine(line + 1);
  await page.keyboard.press('ArrowLeft');
  await until(async () => (await wb.statusText('status.editor.selection')).startsWith(`Ln ${line},`), { timeout: 5000, what: `cursor at the end of line ${line}` });
  await pause(1500); // let the server and the editor settle after the move
  const typed = [...SENTENCE].slice(0, CHARS);
  const anchor = [...reportLines[line - 1]].slice(-6).join('');
  const expected = typed.map((_, i) => anchor + typed.slice(0, i + 1).join(''));
  assert.ok(!report2024.includes(expected[0]), `"${expected[0]}" is not unique`);
  await watch(expected);
  const sent = [];
  const start = now();
  for (let i = 0; i < typed.length; i++) {
    const due = start + i * GAP_MS;
    if (due > now()) await pause(due - now());
    sent.push(now());
    await page.keyboard.insertText(typed[i]);
  }
  const seen = await until(() => page.evaluate(() => (window.__typingProbe.seen.every((t) => t !== null) ? window.__typingProbe.seen : null)), { timeout: 15_000, what: 'every typed character rendered' });
  await page.evaluate(() => window.__typingProbe.stop());
  const latencies = seen.map((t, i) => t - offset - sent[i]);
  if (latencies.some((v) => v < 0)) {
    log(`line ${line}: ${JSON.stringify(latencies.map((v) => Math.round(v)))}`);
    const excerpts = await page.evaluate(() => window.__typingProbe.excerpts);
    latencies.forEach((v, i) => { if (v < 0) log(`  #${i} seen as ${JSON.stringify(excerpts[i])}; expected ${JSON.stringify(expected[i])}`); });
  }
  return latencies;
}

/** The next of LINES to type at (each paragraph is typed at once per document). */
let nextLine = 0;
const median = (values) => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (values, q) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (v) => v.toFixed(1);

try {
  await wb.open(cs.url, ws);
  await wb.openFile(PLAIN, '2023年工作回顾');
  await wb.openFile(POLICY, '2023年工作回顾');

  await check('typing-setup', async () => {
    // the policy document checked with the dictionary loaded (steady state, not the cold start), the plain one not served
    const item = page.locator('.statusbar-item[id$="policyLens.status"]');
    const status = await until(async () => { const t = (await item.innerText().catch(() => '')).trim(); return /jieba · [1-9]\d* finding/.test(t) && t; }, { timeout: 90_000, interval: 500, what: 'status item with jieba and findings' });
    log('status item:', status);
    assert.equal(await wb.statusText('status.editor.mode'), 'Policy Document');
    await wb.openFile(PLAIN, '2023年工作回顾');
    assert.equal(await until(async () => { const m = await wb.statusText('status.editor.mode'); return m === 'Plain Text' && m; }, { what: 'Plain Text mode' }), 'Plain Text');
  });

  // a round in each document first, not counted: the editor's code paths and the server warm up
  await check('typing-warm-up', async () => {
    const clock = await clockOffset();
    for (const name of [POLICY, PLAIN]) {
      await wb.openFile(name);
      await typeRound(LINES[nextLine], clock.offset);
    }
    nextLine++;
  });

  if (process.env.TYPING_EXPERIMENTS) {
    // Where the time goes: each settings object in turn (written to the user settings), 4 rounds each.
    const clock = await clockOffset();
    for (const extra of JSON.parse(process.env.TYPING_EXPERIMENTS)) {
      fs.writeFileSync(path.join(cs.ud, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'workbench.colorTheme': 'Default Dark Modern', ...extra }, null, 2));
      await pause(3000);
      const values = { policy: [], plain: [] };
      for (const name of [POLICY, PLAIN, PLAIN, POLICY, POLICY, PLAIN]) {
        await wb.openFile(name);
        values[name === POLICY ? 'policy' : 'plain'].push(...await typeRound(LINES[nextLine++ % LINES.length], clock.offset));
      }
      log(`${JSON.stringify(extra)}: policy ${ms(median(values.policy))} ms, plain ${ms(median(values.plain))} ms, ratio ${(median(values.policy) / median(values.plain)).toFixed(2)}`);
    }
    await shot('experiments');
  }

  await check('typing-latency', async () => {
    const clock = await clockOffset();
    log(`page clock − test clock: ${ms(clock.offset)} ms (round trip ${ms(clock.rtt)} ms)`);
    const latencies = { [POLICY]: [], [PLAIN]: [] };
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      // policy, plain, plain, policy, policy, plain, …: each document goes first as often as the other
      const pair = Math.floor(r / 2);
      const name = (pair + r) % 2 === 0 ? POLICY : PLAIN;
      const line = LINES[(nextLine + pair) % LINES.length];
      await wb.openFile(name);
      const values = await typeRound(line, clock.offset);
      latencies[name].push(...values);
      rounds.push(`${name === POLICY ? 'policy' : 'plain'}@${line} ${ms(median(values))}`);
      log(`round ${r + 1}: ${name} line ${line}: median ${ms(median(values))} ms, max ${ms(Math.max(...values))} ms`);
    }
    await shot('typed');
    const policy = median(latencies[POLICY]);
    const plain = median(latencies[PLAIN]);
    const ratio = policy / plain;
    log(`per-keystroke latency, ${latencies[POLICY].length} characters each: policy median ${ms(policy)} ms (p90 ${ms(quantile(latencies[POLICY], 0.9))}), plain text median ${ms(plain)} ms (p90 ${ms(quantile(latencies[PLAIN], 0.9))}); ratio ${ratio.toFixed(2)}`);
    log(`round medians: ${rounds.join(', ')}`);
    log(`goal: ratio ≤ ${GOAL_RATIO}: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)})`);
    // every character rendered, at a sane latency (the clock match is good to its round trip)
    for (const v of [...latencies[POLICY], ...latencies[PLAIN]]) assert.ok(v > -clock.rtt && v < 10_000, `latency ${v}`);
    assert.ok(ratio <= MAX_RATIO, `policy/plain median latency ${ratio.toFixed(2)} > ${MAX_RATIO}`);
  });
} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'typing', t0);
