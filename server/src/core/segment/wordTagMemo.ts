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
 * A word that does not come back whole on its own line is never guessed: its paragraph is
 * tagged as before. Only for segmenters with that property (nodejieba); one memo per dictionary.
 */
export function withWordTagMemo(cut: (text: string) => readonly string[], tag: (text: string) => Tagged): Segmenter {
  const tags = new Map<string, string>();

  /** The tags of `words`, each tagged alone; remembers those of ordinary length. */
  function learn(words: readonly string[]): Map<string, string> {
    const learnt = new Map<string, string>();
    if (tags.size + words.length > MAX_WORDS) tags.clear();
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
        if (piece.word.length <= MAX_WORD_LENGTH) tags.set(piece.word, piece.tag);
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
      const known = tags.get(words[i]);
      if (known === undefined) (unknown ??= new Set()).add(words[i]);
      else found[i] = known;
    }
    if (unknown) {
      const learnt = learn([...unknown]);
      for (let i = 0; i < words.length; i++) {
        if (found[i] !== undefined) continue;
        const known = learnt.get(words[i]);
        if (known === undefined) return whole(text);
        found[i] = known;
      }
    }
    return { words, tags: found };
  }

  function whole(text: string): { readonly words: readonly string[]; readonly tags: readonly string[] } {
    const tagged = tag(text);
    return { words: tagged.map((t) => t.word), tags: tagged.map((t) => t.tag) };
  }

  return { cut, tag, tagPieces };
}
