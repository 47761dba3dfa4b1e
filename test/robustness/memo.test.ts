import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../server/src/core/memo';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

/**
 * The caches keyed by paragraph text are bounded by size, not only by count: the
 * 10 000-sequence fuzz ran the server out of memory (4 GB) because every edit of a
 * long line added another version of it, with its tokens, to every cache.
 */
describe('BoundedMemo', () => {
  it('answers getAt from the position when the same key was there last, and from the map otherwise', () => {
    const memo = new BoundedMemo<number>(1000);
    memo.setAt(3, '第一段', 1);
    memo.set('第二段', 2);
    expect(memo.getAt(3, '第一段')).toBe(1);
    // Another key at that position (a line inserted above): looked up, then remembered there.
    expect(memo.getAt(3, '第二段')).toBe(2);
    expect(memo.getAt(3, '第一段')).toBe(1);
    expect(memo.getAt(7, '第三段')).toBeUndefined();
    // The same text in another string object: equal keys, the same answer.
    expect(memo.getAt(3, ['第一', '段'].join(''))).toBe(1);
    // Positions past the limit are not remembered, but answered.
    memo.setAt(1_000_000, '第四段', 4);
    expect(memo.getAt(1_000_000, '第四段')).toBe(4);
  });

  it('forgets what getAt remembers when an entry is deleted or the memo cleared', () => {
    const memo = new BoundedMemo<number>(1000);
    memo.setAt(0, '甲', 1);
    memo.setAt(1, '乙', 2);
    memo.delete('甲');
    expect(memo.getAt(0, '甲')).toBeUndefined();
    expect(memo.getAt(1, '乙')).toBe(2);
    memo.clear();
    expect(memo.getAt(1, '乙')).toBeUndefined();
  });

  it('keeps only the most recent large keys within their budget', () => {
    const memo = new BoundedMemo<number>(1000, { largeKey: 1000, maxLargeChars: 3000 });
    const versions = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(1000, 'x'));
    versions.forEach((key, i) => memo.set(key, i));
    expect(memo.size).toBe(3);
    expect(versions.map((key) => memo.has(key))).toEqual([false, false, false, false, false, false, false, true, true, true]);
  });

  it('keeps small keys while large ones come and go, and never drops the entry just stored', () => {
    const memo = new BoundedMemo<number>(1000, { largeKey: 1000, maxLargeChars: 1500 });
    memo.set('小段落', 1);
    memo.set('a'.repeat(5000), 2);
    expect(memo.get('a'.repeat(5000))).toBe(2);
    memo.set('b'.repeat(5000), 3);
    expect(memo.has('a'.repeat(5000))).toBe(false);
    expect(memo.get('小段落')).toBe(1);
  });

  it('drops the least recently used first, down to nine tenths of the budget: a lookup keeps an entry young', () => {
    const memo = new BoundedMemo<number>(1000, { maxChars: 100 });
    const keys = Array.from({ length: 11 }, (_, i) => `段落${i}`.padEnd(10, '文'));
    keys.slice(0, 10).forEach((key, i) => memo.set(key, i));
    expect(memo.get(keys[0])).toBe(0);
    memo.set(keys[10], 10);
    expect(keys.map((key) => memo.has(key))).toEqual([true, false, false, true, true, true, true, true, true, true, true]);
    expect(memo.size).toBe(9);
  });

  it('counts the characters of a key stored again once (small and large keys)', () => {
    const memo = new BoundedMemo<number>(1000, { maxChars: 100, largeKey: 50, maxLargeChars: 100 });
    const small = '小'.repeat(40);
    const large = '大'.repeat(60);
    for (let i = 0; i < 20; i++) {
      memo.set(small, i);
      memo.set(large, i);
    }
    // Counted twice, either budget would have dropped one of them.
    expect([memo.get(small), memo.get(large)]).toEqual([19, 19]);
    // One more key goes over the budget: the least recently used go, down to nine tenths.
    memo.set('另'.repeat(40), 0);
    expect([memo.has(small), memo.has(large), memo.size]).toEqual([false, false, 1]);
  });

  it('visits every value it can still answer, those held only at their position included', () => {
    const memo = new BoundedMemo<string>(10);
    memo.setAt(0, '甲', 'a');
    // Eleven more keys: 甲 leaves the map but getAt still answers it at position 0.
    for (let i = 0; i < 11; i++) memo.set(`段落${i}`, `v${i}`);
    expect(memo.has('甲')).toBe(false);
    expect(memo.getAt(0, '甲')).toBe('a');
    const visited = new Set<string>();
    memo.forEachValue((value) => visited.add(value));
    expect(visited.has('a')).toBe(true);
    expect(visited.has('v10')).toBe(true);
  });

  it('still bounds the number of entries', () => {
    const memo = new BoundedMemo<number>(100);
    for (let i = 0; i < 1000; i++) memo.getOrCompute(`段落${i}`, () => i);
    expect(memo.size).toBeLessThanOrEqual(100);
    expect(memo.get('段落999')).toBe(999);
  });
});

describe('paragraph texts', () => {
  it('are equal to the slices of the document they come from (copies, so caches do not pin old versions)', () => {
    const text = '一、总体要求\r\n发展,推动\r第三段\n\n𠀀';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['一、总体要求', '发展,推动', '第三段', '', '𠀀']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
