// Packages a platform-specific .vsix (the native nodejieba binary only runs on
// the platform it was built for): policy-lens-<version>-<platform>-<arch>.vsix.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const target = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
const out = `${pkg.name}-${pkg.version}-${target}.vsix`;
const vsce = (...args) => execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
vsce('package', '--target', target, '--out', out, '--no-rewrite-relative-links');
console.log(out);
