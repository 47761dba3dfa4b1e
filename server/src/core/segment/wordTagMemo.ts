import type { Segmenter } from '../types';

type Tagged = readonly { readonly word: string; readonly tag: string }[];

/** Distinct words remembered before the memo starts again (the whole 5 MB corpus has 34 600). */
const MAX_WORDS = 100_000;
/** Longer pieces (a run of Latin letters or digits, junk) are tagged for their paragraph, not remembered. */
const MAX_WORD_LENGTH = 16;

/**
 * jieba's part of speech is a function of the word alone: cppjieba's `Tag` cuts exactly as
 * `cut(text, true)` does (MixSegment with HMM) and then looks each piece up in the dictionary,
 * or classifies it by its ASCII characters (`m`, `eng`, else `x`). nodejieba's `tag` costs about
 * twice its `cut` (an object and three strings made per piece through N-API), so this segmenter
 * cuts and learns each word's tag once: the new words of a paragraph are tagged on their own,
 * one per line (a line break separates cppjieba's segments, so no word sees its neighbours).
 * A word that does not come back whole on its own line (the HMM joins it only in context: 的路,
 * 不忘) is never guessed: its paragraph is tagged as before, and the words' tags learnt from that.
 * Only for segmenters with that property (nodejieba); one memo per dictionary.
 */
export function withWordTagMemo(cut: (text: string) => readonly string[], tag: (text: string) => Tagged): Segmenter {
  const tags = new Map<string, string>();
  /** Tags of one-unit words (punctuation, 的, 和 …: some 40 % of the pieces) by character code: no hashing. */
  let charTags = new Array<string | undefined>(65536);
  const known = (word: string) => (word.length === 1 ? charTags[word.charCodeAt(0)] : tags.get(word));
  const remember = (word: string, wordTag: string) => {
    if (word.length === 1) charTags[word.charCodeAt(0)] = wordTag;
    else if (word.length <= MAX_WORD_LENGTH) tags.set(word, wordTag);
  };
  const forgetAll = () => {
    tags.clear();
    charTags = new Array<string | undefined>(65536);
  };

  /** The tags of `words`, each tagged alone; remembers those of ordinary length. */
  function learn(words: readonly string[]): Map<string, string> {
    const learnt = new Map<string, string>();
    if (tags.size + words.length > MAX_WORDS) forgetAll();
    const pieces = tag(words.join('\n'));
    let p = 0;
    for (let w = 0; w < words.length; w++) {
      if (w > 0) {
        if (pieces[p]?.word !== '\n') break; // out of step: the rest stay unknown
        p++;
      }
      const piece = pieces[p];
      if (piece === undefined) break;
      if (piece.word === words[w]) {
        learnt.set(piece.word, piece.tag);
        remember(piece.word, piece.tag);
        p++;
        continue;
      }
      // Split when alone: skip its pieces up to the next line break.
      let covered = 0;
      while (p < pieces.length && pieces[p].word !== '\n' && covered < words[w].length) covered += pieces[p++].word.length;
      if (covered !== words[w].length) break;
    }
    return learnt;
  }

  function tagPieces(text: string): { readonly words: readonly string[]; readonly tags: readonly string[] } {
    const words = cut(text);
    const found = new Array<string>(words.length);
    let unknown: Set<string> | undefined;
    for (let i = 0; i < words.length; i++) {
      const wordTag = known(words[i]);
      if (wordTag === undefined) (unknown ??= new Set()).add(words[i]);
      else found[i] = wordTag;
    }
    if (unknown) {
      // Tagged alone, each new word costs two pieces (itself and a line break): when most words
      // are new (the first paragraphs), tagging the paragraph as a whole costs less.
      if (2 * unknown.size > words.length) return whole(text);
      const learnt = learn([...unknown]);
      for (let i = 0; i < words.length; i++) {
        if (found[i] !== undefined) continue;
        const wordTag = learnt.get(words[i]);
        if (wordTag === undefined) return whole(text);
        found[i] = wordTag;
      }
    }
    return { words, tags: found };
  }

  /** The paragraph tagged as a whole; its words' tags are remembered too (a word's tag does not depend on its neighbours). */
  function whole(text: string): { readonly words: readonly string[]; readonly tags: readonly string[] } {
    const tagged = tag(text);
    if (tags.size + tagged.length > MAX_WORDS) forgetAll();
    for (const { word, tag: wordTag } of tagged) remember(word, wordTag);
    return { words: tagged.map((t) => t.word), tags: tagged.map((t) => t.tag) };
  }

  return { cut, tag, tagPieces };
}
