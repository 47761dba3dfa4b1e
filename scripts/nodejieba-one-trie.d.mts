/** Types of nodejieba-one-trie.mjs, for its test. */
export const MARK: string;
export function shareTrie(source: string): string | undefined;
