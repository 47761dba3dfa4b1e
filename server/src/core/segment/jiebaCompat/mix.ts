import { hmmCut, type HmmModel } from './hmm';

export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
}

/** What the mix step needs to know about the dictionary nodejieba would have loaded. */
export interface CompatDictionary {
  /** Part of speech of a dictionary word (user entries override the main dictionary); undefined if not a word. */
  tagOf(word: string): string | undefined;
  /** Single-character words from user dictionaries: cppjieba keeps them out of the HMM. */
  isUserSingleChar(char: string): boolean;
}

/** cppjieba cuts each stretch between these characters on its own (SegmentBase.hpp, SPECIAL_SEPARATORS). */
const SEPARATORS = new Set([' ', '\t', '\n', '，', '。']);

/**
 * cppjieba's MixSegment on top of a dictionary route: `route` are the pieces of
 * the maximum-probability path without HMM (jieba-wasm's `cut(text, false)`).
 * Dictionary words are kept; every run of single characters goes to cppjieba's
 * HMM — also when the run happens to be a dictionary word, and with punctuation
 * inside it, which is where jieba-rs's own mixing differs from cppjieba's.
 * Returns the words with their parts of speech (cppjieba's PosTagger).
 */
export function mixCut(route: readonly string[], dictionary: CompatDictionary, model: HmmModel): TaggedWord[] {
  const out: TaggedWord[] = [];
  const cut: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    hmmCut(model, run, cut);
    for (const word of cut) out.push({ word, tag: tagWord(word, dictionary) });
    cut.length = 0;
    run = [];
  };
  for (const piece of route) {
    const chars = [...piece];
    // One dictionary lookup per word: it decides both whether the piece is a word and its tag.
    const tag = chars.length > 1 ? dictionary.tagOf(piece) : undefined;
    if (tag !== undefined) {
      flush();
      out.push({ word: piece, tag: tag || specialTag(chars) });
      continue;
    }
    // Not a dictionary word: single characters, or a run jieba-rs glued
    // (ASCII letters and digits, white space) that cppjieba sees one by one.
    for (const char of chars) {
      if (SEPARATORS.has(char)) {
        flush();
        run.push(char);
        flush();
      } else if (dictionary.isUserSingleChar(char)) {
        flush();
        out.push({ word: char, tag: tagWord(char, dictionary) });
      } else {
        run.push(char);
      }
    }
  }
  flush();
  return out;
}

/** cppjieba's PosTagger: the dictionary's tag, else x / m / eng by the ASCII characters in the word. */
export function tagWord(word: string, dictionary: CompatDictionary): string {
  return dictionary.tagOf(word) || specialTag([...word]);
}

function specialTag(chars: readonly string[]): string {
  let eng = 0;
  let digits = 0;
  // cppjieba stops counting once half the characters (rounded down) are ASCII,
  // so a single ASCII character is never counted and tags as x.
  const half = Math.floor(chars.length / 2);
  for (let i = 0; i < chars.length && eng < half; i++) {
    const code = chars[i].codePointAt(0)!;
    if (code < 0x80) {
      eng++;
      if (code >= 0x30 && code <= 0x39) digits++;
    }
  }
  if (eng === 0) return 'x';
  return digits === eng ? 'm' : 'eng';
}
