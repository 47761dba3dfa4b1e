// postinstall: five changes to nodejieba's binding, then a rebuild of it.
// 1. One dictionary trie. nodejieba's `load` builds jieba's trie twice — once for its Jieba (cut,
//    tag) and once more, from the same files, for a TextRankExtractor (keyword extraction, which
//    Policy Lens never calls): ≈40 % of the load time and ≈100 MB. cppjieba has a
//    TextRankExtractor constructor that shares the Jieba's trie and HMM model; the binding uses it.
// 2. `tagLengths(text)`: what `tag` gives (cppjieba's Tag: the HMM cut, then each piece's part of
//    speech), as one Uint32Array — each piece's length in UTF-16 code units and its part of speech
//    packed in four bytes — instead of an object and two strings per piece made through N-API:
//    0.85 × the time of `cut`, where `tag` takes 1.9 ×.
// 3. A destructor: the add-on never freed its dictionary, so each worker thread that loaded one
//    and ended left ≈110 MB in the process.
// 4. `keepAtExit()`: the destructor then leaves the dictionary to the process's end. The command
//    line's segmentation thread lasts as long as the process, and freeing its dictionary's ≈1 M
//    allocations one by one made every `policy-lens check` ≈130 ms longer after its output.
// 5. A faster dictionary load (cppjieba's DictTrie.hpp): the load copied its 350 000 entries four
//    times — a whole copy sorted by weight only to read the smallest, median and largest weight,
//    a vector grown by doubling, a copy to shed the spare room, and a copy of every word to build
//    the trie from. Now the weights alone are selected from, the vector is reserved from the
//    file's line count, and the trie is built from the entries themselves: 390 → 180 ms, the
//    same trie and weights (cut and tag compared over the corpus, user dictionary included).
// Cut and tag are not touched (the agreement and word-tag tests compare them over the corpus). If
// anything fails, the binding nodejieba's own install built stays, and the install goes on:
// everything works, with the slower load and pieces.
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

export const TAG_LENGTHS_MARK = '// policy-lens: tag lengths';
const LAST_METHOD = '    InstanceMethod("insertWord", &NodeJieba::insertWord)\n';
const LAST_DECLARATION = '  Napi::Value insertWord(const Napi::CallbackInfo& info);\n';
const LAST_EXPORT = 'wrapWithDictLoad("insertWord");\n';

/**
 * `NodeJieba::tagLengths`: for piece i, [2i] its length in UTF-16 code units (counted on its UTF-8
 * bytes: one per sequence, two for a four-byte one) and [2i + 1] its part of speech, one ASCII
 * character per byte from the lowest; 0 for a part of speech that does not fit (the caller then
 * uses `tag`). No state: worker threads each have their own binding.
 */
const TAG_LENGTHS = `
${TAG_LENGTHS_MARK}
Napi::Value NodeJieba::tagLengths(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() == 0 || !info[0].IsString()) {
    return Napi::Boolean::New(env, false);
  }
  if (!_jieba_handle) {
    Napi::Error::New(env, "Before calling any other function you have to call load() first").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string sentence = info[0].As<Napi::String>();
  std::vector<std::pair<std::string, std::string> > words;
  _jieba_handle->Tag(sentence, words);
  Napi::Uint32Array out = Napi::Uint32Array::New(env, words.size() * 2);
  for (size_t i = 0; i < words.size(); i++) {
    uint32_t units = 0;
    for (unsigned char byte : words[i].first) {
      if ((byte & 0xC0) != 0x80) units += byte >= 0xF0 ? 2 : 1;
    }
    const std::string& tag = words[i].second;
    uint32_t packed = 0;
    if (!tag.empty() && tag.size() <= 4) {
      for (size_t k = 0; k < tag.size(); k++) {
        unsigned char c = tag[k];
        if (c == 0 || c >= 0x80) {
          packed = 0;
          break;
        }
        packed |= (uint32_t)c << (8 * k);
      }
    }
    out[2 * i] = units;
    out[2 * i + 1] = packed;
  }
  return out;
}
`;

