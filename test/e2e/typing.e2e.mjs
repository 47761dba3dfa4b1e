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
// goal of 1.2 (0.99–1.13 in ten runs here, median 1.05; see docs/e2e.md), and the CPU per character
// of Chromium, code-server and the server; fails above 1.7, where semantic highlighting had put it
// (1.52–1.91) before it waited for pauses in typing — a guard against that kind of regression with
// room for this machine's noise (one run's ratio moves by 0.1–0.2, more under load), not the goal.
// Usage: node test/e2e/typing.e2e.mjs   (after test/e2e/setup.mjs and npm run package; run.mjs does all)
//   TYPING_ROUNDS=N (default 12, even), TYPING_CHARS=N characters per round (default 20), TYPING_GAP_MS (default 250)
//   TYPING_SETTINGS='{…}', TYPING_EXPERIMENTS='[{…}, …]' (settings variants in one session), TYPING_PROFILE=N (renderer profile)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { cmdline, descendants, launchBrowser, QUIET_SETTINGS, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
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

let page, wb, cdp, shotNo = 0;
/** The CPU spent while the last round was typed (cpuSpent). */
let lastSpent;
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
cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
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
  const before = await cpuSample();
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
  lastSpent = cpuSpent(before, await cpuSample());
  const latencies = seen.map((t, i) => t - offset - sent[i]);
  if (latencies.some((v) => v < 0)) {
    log(`line ${line}: ${JSON.stringify(latencies.map((v) => Math.round(v)))}`);
    const excerpts = await page.evaluate(() => window.__typingProbe.excerpts);
    latencies.forEach((v, i) => { if (v < 0) log(`  #${i} seen as ${JSON.stringify(excerpts[i])}; expected ${JSON.stringify(expected[i])}`); });
  }
  return latencies;
}

/**
 * CPU time per process group, to see where a keystroke's work goes (not only how late its echo
 * is): the browser (all of Chromium's processes: renderer, compositor, GPU/raster), code-server
 * (its server and the extension host, where the client runs) and the Policy Lens server. From
 * /proc (utime + stime, clock ticks of 10 ms), and the renderer's main-thread task time (CDP).
 */
