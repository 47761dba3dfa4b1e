import { MEMO_BUDGET } from './budgets';

/** Limits on what a BoundedMemo keeps besides its number of entries, in UTF-16 units of the keys. */
export interface MemoLimits {
  /** All keys together. */
  readonly maxChars?: number;
  /** Keys at least this long are "large" (a paragraph of 100 000 characters is no prose paragraph)… */
  readonly largeKey?: number;
  /** …and all large keys together stay under this. */
  readonly maxLargeChars?: number;
}

/**
 * 8 M characters hold every paragraph of a document at the size limit for heavy rules
 * (`policyLens.diagnostics.maxDocumentSize`, 5 M) and of the documents around it; the
 * tokens of that many characters take ≈300 MB, and each cache stays within that.
 */
const DEFAULT_LIMITS: Required<MemoLimits> = MEMO_BUDGET;
/** Positions `getAt` remembers (paragraphs of a document: the 1.6 MB compilation has 5 049). */
const MAX_POSITIONS = 20_000;

interface Entry<V> {
  readonly value: V;
  /** The clock reading of the last get or set. */
  used: number;
}

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
 *
 * A lookup only stamps its entry: reordering the map on every hit (delete + set)
 * cost more than the analysis it saved, ≈20 000 hits per edit of a large document.
 * Eviction sorts by stamp instead, rarely and in batches of a tenth.
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, Entry<V>>();
  /**
   * The key and value last looked up at each position (a paragraph's line): see `getAt`.
   * One key per position, so they hold at most one document's paragraphs and their values.
   */
  #atKeys: (string | undefined)[] = [];
  #atValues: (V | undefined)[] = [];
  /** Keys of at least `largeKey` characters: few, so they are scanned when over budget. */
  readonly #largeKeys = new Set<string>();
  readonly #limits: Required<MemoLimits>;
  #clock = 0;
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
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = ++this.#clock;
    return entry.value;
  }

  /**
   * `get(key)` for the paragraph at `position` (its line): answered without hashing when the same
   * key was looked up or stored there last — every paragraph but the edited one, on each keystroke.
   * Hashing and probing ≈100 000 keys per edit of the 1.6 MB compilation was a fifth of the
   * server's typing time. An entry answered here is not marked as used (it is held here anyway).
   */
  getAt(position: number, key: string): V | undefined {
    if (this.#atKeys[position] === key) return this.#atValues[position];
    const value = this.get(key);
    if (value !== undefined) this.#remember(position, key, value);
    return value;
  }

  /** `set(key, value)`, and `getAt(position, key)` answers it without hashing. */
  setAt(position: number, key: string, value: V): void {
    this.set(key, value);
    this.#remember(position, key, value);
  }

  #remember(position: number, key: string, value: V): void {
    if (position >= MAX_POSITIONS || position < 0) return;
    // Grown one by one from the start (no holes): V8 keeps such arrays compact.
    while (this.#atKeys.length < position) {
      this.#atKeys.push(undefined);
      this.#atValues.push(undefined);
    }
    this.#atKeys[position] = key;
    this.#atValues[position] = value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, value: V): void {
    const size = this.#entries.size;
    this.#entries.set(key, { value, used: ++this.#clock });
    // Replaced: the same key, its characters counted already (one hash lookup, not a delete first).
    if (this.#entries.size === size) return;
    this.#chars += key.length;
    if (key.length >= this.#limits.largeKey) {
      this.#largeKeys.add(key);
      this.#largeChars += key.length;
      this.#dropLargeKeys(key);
    }
    if (this.#entries.size > this.capacity || this.#chars > this.#limits.maxChars) this.#dropOldest(key);
  }

  /** Visits every value held, those answered by position included (a value may come twice). */
  forEachValue(visit: (value: V) => void): void {
    for (const entry of this.#entries.values()) visit(entry.value);
    for (const value of this.#atValues) if (value !== undefined) visit(value);
  }

  /** Returns the cached value or computes and stores it. */
  getOrCompute(key: string, compute: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.#forget(key);
    this.#atKeys = [];
    this.#atValues = [];
  }

  clear(): void {
    this.#atKeys = [];
    this.#atValues = [];
    this.#entries.clear();
    this.#largeKeys.clear();
    this.#chars = 0;
    this.#largeChars = 0;
  }

  /** Least recently used large keys go until the rest fit their budget; `keep` (just stored) stays. */
  #dropLargeKeys(keep: string): void {
    while (this.#largeChars > this.#limits.maxLargeChars) {
      let oldest: string | undefined;
      let oldestUsed = Infinity;
      for (const key of this.#largeKeys) {
        const used = this.#entries.get(key)!.used;
        if (key !== keep && used < oldestUsed) [oldest, oldestUsed] = [key, used];
      }
      if (oldest === undefined) return;
      this.#forget(oldest);
    }
  }

  /** Drops least recently used entries down to nine tenths of each bound, so that this runs rarely. */
  #dropOldest(keep: string): void {
    const byAge = [...this.#entries].sort((a, b) => a[1].used - b[1].used);
    const entries = Math.floor(this.capacity * 0.9);
    const chars = Math.floor(this.#limits.maxChars * 0.9);
    for (const [key] of byAge) {
      if (this.#entries.size <= entries && this.#chars <= chars) break;
      if (key !== keep) this.#forget(key);
    }
  }

  #forget(key: string): void {
    if (!this.#entries.delete(key)) return;
    this.#chars -= key.length;
    if (this.#largeKeys.delete(key)) this.#largeChars -= key.length;
  }
}
