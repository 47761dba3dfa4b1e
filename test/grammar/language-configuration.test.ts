import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const FILE = path.resolve(__dirname, '..', '..', 'language-configuration.json');

type Pair = [string, string];
interface AutoClosingPair {
  open: string;
  close: string;
  notIn?: string[];
}
interface LanguageConfiguration {
  comments?: unknown;
  brackets?: Pair[];
  colorizedBracketPairs?: Pair[];
  autoClosingPairs?: (AutoClosingPair | Pair)[];
  autoCloseBefore?: string;
  surroundingPairs?: (AutoClosingPair | Pair)[];
  wordPattern?: unknown;
}

const BRACKET_PAIRS: Pair[] = [
  ['（', '）'],
  ['《', '》'],
  ['“', '”'],
  ['‘', '’'],
  ['【', '】'],
  ['「', '」'],
  ['〔', '〕'],
  ['(', ')'],
  ['[', ']'],
];
const ALL_PAIRS: Pair[] = [...BRACKET_PAIRS, ['"', '"']];

const asPair = (p: AutoClosingPair | Pair): Pair => (Array.isArray(p) ? p : [p.open, p.close]);
const keys = (ps: Pair[]): string[] => ps.map(([o, c]) => `${o}${c}`);

describe('language-configuration.json', () => {
  // Strict JSON (no comments) so that it parses with JSON.parse as well as VS Code's JSONC reader.
  const config = JSON.parse(fs.readFileSync(FILE, 'utf8')) as LanguageConfiguration;

  it('has no comment configuration and no wordPattern', () => {
    expect(config.comments).toBeUndefined();
    expect(config.wordPattern).toBeUndefined();
  });

  it('declares every bracket pair (brackets must have distinct open/close)', () => {
    const brackets = config.brackets ?? [];
    for (const p of brackets) {
      expect(p).toHaveLength(2);
      expect(p[0]).not.toBe(p[1]);
    }
    expect(keys(brackets)).toEqual(expect.arrayContaining(keys(BRACKET_PAIRS)));
  });

  it('auto-closes and surrounds with every pair incl. ASCII ""', () => {
    const auto = (config.autoClosingPairs ?? []).map(asPair);
    const surround = (config.surroundingPairs ?? []).map(asPair);
    expect(keys(auto)).toEqual(expect.arrayContaining(keys(ALL_PAIRS)));
    expect(keys(surround)).toEqual(expect.arrayContaining(keys(ALL_PAIRS)));
  });

  it('colorizes only real brackets, never quotes', () => {
    const colorized = keys(config.colorizedBracketPairs ?? []);
    const brackets = keys(config.brackets ?? []);
    for (const k of colorized) expect(brackets).toContain(k);
    for (const q of ['“”', '‘’', '""']) expect(colorized).not.toContain(q);
  });

  it('auto-closes before Chinese punctuation', () => {
    for (const ch of ['，', '。', '；', '：', '）', '》', '”', ' ']) {
      expect(config.autoCloseBefore ?? '').toContain(ch);
    }
  });
});
