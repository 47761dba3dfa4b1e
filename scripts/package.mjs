// Packages the extension (run after the build: `npm run package`).
//   npm run package                        → policy-lens-<version>-<platform>-<arch>.vsix: nodejieba's
//                                            native binary for this machine, jieba-wasm as its fallback
//   npm run package -- --target universal  → policy-lens-<version>-universal.vsix: no native code,
//                                            segments with jieba-wasm on every platform (and the same words)
//   --out <file>                           → another output path
// A native package runs only on the platform it was built on, so a release pipeline
// builds one per platform on a runner of that platform (see docs/packaging.md).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const host = `${process.platform}-${process.arch}`;
const target = option('--target') ?? host;
const out = option('--out') ?? `${pkg.name}-${pkg.version}-${target}.vsix`;
const vsce = (...vsceArgs) => execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', ...vsceArgs], { stdio: ['ignore', 'inherit', 'inherit'] });

if (target === 'universal') {
  // The same allow-list without nodejieba, and no node_modules at all: no .node file, no platform in the manifest.
  const ignore = fs
    .readFileSync('.vscodeignore', 'utf8')
    .split('\n')
    .filter((line) => !line.includes('node_modules/nodejieba'))
    .join('\n');
  const ignoreFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-package-')), '.vscodeignore');
  fs.writeFileSync(ignoreFile, ignore);
  try {
    vsce('package', '--no-dependencies', '--ignoreFile', ignoreFile, '--out', out, '--no-rewrite-relative-links');
  } finally {
    fs.rmSync(path.dirname(ignoreFile), { recursive: true, force: true });
  }
} else {
  if (target !== host) {
    console.error(`nodejieba in node_modules is built for ${host}; build the ${target} package on a ${target} machine (or use --target universal).`);
    process.exit(1);
  }
  vsce('package', '--target', target, '--out', out, '--no-rewrite-relative-links');
}
console.log(out);
