import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.join(__dirname, '../../server/src/core');
const DATA = path.join(__dirname, '../../data') + path.sep;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the analysis core is pure', () => {
  const files = sourceFiles(CORE);

  it('has source files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(CORE, f), f]))('%s imports only core modules', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const specifier of imports) {
      // Only relative imports that stay inside core/: no node:fs, vscode, nodejieba, LSP or adapters.
      // The one exception is a JSON table of data/, which the bundler compiles in: data, not I/O.
      expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
      const resolved = path.resolve(path.dirname(file), specifier);
      const dataTable = resolved.startsWith(DATA) && resolved.endsWith('.json');
      expect(resolved.startsWith(CORE) || dataTable, `${file} imports ${specifier} outside core`).toBe(true);
    }
    expect(source).not.toMatch(/\bprocess\.|\bglobalThis\.|\bfetch\(/);
  });
});
