import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of server/src, checked on the import graph (value imports;
 * `import type` is erased and costs a browser build nothing):
 * core → nothing outside core; engine → core and engine only; lsp → core,
 * engine, lsp and protocol; cli → no lsp; Node APIs (fs, worker_threads,
 * child_process, native modules) only in adapters/, which the node entry
 * points (main.ts, cli.ts, cli/) wire in. A browser build needs exactly this.
 */
const SRC = path.join(__dirname, '../../server/src');
const NODE_ONLY = /^(node:|fs$|fs\/|path$|os$|url$|worker_threads$|child_process$|nodejieba$|vscode-languageserver\/node$)/;

interface Import {
  readonly from: string;
  readonly specifier: string;
  /** The layer folder an import resolves to (`core`, `engine`, …), or `npm` for packages. */
  readonly target: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  const relative = path.relative(SRC, file).split(path.sep);
  return relative.length > 1 ? relative[0] : relative[0].replace(/\.ts$/, '');
}

function valueImports(file: string): Import[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    if (m[2]) continue;
    const specifier = m[3] ?? m[4] ?? m[5];
    const target = specifier.startsWith('.') ? layerOf(path.resolve(path.dirname(file), specifier) + '.ts') : 'npm';
    found.push({ from: path.relative(SRC, file), specifier, target });
  }
  return found;
}

const FILES = sourceFiles(SRC);
const IMPORTS = FILES.flatMap(valueImports);
const byLayer = (layer: string) => IMPORTS.filter((i) => layerOf(path.join(SRC, i.from)) === layer);
const show = (imports: readonly Import[]) => imports.map((i) => `${i.from} → ${i.specifier}`);

describe('layering of server/src', () => {
  it('sees every layer', () => {
    for (const layer of ['core', 'engine', 'lsp', 'adapters', 'cli']) expect(byLayer(layer).length, layer).toBeGreaterThan(0);
  });

  it('core imports nothing outside core (but JSON tables of data/, which the bundler compiles in)', () => {
    const dataTable = (i: Import) => i.specifier.endsWith('.json') && path.resolve(SRC, path.dirname(i.from), i.specifier).startsWith(path.join(SRC, '../../data') + path.sep);
    expect(show(byLayer('core').filter((i) => i.target !== 'core' && !dataTable(i)))).toEqual([]);
  });

  it('engine imports only core, engine and platform-free packages', () => {
    expect(show(byLayer('engine').filter((i) => !['core', 'engine'].includes(i.target) && !(i.target === 'npm' && !NODE_ONLY.test(i.specifier))))).toEqual([]);
  });

  it('lsp imports no adapters, no command line and no Node API', () => {
    expect(show(byLayer('lsp').filter((i) => ['adapters', 'cli'].includes(i.target) || (i.target === 'npm' && NODE_ONLY.test(i.specifier))))).toEqual([]);
  });

  it('the command line imports nothing of the protocol layer', () => {
    expect(show(byLayer('cli').filter((i) => i.target === 'lsp'))).toEqual([]);
  });

  it('only adapters use Node APIs (the entry points and the command line wire them in)', () => {
    const nodeUsers = new Set(IMPORTS.filter((i) => i.target === 'npm' && NODE_ONLY.test(i.specifier)).map((i) => layerOf(path.join(SRC, i.from))));
    expect([...nodeUsers].sort()).toEqual(['adapters', 'cli', 'main'].filter((layer) => nodeUsers.has(layer)).sort());
    expect(nodeUsers.has('adapters')).toBe(true);
  });
});
