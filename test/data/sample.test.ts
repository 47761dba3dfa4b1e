import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = path.join(__dirname, '../..');

describe('the walkthrough sample draft', () => {
  it('shows a finding of every rule that is on by default (dist/cli.js)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '--fail-on', 'none', 'data/samples/sample.policy.txt'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const findings = (JSON.parse(result.stdout) as { files: { findings: { code: string; line: number }[] }[] }).files[0].findings;
    const codes = new Set(findings.map((f) => f.code));
    // Every rule that is on by default (term.dated and punctuation.quotedListComma are off).
    expect([...codes].sort()).toEqual(RULES.filter((r) => r.defaultSeverity !== 'off').map((r) => r.id).sort());
    // The lines the walkthrough names: 新质生产率 on line 14 (term.variant), the skipped （二） on line 15.
    expect(findings.filter((f) => f.code === 'term.variant').map((f) => f.line)).toEqual([14]);
    expect(findings.filter((f) => f.code === 'outline.numbering').map((f) => f.line)).toEqual([15]);
  });
});
