import type { Finding } from '../types';
import { LineIndex } from '../text/lineIndex';
import { docxPlace, originLabelLocalized, type DocxText } from './policyText';

/** One row of the findings table a writing group shares. */
export interface FindingRow {
  /** `第12段`, `第40段（表1第2行第3格）`, `脚注1` (English: `¶12` …). */
  readonly paragraph: string;
  readonly excerpt: string;
  readonly rule: string;
  readonly message: string;
  /** The certain fix as `“old” → “new”`, empty when only a person can decide. */
  readonly suggestion: string;
}

/** The rows of a Word document's findings, in document order. */
export function findingRows(text: string, docx: DocxText, findings: readonly Finding[], message: (finding: Finding) => string, locale: 'zh' | 'en'): FindingRow[] {
  const index = new LineIndex(text);
  const lineText = (line: number) => text.slice(index.lineStart(line), line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length).replace(/\r?\n$/, '');
  return findings.map((finding) => {
    const start = index.positionAt(finding.span.start);
    const end = index.positionAt(finding.span.end);
    const place = docxPlace(docx, lineText(start.line), start.line, start.character, end.line === start.line ? end.character : undefined);
    const suggestion = (finding.fix ?? []).map((edit) => `“${text.slice(edit.span.start, edit.span.end)}” → “${edit.newText}”`).join(locale === 'zh' ? '；' : '; ');
    return {
      paragraph: place ? originLabelLocalized(place.origin, locale) : String(start.line + 1),
      excerpt: place?.excerpt ?? '',
      rule: finding.code,
      message: message(finding),
      suggestion,
    };
  });
}

const HEADERS = { zh: ['段落', '摘录', '规则', '问题', '修改建议'], en: ['paragraph', 'excerpt', 'rule', 'message', 'suggestion'] };

/**
 * The rows as CSV that Excel opens correctly: a UTF-8 byte order mark, CRLF
 * line ends, every field quoted. A field that starts like a formula (`=`, `+`,
 * `-`, `@`) gets a leading apostrophe so that a spreadsheet shows it as text.
 */
export function findingsCsv(rows: readonly FindingRow[], locale: 'zh' | 'en'): string {
  const line = (fields: readonly string[]) => fields.map(csvField).join(',');
  const body = rows.map((r) => line([r.paragraph, r.excerpt, r.rule, r.message, r.suggestion]));
  return `\uFEFF${[line(HEADERS[locale]), ...body].join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
