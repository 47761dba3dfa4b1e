import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadJieba } from '../../server/src/adapters/jieba';
import { segmentParagraph } from '../../server/src/core/segment/tokens';
import { mergeGlossaries } from '../../server/src/core/terms/glossary';
import { validateGlossary } from '../../server/src/core/terms/glossaryValidation';
import { TermMatcher, tokenBoundaries } from '../../server/src/core/terms/termMatcher';

// Data checks for the built-in glossary (data/glossary.json) and the jieba user
// dictionary (data/policy.dict.utf8), against the corpus in test/fixtures.

const ROOT = path.join(__dirname, '../..');
const read = (...p: string[]): string => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

const CATEGORIES = [
  '发展理念', '战略', '方针政策', '工程与行动', '机构与会议', '数字简称', '改革举措',
  '民生保障', '生态环保', '科技产业', '区域协调', '法律术语', '党建与治理',
];
// The corpus copy: 000, 002, 004 and national/ (government work reports 1954–2025, Party Congress reports).
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const FIXTURES = [
  ...fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')),
  ...fs.readdirSync(path.join(CORPUS, 'national')).filter((f) => f.endsWith('.txt')).map((f) => `national/${f}`),
];
const SOURCE_KINDS = ['definition', 'abbreviation', 'enumeration', 'usage'];

interface Source { document: string; line: number; quote: string; kind: string }
interface Entry {
  term: string;
  kind: string;
  category: string;
  aliases: string[];
  variants: { accepted: string[]; rejected: string[] };
  definition: string;
  origin?: string;
  english: string;
  items: string[];
  source: Source | null;
}
interface Glossary { $schema?: string; version: number; terms: Entry[] }

const glossary = JSON.parse(read('data', 'glossary.json')) as Glossary;
const entries = glossary.terms;
const fixtures = new Map(FIXTURES.map((f) => [f, fs.readFileSync(path.join(CORPUS, f), 'utf8')] as const));
const inCorpus = (s: string): boolean => [...fixtures.values()].some((t) => t.includes(s));
const namesOf = (e: Entry): string[] => [e.term, ...e.aliases];

