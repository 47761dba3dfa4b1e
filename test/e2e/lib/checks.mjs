// The check harness of the code-server suites: named checks that record result and time, a
// screenshot and Escape when one fails (so the next check starts from a neutral workbench),
// the run folder kept for inspection after a failure, and the summary lines.
import fs from 'node:fs';
import path from 'node:path';
import { screenshot } from './codeserver.mjs';
import { SHOTS } from './paths.mjs';

/** `prefix` names the failure screenshots (`FAIL-<prefix><check>.png`); `page()` is the current page, if any. */
export function checkRunner(prefix, page) {
  const results = [];
  async function check(name, fn) {
    const t0 = Date.now();
    console.log(`-- ${name}`);
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: e.message });
      console.log(`   ${e.stack}`);
      await failureShot(name);
      await page()?.keyboard.press('Escape').catch(() => {});
    }
  }
  /** Records a failure of the suite itself (outside any check). */
  async function harnessFailed(error) {
    results.push({ name: 'harness', ok: false, ms: 0, error: error.stack });
    await failureShot('harness');
  }
  async function failureShot(name) {
    if (page()) await screenshot(page(), path.join(SHOTS, `FAIL-${prefix}${name}.png`)).catch(() => {});
  }
  return { results, check, harnessFailed };
}

/** The end of every code-server suite: the browser closed, code-server stopped, the run folder kept or removed. */
export async function closeSuite(browser, codeServer, runDir, results) {
  await browser.close().catch(() => {});
  await codeServer.stop();
  keepOrRemoveRunDir(runDir, results, codeServer);
}

/** Deletes the run folder, unless a check failed or E2E_KEEP=1: then it says where it and the extension's logs are. */
export function keepOrRemoveRunDir(runDir, results, codeServer) {
  if (results.some((r) => !r.ok) || process.env.E2E_KEEP === '1') {
    console.log(`[run] kept ${runDir}`);
    for (const f of codeServer.extensionLogs().filter((f) => f.includes(`${path.sep}policy-lens.policy-lens${path.sep}`))) console.log(`[run] extension log ${f}`);
  } else fs.rmSync(runDir, { recursive: true, force: true });
}

/** Prints one line per check and the totals; a failed check fails the process. */
export function report(results, suite, t0) {
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? ' - ' + r.error.split('\n')[0] : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${suite} suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
