/** One entry of a policy glossary (data/glossary.json, or a user's glossary file). */
export interface GlossaryEntry {
  readonly term: string;
  readonly kind: 'term' | 'slogan';
  readonly category: string;
  /** Other names of the same thing, matched as this entry. */
  readonly aliases: readonly string[];
  readonly variants: {
    /** Correct alternative spellings that a document should not mix with the canonical one. */
    readonly accepted: readonly string[];
    /** Wrong spellings, flagged with a fix to `term`. */
    readonly rejected: readonly string[];
  };
  readonly definition: string;
  readonly english: string;
  /** What the numbers of a numeric slogan stand for. */
  readonly items: readonly string[];
  /** The official sentence that defines, abbreviates, enumerates or (`usage`) uses the term, verbatim. */
  readonly source: GlossarySource | null;
  /**
   * Who wrote `definition`: `official` when it is the wording of `source`, `editorial` when the
   * glossary's editors wrote it. Absent when a user glossary does not say.
   */
  readonly definitionOrigin?: 'official' | 'editorial';
  /** A formulation official texts no longer use for what lies ahead, the last report year that used it, and what replaced it. */
  readonly superseded?: { readonly lastUsed?: number; readonly successor?: string };
  /** Where the entry comes from: `builtin`, or the URI of a user glossary. */
  readonly origin: string;
}

export type GlossarySourceKind = 'definition' | 'abbreviation' | 'enumeration' | 'usage';

export interface GlossarySource {
  /** For the built-in glossary a path under test/fixtures/corpus (`national/gwr-2025.txt`). */
  readonly document: string;
  /** 1-based. */
  readonly line: number;
  /** An exact substring of that line. */
  readonly quote: string;
  /** How the sentence explains the term; `definition` when not given. */
  readonly kind: GlossarySourceKind;
}

/** How a matched form relates to its entry. */
export type FormRole = 'term' | 'alias' | 'accepted' | 'rejected';

export interface GlossaryForm {
  readonly entry: GlossaryEntry;
  readonly role: FormRole;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Every written form (term, alias, variant) → its entry. Later glossaries win. */
  readonly forms: ReadonlyMap<string, GlossaryForm>;
}

export const CATEGORIES = [
  '发展理念',
  '战略',
  '方针政策',
  '工程与行动',
  '机构与会议',
  '数字简称',
  '改革举措',
  '民生保障',
  '生态环保',
  '科技产业',
  '区域协调',
  '法律术语',
  '党建与治理',
] as const;

/**
 * Merges glossaries: entries of later ones replace earlier entries with the
 * same term (a user's glossary overrides the built-in one).
 */
export function mergeGlossaries(layers: readonly (readonly GlossaryEntry[])[]): Glossary {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const layer of layers) for (const entry of layer) byTerm.set(entry.term, entry);
  const entries = [...byTerm.values()];
  const forms = new Map<string, GlossaryForm>();
  const add = (form: string, entry: GlossaryEntry, role: FormRole) => {
    if (form.length > 0) forms.set(form, { entry, role });
  };
  for (const entry of entries) {
    entry.variants.rejected.forEach((f) => add(f, entry, 'rejected'));
    entry.variants.accepted.forEach((f) => add(f, entry, 'accepted'));
    entry.aliases.forEach((f) => add(f, entry, 'alias'));
    add(entry.term, entry, 'term');
  }
  return { entries, forms };
}