describe('built-in glossary', () => {
  it('parses, is version 1 and has at least 300 entries', () => {
    expect(glossary.version).toBe(1);
    expect(glossary.$schema).toBe('./glossary.schema.json');
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(300);
  });

  it('every entry is complete and uses an allowed kind and category', () => {
    for (const e of entries) {
      const where = `entry ${e.term}`;
      expect(typeof e.term, where).toBe('string');
      expect(e.term.trim(), where).not.toBe('');
      expect(e.term, where).toBe(e.term.trim());
      expect(['term', 'slogan'], where).toContain(e.kind);
      expect(CATEGORIES, where).toContain(e.category);
      expect(e.definition.trim().length, where).toBeGreaterThan(0);
      expect(e.english.trim().length, where).toBeGreaterThan(0);
      expect(Array.isArray(e.aliases), where).toBe(true);
      expect(Array.isArray(e.variants.accepted), where).toBe(true);
      expect(Array.isArray(e.variants.rejected), where).toBe(true);
      expect(Array.isArray(e.items), where).toBe(true);
      expect(e.source === null || typeof e.source === 'object', where).toBe(true);
    }
  });

  it('has no duplicate term or alias across entries', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const e of entries) {
      for (const n of namesOf(e)) {
        if (seen.has(n)) dups.push(`${n} (${seen.get(n)} / ${e.term})`);
        seen.set(n, e.term);
      }
    }
    expect(dups).toEqual([]);
  });

  it('every entry has its term or an alias in at least one fixture', () => {
    const missing = entries.filter((e) => !namesOf(e).some(inCorpus)).map((e) => e.term);
    expect(missing).toEqual([]);
  });

  it('every entry is sourced or its definition is marked editorial', () => {
    const unsourced = entries.filter((e) => e.source === null && e.origin !== 'editorial').map((e) => e.term);
    expect(unsourced).toEqual([]);
    for (const e of entries) expect(['official', 'editorial'], e.term).toContain(e.origin);
  });

  it('an official definition is the wording of its source line', () => {
    const official = entries.filter((e) => e.origin === 'official');
    expect(official.map((e) => e.term)).toEqual(['中央保密工作领导机构', '国家秘密']);
    for (const e of official) {
      const s = e.source as Source;
      const line = (fixtures.get(s.document) as string).split('\n')[s.line - 1];
      // The definition may name the article it quotes: 依照《…》第二条，…
      const wording = e.definition.replace(/^依照《[^》]+》第[一二三四五六七八九十]+条，/, '').replace(/。$/, '');
      expect(line, e.term).toContain(wording);
    }
  });

  it('every source quote is an exact substring of the cited line, cut at sentence or clause ends', () => {
    const withSource = entries.filter((e) => e.source !== null);
    expect(withSource.length).toBe(entries.length);
    const problems: string[] = [];
    for (const e of withSource) {
      const s = e.source as Source;
      const text = fixtures.get(s.document);
      expect(text, `${e.term}: unknown document ${s.document}`).toBeDefined();
      const lines = (text as string).split('\n');
      expect(Number.isInteger(s.line) && s.line >= 1 && s.line <= lines.length, `${e.term}: line ${s.line}`).toBe(true);
      expect(SOURCE_KINDS, e.term).toContain(s.kind);
      expect(s.quote.length, e.term).toBeGreaterThan(0);
      const line = lines[s.line - 1];
      expect(line, `${e.term}: ${s.document}:${s.line}`).toContain(s.quote);
      // The quote names the entry, and does not stop inside a word (实体经济是直 …).
      if (!namesOf(e).some((n) => s.quote.includes(n)) && e.origin !== 'official' && s.kind !== 'definition' && s.kind !== 'enumeration') problems.push(`${e.term}: quote does not contain the term`);
      const at = line.indexOf(s.quote);
      const after = line.slice(at + s.quote.length, at + s.quote.length + 1);
      const before = at === 0 ? '' : line[at - 1];
      if (after !== '' && !/[，。；：！？、”）]/.test(s.quote.at(-1) as string) && !/[，。；：！？、”）\s]/.test(after)) problems.push(`${e.term}: quote stops inside a clause (…${s.quote.slice(-6)}|${after})`);
      if (before !== '' && !/[，。；：！？、“（\s—]/.test(before)) problems.push(`${e.term}: quote starts inside a clause (${before}|${s.quote.slice(0, 6)}…)`);
    }
    expect(problems).toEqual([]);
  });

  it('a quote of official use shows the entry itself, as the editor finds it (not 碳达峰 inside 碳达峰碳中和)', () => {
    const segmenter = loadJieba([]).segmenter;
    const matcher = new TermMatcher(mergeGlossaries([validateGlossary(glossary, 'builtin').entries]));
    const hidden = entries
      .filter((e) => e.source && e.source.kind === 'usage')
      .filter((e) => !matcher.match(e.source!.quote, tokenBoundaries(segmentParagraph(segmenter, e.source!.quote), e.source!.quote.length)).some((hit) => hit.match.entry.term === e.term))
      .map((e) => `${e.term}: ${e.source!.quote}`);
    expect(hidden).toEqual([]);
  }, 30_000);

  it('uses the American spellings of official English translations', () => {
    const british = entries.filter((e) => /centre|programme|labour|defence|organis|colour/i.test(e.english)).map((e) => `${e.term}: ${e.english}`);
    expect(british).toEqual([]);
  });

  it('no rejected variant occurs in the corpus or equals a correct form', () => {
    const correct = new Set(entries.flatMap((e) => [...namesOf(e), ...e.variants.accepted]));
    const problems: string[] = [];
    for (const e of entries) {
      for (const r of e.variants.rejected) {
        for (const [f, t] of fixtures) if (t.includes(r)) problems.push(`${e.term}: rejected ${r} occurs in ${f}`);
        if (correct.has(r)) problems.push(`${e.term}: rejected ${r} is also a term, alias or accepted variant`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('jieba user dictionary', () => {
  const raw = read('data', 'policy.dict.utf8');
  const lines = raw.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const words = lines.map((l) => l.split(' ')[0]);

  it('has at least 500 well-formed lines and no blank lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(500);
    const bad = lines.filter((l) => !/^\S+ \d+ [a-z]+$/.test(l));
    expect(bad).toEqual([]);
  });

  it('has no duplicate and no one-character words', () => {
    const seen = new Set<string>();
    const dups = words.filter((w) => (seen.has(w) ? true : (seen.add(w), false)));
    expect(dups).toEqual([]);
    expect(words.filter((w) => Array.from(w).length < 2)).toEqual([]);
  });

  it('contains every glossary term, alias and accepted variant that has no space or punctuation', () => {
    const dict = new Set(words);
    const expected = entries
      .flatMap((e) => [...namesOf(e), ...e.variants.accepted])
      .filter((n) => !/[\s\p{P}\p{S}]/u.test(n));
    expect(expected.filter((n) => !dict.has(n))).toEqual([]);
  });
});
