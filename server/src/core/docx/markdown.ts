import type { DocxContent, DocxParagraph } from './model';

/**
 * An editable `.policy.md` copy of a Word document: styled headings become
 * Markdown headings (Title `#`, Heading 1 `##` … when there is a title;
 * Heading 1 `#` otherwise), tables pipe tables, notes Markdown footnotes
 * (`[^1]`, endnotes `[^e1]`). Paragraphs are separated by a blank line.
 */
export function docxMarkdown(content: DocxContent): string {
  const paragraphs = content.paragraphs;
  const shift = paragraphs.some((p) => p.level === 0) ? 1 : 0;
  const blocks: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const origin = paragraph.origin;
    if (origin.kind === 'table') {
      const rows: DocxParagraph[] = [];
      while (i < paragraphs.length && paragraphs[i].origin.kind === 'table' && (paragraphs[i].origin as { table: number }).table === origin.table) rows.push(paragraphs[i++]);
      i--;
      blocks.push(pipeTable(rows));
    } else if (origin.kind === 'footnote' || origin.kind === 'endnote') {
      const label = `${origin.kind === 'endnote' ? 'e' : ''}${origin.note}`;
      const text = withNoteMarks(paragraph);
      notes.push(origin.paragraph === 1 ? `[^${label}]: ${text}` : `    ${text}`);
    } else if (paragraph.level !== undefined && paragraph.text.trim() !== '') {
      blocks.push(`${'#'.repeat(Math.min(6, paragraph.level + shift || 1))} ${paragraph.text.replace(/\s+/g, ' ').trim()}`);
    } else if (paragraph.text.trim() !== '') {
      blocks.push(escapeLine(withNoteMarks(paragraph)));
    }
  }
  return `${[...blocks, ...(notes.length > 0 ? [notes.join('\n')] : [])].join('\n\n')}\n`;
}

function withNoteMarks(paragraph: DocxParagraph): string {
  let text = paragraph.text;
  // From the end, so earlier offsets stay valid.
  for (const mark of [...(paragraph.notes ?? [])].reverse()) {
    text = `${text.slice(0, mark.offset)}[^${mark.kind === 'endnote' ? 'e' : ''}${mark.note}]${text.slice(mark.offset)}`;
  }
  return text;
}

/** A body line that Markdown would read as a heading, list or quote keeps its characters: escape the marker. */
function escapeLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>]|[-+*](?=\s))/, '$1\\$2'))
    .join('\n');
}

function pipeTable(cells: readonly DocxParagraph[]): string {
  const rows = new Map<number, Map<number, string[]>>();
  let width = 0;
  for (const cell of cells) {
    const { row, cell: column } = cell.origin as { row: number; cell: number };
    if (!rows.has(row)) rows.set(row, new Map());
    const texts = rows.get(row)!;
    if (!texts.has(column)) texts.set(column, []);
    texts.get(column)!.push(withNoteMarks(cell).replace(/\|/g, '\\|').replace(/\n/g, '<br>'));
    width = Math.max(width, column);
  }
  const lines = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((row) => `| ${Array.from({ length: width }, (_, c) => (rows.get(row)!.get(c + 1) ?? []).join('<br>')).join(' | ')} |`);
  lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
  return lines.join('\n');
}