const TICK_MS = 1000 / 100;
function ticks(pid) {
  try { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').slice(0); const rest = f.slice(f.lastIndexOf(')') + 2).split(' '); return Number(rest[11]) + Number(rest[12]); } catch { return undefined; }
}
function groups() {
  const server = new Set(cs.processes(cs.ext, 'dist/server.js'));
  const profile = path.join(runDir, 'chromium', 'profile');
  const main = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
    .find((pid) => { const c = cmdline(pid); return c.some((a) => a.includes(profile)) && !c.some((a) => a.startsWith('--type=')); });
  const out = new Map();
  for (const pid of main ? [main, ...descendants(main)] : []) out.set(pid, 'browser');
  for (const pid of [cs.pid, ...descendants(cs.pid)]) out.set(pid, server.has(pid) ? 'server' : 'codeServer');
  return out;
}
async function cpuSample() {
  const byPid = new Map();
  for (const [pid, group] of groups()) { const t = ticks(pid); if (t !== undefined) byPid.set(pid, { group, t }); }
  const { metrics } = await cdp.send('Performance.getMetrics');
  return { byPid, task: metrics.find((m) => m.name === 'TaskDuration').value * 1000 };
}
/** CPU ms spent between two samples, per group (processes that ended in between are left out). */
function cpuSpent(a, b) {
  const spent = { browser: 0, codeServer: 0, server: 0, rendererTask: b.task - a.task };
  for (const [pid, { group, t }] of b.byPid) spent[group] += (t - (a.byPid.get(pid)?.t ?? t)) * TICK_MS;
  return spent;
}
const addSpent = (sum, s) => { for (const k of Object.keys(s)) sum[k] = (sum[k] ?? 0) + s[k]; return sum; };
const perChar = (sum, n) => `browser ${(sum.browser / n).toFixed(1)} (renderer main thread ${(sum.rendererTask / n).toFixed(1)}), code-server ${(sum.codeServer / n).toFixed(1)}, server ${(sum.server / n).toFixed(1)} ms CPU per character`;

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
      const cpu = { policy: {}, plain: {} };
      for (const name of [POLICY, PLAIN, PLAIN, POLICY, POLICY, PLAIN]) {
        await wb.openFile(name);
        const kind = name === POLICY ? 'policy' : 'plain';
        values[kind].push(...await typeRound(LINES[nextLine++ % LINES.length], clock.offset));
        addSpent(cpu[kind], lastSpent);
      }
      log(`${JSON.stringify(extra)}: policy ${ms(median(values.policy))} ms, plain ${ms(median(values.plain))} ms, ratio ${(median(values.policy) / median(values.plain)).toFixed(2)}`);
      for (const kind of ['policy', 'plain']) log(`  ${kind}: ${perChar(cpu[kind], values[kind].length)}`);
    }
    await shot('experiments');
  }

  if (process.env.TYPING_PROFILE) {
    // Where the renderer's main thread spends a keystroke: a CPU profile of rounds in each document,
    // functions by inclusive time (ms per character), the largest differences policy − plain first.
    const clock = await clockOffset();
    const inclusive = { policy: new Map(), plain: new Map() };
    const typedChars = { policy: 0, plain: 0 };
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    for (const name of [POLICY, PLAIN, PLAIN, POLICY]) {
      await wb.openFile(name);
      const kind = name === POLICY ? 'policy' : 'plain';
      const line = LINES[nextLine++ % LINES.length];
      await cdp.send('Profiler.start');
      typedChars[kind] += (await typeRound(line, clock.offset)).length;
      const { profile } = await cdp.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i] ?? 0) / 1000;
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const f = byId.get(n).callFrame;
          const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-1)[0]}:${f.lineNumber}:${f.columnNumber}`;
          if (seen.has(key)) continue;
          seen.add(key);
          inclusive[kind].set(key, (inclusive[kind].get(key) ?? 0) + dt);
        }
      });
    }
    const keys = new Set([...inclusive.policy.keys(), ...inclusive.plain.keys()]);
    const rows = [...keys].map((k) => ({ k, policy: (inclusive.policy.get(k) ?? 0) / typedChars.policy, plain: (inclusive.plain.get(k) ?? 0) / typedChars.plain }));
    rows.sort((a, b) => (b.policy - b.plain) - (a.policy - a.plain));
    log('inclusive ms per character, policy vs plain, largest differences:');
    for (const r of rows.slice(0, Number(process.env.TYPING_PROFILE) || 60)) log(`  ${(r.policy - r.plain).toFixed(2).padStart(6)}  ${r.policy.toFixed(2).padStart(6)} ${r.plain.toFixed(2).padStart(6)}  ${r.k}`);
    await cdp.send('Profiler.disable');
  }

  await check('typing-latency', async () => {
    const clock = await clockOffset();
    log(`page clock − test clock: ${ms(clock.offset)} ms (round trip ${ms(clock.rtt)} ms)`);
    const latencies = { [POLICY]: [], [PLAIN]: [] };
    const cpu = { [POLICY]: {}, [PLAIN]: {} };
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      // policy, plain, plain, policy, policy, plain, …: each document goes first as often as the other
      const pair = Math.floor(r / 2);
      const name = (pair + r) % 2 === 0 ? POLICY : PLAIN;
      const line = LINES[(nextLine + pair) % LINES.length];
      await wb.openFile(name);
      const values = await typeRound(line, clock.offset);
      latencies[name].push(...values);
      addSpent(cpu[name], lastSpent);
      rounds.push(`${name === POLICY ? 'policy' : 'plain'}@${line} ${ms(median(values))}`);
      log(`round ${r + 1}: ${name} line ${line}: median ${ms(median(values))} ms, max ${ms(Math.max(...values))} ms`);
    }
    await shot('typed');
    const policy = median(latencies[POLICY]);
    const plain = median(latencies[PLAIN]);
    const ratio = policy / plain;
    log(`per-keystroke latency, ${latencies[POLICY].length} characters each: policy median ${ms(policy)} ms (p90 ${ms(quantile(latencies[POLICY], 0.9))}), plain text median ${ms(plain)} ms (p90 ${ms(quantile(latencies[PLAIN], 0.9))}); ratio ${ratio.toFixed(2)}`);
    log(`round medians: ${rounds.join(', ')}`);
    for (const name of [POLICY, PLAIN]) log(`${name === POLICY ? 'policy' : 'plain'}: ${perChar(cpu[name], latencies[name].length)}`);
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
