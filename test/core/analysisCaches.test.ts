import { describe, expect, it } from 'vitest';
import { AnalysisCaches } from '../../server/src/core/analysis';
import type { Finding } from '../../server/src/core/types';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

describe('AnalysisCaches.memoScope', () => {
  const finding = (start: number): Finding => ({ code: 'x', messageId: 'm', span: { start, end: start + 2 }, args: {}, related: [{ start: start + 3, end: start + 4 }] });

  it('reuses the findings of an unchanged run, moved to where the run now starts', () => {
    const caches = new AnalysisCaches();
    let calls = 0;
    const run = (text: string, skip: number) => {
      const paragraphs = splitParagraphs(text).slice(skip);
      return caches.memoScope('ns', paragraphs, () => {
        calls++;
        return [finding(paragraphs[0].start + 1)];
      });
    };
    expect(run('前言\n第一段。\n第二段。', 1)).toEqual([finding(4)]);
    // The text before the run grew by two characters on the same line: reused, shifted.
    expect(run('前言改动\n第一段。\n第二段。', 1)).toEqual([finding(6)]);
    expect(calls).toBe(1);
    // A paragraph of the run changed: computed again.
    expect(run('前言改动\n第一段。\n第二段改。', 1)).toEqual([finding(6)]);
    expect(calls).toBe(2);
    // The run moved to another line: computed again (findings may name lines).
    expect(run('新行\n前言改动\n第一段。\n第二段改。', 2)).toEqual([finding(9)]);
    expect(calls).toBe(3);
  });

  it('computes again when the same texts are further apart (other line endings between them)', () => {
    const caches = new AnalysisCaches();
    let calls = 0;
    // A finding on the run's second paragraph: its place depends on the line break before it.
    const run = (text: string) => {
      const paragraphs = splitParagraphs(text);
      return caches.memoScope('ns', paragraphs, () => (calls++, [finding(paragraphs[1].start)]));
    };
    expect(run('第一段。\n第二段。')).toEqual([finding(5)]);
    expect(run('第一段。\r\n第二段。')).toEqual([finding(6)]);
    expect(calls).toBe(2);
    expect(run('第一段。\r\n第二段。')).toEqual([finding(6)]);
    expect(calls).toBe(2);
  });
});

describe('AnalysisCaches.forgetFindings', () => {
  it('drops paragraph and scope findings (they were computed from tokens of another dictionary), keeps nothing stale', () => {
    const caches = new AnalysisCaches();
    const paragraphs = splitParagraphs('第一段。\n第二段。');
    let calls = 0;
    const compute = () => {
      calls++;
      return [];
    };
    caches.memo('rule', paragraphs[0], compute);
    caches.memoScope('scope', paragraphs, compute);
    caches.memo('rule', paragraphs[0], compute);
    caches.memoScope('scope', paragraphs, compute);
    expect(calls).toBe(2);
    caches.forgetFindings();
    caches.memo('rule', paragraphs[0], compute);
    caches.memoScope('scope', paragraphs, compute);
    expect(calls).toBe(4);
  });

  it('keeps the findings of the rules named (rules that read no tokens), by the rule id their names start with', () => {
    const caches = new AnalysisCaches();
    const paragraphs = splitParagraphs('第一段。\n第二段。');
    const calls: string[] = [];
    const compute = (name: string) => () => (calls.push(name), []);
    const names = ['punctuation.width\u0000{}\u0000key', 'punctuation.width\u0000{}\u0000key\u0000sentences', 'slogan.repeated\u0000{}\u0000key', 'punctuation.widthless\u0000{}\u0000key'];
    const touch = () => {
      for (const name of names) {
        caches.memo(name, paragraphs[0], compute(name));
        caches.memoScope(name, paragraphs, compute(`${name} scope`));
      }
    };
    touch();
    expect(calls.length).toBe(8);
    caches.forgetFindings(new Set(['punctuation.width']));
    calls.length = 0;
    touch();
    // Only the other rules' memos and scopes were forgotten (a longer id sharing the prefix too).
    expect(calls).toEqual(['slogan.repeated\u0000{}\u0000key', 'slogan.repeated\u0000{}\u0000key scope', 'punctuation.widthless\u0000{}\u0000key', 'punctuation.widthless\u0000{}\u0000key scope']);
  });

  it('bounds the scopes it keeps by the characters of their texts', () => {
    const caches = new AnalysisCaches();
    const long = '长'.repeat(1_000_000);
    let calls = 0;
    // Nine different runs of 1 M characters: more than the 8 M budget, so the first is gone.
    for (let i = 0; i < 9; i++) caches.memoScope('scope', splitParagraphs(`${i}${long}`), () => (calls++, []));
    caches.memoScope('scope', splitParagraphs(`8${long}`), () => (calls++, []));
    expect(calls).toBe(9);
    caches.memoScope('scope', splitParagraphs(`0${long}`), () => (calls++, []));
    expect(calls).toBe(10);
  });
});

