import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { RULES } from '../core/rules/registry';
import { parseSettings, type SettingProblem, type Settings } from '../engine/settings';

/** Where VS Code keeps a workspace's settings; the command line reads the same file. */
export const SETTINGS_FILE = path.join('.vscode', 'settings.json');

export interface CliConfig {
  readonly root: string;
  /** The settings file read, if any. */
  readonly file?: string;
  readonly settings: Settings;
  readonly problems: readonly string[];
}

/**
 * The workspace folder: the nearest folder at or above `cwd` that has
 * `.vscode/settings.json` or `.policy-lens/`, else `cwd` itself.
 */
export function findWorkspaceRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, SETTINGS_FILE)) || fs.existsSync(path.join(dir, '.policy-lens'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/**
 * Reads `policyLens.*` from a VS Code settings file (JSON with comments and
 * trailing commas; `"[policy]": { … }` language overrides apply too) and
 * parses it as the server does. A missing default file is no problem; a
 * missing explicit one, a syntax error or a bad value is.
 */
export function loadConfig(options: { cwd: string; config?: string; workspace?: string }): CliConfig {
  const root = options.workspace ? path.resolve(options.cwd, options.workspace) : options.config ? workspaceOf(path.resolve(options.cwd, options.config)) : findWorkspaceRoot(options.cwd);
  const file = options.config ? path.resolve(options.cwd, options.config) : path.join(root, SETTINGS_FILE);
  const problems: string[] = [];
  let raw: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    const errors: ParseError[] = [];
    const text = fs.readFileSync(file, 'utf8');
    const parsed: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const error of errors) problems.push(`${file}: ${printParseErrorCode(error.error)} at offset ${error.offset}`);
    raw = policyLensKeys(parsed);
  } else if (options.config) {
    problems.push(`${file}: settings file not found`);
  }
  const { settings, problems: invalid } = parseSettings(raw, RULES);
  for (const problem of invalid) problems.push(describe(problem));
  return { root, file: fs.existsSync(file) ? file : undefined, settings, problems };
}

/** `…/project/.vscode/settings.json` → `…/project`; any other file → its folder. */
function workspaceOf(file: string): string {
  const dir = path.dirname(file);
  return path.basename(dir) === '.vscode' ? path.dirname(dir) : dir;
}

/** `{"policyLens.a.b": 1, "policyLens": {"c": 2}, "[policy]": {"policyLens.d": 3}}` → `{"a.b": 1, "c": 2, "d": 3}`. */
function policyLensKeys(parsed: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const take = (object: unknown) => {
    if (!object || typeof object !== 'object' || Array.isArray(object)) return;
    for (const [key, value] of Object.entries(object)) {
      if (key === 'policyLens' && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, value);
      else if (key.startsWith('policyLens.')) out[key.slice('policyLens.'.length)] = value;
    }
  };
  take(parsed);
  if (parsed && typeof parsed === 'object') take((parsed as Record<string, unknown>)['[policy]']);
  return out;
}

function describe(problem: SettingProblem): string {
  if (problem.replacedBy) return `setting "${problem.key}" is no longer used (set to ${problem.value}); see ${problem.replacedBy}`;
  return `setting "${problem.key}" has an invalid value (${problem.value}); using the default ${problem.fallback}`;
}
