/**
 * Pieces as nodejieba's `tagLengths` (scripts/patch-nodejieba.mjs) gives them: for piece i,
 * [2i] its length in UTF-16 code units and [2i + 1] its part of speech, one ASCII character per
 * byte from the lowest (0: it did not fit). A part of speech is one of a few dozen short names,
 * so each is decoded once.
 */
export function createPackedPiecesReader(): (packed: Uint32Array) => { readonly lengths: Uint32Array; readonly tags: readonly string[] } | undefined {
  const names = new Map<number, string>();
  const nameOf = (code: number): string => {
    let name = names.get(code);
    if (name === undefined) {
      name = '';
      for (let rest = code; rest !== 0; rest >>>= 8) name += String.fromCharCode(rest & 0xff);
      names.set(code, name);
    }
    return name;
  };
  return (packed) => {
    const count = packed.length >>> 1;
    const lengths = new Uint32Array(count);
    const tags = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const code = packed[2 * i + 1];
      // A part of speech that did not fit in four bytes (a user's dictionary may name any): `tag` says it.
      if (code === 0) return undefined;
      lengths[i] = packed[2 * i];
      tags[i] = nameOf(code);
    }
    return { lengths, tags };
  };
}
