import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/**
 * Issue 7, security: workspace files are data, never code; no regular expression
 * is compiled from what a workspace or a user supplies; an untrusted workspace
 * gets only the built-in data.
 */

const ROOT = path.join(__dirname, '../..');
const SOURCES = path.join(ROOT, 'server/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Source without comments, string contents kept (so that `'eval('` in a message is not code but still visible). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = sourceFiles(SOURCES).map((file) => ({ file: path.relative(SOURCES, file).split(path.sep).join('/'), code: stripComments(fs.readFileSync(file, 'utf8')) }));

function occurrences(pattern: RegExp): { file: string; line: number; text: string; index: number; code: string }[] {
  const found = [];
  for (const { file, code } of files) {
    for (const match of code.matchAll(new RegExp(pattern.source, 'g'))) {
      const line = code.slice(0, match.index).split('\n').length;
      found.push({ file, line, text: code.split('\n')[line - 1].trim(), index: match.index, code });
    }
  }
  return found;
}

/** The text of a call's first argument, from just after `(` to the matching `,` or `)`. */
function firstArgument(code: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (quote === '`' && c === '$' && code[i + 1] === '{') {
        // Nested expressions in template literals are returned as part of the argument.
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return code.slice(open, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return code.slice(open, i).trim();
  }
  return code.slice(open).trim();
}

/** `const NAME = '…'` (or `= OTHER_NAME`) somewhere in server/src: a constant built into the program. */
function isLiteralConstant(name: string, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  for (const { code } of files) {
    const match = new RegExp(`(?:^|\\n)\\s*(?:export\\s+)?const\\s+${name}\\s*=\\s*([^;\\n]+)`).exec(code);
    if (!match) continue;
    const value = match[1].trim();
    if (/^'(?:[^'\\]|\\.)*'$/.test(value) || /^"(?:[^"\\]|\\.)*"$/.test(value)) return true;
    if (/^[A-Z_][A-Z0-9_]*$/.test(value)) return isLiteralConstant(value, seen);
  }
  return false;
}

/** A regular expression source that is fixed in the program: a literal, or a template of literal constants. */
function isFixedPattern(argument: string): boolean {
  if (/^'(?:[^'\\]|\\.)*'$/.test(argument) || /^"(?:[^"\\]|\\.)*"$/.test(argument)) return true;
  if (!/^`[\s\S]*`$/.test(argument)) return false;
  const interpolations = [...argument.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1].trim());
  return interpolations.every((name) => /^[A-Z_][A-Z0-9_]*$/.test(name) && isLiteralConstant(name));
}

/**
 * Places that compile a pattern that is not fixed in the program, each with the reason
 * it is safe. Anything new fails the test until it is justified here.
 */
const ALLOWED_DYNAMIC_PATTERNS: Record<string, string> = {
  // `policy-lens check 'docs/**/*.txt'`: the glob comes from the command line of the person
  // running the CLI (never from a workspace file) and is matched against file paths only.
  'cli/glob.ts': 'command-line glob',
};

/** Calls of `.match`/`.matchAll`/`.search` whose argument is not a regex literal or a constant, with the reason. */
const ALLOWED_STRING_MATCH_CALLS: Record<string, string> = {
  // TermMatcher.match(text, tokens): a trie walk over glossary forms, not String.prototype.match.
  'engine/glossaryService.ts': 'TermMatcher.match',
  'cli/engine.ts': 'TermMatcher.match',
  'core/terms/coverage.ts': 'TermMatcher.match',
  // `for (const pattern of [ABBREVIATION, IS_DEFINED_AS]) text.matchAll(pattern)`: two literals.
  'core/terms/localDefinitions.ts': 'loop over literal patterns',
};

