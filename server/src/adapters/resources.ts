import * as fs from 'node:fs';
import * as path from 'node:path';

let cachedRoot: string | undefined;

/**
 * The folder holding package.json and data/: `..` from the bundled dist/,
 * further up when running from source in tests.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  while (!isPackageRoot(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  cachedRoot = isPackageRoot(dir) ? dir : path.join(__dirname, '..');
  return cachedRoot;
}

export function dataPath(name: string): string {
  return path.join(packageRoot(), 'data', name);
}

function isPackageRoot(dir: string): boolean {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'policy-lens';
  } catch {
    return false;
  }
}
