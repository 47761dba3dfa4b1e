// Bundles the client, the server, its segmentation worker and the CLI into dist/.
// nodejieba stays external: it is a native module shipped as-is in node_modules.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    entryPoints: {
      server: 'server/src/main.ts',
      segmentationWorker: 'server/src/adapters/segmentationWorker.ts',
    },
    external: ['nodejieba'],
  },
  // The command line (`policy-lens check …`): the core without LSP, jieba in process.
  { entryPoints: { cli: 'server/src/cli.ts', checkWorker: 'server/src/cli/checkWorker.ts' }, external: ['nodejieba'] },
  // The benchmark is not shipped; it is bundled only so that it runs TypeScript sources.
  { entryPoints: { bench: 'bench/run.ts' }, external: ['nodejieba'] },
  // The web extension (vscode.dev, github.dev): the language server in a web worker, segmenting
  // with jieba-wasm; platform 'browser' makes any Node built-in a build error.
  {
    entryPoints: { browserClient: 'client/src/browserExtension.ts' },
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
  },
  {
    entryPoints: { browserServer: 'server/src/browserMain.ts' },
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    loader: { '.utf8': 'text', '.txt': 'text' },
    inject: ['server/src/adapters/browser/immediate.ts'],
  },
  // The term report's webview script, Chart.js included: a browser bundle, nothing loaded from elsewhere.
  { entryPoints: { report: 'client/src/report/main.ts' }, platform: 'browser', target: 'es2022', format: 'iife', mainFields: ['browser', 'module', 'main'], minify: true },
];

// jieba-wasm's module and the cppjieba data it is loaded with (the same files
// nodejieba reads), so that packages without nodejieba segment alike.
const jiebaWasmFiles = {
  'jieba_rs_wasm_bg.wasm': 'node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm',
  'jieba.dict.utf8': 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'hmm_model.utf8': 'node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
};
fs.mkdirSync('dist/jieba-wasm', { recursive: true });
for (const [name, source] of Object.entries(jiebaWasmFiles)) fs.copyFileSync(source, `dist/jieba-wasm/${name}`);

for (const build of builds) {
  const options = { ...common, ...build, outdir: 'dist' };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