/** nodejieba.cpp with `tagLengths` registered and defined; unchanged when patched already; undefined for unknown source. */
export function addTagLengths(source) {
  if (source.includes(TAG_LENGTHS_MARK)) return source;
  if (!source.includes(LAST_METHOD)) return undefined;
  return source.replace(LAST_METHOD, `${LAST_METHOD.slice(0, -1)},\n    InstanceMethod("tagLengths", &NodeJieba::tagLengths)\n`) + TAG_LENGTHS;
}

/** nodejieba.h with `tagLengths` declared; unchanged when declared already; undefined for unknown source. */
export function declareTagLengths(header) {
  if (header.includes('tagLengths')) return header;
  if (!header.includes(LAST_DECLARATION)) return undefined;
  return header.replace(LAST_DECLARATION, `${LAST_DECLARATION}  Napi::Value tagLengths(const Napi::CallbackInfo& info);\n`);
}

export const FREE_MARK = '// policy-lens: free on exit';
const CONSTRUCTOR_DECLARATION = '  NodeJieba(Napi::Env env, Napi::Object exports);\n';

/**
 * 3. `~NodeJieba`: nodejieba's add-on never frees its Jieba and extractor, so every worker thread
 * that loaded a dictionary and ended (a settings change restarts the segmenter; a dropped head
 * start) left ≈110 MB behind in the process. An add-on instance is destroyed with its thread's
 * environment; the extractor goes first (it points into the Jieba's trie).
 */
export function freeOnExit(source) {
  if (source.includes(FREE_MARK)) return source;
  return `${source}\n${FREE_MARK}\nNodeJieba::~NodeJieba() {\n  delete _text_rank_extractor_handle;\n  delete _jieba_handle;\n}\n`;
}

/** nodejieba.h with the destructor declared; unchanged when declared already; undefined for unknown source. */
export function declareDestructor(header) {
  if (header.includes('~NodeJieba')) return header;
  if (!header.includes(CONSTRUCTOR_DECLARATION)) return undefined;
  return header.replace(CONSTRUCTOR_DECLARATION, `${CONSTRUCTOR_DECLARATION}  ~NodeJieba();\n`);
}

export const KEEP_MARK = '// policy-lens: keep at exit';
const DESTRUCTOR = `NodeJieba::~NodeJieba() {\n  delete _text_rank_extractor_handle;\n  delete _jieba_handle;\n}\n`;
const TAG_LENGTHS_METHOD = '    InstanceMethod("tagLengths", &NodeJieba::tagLengths)\n';
const TAG_LENGTHS_DECLARATION = '  Napi::Value tagLengths(const Napi::CallbackInfo& info);\n';
const LAST_MEMBER = '  cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};\n';
const TAG_LENGTHS_EXPORT = 'wrapWithDictLoad("tagLengths");\n';

/**
 * 4. nodejieba.cpp (after 2 and 3) with `keepAtExit` registered and defined, and the destructor
 * skipping the frees once it was called; unchanged when patched already; undefined for unknown source.
 */
export function keepAtExit(source) {
  if (source.includes(KEEP_MARK)) return source;
  if (!source.includes(DESTRUCTOR) || !source.includes(TAG_LENGTHS_METHOD)) return undefined;
  const guarded = DESTRUCTOR.replace('{\n', '{\n  if (_keep_at_exit) return;\n');
  return `${source
    .replace(TAG_LENGTHS_METHOD, `${TAG_LENGTHS_METHOD.slice(0, -1)},\n    InstanceMethod("keepAtExit", &NodeJieba::keepAtExit)\n`)
    .replace(DESTRUCTOR, guarded)}\n${KEEP_MARK}\nNapi::Value NodeJieba::keepAtExit(const Napi::CallbackInfo& info) {\n  _keep_at_exit = true;\n  return info.Env().Undefined();\n}\n`;
}