describe('AnalysisCaches.paragraphFindings', () => {
  const paragraphs = splitParagraphs('第一段。\n第二段。');
  const finding: Finding = { code: 'x', messageId: 'm', span: { start: 0, end: 1 }, args: {} };
  /** What a rule stored for a paragraph: its findings, or undefined when it has not been checked (or was forgotten). */
  const stored = (caches: AnalysisCaches, ruleKey: string, line = 0) => caches.paragraphFindings('key').memo.getAt(paragraphs[line].line, paragraphs[line].text)?.[caches.paragraphFindings('key').slotOf(ruleKey)];
  const store = (caches: AnalysisCaches, ruleKey: string, findings: readonly Finding[], line = 0) => {
    const table = caches.paragraphFindings('key');
    let entry = table.memo.getAt(paragraphs[line].line, paragraphs[line].text);
    if (!entry) table.memo.setAt(paragraphs[line].line, paragraphs[line].text, (entry = []));
    entry[table.slotOf(ruleKey)] = findings;
  };

  it('keeps each rule configuration’s findings of a paragraph apart in its entry', () => {
    const caches = new AnalysisCaches();
    store(caches, 'a\u0000{}\u0000key', [finding]);
    store(caches, 'b\u0000{}\u0000key', []);
    expect(stored(caches, 'a\u0000{}\u0000key')).toEqual([finding]);
    expect(stored(caches, 'b\u0000{}\u0000key')).toEqual([]);
    // Another configuration of a rule (other options) has nothing yet, nor another paragraph.
    expect(stored(caches, 'a\u0000{"x":1}\u0000key')).toBeUndefined();
    expect(stored(caches, 'a\u0000{}\u0000key', 1)).toBeUndefined();
    // Another analysis key is another table.
    expect(caches.paragraphFindings('other').memo.getAt(0, paragraphs[0].text)).toBeUndefined();
  });

  it('forgets the findings of the rules not kept, whatever entry holds them', () => {
    const caches = new AnalysisCaches();
    for (const line of [0, 1]) {
      store(caches, 'punctuation.width\u0000{}\u0000key', [finding], line);
      store(caches, 'slogan.repeated\u0000{}\u0000key', [finding], line);
    }
    caches.forgetFindings(new Set(['punctuation.width']));
    for (const line of [0, 1]) {
      expect(stored(caches, 'punctuation.width\u0000{}\u0000key', line)).toEqual([finding]);
      expect(stored(caches, 'slogan.repeated\u0000{}\u0000key', line)).toBeUndefined();
    }
    // Stored again after the forgetting, found again.
    store(caches, 'slogan.repeated\u0000{}\u0000key', []);
    expect(stored(caches, 'slogan.repeated\u0000{}\u0000key')).toEqual([]);
    caches.forgetFindings();
    expect(stored(caches, 'punctuation.width\u0000{}\u0000key')).toBeUndefined();
  });

  it('gives a forgotten rule’s slot out again, emptied, so that forgetting over and over does not grow the entries', () => {
    const caches = new AnalysisCaches();
    const table = caches.paragraphFindings('key');
    for (let round = 0; round < 1000; round++) {
      expect(stored(caches, 'slogan.repeated\u0000{}\u0000key')).toBeUndefined();
      store(caches, 'punctuation.width\u0000{}\u0000key', [finding]);
      store(caches, 'slogan.repeated\u0000{}\u0000key', [finding]);
      caches.forgetFindings(new Set(['punctuation.width']));
    }
    expect(table.exhausted).toBe(false);
    expect(caches.paragraphFindings('key')).toBe(table);
    expect(table.memo.getAt(0, paragraphs[0].text)?.length).toBe(2);
    expect(stored(caches, 'punctuation.width\u0000{}\u0000key')).toEqual([finding]);
  });

  it('starts a new table once rule configurations changed too often for one', () => {
    const caches = new AnalysisCaches();
    const table = caches.paragraphFindings('key');
    for (let i = 0; i < 300; i++) table.slotOf(`rule\u0000{"n":${i}}\u0000key`);
    expect(table.exhausted).toBe(true);
    expect(caches.paragraphFindings('key')).not.toBe(table);
    expect(caches.paragraphFindings('key')).toBe(caches.paragraphFindings('key'));
  });
});
