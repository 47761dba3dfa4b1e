// postinstall: nodejieba's `load` builds jieba's dictionary trie twice — once for its Jieba (cut,
// tag) and once more, from the same files, for a TextRankExtractor (keyword extraction, which
// Policy Lens never calls). The second trie is ≈40 % of the load time and ≈100 MB. cppjieba has a
// TextRankExtractor constructor that shares the Jieba's trie and HMM model; this script makes
// nodejieba's binding use it and rebuilds the binding. Cut and tag are not touched (the agreement
// and word-tag tests compare them over the corpus). If anything fails, the binding nodejieba's own
// install built stays, and the install goes on: everything works, with the slower load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ORIGINAL = /(  delete _jieba_handle;\n  _jieba_handle = new cppjieba::Jieba\(dictPath,[^;]*;\n)\n  delete _text_rank_extractor_handle;\n  _text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(dictPath,\s*modelPath,\s*stopWordsPath,\s*userDictPath\);\n/;
export const MARK = '// policy-lens: one trie';

/** nodejieba.cpp with the extractor built on the Jieba's trie; the text unchanged when patched already; undefined when it is not the source this was written for. */
export function shareTrie(source) {
  if (source.includes(MARK)) return source;
  if (!ORIGINAL.test(source)) return undefined;
  return source.replace(ORIGINAL, (_, jieba) =>
    // The extractor goes first: it points into the Jieba's trie.
    `  ${MARK}\n  delete _text_rank_extractor_handle;\n  _text_rank_extractor_handle = nullptr;\n${jieba}  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);\n`);
}

function main() {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.join(root, 'node_modules', 'nodejieba');
  const file = path.join(dir, 'lib', 'nodejieba.cpp');
  const say = (message) => console.log(`[nodejieba-one-trie] ${message}`);
  if (!fs.existsSync(file)) return say('nodejieba is not installed: nothing to do');
  const source = fs.readFileSync(file, 'utf8');
  const patched = shareTrie(source);
  if (patched === undefined) return say('nodejieba.cpp is not the source this patch knows (another nodejieba version?): left as it is');
  const binary = path.join(dir, 'build', 'Release', 'nodejieba.node');
  if (patched === source && fs.existsSync(binary) && fs.statSync(binary).mtimeMs >= fs.statSync(file).mtimeMs) return say('already patched and built');
  // npm names its own node-gyp for lifecycle scripts; `npx node-gyp` otherwise.
  const gyp = process.env.npm_config_node_gyp;
  // The headers of the running Node where its installation has them (official builds and Debian
  // do): node-gyp would download them otherwise, which fails offline.
  const prefix = path.dirname(path.dirname(process.execPath));
  const nodedir = fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? [`--nodedir=${prefix}`] : [];
  const [command, args] = gyp && fs.existsSync(gyp) ? [process.execPath, [gyp, 'rebuild', ...nodedir]] : ['npx', ['--yes', 'node-gyp', 'rebuild', ...nodedir]];
  const saved = fs.existsSync(binary) ? fs.readFileSync(binary) : undefined;
  fs.writeFileSync(file, patched);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', shell: process.platform === 'win32' && command === 'npx' });
  if (result.status === 0 && fs.existsSync(binary)) return say(`binding rebuilt with one dictionary trie in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Back to what nodejieba's install gave.
  fs.writeFileSync(file, source);
  if (saved) {
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, saved);
  }
  say(`rebuild failed (${result.error?.message ?? `exit ${result.status}`}); nodejieba's own binding kept (it loads its dictionary twice)`);
  if (result.stderr) console.log(result.stderr.split('\n').slice(-8).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
