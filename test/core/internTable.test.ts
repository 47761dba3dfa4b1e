import { describe, expect, it } from 'vitest';
import { InternTable } from '../../server/src/core/text/internTable';

describe('InternTable', () => {
  it('returns the stored string for a repeated word, sliced from anywhere', () => {
    const table = new InternTable(100);
    const first = table.intern('推动高质量发展', 2, 5);
    expect(first).toBe('高质量');
    const again = table.intern('坚持高质量发展', 2, 5);
    expect(again).toBe('高质量');
    expect(Object.is(again, first)).toBe(true);
    expect(table.size).toBe(1);
    // Same hash bucket or not, a different word or length is a different entry.
    expect(table.intern('高质量发展', 0, 2)).toBe('高质');
    expect(table.intern('高质量发展', 0, 5)).toBe('高质量发展');
    expect(table.size).toBe(3);
  });

  it('keeps every word through growth and empties itself when full', () => {
    const table = new InternTable(5000);
    const text = Array.from({ length: 3000 }, (_, i) => `词${i}`).join('');
    const stored: string[] = [];
    let at = 0;
    for (let i = 0; i < 3000; i++) {
      const length = `词${i}`.length;
      stored.push(table.intern(text, at, at + length));
      at += length;
    }
    expect(table.size).toBe(3000);
    at = 0;
    for (let i = 0; i < 3000; i++) {
      const length = `词${i}`.length;
      expect(table.intern(text, at, at + length)).toBe(stored[i]);
      at += length;
    }
    expect(table.size).toBe(3000);
    const small = new InternTable(2);
    small.intern('甲乙丙', 0, 1);
    small.intern('甲乙丙', 1, 2);
    small.intern('甲乙丙', 2, 3);
    expect(small.size).toBe(1);
  });

  it('tells lone surrogates and astral characters apart', () => {
    const table = new InternTable(10);
    const text = '𠀀\uD840x';
    expect(table.intern(text, 0, 2)).toBe('𠀀');
    expect(table.intern(text, 2, 3)).toBe('\uD840');
    expect(table.intern(text, 0, 1)).toBe('\uD840');
    expect(table.size).toBe(2);
  });
});
