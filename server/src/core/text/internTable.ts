/**
 * Interns substrings without making them first: a word found in the table is
 * returned as the stored string, so that a document's 300 000 tokens share some
 * 25 000 strings and the 275 000 repeats are never allocated. Open addressing
 * over FNV-1a hashes of the UTF-16 units; emptied when `capacity` words are held.
 */
export class InternTable {
  #keys: (string | undefined)[] = new Array(1024);
  #size = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.#size;
  }

  /** `text.slice(start, end)`, the stored copy when there is one. */
  intern(text: string, start: number, end: number): string {
    // hashOf written out: a call per token made (the server's V8 does not inline).
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const keys = this.#keys;
    const mask = keys.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === undefined) break;
      if (key.length === length && text.startsWith(key, start)) return key;
    }
    const word = text.slice(start, end);
    if (this.#size >= this.capacity) this.clear();
    // At most half full, so that probes stay short.
    if (2 * (this.#size + 1) > this.#keys.length) this.#grow();
    this.#insert(word, hash);
    return word;
  }

  clear(): void {
    this.#keys = new Array(1024);
    this.#size = 0;
  }

  #insert(word: string, hash: number): void {
    const keys = this.#keys;
    const mask = keys.length - 1;
    let slot = hash & mask;
    while (keys[slot] !== undefined) slot = (slot + 1) & mask;
    keys[slot] = word;
    this.#size++;
  }

  #grow(): void {
    const old = this.#keys;
    this.#keys = new Array(old.length * 2);
    this.#size = 0;
    for (const word of old) if (word !== undefined) this.#insert(word, hashOf(word, 0, word.length));
  }
}

/** FNV-1a over the UTF-16 units of `text[start, end)`. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
