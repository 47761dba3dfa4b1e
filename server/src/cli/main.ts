import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, type TextEncodingName } from '../adapters/encoding';
import { RULES } from '../core/rules/registry';
import type { Severity } from '../core/types';
import { parseArgs, localeFromEnvironment, USAGE, type CliOptions } from './args';
import { loadConfig } from './config';
import type { PolicyEngine } from '../engine/engine';
import { VERSION } from '../version';
import { checkText, createCheckEngine, createOutlineEngine, outlineOf } from './engine';
import { formatJson, formatOutlineText, formatText, reportFindings, type FileReport } from './formats/report';
import { formatSarif } from './formats/sarif';
import { expandPatterns } from './glob';
import { ProgressBar } from './progress';

export const CLI_VERSION = VERSION;
/** Files larger than this are refused (a policy document is rarely above a few MB). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** With more files than this, a terminal gets a progress bar. */
const PROGRESS_FROM = 3;

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const RANK: Record<Severity, number> = { hint: 1, information: 2, warning: 3, error: 4 };

/**
 * `policy-lens check …`: reads the files (UTF-8 or GB18030), runs the core
 * with the workspace's settings and prints the findings. Returns the exit code:
 * 0 clean, 1 findings at or above `--fail-on`, 2 usage error or unreadable input.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    io.stderr.write(`policy-lens: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.command === 'version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  return check(options, io);
}

async function check(options: CliOptions, io: CliIo): Promise<number> {
  const warn = (message: string) => io.stderr.write(`policy-lens: ${message}\n`);
  const locale = options.locale ?? localeFromEnvironment(io.env);
  const config = loadConfig({ cwd: io.cwd, config: options.config, workspace: options.workspace });
  for (const problem of config.problems) warn(problem);

  const { files, unmatched } = expandPatterns(options.patterns, io.cwd);
  for (const pattern of unmatched) warn(`no files match ${pattern}`);
  if (files.length === 0) return 2;

  // Loaded on the first readable file: the dictionary takes a second or two.
  let engine: PolicyEngine | undefined;
  // The outline needs no dictionary: its engine never loads one.
  let outlineEngine: PolicyEngine | undefined;
  const progress = new ProgressBar(io.stderr, files.length, options.progress ?? (io.stderr.isTTY === true && files.length > PROGRESS_FROM));
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    progress.update(i, file);
    const read = readDocument(path.resolve(io.cwd, file), options.encoding);
    if ('error' in read) {
      progress.done();
      warn(`${file}: ${read.error}`);
      unreadable++;
      continue;
    }
    if (!options.outline) {
      engine ??= createCheckEngine(config.settings, config.root, options.references, warn, locale);
      if (read.text.length > config.settings.maxDocumentSize) warn(`${file}: ${read.text.length} characters, above policyLens.diagnostics.maxDocumentSize; only light checks run`);
      const findings = await checkText(engine, read.text, path.resolve(io.cwd, file));
      reports.push({ file, encoding: read.encoding, findings: reportFindings(read.text, findings, locale) });
    } else {
      reports.push({ file, encoding: read.encoding, findings: [], outline: outlineOf((outlineEngine ??= createOutlineEngine(config.settings)), read.text, path.resolve(io.cwd, file)) });
    }
    // Let the terminal redraw between large files.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  progress.update(files.length, '');
  progress.done();
  engine?.dispose();

  if (options.outline) {
    io.stdout.write(options.format === 'json' ? formatJson(reports, { name: 'policy-lens', version: CLI_VERSION }) : formatOutlineText(reports));
  } else if (options.format === 'json') {
    io.stdout.write(formatJson(reports, { name: 'policy-lens', version: CLI_VERSION }));
  } else if (options.format === 'sarif') {
    io.stdout.write(formatSarif(reports, RULES, { root: config.root, cwd: io.cwd, version: CLI_VERSION, locale }));
  } else {
    io.stdout.write(formatText(reports));
    const all = reports.flatMap((r) => r.findings);
    if (all.length > 0) io.stderr.write(`${summary(all.map((f) => f.severity), reports.length, locale)}\n`);
  }

  if (unreadable > 0) return 2;
  if (options.failOn === 'none' || options.outline) return 0;
  const threshold = RANK[options.failOn];
  return reports.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}

function readDocument(file: string, encoding: TextEncodingName | 'auto'): { text: string; encoding: string } | { error: string } {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { error: 'not a file' };
    if (stat.size > MAX_FILE_BYTES) return { error: `file too large (${stat.size} bytes)` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) };
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded) return { error: encoding === 'auto' ? 'not UTF-8 or GB18030 text' : `not valid ${encoding} text` };
  return decoded;
}

function summary(severities: readonly Severity[], files: number, locale: 'zh' | 'en'): string {
  const count = (s: Severity) => severities.filter((x) => x === s).length;
  if (locale === 'zh') {
    return `共 ${severities.length} 个问题（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('information') + count('hint')}），检查文件 ${files} 个。`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(severities.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information') + count('hint'), 'note')}) in ${plural(files, 'file')}.`;
}
