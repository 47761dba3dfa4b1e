import type { Paragraph } from '../types';

/**
 * Splits a document into lines (`\r\n`, `\n` or a lone `\r` end a line).
 * Every line is returned, blank ones too, so `paragraphs[n].line === n`.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  let line = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    paragraphs.push({ line: line++, start, end: i, text: text.slice(start, i) });
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  paragraphs.push({ line, start, end: length, text: text.slice(start, length) });
  return paragraphs;
}

/** True when the line holds nothing but white space. */
export function isBlank(text: string): boolean {
  return /^[\s\u3000]*$/.test(text);
}
