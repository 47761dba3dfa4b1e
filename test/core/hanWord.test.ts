import { describe, expect, it } from 'vitest';
import { CJK_PUNCTUATION, HAN, isCjkPunctuation, isHan, isHanWord } from '../../server/src/core/text/chars';

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

  it('keeps isHan and isCjkPunctuation what their expressions say, for every BMP character and longer strings', () => {
    for (let code = 0; code < 65536; code++) {
      const char = String.fromCharCode(code);
      if (isHan(char) !== HAN.test(char) || isCjkPunctuation(char) !== CJK_PUNCTUATION.test(char)) expect(code).toBe('classified as its expression does');
    }
    for (const text of ['𠀀', '发展', 'a发', '，a', 'ab', '', undefined]) {
      expect(isHan(text)).toBe(text !== undefined && HAN.test(text));
      expect(isCjkPunctuation(text)).toBe(text !== undefined && CJK_PUNCTUATION.test(text));
    }
  });
});
