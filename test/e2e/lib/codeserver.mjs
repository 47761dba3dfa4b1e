// code-server on 127.0.0.1 driven by playwright-core + Debian Chromium (headless).
// Everything is fresh per run: code-server user data, extensions dir, config file, Chromium profile,
// and HOME/TMPDIR/XDG_* point into the run dir (code-server and Chromium write there otherwise).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, CODE_SERVER, NODE24, TOOLS } from './paths.mjs';

// playwright-core lives in the e2e cache (test/e2e/setup.mjs), not in the project's dependencies.
const { chromium } = createRequire(path.join(TOOLS, 'package.json'))('playwright-core');

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a truthy value that stays the same (by JSON) for `stable`
 * consecutive polls (or whose `key(value)` does); returns it. On timeout throws, with the last value in the message.
 */
export async function until(probe, { timeout = 30_000, interval = 150, stable = 1, what = 'condition', key: keyOf = (v) => v } = {}) {
  const deadline = Date.now() + timeout;
  let last, same = 0, lastKey;
  for (;;) {
    try { last = await probe(); } catch (e) { last = undefined; if (Date.now() > deadline) throw e; }
    const key = JSON.stringify(last ? keyOf(last) : last);
    if (last) { same = key === lastKey ? same + 1 : 1; if (same >= stable) return last; } else same = 0;
    lastKey = key;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${key?.slice(0, 500)}`);
    await pause(interval);
  }
}

/** PIDs of all descendants of `pid` (from /proc). */
export function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* exited */ }
  }
  const out = [];
  const walk = (p) => { for (const c of children.get(p) ?? []) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}
export const cmdline = (pid) => { try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean); } catch { return []; } };
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** Settings that keep a fresh profile quiet (no trust prompt, welcome page, chat, update checks). */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false, // files opened from the Explorer stay open in their own tabs
};

/** Environment that keeps a tool's files inside `dir`. */
export function sandboxEnv(dir, extra = {}) {
  const sub = (n) => { const p = path.join(dir, n); fs.mkdirSync(p, { recursive: true }); return p; };
  return {
    ...process.env, HOME: sub('home'), TMPDIR: sub('tmp'), XDG_CONFIG_HOME: sub('xdg-config'),
    XDG_CACHE_HOME: sub('xdg-cache'), XDG_DATA_HOME: sub('xdg-data'), XDG_STATE_HOME: sub('xdg-state'),
    XDG_RUNTIME_DIR: sub('xdg-runtime'), ...extra,
  };
}

/** Installs the .vsix files into a fresh profile under `dir`, starts code-server on a free 127.0.0.1 port. */
export async function startCodeServer({ dir, vsix = [], settings = {}, folder, locale }) {
  const ud = path.join(dir, 'user-data');
  const ext = path.join(dir, 'extensions');
  const cfg = path.join(dir, 'config.yaml');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  // --config keeps code-server from writing ~/.config/code-server/config.yaml
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', cfg, '--user-data-dir', ud, '--extensions-dir', ext];
  const env = sandboxEnv(dir);
  for (const v of vsix) {
    const t0 = Date.now();
    const out = execFileSync(NODE24, [CODE_SERVER, ...common, '--install-extension', v, '--force'], { encoding: 'utf8', env });
    console.log(`[cs] installed ${path.basename(v)} in ${Date.now() - t0} ms: ${out.trim().split('\n').pop()}`);
  }
  const args = [CODE_SERVER, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'];
  if (locale) args.push('--locale', locale);
  if (folder) args.push(folder);
  const logFile = path.join(dir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const t0 = Date.now();
  const child = spawn(NODE24, args, { stdio: ['ignore', logFd, logFd], env });
  fs.closeSync(logFd);
  const url = `http://127.0.0.1:${port}/`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}:\n${fs.readFileSync(logFile, 'utf8')}`);
    try { return (await fetch(url + 'healthz')).ok; } catch { return false; }
  }, { timeout: 30_000, interval: 100, what: 'code-server /healthz' });
  console.log(`[cs] code-server pid ${child.pid} on ${url} after ${Date.now() - t0} ms`);
  return {
    url, port, ud, ext, logFile, pid: child.pid,
    /** Processes started by this code-server whose command line contains every one of `parts`. */
    processes: (...parts) => descendants(child.pid).filter((pid) => { const c = cmdline(pid).join(' '); return parts.every((p) => c.includes(p)); }),
    /** Extension log files (user-data/logs/<ts>/exthost*\/<publisher.name>/*.log). */
    extensionLogs() {
      const out = [];
      const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.log')) out.push(p); } };
      try { walk(path.join(ud, 'logs')); } catch { /* none yet */ }
      return out;
    },
    async stop() {
      // its children (extension host, language servers, pty host) by PID, taken before it exits
      const kids = descendants(child.pid);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await until(() => child.exitCode !== null, { timeout: 5000, interval: 100 }).catch(() => child.kill('SIGKILL'));
      }
      await until(() => !kids.some(alive), { timeout: 5000, interval: 100 }).catch(() => {});
      for (const pid of kids.filter(alive)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    },
  };
}

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

