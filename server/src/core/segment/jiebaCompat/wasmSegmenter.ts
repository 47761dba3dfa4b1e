import type { Segmenter } from '../../types';
import { formatDictionary, type DictionaryEntry } from '../dictionaryFormat';
import { parseHmmModel } from './hmm';
import { mixCut, type CompatDictionary, type TaggedWord } from './mix';

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

/** The characters jieba-rs looks words up in (RE_HAN_DEFAULT); it cuts everything else off before the dictionary. */
const JIEBA_RS_WORD_CHAR =
  /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{2CEB0}-\u{2EBEF}\u{2F800}-\u{2FA1F}a-zA-Z0-9+#&._%\-]/u;
/**
 * Unassigned code points inside jieba-rs's word characters (after Extension F,
 * U+2EBE1–U+2EBEF): stand-ins for other characters (·, 《, é …) that user
 * words contain, so that jieba-rs finds those words as cppjieba does.
 */
const STAND_INS = Array.from({ length: 15 }, (_, i) => String.fromCodePoint(0x2ebe1 + i));
/** cppjieba's weight for a character outside the dictionary: the main dictionary's smallest frequency. */
const UNKNOWN_CHAR_FREQUENCY = 2;

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
 *    cppjieba's own mixing and HMM, reproduced in TypeScript, do the rest;
 * 4. the same words with punctuation: characters of user words that jieba-rs
 *    would cut off (·, 《》 …) reach it as stand-ins it looks words up in.
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
  const standIns = new Map<string, string>();
  let userTotal = 0;
  for (const entry of data.entries) {
    userTotal += entry.freq - (frequency.get(entry.word) ?? 0);
    frequency.set(entry.word, entry.freq);
    tags.set(entry.word, entry.tag);
    if ([...entry.word].length === 1) userSingles.add(entry.word);
    for (const char of entry.word) {
      if (!JIEBA_RS_WORD_CHAR.test(char) && !standIns.has(char) && standIns.size < STAND_INS.length) standIns.set(char, STAND_INS[standIns.size]);
    }
  }
  const substitute = (text: string): string => (standIns.size === 0 ? text : Array.from(text, (char) => standIns.get(char) ?? char).join(''));
  // A stand-in on its own weighs what an unknown character weighs in cppjieba.
  const standInEntries = [...standIns.values()].map((word) => ({ word, freq: UNKNOWN_CHAR_FREQUENCY, tag: 'x' }));
  userTotal += standInEntries.length * UNKNOWN_CHAR_FREQUENCY;
  const loaded = [...standInEntries, ...data.entries.map((e) => ({ ...e, word: substitute(e.word) }))];
  if (loaded.length > 0) api.with_dict(formatDictionary(loaded));
  const balance = (((-userTotal) % U32) + U32) % U32;
  if (balance !== 0) api.add_word(BALANCE_WORD, balance, 'x');

  const dictionary: CompatDictionary = {
    tagOf: (word) => tags.get(word),
    isUserSingleChar: (char) => userSingles.has(char),
  };
  const route = (text: string): string[] => (standIns.size === 0 ? api.cut(text, false) : restore(text, api.cut(substitute(text), false)));
  const tag = (text: string): TaggedWord[] => mixCut(route(text), dictionary, model);
  return { cut: (text) => tag(text).map((t) => t.word), tag };
}

/** The pieces of a substituted text, spelled with the original's characters (stand-ins are one code point each). */
function restore(text: string, pieces: readonly string[]): string[] {
  const chars = Array.from(text);
  const restored: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    const count = Array.from(piece).length;
    restored.push(chars.slice(at, at + count).join(''));
    at += count;
  }
  return restored;
}