/** nodejieba.h with `keepAtExit` and its flag declared; unchanged when declared already; undefined for unknown source. */
export function declareKeepAtExit(header) {
  if (header.includes('keepAtExit')) return header;
  if (!header.includes(TAG_LENGTHS_DECLARATION) || !header.includes(LAST_MEMBER)) return undefined;
  return header
    .replace(TAG_LENGTHS_DECLARATION, `${TAG_LENGTHS_DECLARATION}  Napi::Value keepAtExit(const Napi::CallbackInfo& info);\n`)
    .replace(LAST_MEMBER, `${LAST_MEMBER}  bool _keep_at_exit{false};\n`);
}

/** nodejieba's index.js exporting `keepAtExit`, which loads no dictionary; unchanged when exported already; undefined for unknown source. */
export function exportKeepAtExit(index) {
  if (index.includes('exports.keepAtExit')) return index;
  if (!index.includes(TAG_LENGTHS_EXPORT)) return undefined;
  return index.replace(TAG_LENGTHS_EXPORT, `${TAG_LENGTHS_EXPORT}exports.keepAtExit = function () {\n  return getNodejieba().keepAtExit();\n};\n`);
}

/** nodejieba's index.js exporting `tagLengths` (loading the default dictionary first, as its other functions do). */
export function exportTagLengths(index) {
  if (index.includes('wrapWithDictLoad("tagLengths")')) return index;
  if (!index.includes(LAST_EXPORT)) return undefined;
  return index.replace(LAST_EXPORT, `${LAST_EXPORT}wrapWithDictLoad("tagLengths");\n`);
}

export const FAST_LOAD_MARK = '// policy-lens: faster dictionary load';

/** The four places of DictTrie.hpp (cppjieba 5.x, as nodejieba 3.5.8 ships it) step 5 rewrites, and what each becomes. */
const FAST_LOAD_EDITS = [
  ['#include <limits>\n', '#include <limits>\n#include <algorithm>\n#include <iterator>\n'],
  [
    '    Shrink(static_node_infos_);\n    CreateTrie(static_node_infos_);\n',
    `    ${FAST_LOAD_MARK}: reserved to fit (LoadDict), so no copy to shed spare room (untouched, it costs no memory).\n    CreateTrie(static_node_infos_);\n`,
  ],
  [
    '    vector<Unicode> words;\n    vector<const DictUnit*> valuePointers;\n    for (size_t i = 0 ; i < dictUnits.size(); i ++) {\n      words.push_back(dictUnits[i].word);\n      valuePointers.push_back(&dictUnits[i]);\n    }\n\n    trie_ = new Trie(words, valuePointers);\n',
    '    // Inserted in the same order as the Trie constructor would, without a copy of every word.\n    trie_ = new Trie(vector<Unicode>(), vector<const DictUnit*>());\n    for (size_t i = 0 ; i < dictUnits.size(); i ++) {\n      trie_->InsertNode(dictUnits[i].word, &dictUnits[i]);\n    }\n',
  ],
  [
    '    DictUnit node_info;\n    while (getline(ifs, line)) {\n',
    '    DictUnit node_info;\n    // One entry a line, and room for user dictionaries: no copy of the entries as the vector grows.\n    size_t lines = count(istreambuf_iterator<char>(ifs), istreambuf_iterator<char>(), \'\\n\');\n    ifs.clear();\n    ifs.seekg(0);\n    static_node_infos_.reserve(lines + 65536);\n    while (getline(ifs, line)) {\n',
  ],
  [
    '    vector<DictUnit> x = static_node_infos_;\n    sort(x.begin(), x.end(), WeightCompare);\n    min_weight_ = x[0].weight;\n    max_weight_ = x[x.size() - 1].weight;\n    median_weight_ = x[x.size() / 2].weight;\n',
    '    // The weights the sorted copy of every entry was made for: the same smallest, median and largest.\n    vector<double> x(static_node_infos_.size());\n    for (size_t i = 0; i < x.size(); i++) x[i] = static_node_infos_[i].weight;\n    nth_element(x.begin(), x.begin() + x.size() / 2, x.end());\n    median_weight_ = x[x.size() / 2];\n    min_weight_ = *min_element(x.begin(), x.end());\n    max_weight_ = *max_element(x.begin(), x.end());\n',
  ],
];

