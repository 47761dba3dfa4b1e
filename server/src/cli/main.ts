import { defaultJobs } from '../adapters/checkPool';
import { RULES } from '../core/rules/registry';
import type { Severity } from '../core/types';
import { parseArgs, localeFromEnvironment, USAGE, type CliOptions } from './args';
import { loadConfig } from './config';
import { VERSION } from '../version';
import { checkFiles } from './checkFiles';
import type { CheckSetup } from './fileChecker';
import { formatJson, formatOutlineText, formatText, type FileReport } from './formats/report';
import { formatSarif } from './formats/sarif';
import { expandPatterns } from './glob';
import { ProgressBar } from './progress';

export const CLI_VERSION = VERSION;
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

  const progress = new ProgressBar(io.stderr, files.length, options.progress ?? (io.stderr.isTTY === true && files.length > PROGRESS_FROM));
  const setup: CheckSetup = { settings: config.settings, root: config.root, references: options.references, locale, encoding: options.encoding, outline: options.outline, cwd: io.cwd };
  const results = await checkFiles(setup, files, options.jobs ?? defaultJobs(), (done, file) => progress.update(done, file));
  progress.update(files.length, '');
  progress.done();
  // Results in input order, whichever worker finished first; each warning once.
  const shown = new Set<string>();
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const result of results) {
    for (const warning of result.warnings) if (!shown.has(warning)) shown.add(warning), warn(warning);
    if ('error' in result) {
      warn(result.error);
      unreadable++;
    } else {
      reports.push(result.report);
    }
  }

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

function summary(severities: readonly Severity[], files: number, locale: 'zh' | 'en'): string {
  const count = (s: Severity) => severities.filter((x) => x === s).length;
  if (locale === 'zh') {
    return `共 ${severities.length} 个问题（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('information') + count('hint')}），检查文件 ${files} 个。`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(severities.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information') + count('hint'), 'note')}) in ${plural(files, 'file')}.`;
}
