import { findTableOfContents, type TableOfContents } from '../outline/tableOfContents';
import type { Finding, Paragraph } from '../types';
import type { DocumentFacts, Rule } from './rule';

/**
 * The table of contents of each version's paragraphs (null: none): a version is analysed more than
 * once (the rules that need no tokens while jieba cuts, then all), and matching the entries reads
 * every line of the document.
 */
const tables = new WeakMap<readonly Paragraph[], TableOfContents | null>();

/**
 * `toc.mismatch`: a table-of-contents (目录) entry that names no article of
 * the document, or whose wording differs from the article's title — checking
 * 目录 against 正文 is a routine step of proofreading a compilation. Which
 * of the two is right only a person can say, so there is no quick fix; the
 * finding points to the title it was compared with.
 */
export const tocMismatchRule: Rule = {
  id: 'toc.mismatch',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '目录 `奋力谱写…`, title `奋力书写…`; an entry with no article',
  description: {
    en: 'Table-of-contents entries that match no title in the text, or differ from it in wording.',
    zh: '目录条目在正文中找不到对应标题，或与正文标题文字不一致。',
  },
  options: [],
  messages: {
    missing: { en: 'No title in the text matches this table-of-contents entry.', zh: '正文中没有与此目录条目对应的标题。' },
    differs: {
      en: 'The title in the text (line {line}) reads differently: "{title}".',
      zh: '与正文标题（第 {line} 行）文字不一致，正文为“{title}”。',
    },
  },
  checkDocument(facts: DocumentFacts): readonly Finding[] {
    let toc = tables.get(facts.paragraphs);
    if (toc === undefined) tables.set(facts.paragraphs, (toc = findTableOfContents(facts.paragraphs) ?? null));
    if (!toc) return [];
    const findings: Finding[] = [];
    toc.entries.forEach((entry, index) => {
      const match = toc.matches[index];
      if (!match) {
        findings.push({ code: 'toc.mismatch', messageId: 'missing', span: entry.span, args: {} });
      } else if (!match.exact) {
        const first = facts.paragraphs[match.lines[0]];
        const last = facts.paragraphs[match.lines[match.lines.length - 1]];
        findings.push({
          code: 'toc.mismatch',
          messageId: 'differs',
          span: entry.span,
          args: { line: match.lines[0] + 1, title: match.wording },
          related: [{ start: first.start, end: last.end }],
        });
      }
    });
    return findings;
  },
};
