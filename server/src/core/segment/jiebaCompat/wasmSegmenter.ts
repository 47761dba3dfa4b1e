import type { Segmenter } from '../../types';
import { formatDictionary, type DictionaryEntry } from '../dictionaryFormat';
import { parseHmmModel } from './hmm';
import { mixCut, tagWord, type CompatDictionary } from './mix';

/** The part of jieba-wasm's API used here (same in its nodejs and web builds). */
export interface JiebaWasmApi {
  cut(text: string, hmm?: boolean | null): string[];
  with_dict(dict: string): void;
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export interface JiebaWasmData {
  /** cppjieba's jieba.dict.utf8, the main dictionary nodejieba loads. */
  readonly mainDictionary: string;
  /** cppjieba's hmm_model.utf8. */
  readonly hmmModel: string;
  /** Words of jieba-rs's built-in dictionary that cppjieba's lacks, one a line (`#` comments). */
  readonly builtinOnlyWords: string;
  /** The policy dictionary and the user dictionaries, in load order. */
  readonly entries: readonly DictionaryEntry[];
}

/**
 * A word no text can contain: jieba-rs only looks words up inside runs of Han
 * characters, ASCII letters and digits, never at a private-use character.
 */
const BALANCE_WORD = '\uE000policy-lens-frequency-balance';
const U32 = 2 ** 32;

/**
 * Makes jieba-wasm cut like nodejieba (see docs/segmentation.md):
 * 1. the same dictionary: cppjieba's main dictionary loaded over jieba-rs's
 *    built-in one (equal but for a few dozen words, neutralised with frequency 0),
 *    then the policy and user dictionaries;
 * 2. the same word probabilities: cppjieba divides user words' frequencies by
 *    the main dictionary's total only; jieba-rs by the total of everything it
 *    holds. One unreachable entry brings jieba-rs's (32-bit, wrapping) total
 *    back to the main dictionary's;
 * 3. the same mixing: jieba-wasm gives the dictionary route (no HMM), and
 *    cppjieba's own mixing and HMM, reproduced in TypeScript, do the rest.
 * Throws when the data cannot be loaded.
 */
export function createJiebaWasmSegmenter(api: JiebaWasmApi, data: JiebaWasmData): Segmenter {
  const model = parseHmmModel(data.hmmModel);
  const userWords = new Set(data.entries.map((e) => e.word));
  const tags = new Map<string, string>();
  const frequency = new Map<string, number>();
  let lineNumber = 0;
  for (const line of data.mainDictionary.split('\n')) {
    lineNumber++;
    if (line === '') continue;
    const [word, freq, tag] = line.split(' ');
    const value = Number(freq);
    if (!word || !Number.isInteger(value) || value < 0) throw new Error(`main dictionary, line ${lineNumber}: "${line.slice(0, 40)}"`);
    tags.set(word, tag ?? '');
    if (userWords.has(word)) frequency.set(word, value);
  }
  if (tags.size === 0) throw new Error('main dictionary is empty');
  api.with_dict(data.mainDictionary);
  const neutralised = data.builtinOnlyWords
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((word) => word !== '' && !word.startsWith('#') && !tags.has(word));
  if (neutralised.length > 0) api.with_dict(neutralised.map((word) => `${word} 0`).join('\n'));

  const userSingles = new Set<string>();
  let userTotal = 0;
  for (const entry of data.entries) {
    userTotal += entry.freq - (frequency.get(entry.word) ?? 0);
    frequency.set(entry.word, entry.freq);
    tags.set(entry.word, entry.tag);
    if ([...entry.word].length === 1) userSingles.add(entry.word);
  }
  if (data.entries.length > 0) api.with_dict(formatDictionary(data.entries));
  const balance = (((-userTotal) % U32) + U32) % U32;
  if (balance !== 0) api.add_word(BALANCE_WORD, balance, 'x');

  const dictionary: CompatDictionary = {
    tagOf: (word) => tags.get(word),
    isUserSingleChar: (char) => userSingles.has(char),
  };
  const cut = (text: string): string[] => mixCut(api.cut(text, false), dictionary, model);
  return {
    cut,
    tag: (text) => cut(text).map((word) => ({ word, tag: tagWord(word, dictionary) })),
  };
}
