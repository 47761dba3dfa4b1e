// npm run test:e2e — the real-editor tests, from a clean clone after `npm ci`:
//   1. setup: installs Chromium/Neovim/fonts (apt, as root) and Node 24, code-server, playwright-core
//      into the cache dir (~/.cache/policy-lens-e2e); a second run skips what is there
//   2. npm run package: builds dist/ and the platform .vsix
//   3. the packaged extension in code-server + headless Chromium (vscode.e2e.mjs); screenshots in .e2e/shots/
//      then the walkthrough (a first-time user's first fix), navigation, Chinese UI, typing latency and
//      Word suites (same kind of profile)
//   4. the web extension in code-server's web worker extension host (web.e2e.mjs, the universal package)
//   5. the standalone server in headless Neovim (nvim.e2e.mjs)
// The last line is "N passed, N failed"; the exit code is non-zero when anything failed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { E2E_DIR, REPO, SHOTS } from './lib/paths.mjs';

const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
let passed = 0, failed = 0;
const timings = [];

/** Runs a command with inherited output (its lines are also scanned for "N passed, N failed"). */
function run(name, cmd, args) {
  return new Promise((resolve) => {
    const t = Date.now();
    console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (last + chunk.toString()).split('\n');
      last = lines.slice(-2).join('\n');
    });
    child.on('close', (code, signal) => {
      timings.push(`${name} ${seconds(Date.now() - t)}`);
      const m = /(\d+) passed, (\d+) failed\s*$/.exec(last);
      resolve({ code: code ?? signal, counts: m && { passed: Number(m[1]), failed: Number(m[2]) } });
    });
  });
}

async function step(name, cmd, args) {
  const r = await run(name, cmd, args);
  if (r.code !== 0) { failed++; console.log(`FAIL ${name} (exit ${r.code})`); return false; }
  return true;
}
async function suite(name, script) {
  const r = await run(name, process.execPath, [path.join(E2E_DIR, script)]);
  if (r.counts) { passed += r.counts.passed; failed += r.counts.failed; }
  if (r.code !== 0 && (!r.counts || r.counts.failed === 0)) { failed++; console.log(`FAIL ${name} (exit ${r.code})`); }
}

const ready = await step('setup', process.execPath, [path.join(E2E_DIR, 'setup.mjs')])
  && await step('package', 'npm', ['run', '--silent', 'package']);
if (ready) {
  await suite('code-server', 'vscode.e2e.mjs');
  await suite('walkthrough', 'walkthrough.e2e.mjs');
  await suite('navigation', 'navigation.e2e.mjs');
  await suite('chinese', 'chinese.e2e.mjs');
  await suite('typing', 'typing.e2e.mjs');
  await suite('word', 'word.e2e.mjs');
  await suite('web', 'web.e2e.mjs');
  await suite('neovim', 'nvim.e2e.mjs');
}
console.log(`\nscreenshots: ${SHOTS}`);
console.log(`timings: ${timings.join(', ')}; total ${seconds(Date.now() - t0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || !ready ? 1 : 0;
