import { proofFinding } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';

/**
 * `punctuation.nestedTitle`: a title inside a title marked with 《》 again
 * (`《关于〈…〉的决定》` written `《关于《…》的决定》`). GB/T 15834-2011 4.15:
 * the inner title takes the single marks 〈〉.
 */
export const punctuationNestedTitleRule: Rule = {
  id: 'punctuation.nestedTitle',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`《关于修改《立法法》的决定》` → `《关于修改〈立法法〉的决定》`',
  description: {
    en: 'A title inside a title marked with 《》 instead of 〈〉, GB/T 15834-2011 4.15.',
    zh: '书名号内的书名仍用双书名号（应改用单书名号〈〉），依据 GB/T 15834—2011 第 4.15 条。',
  },
  options: [],
  messages: {
    nested: {
      en: '"{found}" stands inside another title: mark it 〈〉, "{fixed}" (GB/T 15834-2011, 4.15).',
      zh: '“{found}”位于书名号之内，应改用单书名号：“{fixed}”（GB/T 15834—2011 第 4.15 条）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    // Most paragraphs name no title; and codes, not a one-character string per character.
    if (!text.includes('《')) return findings;
    // Open title marks, innermost last: 《, and the single marks 〈 (or `<`, `＜`, as some texts type them).
    const open: { at: number; double: boolean }[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x300a) open.push({ at: i, double: true });
      else if (code === 0x3008 || code === 0x3c || code === 0xff1c) open.push({ at: i, double: false });
      else if ((code === 0x3009 || code === 0x3e || code === 0xff1e) && open.at(-1)?.double === false) open.pop();
      else if (code === 0x300b && open.at(-1)?.double === true) {
        const start = open.pop()!.at;
        // Nested where the title right around it is marked 《》 too. Inside 〈〉 the marks alternate back
        // to 《》: `《关于修改〈河南省实施《土地管理法》办法〉的决定》` is right (19 such in unseen local laws).
        if (open.at(-1)?.double !== true) continue;
        const found = text.slice(start, i + 1);
        const fixed = `〈${found.slice(1, -1)}〉`;
        findings.push(
          proofFinding('punctuation.nestedTitle', 'nested', start, i + 1, { found, fixed }, [
            { span: { start, end: start + 1 }, newText: '〈' },
            { span: { start: i, end: i + 1 }, newText: '〉' },
          ]),
        );
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
