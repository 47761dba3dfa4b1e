import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compilerCompetes } from '../../server/src/adapters/v8Tuning';

/**
 * `collectWithHeadroom` (adapters/v8Tuning.ts): a full collection now, after which the old
 * generation may grow by three times what lives before V8 collects it again — where the server's
 * steady 20 % would collect at once. V8's flags are the process's, so the check runs in a child
 * process: with ≈ 120 MB live, 80 MB more are kept; the major collections while they are made are
 * counted (perf_hooks). Also a guard against a Node whose V8 ignores these flags at run time.
 */
describe('a collection with headroom', () => {
  const module = buildSync({ entryPoints: [path.join(__dirname, '../../server/src/adapters/v8Tuning.ts')], bundle: true, platform: 'node', format: 'cjs', write: false }).outputFiles[0].text;
  const majorsWhileGrowing = (withHeadroom: boolean): number => {
    const script = `
      const m = { exports: {} }; new Function('module', 'exports', 'require', ${JSON.stringify(module)})(m, m.exports, require);
      const { tuneV8, collectWithHeadroom } = m.exports;
      const { PerformanceObserver, constants } = require('node:perf_hooks');
      tuneV8();
      let majors = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });
      const kept = [];
      const keep = (mb) => { for (let i = 0; i < mb * 128; i++) kept.push(new Array(1024).fill(i + 0.5)); };
      (async () => {
        keep(120);
        ${withHeadroom ? 'collectWithHeadroom();' : 'gc();'}
        await new Promise((resolve) => setTimeout(resolve, 50));
        const before = majors;
        keep(80);
        await new Promise((resolve) => setTimeout(resolve, 50));
        console.log(majors - before);
      })();`;
    // As the server is started (server/src/launch.ts).
    return Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).trim());
  };

  it('lets the heap grow without a major collection where the steady growth factor collects', () => {
    expect(majorsWhileGrowing(false)).toBeGreaterThan(0);
    expect(majorsWhileGrowing(true)).toBe(0);
  }, 60_000);
});

describe("V8's compiler and the threads that run rules", () => {
  it('competes where those threads leave it no core of its own', () => {
    expect(compilerCompetes(1, 1)).toBe(true);
    expect(compilerCompetes(1, 2)).toBe(true);
    expect(compilerCompetes(1, 3)).toBe(false);
    expect(compilerCompetes(4, 4)).toBe(true);
    expect(compilerCompetes(4, 5)).toBe(true);
    expect(compilerCompetes(4, 8)).toBe(false);
  });
});
