import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Data checks for the built-in glossary (data/glossary.json) and the jieba user
// dictionary (data/policy.dict.utf8), against the corpus in test/fixtures.

const ROOT = path.join(__dirname, '../..');
const read = (...p: string[]): string => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

const CATEGORIES = [
  '发展理念', '战略', '方针政策', '工程与行动', '机构与会议', '数字简称', '改革举措',
  '民生保障', '生态环保', '科技产业', '区域协调', '法律术语', '党建与治理',
];
const FIXTURES = ['000_a487f46611498c32.txt', '002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt'];

interface Source { document: string; line: number; quote: string }
interface Entry {
  term: string;
  kind: string;
  category: string;
  aliases: string[];
  variants: { accepted: string[]; rejected: string[] };
  definition: string;
  english: string;
  items: string[];
  source: Source | null;
}
interface Glossary { $schema?: string; version: number; terms: Entry[] }

const glossary = JSON.parse(read('data', 'glossary.json')) as Glossary;
const entries = glossary.terms;
const fixtures = new Map(FIXTURES.map((f) => [f, read('test', 'fixtures', f)] as const));
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
    // 放管服 is a core reform slogan writers use although this corpus happens not to.
    const notInCorpusOnPurpose = ['放管服'];
    const missing = entries.filter((e) => !namesOf(e).some(inCorpus)).map((e) => e.term);
    expect(missing).toEqual(notInCorpusOnPurpose);
  });

  it('every source quote is an exact substring of the cited line', () => {
    const withSource = entries.filter((e) => e.source !== null);
    expect(withSource.length).toBeGreaterThan(0);
    for (const e of withSource) {
      const s = e.source as Source;
      const text = fixtures.get(s.document);
      expect(text, `${e.term}: unknown document ${s.document}`).toBeDefined();
      const lines = (text as string).split('\n');
      expect(Number.isInteger(s.line) && s.line >= 1 && s.line <= lines.length, `${e.term}: line ${s.line}`).toBe(true);
      expect(s.quote.length, e.term).toBeGreaterThan(0);
      expect(lines[s.line - 1], `${e.term}: ${s.document}:${s.line}`).toContain(s.quote);
    }
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
