import { parseEncodingName, type TextEncodingName } from '../adapters/encoding';
import type { Locale } from '../engine/l10n';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'information' | 'hint' | 'none';

export interface CliOptions {
  readonly command: 'check' | 'help' | 'version';
  /** Files, folders and glob patterns. */
  readonly patterns: readonly string[];
  readonly format: OutputFormat;
  /** Print each document's outline instead of checking it. */
  readonly outline: boolean;
  readonly failOn: FailOn;
  readonly encoding: TextEncodingName | 'auto';
  readonly locale?: Locale;
  /** A VS Code settings file (JSON with comments) to read `policyLens.*` from. */
  readonly config?: string;
  /** The folder settings paths and `.policy-lens/` are relative to. */
  readonly workspace?: string;
  /** Extra reference texts (files or folders). */
  readonly references: readonly string[];
  /** Progress bar: undefined = when stderr is a terminal and there are more than a few files. */
  readonly progress?: boolean;
  /** Worker threads checking files in parallel; undefined = one per core. */
  readonly jobs?: number;
}

export const USAGE = `usage: policy-lens check [options] <files, folders or globs...>

Checks Chinese policy documents with the same rules as the Policy Lens editor
extension and prints one line per finding: file:line:col severity code message.

options:
  -f, --format <text|json|sarif>   output format (default: text); sarif is SARIF 2.1.0
      --outline                    print each document's outline instead of checking it
      --fail-on <level>            exit 1 when a finding is at least this severe:
                                   error, warning (default), information, hint, none
      --encoding <name>            auto (default: UTF-8, else GB18030), utf-8, gb18030, gbk
      --locale <zh|en>             language of messages (default: from LC_ALL / LANG)
      --config <file>              settings file (default: .vscode/settings.json of the workspace)
      --workspace <dir>            workspace folder (default: the nearest folder above the current
                                   one with .vscode/settings.json or .policy-lens/, else the current one)
      --reference <path>           an extra reference text or folder for quote checks (repeatable)
      --progress, --no-progress    force the progress bar on stderr on or off
  -j, --jobs <n>                   check files on n threads (default: the number of cores); the
                                   output is the same and in the same order whatever n is
  -h, --help                       show this help
  -v, --version                    show the version

A folder stands for the .txt, .md and .docx files below it (a Word document's findings
are placed by paragraph: file ¶12 col 5 …). Glob patterns (*, **, ?, [abc], {a,b})
are expanded by policy-lens itself, so quote them in the shell.
Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 usage error or unreadable input.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'information', 'hint', 'none'];

/** Parses the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): { options: CliOptions } | { error: string } {
  const patterns: string[] = [];
  const references: string[] = [];
  let command: CliOptions['command'] | undefined;
  let format: OutputFormat = 'text';
  let outline = false;
  let failOn: FailOn = 'warning';
  let encoding: TextEncodingName | 'auto' = 'auto';
  let locale: Locale | undefined;
  let config: string | undefined;
  let workspace: string | undefined;
  let progress: boolean | undefined;
  let jobs: number | undefined;
  let onlyPatterns = false;

  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (onlyPatterns || !raw.startsWith('-') || raw === '-') {
      if (command === undefined && !onlyPatterns) {
        if (raw !== 'check') return { error: `unknown command "${raw}" (did you mean "policy-lens check ${raw}"?)` };
        command = 'check';
      } else {
        patterns.push(raw);
      }
      continue;
    }
    if (raw === '--') {
      onlyPatterns = true;
      command ??= 'check';
      continue;
    }
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
    switch (name) {
      case '-h':
      case '--help':
        return { options: defaults('help') };
      case '-v':
      case '--version':
        return { options: defaults('version') };
      case '-f':
      case '--format': {
        const v = value();
        if (!v || !(FORMATS as readonly string[]).includes(v)) return { error: `--format must be one of ${FORMATS.join(', ')}` };
        format = v as OutputFormat;
        break;
      }
      case '--outline':
        outline = true;
        break;
      case '--fail-on': {
        const v = value();
        if (!v || !(FAIL_ON as readonly string[]).includes(v)) return { error: `--fail-on must be one of ${FAIL_ON.join(', ')}` };
        failOn = v as FailOn;
        break;
      }
      case '--encoding': {
        const v = value();
        const parsed = v ? parseEncodingName(v) : undefined;
        if (!parsed) return { error: '--encoding must be auto, utf-8, gb18030 or gbk' };
        encoding = parsed;
        break;
      }
      case '--locale': {
        const v = value()?.toLowerCase();
        if (!v || !/^(zh|en)([-_].*)?$/.test(v)) return { error: '--locale must be zh or en' };
        locale = v.startsWith('zh') ? 'zh' : 'en';
        break;
      }
      case '--config':
        config = value();
        if (!config) return { error: '--config needs a file' };
        break;
      case '--workspace':
        workspace = value();
        if (!workspace) return { error: '--workspace needs a folder' };
        break;
      case '--reference': {
        const v = value();
        if (!v) return { error: '--reference needs a file or folder' };
        references.push(v);
        break;
      }
      case '--progress':
        progress = true;
        break;
      case '-j':
      case '--jobs': {
        const v = value();
        const n = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= 1 && n <= 64)) return { error: `--jobs needs a number from 1 to 64, not ${v === undefined ? 'nothing' : `"${v}"`}` };
        jobs = n;
        break;
      }
      case '--no-progress':
        progress = false;
        break;
      default:
        return { error: `unknown option ${name}` };
    }
  }
  if (command === undefined) return { error: 'missing command: policy-lens check <files>' };
  if (patterns.length === 0) return { error: 'no files given' };
  if (outline && format === 'sarif') return { error: '--outline prints text or json, not sarif' };
  return { options: { command, patterns, format, outline, failOn, encoding, locale, config, workspace, references, progress, jobs } };
}

function defaults(command: CliOptions['command']): CliOptions {
  return { command, patterns: [], format: 'text', outline: false, failOn: 'warning', encoding: 'auto', references: [] };
}

/** Messages in Chinese when the environment's locale is Chinese. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
