import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK, shareTrie } from '../../scripts/nodejieba-one-trie.mjs';

const NODEJIEBA = path.join(__dirname, '../../node_modules/nodejieba');

/** The Jieba's construction in `NodeJieba::load`, which the patch keeps as it is. */
const JIEBA = `  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);
`;

/** `NodeJieba::load` of nodejieba 3.5.8 (lib/nodejieba.cpp), as published. */
const LOAD_3_5_8 = `Napi::Value NodeJieba::load(const Napi::CallbackInfo& info) {
  std::string stopWordsPath = info[4].As<Napi::String>();

${JIEBA}
  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
\t\t      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);

  return Napi::Boolean::New(info.Env(), true);
}
`;

describe('nodejieba-one-trie (postinstall)', () => {
  it("builds the keyword extractor on the Jieba's trie, after deleting the old extractor first", () => {
    expect(shareTrie(LOAD_3_5_8)).toBe(`Napi::Value NodeJieba::load(const Napi::CallbackInfo& info) {
  std::string stopWordsPath = info[4].As<Napi::String>();

  ${MARK}
  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = nullptr;
${JIEBA}  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);

  return Napi::Boolean::New(info.Env(), true);
}
`);
  });

  it('leaves patched source as it is and refuses source it does not know', () => {
    const patched = shareTrie(LOAD_3_5_8)!;
    expect(shareTrie(patched)).toBe(patched);
    expect(shareTrie(LOAD_3_5_8.replace('TextRankExtractor(dictPath', 'TextRankExtractor(otherPath'))).toBeUndefined();
    expect(shareTrie('')).toBeUndefined();
  });

  it('knows the installed nodejieba (an upgrade the patch does not know would silently load twice again)', () => {
    expect(shareTrie(fs.readFileSync(path.join(NODEJIEBA, 'lib/nodejieba.cpp'), 'utf8'))).toBeDefined();
  });

  it('leaves keyword extraction working in the installed binding (its extractor now shares the trie)', () => {
    // In a child process: a native crash must fail this test, not the test run.
    const script = `const j = require(${JSON.stringify(NODEJIEBA)}); j.load();
      console.log(JSON.stringify(j.textRankExtract('推动高质量发展，加快发展新质生产力，发展新质生产力是推动高质量发展的内在要求', 3).map((k) => k.word)));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual(['发展', '生产力', '新质']);
  }, 30_000);
});
