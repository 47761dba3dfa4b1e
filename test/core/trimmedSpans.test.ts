import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../server/src/core/quotes/units';
import type { Span } from '../../server/src/core/types';

/**
 * Sentences are trimmed of spaces and of quotation marks and brackets whose partner lies outside
 * them, on character codes. The definition it replaced, on one-character strings, stays here: the
 * same spans on every corpus paragraph and on random text made of marks.
 */
const OPENERS = '“‘「『（(《〈[【"';
const CLOSERS = '”’」』）)》〉]】"';
const isSpace = (code: number) => code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff;

function trimmed(line: string, from: number, to: number): Span | undefined {
  let start = from;
  let end = to;
  for (;;) {
    while (start < end && isSpace(line.charCodeAt(start))) start++;
    while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
    const first = OPENERS.indexOf(line[start]);
    if (start < end && first >= 0 && !line.slice(start + 1, end).includes(CLOSERS[first])) {
      start++;
      continue;
    }
    const last = CLOSERS.indexOf(line[end - 1]);
    if (end > start && last >= 0 && !line.slice(start, end - 1).includes(OPENERS[last])) {
      end--;
      continue;
    }
    if (start < end && CLOSERS.includes(line[start]) && line[start] !== OPENERS[CLOSERS.indexOf(line[start])]) {
      start++;
      continue;
    }
    if (end > start && OPENERS.includes(line[end - 1]) && line[end - 1] !== CLOSERS[OPENERS.indexOf(line[end - 1])]) {
      end--;
      continue;
    }
    break;
  }
  return start < end ? { start, end } : undefined;
}

function sentencesByDefinition(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !'。！？!?；;'.includes(line[i])) continue;
    const span = trimmed(line, start, i);
    if (span) spans.push(span);
    start = i + 1;
  }
  return spans;
}

const FIXTURES = path.join(__dirname, '../fixtures');
const PARAGRAPHS = ['002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt', '000_a487f46611498c32.txt']
  .flatMap((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8').split('\n'))
  .filter((p) => p.length > 0);

describe('sentence spans', () => {
  it('are trimmed as the definition on strings trims them', () => {
    let seed = 13;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [...OPENERS, ...CLOSERS, ' ', '\u3000', '。', '；', '发展', 'a', '，'];
    const texts = [...PARAGRAPHS, ...Array.from({ length: 20_000 }, () => Array.from({ length: Math.floor(random() * 16) }, () => pieces[Math.floor(random() * pieces.length)]).join(''))];
    let trimmedSome = 0;
    for (const text of texts) {
      const expected = sentencesByDefinition(text);
      const got = sentenceSpans(text);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ text, got }).toEqual({ text, got: expected });
      if (expected.some((s, i) => s.start > 0 && i === 0 && /[“‘「『（(《〈[【"”’」』）)》〉\]】]/.test(text[s.start - 1]))) trimmedSome++;
    }
    expect(trimmedSome).toBeGreaterThan(100);
  });
});
