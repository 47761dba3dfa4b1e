/**
 * A bounded map from a key (usually a paragraph's text) to a computed value.
 * Entries are dropped oldest-first: paragraphs that survive edits are looked
 * up again and so stay young.
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const drop = Math.ceil(this.capacity / 10);
      let n = 0;
      for (const oldest of this.#entries.keys()) {
        this.#entries.delete(oldest);
        if (++n >= drop) break;
      }
    }
  }

  /** Returns the cached value or computes and stores it. */
  getOrCompute(key: string, compute: () => V): V {
    const cached = this.#entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
