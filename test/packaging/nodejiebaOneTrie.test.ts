import { describe, expect, it } from 'vitest';
import { MARK, shareTrie } from '../../scripts/nodejieba-one-trie.mjs';

/** `NodeJieba::load` of nodejieba 3.5.8 (lib/nodejieba.cpp), as published. */
const LOAD_3_5_8 = `Napi::Value NodeJieba::load(const Napi::CallbackInfo& info) {
  std::string stopWordsPath = info[4].As<Napi::String>();

  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);

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
  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);
  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);

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
});
