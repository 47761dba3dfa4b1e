import { describe, expect, it } from 'vitest';
import { isHanWord } from '../../server/src/core/text/chars';

describe('isHanWord', () => {
  const definition = (text: string) => /^\p{Script=Han}+$/u.test(text);

  it('is the Unicode property expression on every BMP character, on words, and with astral characters', () => {
    let han = 0;
    for (let code = 0; code < 65536; code++) {
      const text = String.fromCharCode(code);
      if (isHanWord(text) !== definition(text)) expect({ code, got: isHanWord(text) }).toEqual({ code, got: definition(text) });
      if (definition(text)) han++;
    }
    expect(han).toBeGreaterThan(20_000);
    for (const text of ['高质量发展', '高质量a', '', '𠀀试验', '试验𠀀', '\ud840', '〇', '々', '发展，', 'AI'])
      expect(isHanWord(text), text).toBe(definition(text));
  });
});