/** 5. DictTrie.hpp loading without copying its entries; unchanged when patched already; undefined for unknown source. */
export function loadFaster(header) {
  if (header.includes(FAST_LOAD_MARK)) return header;
  if (!FAST_LOAD_EDITS.every(([from]) => header.split(from).length === 2)) return undefined;
  return FAST_LOAD_EDITS.reduce((text, [from, to]) => text.replace(from, () => to), header);
}

function main() {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.join(root, 'node_modules', 'nodejieba');
  const say = (message) => console.log(`[patch-nodejieba] ${message}`);
  const cpp = path.join(dir, 'lib', 'nodejieba.cpp');
  if (!fs.existsSync(cpp)) return say('nodejieba is not installed: nothing to do');
  const files = [
    { file: cpp, patch: (source) => [shareTrie, addTagLengths, freeOnExit, keepAtExit].reduce((text, patch) => (text === undefined ? undefined : patch(text)), source) },
    { file: path.join(dir, 'lib', 'nodejieba.h'), patch: (header) => [declareTagLengths, declareDestructor, declareKeepAtExit].reduce((text, patch) => (text === undefined ? undefined : patch(text)), header) },
    { file: path.join(dir, 'index.js'), patch: (index) => [exportTagLengths, exportKeepAtExit].reduce((text, patch) => (text === undefined ? undefined : patch(text)), index) },
    { file: path.join(dir, 'submodules', 'cppjieba', 'include', 'cppjieba', 'DictTrie.hpp'), patch: loadFaster },
  ].map((entry) => {
    const source = fs.existsSync(entry.file) ? fs.readFileSync(entry.file, 'utf8') : '';
    return { ...entry, source, patched: entry.patch(source) };
  });
  if (files.some((f) => f.patched === undefined)) return say('nodejieba is not the source these patches know (another nodejieba version?): left as it is');
  const binary = path.join(dir, 'build', 'Release', 'nodejieba.node');
  const unchanged = files.every((f) => f.patched === f.source);
  if (unchanged && fs.existsSync(binary) && files.every((f) => fs.statSync(binary).mtimeMs >= fs.statSync(f.file).mtimeMs)) return say('already patched and built');
  // npm names its own node-gyp for lifecycle scripts; `npx node-gyp` otherwise.
  const gyp = process.env.npm_config_node_gyp;
  // The headers of the running Node where its installation has them (official builds and Debian
  // do): node-gyp would download them otherwise, which fails offline.
  const prefix = path.dirname(path.dirname(process.execPath));
  const nodedir = fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? [`--nodedir=${prefix}`] : [];
  const [command, args] = gyp && fs.existsSync(gyp) ? [process.execPath, [gyp, 'rebuild', ...nodedir]] : ['npx', ['--yes', 'node-gyp', 'rebuild', ...nodedir]];
  const saved = fs.existsSync(binary) ? fs.readFileSync(binary) : undefined;
  for (const f of files) fs.writeFileSync(f.file, f.patched);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', shell: process.platform === 'win32' && command === 'npx' });
  if (result.status === 0 && fs.existsSync(binary)) return say(`binding rebuilt with one dictionary trie, tagLengths, a destructor, keepAtExit and a faster dictionary load in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Back to what nodejieba's install gave.
  for (const f of files) fs.writeFileSync(f.file, f.source);
  if (saved) {
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, saved);
  }
  say(`rebuild failed (${result.error?.message ?? `exit ${result.status}`}); nodejieba's own binding kept (it loads its dictionary twice and slowly, has no tagLengths and never frees a dictionary)`);
  if (result.stderr) console.log(result.stderr.split('\n').slice(-8).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