describe('workspace files are data, never code (static check of server/src)', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.file === 'lsp/server.ts')).toBe(true);
  });

  it('tells fixed patterns from patterns built from data (the check itself)', () => {
    expect(isFixedPattern("'^\\\\d+$'")).toBe(true);
    expect(isFixedPattern('`第([${N}]+)`')).toBe(true);
    expect(isFixedPattern('phrase')).toBe(false);
    expect(isFixedPattern('`^${term}$`')).toBe(false);
    expect(isFixedPattern('`${entry.term}|${N}`')).toBe(false);
    expect(isFixedPattern('escape(userText)')).toBe(false);
    expect(firstArgument("RegExp(`a${B}(c)`, 'g')", 7)).toBe('`a${B}(c)`');
  });

  it('never evaluates text as code', () => {
    const found = [
      ...occurrences(/\beval\s*\(/),
      ...occurrences(/\bnew\s+Function\s*\(/),
      ...occurrences(/(?<![\w.$])Function\s*\(/),
      ...occurrences(/['"](?:node:)?vm['"]/),
      ...occurrences(/['"](?:node:)?child_process['"]/),
      ...occurrences(/\beval\s*:\s*true/),
      ...occurrences(/\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/),
    ];
    expect(found.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('requires and imports only fixed module names', () => {
    const dynamic = [...occurrences(/\brequire\s*\(/), ...occurrences(/(?<![\w.$])import\s*\(/)].filter((f) => {
      const argument = firstArgument(f.code, f.code.indexOf('(', f.index) + 1);
      return !/^'[\w@./:-]+'$/.test(argument) && !/^"[\w@./:-]+"$/.test(argument);
    });
    expect(dynamic.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
    // The one native module is loaded by name, in the worker's adapter; pinyin-pro (bundled) on first use.
    expect(occurrences(/\brequire\s*\(/).map((f) => f.file)).toEqual(['adapters/jieba.ts', 'adapters/pinyin.ts']);
  });

  it('compiles regular expressions only from patterns fixed in the program', () => {
    const compiled = occurrences(/(?<![\w.$])(?:new\s+)?RegExp\s*\(/);
    expect(compiled.length).toBeGreaterThan(0);
    const dynamic = compiled.filter((f) => !isFixedPattern(firstArgument(f.code, f.code.indexOf('(', f.index) + 1)) && !(f.file in ALLOWED_DYNAMIC_PATTERNS));
    expect(dynamic.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
    // String methods that turn a string argument into a regular expression.
    const implicit = occurrences(/\.(?:match|matchAll|search)\s*\(/).filter((f) => {
      const argument = firstArgument(f.code, f.code.indexOf('(', f.index) + 1);
      return !argument.startsWith('/') && !/^[A-Z_][A-Z0-9_]*$/.test(argument) && !(f.file in ALLOWED_STRING_MATCH_CALLS);
    });
    expect(implicit.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('reads files only in the adapters (and the CLI, which reads the files it is asked to check)', () => {
    const importers = occurrences(/from\s+['"](?:node:)?fs(?:\/promises)?['"]|require\(\s*['"](?:node:)?fs['"]\s*\)/).map((f) => f.file);
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file.startsWith('adapters/') || file.startsWith('cli/'), file).toBe(true);
  });
});

describe('untrusted workspaces', () => {
  let dir: string;
  let uri: string;
  const MARKER = 'ROBUSTNESS-MARKER-工作区术语';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-untrusted-'));
    fs.mkdirSync(path.join(dir, '.policy-lens'));
    fs.writeFileSync(
      path.join(dir, '.policy-lens', 'glossary.json'),
      JSON.stringify({ version: 1, terms: [{ term: '鲲鹏协同机制', kind: 'term', category: '区域协调', definition: MARKER }] }),
    );
    uri = pathToFileURL(path.join(dir, 'draft.policy.txt')).toString();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Hover over the workspace glossary's term, with the workspace trusted or not. */
  async function hoverWith(trusted: boolean | undefined, glossaries: string[] = []): Promise<string> {
    const client = LspTestClient.start();
    try {
      client.settings = { policyLens: { diagnostics: { debounceMs: 0 }, glossaries } };
      await client.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).toString(),
        workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
        capabilities: { workspace: { configuration: true } },
        initializationOptions: trusted === undefined ? {} : { trusted },
      });
      client.notify('initialized', {});
      await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
      client.open(uri, '推进鲲鹏协同机制建设。\n');
      await client.diagnostics(uri, 1);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
      return JSON.stringify(hover);
    } finally {
      client.kill();
    }
  }

  it('a trusted workspace uses its .policy-lens/glossary.json (the control case)', async () => {
    expect(await hoverWith(true)).toContain(MARKER);
    expect(await hoverWith(undefined)).toContain(MARKER);
  }, 60_000);

  it('with initializationOptions { trusted: false } the workspace glossary is ignored', async () => {
    expect(await hoverWith(false)).not.toContain(MARKER);
  }, 60_000);

  it('a glossary in the user settings (absolute path) is used in an untrusted workspace, a relative one is not (issue 21)', async () => {
    // The file sits in the workspace folder: only an absolute path, which a user writes in the user settings, reaches it.
    fs.mkdirSync(path.join(dir, 'terms'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'terms', 'mine.json'),
      JSON.stringify({ version: 1, terms: [{ term: '鲲鹏协同机制', kind: 'term', category: '区域协调', definition: 'USER-GLOSSARY-MARKER' }] }),
    );
    expect(await hoverWith(false, [path.join(dir, 'terms', 'mine.json')])).toContain('USER-GLOSSARY-MARKER');
    expect(await hoverWith(false, ['terms/mine.json'])).not.toContain('USER-GLOSSARY-MARKER');
    expect(await hoverWith(true, ['terms/mine.json'])).toContain('USER-GLOSSARY-MARKER');
  }, 90_000);

  it('package.json declares limited support and restricts every setting that names files to read', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    expect(untrusted.supported).toBe('limited');
    const properties = manifest.contributes.configuration.properties as Record<string, { scope?: string; type?: string; items?: { type?: string } }>;
    // Settings whose values are paths the server reads (lists of files or folders).
    const pathSettings = ['policyLens.dictionaries', 'policyLens.glossaries', 'policyLens.references'].filter((key) => key in properties);
    expect(pathSettings.length).toBeGreaterThanOrEqual(2);
    for (const key of pathSettings) expect(untrusted.restrictedConfigurations).toContain(key);
    for (const key of untrusted.restrictedConfigurations) expect(properties).toHaveProperty([key]);
  });
});
