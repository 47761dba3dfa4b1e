// `npm run build-data [-- --propose | --apply]`: bundles scripts/buildData.ts (TypeScript, the core's
// matcher and jieba) and runs it. Regenerates data/term-history.json from test/fixtures/corpus.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const out = path.join(os.tmpdir(), `policy-lens-build-data-${process.pid}.cjs`);
await esbuild.build({
  entryPoints: ['scripts/buildData.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  mainFields: ['module', 'main'], external: ['nodejieba'], outfile: out, logLevel: 'warning',
  // The bundle runs from the temp folder: resolve the repository (data/, node_modules) from here.
  define: { __dirname: JSON.stringify(path.resolve('scripts')) },
  nodePaths: [path.resolve('node_modules')],
});
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
fs.rmSync(out, { force: true });
process.exit(run.status ?? 1);
