import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prestartWanted } from '../../server/src/adapters/prestart';
import { compilerCompetes } from '../../server/src/adapters/v8Tuning';
import { busyThreads } from '../../server/src/cli/checkFiles';
import { parseArgs } from '../../server/src/cli/args';
import { expandPatterns, globToRegExp } from '../../server/src/cli/glob';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const WORKSPACE = path.join(__dirname, 'fixtures/workspace');

function run(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? WORKSPACE,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run loads the segmentation dictionary (1–3 s, more on a loaded machine).
describe('policy-lens check (node dist/cli.js)', { timeout: 120_000 }, () => {
  it('prints file:line:col severity code message, with the workspace settings and references, and exits 1', () => {
    const { code, stdout, stderr } = run(['check', 'docs']);
    expect(stdout.split('\n')).toEqual([
      'docs/draft.policy.txt:2:23 warning quote.mismatch Differs from the reference "2024政府工作报告" (line 21): it reads "地方层面有序展开", here "地方层面有序推进".',
      'docs/draft.policy.txt:3:15 error punctuation.width Half-width "," in Chinese text: use "，".',
      'docs/draft.policy.txt:5:36 warning quote.mismatch Differs from the reference "保守国家秘密法" (line 6): it reads "只限一定范围的人员知悉的事", here "只限一定范围人员知悉的事".',
      'docs/draft.policy.txt:6:1 warning outline.numbering Numbering skips: expected 三, found 四.',
      'docs/gb18030.policy.txt:1:23 warning quote.mismatch Differs from the reference "2024政府工作报告" (line 63): it reads "先立后破", here "先立后稳".',
      '',
    ]);
    expect(stderr).toContain('5 problems (1 error, 4 warnings, 0 notes) in 3 files.');
    expect(code).toBe(1);
  });

  it('checks files on two threads (jieba in a worker) and on worker threads with --jobs: the same output in the same order as one thread', () => {
    const fixtures = path.join(ROOT, 'test/fixtures');
    // National reports of every size (a resolution of 800 bytes to a 95 KB report), the corpus seeds, a workspace with references.
    const national = ['corpus/national/gwr-1978.txt', 'corpus/national/resolution-17.txt', 'corpus/national/gwr-2022.txt', 'corpus/national/cpc-20.txt'];
    const args = ['check', '000_a487f46611498c32.txt', '004_aedbcdac15b26f45.txt', ...national, path.join(WORKSPACE, 'docs'), '--format', 'json', '--fail-on', 'none'];
    const one = run([...args, '--jobs', '1'], { cwd: fixtures });
    const two = run([...args, '--jobs', '2'], { cwd: fixtures });
    const three = run([...args, '-j', '3'], { cwd: fixtures });
    expect(one.code).toBe(0);
    const files = JSON.parse(one.stdout).files.map((f: { file: string }) => f.file);
    expect(files.length).toBe(9);
    expect(files.slice(0, 6)).toEqual(['000_a487f46611498c32.txt', '004_aedbcdac15b26f45.txt', ...national]);
    const counts = JSON.parse(one.stdout).files.map((f: { findings: unknown[] }) => f.findings.length);
    expect(counts.filter((n: number) => n > 0).length).toBeGreaterThan(3);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
    expect([two.code, three.code]).toEqual([0, 0]);
    expect(two.stderr).toBe(one.stderr);
  });

  it('checks everything again in one thread when jieba\'s worker dies under --jobs 2: the output of one thread, not Intl.Segmenter\'s', () => {
    const fixtures = path.join(ROOT, 'test/fixtures');
    const args = ['check', 'corpus/national/gwr-2022.txt', 'corpus/national/resolution-17.txt', '004_aedbcdac15b26f45.txt', '--format', 'json', '--fail-on', 'none'];
    const one = run([...args, '--jobs', '1'], { cwd: fixtures });
    const stopped = spawnSync(process.execPath, ['-r', path.join(__dirname, 'fixtures/stopSegmentationWorker.cjs'), CLI, ...args, '--jobs', '2'], { cwd: fixtures, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(one.stdout).files.length).toBe(3);
    expect([stopped.stdout, stopped.stderr, stopped.status]).toEqual([one.stdout, one.stderr, 0]);
  });

  it('prints the problems of the user\'s dictionaries and references once each, the same with jieba in a worker (--jobs 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-jobs-'));
    try {
      fs.mkdirSync(path.join(dir, '.vscode'));
      const settings = { 'policyLens.dictionaries': ['words.txt', 'missing.txt'], 'policyLens.references': ['nowhere'], 'policyLens.diagnostics.maxDocumentSize': 1000 };
      fs.writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify(settings));
      fs.writeFileSync(path.join(dir, 'words.txt'), '新质生产力 n\n坏行 abc def ghi\n');
      fs.copyFileSync(path.join(WORKSPACE, 'docs/draft.policy.txt'), path.join(dir, 'draft.policy.txt'));
      for (const name of ['resolution-17.txt', 'gwr-1978.txt']) fs.copyFileSync(path.join(ROOT, 'test/fixtures/corpus/national', name), path.join(dir, name));
      const args = ['check', 'draft.policy.txt', 'resolution-17.txt', 'gwr-1978.txt'];
      const one = run([...args, '--jobs', '1'], { cwd: dir });
      const two = run([...args, '--jobs', '2'], { cwd: dir });
      // The engine's warnings first, then each file's, in input order.
      expect(one.stderr.split('\n')).toEqual([
        `policy-lens: file not found: ${path.join(dir, 'nowhere')}`,
        `policy-lens: ${path.join(dir, 'words.txt')}:2: expected "word [freq] [tag]", line ignored: 坏行 abc def ghi`,
        `policy-lens: file not found: ${path.join(dir, 'missing.txt')}`,
        expect.stringMatching(/^policy-lens: gwr-1978\.txt: \d+ characters, above policyLens\.diagnostics\.maxDocumentSize; only light checks run$/),
        expect.stringMatching(/^\d+ problems \(\d+ errors?, \d+ warnings?, \d+ notes?\) in 3 files\.$/),
        '',
      ]);
      expect([two.stdout, two.stderr, two.code]).toEqual([one.stdout, one.stderr, 1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a missing reference with the editor’s localized message, not an id', () => {
    const missing = path.join(WORKSPACE, 'nowhere');
    const en = run(['check', 'docs/clean.policy.txt', '--reference', 'nowhere']);
    expect(en.stderr).toContain(`policy-lens: file not found: ${missing}\n`);
    expect(en.stderr).not.toContain('file.missing');
    const zh = run(['check', 'docs/clean.policy.txt', '--reference', 'nowhere', '--locale', 'zh']);
    expect(zh.stderr).toContain(`policy-lens: 找不到文件：${missing}\n`);
  });

  it('exits by --fail-on: 1 at or above the level, 0 below it or with none, 0 for a clean file', () => {
    expect(run(['check', 'docs/draft.policy.txt', '--fail-on', 'error']).code).toBe(1);
    expect(run(['check', 'docs/gb18030.policy.txt', '--fail-on=error']).code).toBe(0);
    expect(run(['check', 'docs/draft.policy.txt', '--fail-on', 'none']).code).toBe(0);
    const clean = run(['check', 'docs/clean.policy.txt']);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
  });

  it('speaks Chinese under a Chinese LANG (or with --locale zh)', () => {
    const { stdout, stderr } = run(['check', '--encoding', 'gbk', 'docs/gb18030.policy.txt'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(stdout).toBe('docs/gb18030.policy.txt:1:23 warning quote.mismatch 与参考文本《2024政府工作报告》第 63 行原文不一致：原文为“先立后破”，此处为“先立后稳”。\n');
    expect(stderr).toBe('共 1 个问题（错误 0，警告 1，提示 0），检查文件 1 个。\n');
  });

  it('writes JSON with positions, fixes, encodings and totals', () => {
    const { code, stdout } = run(['check', '--format', 'json', 'docs/*.policy.txt']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.tool).toEqual({ name: 'policy-lens', version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version });
    expect(report.files.map((f: any) => [f.file, f.encoding, f.findings.length])).toEqual([
      ['docs/clean.policy.txt', 'utf-8', 0],
      ['docs/draft.policy.txt', 'utf-8', 4],
      ['docs/gb18030.policy.txt', 'gb18030', 1],
    ]);
    expect(report.files[1].findings[0]).toEqual({
      line: 2,
      column: 23,
      endLine: 2,
      endColumn: 25,
      severity: 'warning',
      code: 'quote.mismatch',
      message: 'Differs from the reference "2024政府工作报告" (line 21): it reads "地方层面有序展开", here "地方层面有序推进".',
      fix: [{ line: 2, column: 23, endLine: 2, endColumn: 25, newText: '展开' }],
    });
    expect(report.summary).toEqual({ files: 3, findings: 5, bySeverity: { error: 1, warning: 4, information: 0, hint: 0 } });
  });

  it('writes SARIF 2.1.0 as GitHub code scanning reads it', () => {
    const { stdout } = run(['check', '-f', 'sarif', 'docs']);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.runs).toHaveLength(1);
    const [run0] = sarif.runs;
    expect(run0.tool.driver.name).toBe('policy-lens');
    expect(run0.tool.driver.rules.map((r: any) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of run0.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      // A rule off by default (term.dated) is listed disabled, at level none.
      expect(rule.defaultConfiguration.enabled ? ['error', 'warning', 'note'] : ['none']).toContain(rule.defaultConfiguration.level);
    }
    expect(run0.columnKind).toBe('utf16CodeUnits');
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/workspace\/$/);
    expect(run0.results).toHaveLength(5);
    for (const result of run0.results) {
      expect(run0.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).toMatch(/^docs\/[\w.]+$/);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const punctuation = run0.results.find((r: any) => r.ruleId === 'punctuation.width');
    expect(punctuation.level).toBe('error');
    expect(punctuation.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/draft.policy.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 15, endLine: 3, endColumn: 16 },
    });
    expect(punctuation.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 3, startColumn: 15, endLine: 3, endColumn: 16 }, insertedContent: { text: '，' } },
    ]);
  });

  it('reads GB18030 (detected, or named with --encoding) and refuses bytes that are not in the encoding named', () => {
    const bytes = fs.readFileSync(path.join(WORKSPACE, 'docs/gb18030.policy.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const wrong = run(['check', '--encoding', 'utf-8', 'docs/gb18030.policy.txt']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('docs/gb18030.policy.txt: not valid utf-8 text');
  });

  it('prints the outline with --outline (text and JSON), without loading the dictionary', () => {
    const text = run(['check', '--outline', 'docs/draft.policy.txt']);
    expect([text.code, text.stdout]).toEqual([0, 'docs/draft.policy.txt\n  1  一、总体要求\n  4  二、重点任务\n  6  四、保障措施\n']);
    const json = JSON.parse(run(['check', '--outline', '--format', 'json', 'docs/draft.policy.txt']).stdout);
    expect(json.files[0].outline.map((n: any) => [n.kind, n.line, n.name])).toEqual([
      ['part', 1, '一、总体要求'],
      ['part', 4, '二、重点任务'],
      ['part', 6, '四、保障措施'],
    ]);
  });

  it('uses defaults where there is no settings file, and --config / --reference when given', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-cli-'));
    try {
      fs.copyFileSync(path.join(WORKSPACE, 'docs/draft.policy.txt'), path.join(elsewhere, 'draft.policy.txt'));
      const plain = run(['check', 'draft.policy.txt'], { cwd: elsewhere });
      expect(plain.stdout).toContain('draft.policy.txt:3:15 warning punctuation.width');
      expect(plain.stdout).not.toContain('保守国家秘密法');
      const configured = run(['check', '--config', path.join(WORKSPACE, '.vscode/settings.json'), '--reference', path.join(WORKSPACE, 'refs'), 'draft.policy.txt'], { cwd: elsewhere });
      expect(configured.stdout).toContain('draft.policy.txt:3:15 error punctuation.width');
      expect(configured.stdout).toContain('"保守国家秘密法" (line 6)');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('shows a progress bar on stderr when asked (or on a terminal with many files), never on stdout', () => {
    const { stdout, stderr } = run(['check', '--progress', '--outline', 'docs', 'docs/*.txt', '../../../fixtures/*.txt']);
    expect(stderr).toMatch(/\r\x1b\[K\[#*\.*\] \d+\/6 /);
    expect(stdout).not.toContain('\r');
    expect(run(['check', '--outline', 'docs', '../../../fixtures/*.txt']).stderr).toBe('');
  });

  it('answers usage errors with exit code 2', () => {
    for (const args of [[], ['check'], ['lint', 'x'], ['check', '--format', 'xml', 'docs'], ['check', '--bogus', 'docs']]) {
      const { code, stderr } = run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: policy-lens check');
    }
    const none = run(['check', 'nothing/*.txt']);
    expect([none.code, none.stderr]).toEqual([2, 'policy-lens: no files match nothing/*.txt\n']);
    expect(run(['--help']).stdout).toContain('--fail-on');
    expect(run(['--version']).stdout).toBe('0.1.0\n');
  });
});

describe('command-line parsing and globs', () => {
  it('parses options in either form', () => {
    expect(parseArgs(['check', '-f', 'json', '--fail-on=error', '--encoding', 'GBK', '--locale', 'zh_CN', 'a.txt', '--', '-b.txt'])).toEqual({
      options: expect.objectContaining({ command: 'check', format: 'json', failOn: 'error', encoding: 'gb18030', locale: 'zh', patterns: ['a.txt', '-b.txt'] }),
    });
    expect(parseArgs(['check', '--outline', '-f', 'sarif', 'a.txt'])).toEqual({ error: '--outline prints text or json, not sarif' });
    expect(parseArgs(['check', '-j', '2', 'a.txt'])).toEqual({ options: expect.objectContaining({ jobs: 2 }) });
    expect(parseArgs(['check', '--jobs=0', 'a.txt'])).toEqual({ error: '--jobs needs a number from 1 to 64, not "0"' });
    expect(parseArgs(['check', 'a.txt', '--jobs'])).toEqual({ error: '--jobs needs a number from 1 to 64, not nothing' });
  });

  it('matches *, **, ?, [..] and {a,b} like a shell, not across folders or into hidden names', () => {
    const re = globToRegExp('docs/**/*.{txt,md}');
    expect(['docs/a.txt', 'docs/x/y/b.md', 'docs/c.json', 'docs/.hidden/a.txt', 'other/a.txt'].map((p) => re.test(p))).toEqual([true, true, false, false, false]);
    expect(globToRegExp('*.txt').test('a/b.txt')).toBe(false);
    expect(globToRegExp('file?.[0-9].txt').test('fileA.7.txt')).toBe(true);
  });

  it('reports the proofreading rules with their fixes (issue 15)', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-proof-'));
    fs.writeFileSync(path.join(dir, '草稿.txt'), '二0二五年要再接再励，截止2025年11月底完成三、四十个项目。\n增长10—15%。\n');
    const { code, stdout } = run(['check', '--format', 'json', '--locale', 'zh', '--workspace', dir, '草稿.txt'], { cwd: dir });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).files[0].findings;
    expect(findings.map((f: any) => [f.line, f.column, f.code, f.fix.map((e: any) => e.newText).join('|')])).toEqual([
      [1, 1, 'number.zero', '〇'],
      [1, 7, 'typo.fixedExpression', '再接再厉'],
      [1, 12, 'usage.jiezhi', '截至'],
      [1, 25, 'number.approximate', ''],
      [2, 3, 'number.percentRange', '10%—15%'],
    ]);
    expect(findings[1].message).toBe('“再接再励”有错别字，应为“再接再厉”（见《现代汉语词典》第7版）。');
  });

  it('expands folders to their .txt and .md files and reports patterns that match nothing', () => {
    expect(expandPatterns(['docs', 'docs/draft.policy.txt', 'missing/*.txt'], WORKSPACE)).toEqual({
      files: ['docs/clean.policy.txt', 'docs/draft.policy.txt', 'docs/gb18030.policy.txt'],
      unmatched: ['missing/*.txt'],
    });
  });
});

describe('booting jieba\'s worker before the command line has loaded', () => {
  it('happens when two jobs will check with jieba in a worker: asked, or by default on two cores', () => {
    expect(prestartWanted(['check', 'a.txt'], 2)).toBe(true);
    expect(prestartWanted(['check', 'a.txt', '--jobs', '2'], 8)).toBe(true);
    expect(prestartWanted(['check', '-j=2', 'a.txt'], 1)).toBe(true);
    expect(prestartWanted(['--jobs=2', 'check', 'a.txt'], 4)).toBe(true);
    expect(prestartWanted(['check', 'a.txt'], 4)).toBe(false);
    expect(prestartWanted(['check', 'a.txt', '-j', '1'], 2)).toBe(false);
    expect(prestartWanted(['check', 'a.txt', '--jobs', '3'], 2)).toBe(false);
    expect(prestartWanted(['check', '--outline', 'a.txt'], 2)).toBe(false);
    expect(prestartWanted(['--help'], 2)).toBe(false);
  });
});

describe("V8's compiler told to inline less and optimise later", () => {
  it('counts the threads that run rules: the file workers of a plan that has them, else one', () => {
    expect(busyThreads('one thread', 1, 74)).toBe(1);
    expect(busyThreads('pipeline', 2, 74)).toBe(1);
    expect(busyThreads('file workers', 4, 74)).toBe(4);
    expect(busyThreads('file workers', 8, 3)).toBe(3);
    // One file is checked on the main thread, workers or not.
    expect(busyThreads('file workers', 4, 1)).toBe(1);
  });

  it('gets the flags for file workers as many as the cores', () => {
    expect(compilerCompetes(busyThreads('file workers', 16, 74), 16)).toBe(true);
    expect(compilerCompetes(busyThreads('file workers', 4, 74), 8)).toBe(false);
  });
});
