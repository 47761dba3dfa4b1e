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
  while (!fs.existsSync(path.join(dir, 'data', 'policy.dict.utf8')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  cachedRoot = dir;
  return dir;
}

export function dataPath(name: string): string {
  return path.join(packageRoot(), 'data', name);
}
