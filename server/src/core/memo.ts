/** Limits on what a BoundedMemo keeps besides its number of entries, in UTF-16 units of the keys. */
export interface MemoLimits {
  /** All keys together. */
  readonly maxChars?: number;
  /** Keys at least this long are "large" (a paragraph of 100 000 characters is no prose paragraph)… */
  readonly largeKey?: number;
  /** …and all large keys together stay under this. */
  readonly maxLargeChars?: number;
}

const DEFAULT_LIMITS: Required<MemoLimits> = { maxChars: 32_000_000, largeKey: 100_000, maxLargeChars: 2_000_000 };

/**
 * A bounded map from a key (usually a paragraph's text) to a computed value.
 * Entries are dropped least recently used first: paragraphs that survive edits
 * are looked up again and so stay young.
 *
 * The bound is a number of entries and also a number of key characters: what a
 * paragraph's entry costs grows with its length (its tokens, say), and counting
 * entries alone let a user who edits a 1 MB line keep every version of it — a
 * few hundred edits ran the server out of memory. Large keys have a budget of
 * their own, so that old versions of one huge line go first.
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, V>();
  readonly #limits: Required<MemoLimits>;
  #chars = 0;
  #largeChars = 0;

  constructor(
    private readonly capacity: number,
    limits: MemoLimits = {},
  ) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, value: V): void {
    if (this.#entries.has(key)) this.#forget(key);
    this.#entries.set(key, value);
    this.#chars += key.length;
    if (key.length >= this.#limits.largeKey) this.#largeChars += key.length;
    if (this.#entries.size > this.capacity) {
      const drop = Math.ceil(this.capacity / 10);
      let n = 0;
      for (const oldest of this.#entries.keys()) {
        this.#forget(oldest);
        if (++n >= drop) break;
      }
    }
    const { maxChars, largeKey, maxLargeChars } = this.#limits;
    if (this.#chars <= maxChars && this.#largeChars <= maxLargeChars) return;
    // Oldest first; the entry just stored stays even when it alone is over a budget.
    for (const oldest of this.#entries.keys()) {
      if (this.#chars <= maxChars && this.#largeChars <= maxLargeChars) break;
      if (oldest === key) continue;
      if (this.#chars > maxChars || oldest.length >= largeKey) this.#forget(oldest);
    }
  }

  /** Returns the cached value or computes and stores it. */
  getOrCompute(key: string, compute: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.#entries.clear();
    this.#chars = 0;
    this.#largeChars = 0;
  }

  #forget(key: string): void {
    if (!this.#entries.delete(key)) return;
    this.#chars -= key.length;
    if (key.length >= this.#limits.largeKey) this.#largeChars -= key.length;
  }
}
