import { CATEGORIES, type GlossaryEntry, type GlossarySourceKind } from './glossary';

/** A problem in a glossary file, located by its JSON path (`["terms", 3, "definition"]`). */
export interface GlossaryProblem {
  readonly path: readonly (string | number)[];
  readonly messageId: 'glossary.notAnObject' | 'glossary.noTerms' | 'glossary.missingField' | 'glossary.wrongType' | 'glossary.badCategory' | 'glossary.duplicate' | 'glossary.badKind';
  readonly args: Readonly<Record<string, string>>;
}

const MAX_FORM_LENGTH = 64;

/**
 * Checks parsed glossary JSON and keeps every valid entry: a bad entry is
 * reported and skipped, never the whole file. Pure: the caller parses the file.
 */
export function validateGlossary(data: unknown, origin: string): { entries: GlossaryEntry[]; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  if (!isRecord(data)) {
    problems.push({ path: [], messageId: 'glossary.notAnObject', args: {} });
    return { entries, problems };
  }
  if (!Array.isArray(data.terms)) {
    problems.push({ path: ['terms'], messageId: 'glossary.noTerms', args: {} });
    return { entries, problems };
  }
  const seen = new Set<string>();
  data.terms.forEach((raw: unknown, index: number) => {
    const at = (...rest: (string | number)[]) => ['terms', index, ...rest];
    if (!isRecord(raw)) {
      problems.push({ path: at(), messageId: 'glossary.notAnObject', args: {} });
      return;
    }
    const before = problems.length;
    const text = (field: string, required: boolean): string => {
      const value = raw[field];
      if (value === undefined || value === null || value === '') {
        if (required) problems.push({ path: at(field), messageId: 'glossary.missingField', args: { field } });
        return '';
      }
      if (typeof value !== 'string') {
        problems.push({ path: at(field), messageId: 'glossary.wrongType', args: { field, expected: 'string' } });
        return '';
      }
      return value.trim();
    };
    const list = (field: string, container: Record<string, unknown> = raw, path = at(field)): string[] => {
      const value = container[field.split('.').at(-1)!];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length <= MAX_FORM_LENGTH)) {
        problems.push({ path, messageId: 'glossary.wrongType', args: { field, expected: 'string[]' } });
        return [];
      }
      return value.map((v: string) => v.trim()).filter(Boolean);
    };
    const term = text('term', true);
    if (term.length > MAX_FORM_LENGTH) problems.push({ path: at('term'), messageId: 'glossary.wrongType', args: { field: 'term', expected: `≤ ${MAX_FORM_LENGTH} characters` } });
    const definition = text('definition', true);
    const category = text('category', true);
    if (category && !(CATEGORIES as readonly string[]).includes(category) && origin === 'builtin') {
      problems.push({ path: at('category'), messageId: 'glossary.badCategory', args: { category } });
    }
    const kind = raw.kind === undefined ? 'term' : raw.kind;
    if (kind !== 'term' && kind !== 'slogan') problems.push({ path: at('kind'), messageId: 'glossary.badKind', args: { kind: String(kind) } });
    const variants = isRecord(raw.variants) ? raw.variants : {};
    const entry: GlossaryEntry = {
      term,
      kind: kind === 'slogan' ? 'slogan' : 'term',
      category,
      aliases: list('aliases'),
      variants: {
        accepted: list('variants.accepted', variants, at('variants', 'accepted')),
        rejected: list('variants.rejected', variants, at('variants', 'rejected')),
      },
      definition,
      english: text('english', false),
      items: list('items'),
      source: parseSource(raw.source),
      ...(raw.origin === 'official' || raw.origin === 'editorial' ? { definitionOrigin: raw.origin } : {}),
      ...parseSuperseded(raw.superseded),
      origin,
    };
    if (term && seen.has(term)) problems.push({ path: at('term'), messageId: 'glossary.duplicate', args: { term } });
    seen.add(term);
    if (problems.length === before || (term && definition && problems.slice(before).every((p) => p.messageId === 'glossary.badCategory'))) {
      entries.push(entry);
    }
  });
  return { entries, problems };
}

const SOURCE_KINDS: readonly GlossarySourceKind[] = ['definition', 'abbreviation', 'enumeration', 'usage'];

function parseSource(value: unknown): GlossaryEntry['source'] {
  if (!isRecord(value)) return null;
  const { document, line, quote, kind } = value;
  if (typeof document !== 'string' || typeof line !== 'number' || typeof quote !== 'string') return null;
  return { document, line, quote, kind: SOURCE_KINDS.includes(kind as GlossarySourceKind) ? (kind as GlossarySourceKind) : 'definition' };
}

function parseSuperseded(value: unknown): Pick<GlossaryEntry, 'superseded'> {
  if (!isRecord(value)) return {};
  const successor = typeof value.successor === 'string' && value.successor.trim() ? value.successor.trim() : undefined;
  const lastUsed = typeof value.lastUsed === 'number' && Number.isInteger(value.lastUsed) ? value.lastUsed : undefined;
  return { superseded: { ...(lastUsed !== undefined ? { lastUsed } : {}), ...(successor ? { successor } : {}) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