/** Debian Chromium, headless, fresh profile under `dir`. */
export async function launchBrowser({ dir, width = 1400, height = 1000 }) {
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    env: sandboxEnv(dir),
    headless: true,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  return { context, page, close: () => context.close() };
}

/** Workbench helpers bound to one page. */
export function workbench(page) {
  const quickInput = page.locator('.quick-input-widget');
  const quickInputBox = page.locator('.quick-input-widget .quick-input-box input');
  const quickRows = () => page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
    .map((r) => ({ label: r.querySelector('.label-name')?.textContent?.trim() ?? '', description: r.querySelector('.label-description')?.textContent?.trim() ?? '', aria: r.getAttribute('aria-label') ?? '' })));
  const quickInputVisible = () => quickInput.isVisible();
  const waitQuickInputClosed = () => until(async () => !(await quickInputVisible()), { timeout: 5000, what: 'quick input to close' });

  const wb = {
    page, quickRows,
    async open(url, folder) {
      const t0 = Date.now();
      await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      console.log(`[ui] workbench ready in ${Date.now() - t0} ms`);
    },
    /** Opens the quick input with `key`, types `text`, waits for a row matching `rowMatch`; returns the rows. */
    async quickPick(key, text, rowMatch = () => true, { timeout = 15_000, retypeEvery = 0 } = {}) {
      if (!(await quickInputVisible())) await page.keyboard.press(key);
      await quickInputBox.waitFor({ state: 'visible' });
      await quickInputBox.fill(text);
      let typedAt = Date.now();
      return until(async () => {
        // Some providers (workspace symbols) answer once and do not refresh: retype to ask again.
        if (retypeEvery && Date.now() - typedAt > retypeEvery) { await quickInputBox.fill(''); await quickInputBox.fill(text); typedAt = Date.now(); }
        const rows = await quickRows();
        return rows.some(rowMatch) ? rows : null;
        // stable = the wanted row stays at the same place (Enter / arrow keys pick it by position)
      }, { timeout, stable: 2, key: (rows) => rows.findIndex(rowMatch), what: `quick input "${text}" row` });
    },
    /** Accepts the first row matching `rowMatch` (arrow keys from the focused first row, then Enter). */
    async accept(rows, rowMatch) {
      const index = rows.findIndex(rowMatch);
      if (index < 0) throw new Error(`no matching row in ${JSON.stringify(rows)}`);
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitQuickInputClosed();
    },
    /** Runs a command by its Command Palette title. */
    async command(title) {
      const match = (r) => r.label === title;
      await wb.accept(await wb.quickPick('F1', `>${title}`, match), match);
    },
    /** Opens a top-level workspace file from the Explorer (or, when it is not listed, with Quick Open, which
     *  waits for the file search) and waits until its text is rendered and the editor has focus. */
    async openFile(name, expectText) {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) });
      if (await row.count() === 1) await row.click();
      else {
        const match = (r) => r.label === name;
        await wb.accept(await wb.quickPick('Control+P', name, match, { timeout: 60_000 }), match);
      }
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
      if (expectText) await page.locator('.editor-group-container.active .view-lines', { hasText: expectText }).first().waitFor({ timeout: 15_000 });
      await wb.focusEditor();
    },
    async focusEditor() {
      await page.locator('.editor-group-container.active .monaco-editor .native-edit-context, .editor-group-container.active .monaco-editor textarea.inputarea').first().focus();
    },
    statusText: (id) => page.locator(`[id="${id}"]`).innerText().then((t) => t.trim()),
    /** Moves the cursor to a 1-based line (Go to Line), column 1. */
    async gotoLine(line) {
      await wb.quickPick('Control+G', `:${line}`, () => true, { timeout: 5000 }).catch(() => {});
      await page.keyboard.press('Enter');
      await waitQuickInputClosed();
      await until(async () => (await wb.statusText('status.editor.selection')).startsWith(`Ln ${line},`), { timeout: 5000, what: `cursor on line ${line}` });
      await page.keyboard.press('Home');
      if (!/Col 1$/.test(await wb.statusText('status.editor.selection'))) await page.keyboard.press('Home'); // Home toggles first non-blank / column 1
    },
    /**
     * Screen box of the first rendered occurrence of `text` inside one editor line (may span token
     * spans), in the active editor group or, with `anyGroup`, in any (a document beside a walkthrough).
     */
    async textBox(text, { lineContains, anyGroup = false } = {}) {
      const lines = anyGroup ? '.editor-group-container .view-lines .view-line' : '.editor-group-container.active .view-lines .view-line';
      return page.evaluate(({ text, lineContains, lines }) => {
        for (const line of document.querySelectorAll(lines)) {
          const all = line.textContent.replace(/\u00a0/g, ' ');
          if (lineContains && !all.includes(lineContains)) continue;
          const at = all.indexOf(text);
          if (at < 0) continue;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let offset = 0, started = false;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = n.textContent.length;
            if (!started && at < offset + len) { range.setStart(n, at - offset); started = true; }
            if (started && at + text.length <= offset + len) { range.setEnd(n, at + text.length - offset); break; }
            offset += len;
          }
          const b = range.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height, cx: b.x + b.width / 2, cy: b.y + b.height / 2 };
        }
        return null;
      }, { text, lineContains, lines });
    },
    /** Hovers the mouse over `text` in the editor; returns the hover widget's text once it contains `expect`. */
    async hover(text, expect, { timeout = 30_000, lineContains } = {}) {
      const hovers = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
      return until(async () => {
        const box = await wb.textBox(text, { lineContains });
        if (!box) return null;
        await page.mouse.move(box.cx, box.cy + 60); // off the word, then onto it
        await page.mouse.move(box.cx, box.cy, { steps: 4 });
        const shown = await hovers.filter({ hasText: expect }).first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
        if (shown) return (await hovers.allInnerTexts()).map((s) => s.trim());
        await page.mouse.move(5, 5);
        return null;
      }, { timeout, interval: 500, what: `hover on ${text} containing ${expect}` });
    },
    /** Waits until the hover widget has finished fading in (for the screenshot). */
    hoverSettled: () => until(() => page.evaluate(() => {
      const el = document.querySelector('.monaco-hover:not(.hidden)');
      return !!el && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') && getComputedStyle(el).opacity === '1';
    }), { timeout: 3000, what: 'hover fade-in' }),
    /** Rows of the Problems panel (opened with Ctrl+Shift+M). */
    async problemRows() {
      return page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
        aria: r.getAttribute('aria-label') ?? '',
        message: r.querySelector('.marker-message')?.textContent?.trim(),
        source: r.querySelector('.marker-source')?.textContent?.trim(),
        code: r.querySelector('.marker-code')?.textContent?.trim(),
        position: r.querySelector('.marker-line')?.textContent?.trim(),
        file: r.querySelector('.label-name')?.textContent?.trim(),
        selected: r.classList.contains('selected') || r.classList.contains('focused'),
      })));
    },
    async showProblems() {
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: 10_000 });
    },
    /** Visible toasts' messages. */
    notifications: () => page.evaluate(() => [...document.querySelectorAll('.notification-toast .notification-list-item-message')].map((e) => e.textContent.trim())),
    /** Text of the editor line (rendered) that contains `fragment`, or null. */
    renderedLine: (fragment) => page.evaluate((f) => {
      for (const l of document.querySelectorAll('.editor-group-container.active .view-lines .view-line')) {
        const t = l.textContent.replace(/\u00a0/g, ' ');
        if (t.includes(f)) return t;
      }
      return null;
    }, fragment),
    closeQuickInput: async () => { if (await quickInputVisible()) { await page.keyboard.press('Escape'); await waitQuickInputClosed(); } },
  };
  return wb;
}

export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`[shot] ${file}`);
}
