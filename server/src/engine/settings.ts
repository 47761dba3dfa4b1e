import type { RuleConfig } from '../core/analysis';
import { BUILTIN_REFERENCES } from '../core/quotes/builtins';
import type { Rule, RuleOptions, RuleSeverity } from '../core/rules/rule';

/** The server's settings, parsed once from `policyLens.*` and never mutated. */
/** Which segmenter to use; `auto` tries nodejieba, then jieba-wasm, then Intl.Segmenter. */
export type SegmenterChoice = 'auto' | 'native' | 'wasm' | 'intl';
export const SEGMENTER_CHOICES: readonly SegmenterChoice[] = ['auto', 'native', 'wasm', 'intl'];

export interface Settings {
  readonly segmenter: SegmenterChoice;
  readonly dictionaries: readonly string[];
  readonly glossaries: readonly string[];
  /** Reference text files and folders for `quote.mismatch`, besides the built-in ones. */
  readonly references: readonly string[];
  /** Which built-in references apply, by name. */
  readonly builtinReferences: readonly string[];
  readonly debounceMs: number;
  /** Above this many UTF-16 units only the outline and light rules run. */
  readonly maxDocumentSize: number;
  readonly leadItems: boolean;
  readonly semanticTokens: boolean;
  readonly ignoredPhrases: readonly string[];
  readonly rules: ReadonlyMap<string, RuleConfig>;
}

/** A setting whose value was unusable, reported to the user once. */
export interface SettingProblem {
  readonly key: string;
  readonly value: string;
  readonly fallback: string;
  /** Set for a setting that no longer exists: what to use instead. */
  readonly replacedBy?: string;
}

/**
 * Settings earlier versions had, and what took their place: a user who set one is told, not
 * silently ignored. `quote.mismatch` compared whole sentences up to a share of different
 * characters; collation by alignment (docs/quotes.md) asks for evidence instead.
 */
const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  'rules.quote.mismatch.maxDifference': 'policyLens.rules.quote.mismatch.minLength, policyLens.rules.quote.mismatch.minReuse',
};

export const DEFAULTS = {
  segmenter: 'auto' as SegmenterChoice,
  dictionaries: [] as string[],
  glossaries: [] as string[],
  references: [] as string[],
  builtinReferences: [...BUILTIN_REFERENCES],
  debounceMs: 300,
  maxDocumentSize: 5_000_000,
  leadItems: false,
  semanticTokens: true,
  ignoredPhrases: [] as string[],
};

/** Valid ranges of the numeric settings: the parser and the manifest (package.json) read them here. */
export const NUMBER_RANGES = {
  debounceMs: { key: 'diagnostics.debounceMs', minimum: 0, maximum: 10_000 },
  maxDocumentSize: { key: 'diagnostics.maxDocumentSize', minimum: 1_000, maximum: 1_000_000_000 },
} as const;

const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * Parses raw configuration (anything a client may send) into Settings. Each
 * unusable value falls back to its default and yields a problem to report.
 */
export function parseSettings(raw: unknown, rules: readonly Rule[]): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const root = asRecord(raw);
  const read = <T>(key: string, fallback: T, accept: (value: unknown) => value is T): T => {
    const value = lookup(root, key);
    if (value === undefined || value === null) return fallback;
    if (accept(value)) return value;
    problems.push({ key: `policyLens.${key}`, value: preview(value), fallback: JSON.stringify(fallback) });
    return fallback;
  };
  const readNumber = (range: { key: string; minimum: number; maximum: number }, fallback: number) =>
    read(range.key, fallback, (v): v is number => isNumberIn(v, range.minimum, range.maximum));
  const ruleConfigs = new Map<string, RuleConfig>();
  for (const rule of rules) {
    const severity = read<RuleSeverity>(`rules.${rule.id}.severity`, rule.defaultSeverity, isSeverity);
    const options: Record<string, number | boolean> = {};
    for (const option of rule.options) {
      options[option.name] =
        option.type === 'boolean'
          ? read(`rules.${rule.id}.${option.name}`, option.default as boolean, isBoolean)
          : read(`rules.${rule.id}.${option.name}`, option.default as number, (v): v is number =>
              isNumberIn(v, option.minimum ?? -Infinity, option.maximum ?? Infinity),
            );
    }
    ruleConfigs.set(rule.id, { severity, options: options as RuleOptions });
  }
  for (const [key, replacedBy] of Object.entries(RETIRED_SETTINGS)) {
    const value = lookup(root, key);
    if (value !== undefined && value !== null) problems.push({ key: `policyLens.${key}`, value: preview(value), fallback: '', replacedBy });
  }
  const settings: Settings = {
    segmenter: read('segmenter', DEFAULTS.segmenter, (v): v is SegmenterChoice => (SEGMENTER_CHOICES as readonly unknown[]).includes(v)),
    dictionaries: read('dictionaries', DEFAULTS.dictionaries, isStringArray),
    glossaries: read('glossaries', DEFAULTS.glossaries, isStringArray),
    references: read('references', DEFAULTS.references, isStringArray),
    builtinReferences: read('builtinReferences', DEFAULTS.builtinReferences, isStringArray),
    debounceMs: readNumber(NUMBER_RANGES.debounceMs, DEFAULTS.debounceMs),
    maxDocumentSize: readNumber(NUMBER_RANGES.maxDocumentSize, DEFAULTS.maxDocumentSize),
    leadItems: read('outline.leadItems', DEFAULTS.leadItems, isBoolean),
    semanticTokens: read('semanticTokens.enable', DEFAULTS.semanticTokens, isBoolean),
    ignoredPhrases: read('ignoredPhrases', DEFAULTS.ignoredPhrases, isStringArray),
    rules: ruleConfigs,
  };
  return { settings: Object.freeze(settings), problems };
}

/**
 * Looks up a dotted key. VS Code nests dotted setting names (`rules.slogan.repeated.severity`
 * arrives as nested objects), other clients may send flat keys: accept both.
 */
function lookup(root: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(root, key)) return root[key];
  for (let i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) {
    const child = root[key.slice(0, i)];
    if (child && typeof child === 'object' && !Array.isArray(child)) {
      const found = lookup(child as Record<string, unknown>, key.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isSeverity(value: unknown): value is RuleSeverity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === 'string' && v.length <= 4096);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
