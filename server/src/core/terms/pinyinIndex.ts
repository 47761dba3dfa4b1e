import type { GlossaryEntry } from './glossary';

/**
 * Entries by the pinyin initials of their term (`xzscl` → 新质生产力), for
 * completion. The initials come from the caller (a pinyin library is I/O-free
 * but large; the LSP layer owns it), so this module stays a plain index.
 */
export class InitialsIndex {
  readonly #entries: { initials: string; entry: GlossaryEntry }[];

  constructor(entries: readonly GlossaryEntry[], initialsOf: (text: string) => string) {
    this.#entries = entries.map((entry) => ({ initials: initialsOf(entry.term), entry })).filter((e) => e.initials.length > 0);
  }

  /** Entries whose initials start with `prefix` (lower-case ASCII), shortest first. */
  find(prefix: string, limit = 50): { initials: string; entry: GlossaryEntry }[] {
    return this.#entries
      .filter((e) => e.initials.startsWith(prefix))
      .sort((a, b) => a.initials.length - b.initials.length)
      .slice(0, limit);
  }
}
