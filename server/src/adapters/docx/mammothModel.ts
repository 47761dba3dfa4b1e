import type { DocxOrigin, DocxParagraph, NoteMark } from '../../core/docx/model';

/**
 * The parts of mammoth's document model (lib/documents.js) this reader uses.
 * Tracked changes are resolved by mammoth: insertions are read, deletions
 * dropped, a deleted paragraph mark joins two paragraphs. Text boxes come as
 * paragraphs right after the paragraph that anchors them (mammoth reads the
 * VML fallback Word writes for them); nothing in the model marks them.
 */
export interface MammothElement {
  readonly type: string;
  readonly children?: readonly MammothElement[];
  readonly value?: string;
  readonly styleId?: string | null;
  readonly styleName?: string | null;
  readonly breakType?: 'line' | 'page' | 'column';
  readonly noteType?: 'footnote' | 'endnote';
  readonly noteId?: string;
  readonly body?: readonly MammothElement[];
}

export interface MammothDocument extends MammothElement {
  readonly notes: { resolve(reference: { noteType: string; noteId: string }): MammothElement | null };
}

const TITLE_STYLE = /^(?:title|标题)$/i;
const HEADING_STYLE = /^(?:heading|标题)\s*([1-9])$/i;

/** Heading level of a paragraph style: 0 for Title, n for Heading n / 标题 n, else the style's outline level. */
export function styleLevel(styleName: string | null | undefined, styleId: string | null | undefined, outlineLevels: ReadonlyMap<string, number>): number | undefined {
  const name = styleName?.trim();
  if (name) {
    if (TITLE_STYLE.test(name)) return 0;
    const heading = HEADING_STYLE.exec(name);
    if (heading) return Number(heading[1]);
  }
  return styleId ? outlineLevels.get(styleId) : undefined;
}

interface NoteRef {
  readonly kind: 'footnote' | 'endnote';
  readonly id: string;
  readonly number: number;
}

/**
 * The paragraphs of a document in reading order: body paragraphs and table
 * cells as they come, then the footnotes and the endnotes in the order the
 * body first refers to them (the numbers Word shows).
 */
export function collectParagraphs(document: MammothDocument, outlineLevels: ReadonlyMap<string, number>): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const notes = new Map<string, NoteRef>();
  const counts = { footnote: 0, endnote: 0 };
  let paragraphNumber = 0;
  let tableNumber = 0;

  const noteNumber = (kind: 'footnote' | 'endnote', id: string): number => {
    const key = `${kind}-${id}`;
    let ref = notes.get(key);
    if (!ref) notes.set(key, (ref = { kind, id, number: ++counts[kind] }));
    return ref.number;
  };

  const walkBody = (elements: readonly MammothElement[], cell?: { table: number; row: number; cell: number }): void => {
    for (const element of elements) {
      if (element.type === 'paragraph') {
        paragraphNumber++;
        const origin: DocxOrigin = cell ? { kind: 'table', paragraph: paragraphNumber, ...cell } : { kind: 'body', paragraph: paragraphNumber };
        out.push(paragraph(element, origin, outlineLevels, noteNumber));
      } else if (element.type === 'table') {
        const table = ++tableNumber;
        (element.children ?? []).forEach((row, r) => (row.children ?? []).forEach((c, i) => walkBody(c.children ?? [], { table, row: r + 1, cell: i + 1 })));
      } else if (element.children) {
        walkBody(element.children, cell);
      }
    }
  };
  walkBody(document.children ?? []);

  for (const kind of ['footnote', 'endnote'] as const) {
    for (const ref of [...notes.values()].filter((n) => n.kind === kind)) {
      const note = document.notes.resolve({ noteType: kind, noteId: ref.id });
      let inNote = 0;
      const walkNote = (elements: readonly MammothElement[]): void => {
        for (const element of elements) {
          if (element.type === 'paragraph') {
            out.push(paragraph(element, { kind, note: ref.number, paragraph: ++inNote }, outlineLevels));
          } else if (element.children) {
            walkNote(element.children);
          }
        }
      };
      walkNote(note?.body ?? []);
    }
  }
  return out;
}

function paragraph(
  element: MammothElement,
  origin: DocxOrigin,
  outlineLevels: ReadonlyMap<string, number>,
  /** Numbers the notes the body refers to; absent inside notes. */
  noteNumber?: (kind: 'footnote' | 'endnote', id: string) => number,
): DocxParagraph {
  const parts: string[] = [];
  const marks: NoteMark[] = [];
  let length = 0;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const visit = (elements: readonly MammothElement[]): void => {
    for (const child of elements) {
      switch (child.type) {
        case 'text':
          push(child.value ?? '');
          break;
        case 'tab':
          push('\t');
          break;
        case 'break':
          // A manual line break starts a new line; page and column breaks carry no text.
          if (child.breakType === 'line') push('\n');
          break;
        case 'noteReference':
          if (noteNumber && child.noteType && child.noteId !== undefined) marks.push({ offset: length, kind: child.noteType, note: noteNumber(child.noteType, child.noteId) });
          break;
        default:
          if (child.children) visit(child.children);
      }
    }
  };
  visit(element.children ?? []);
  const level = origin.kind === 'body' ? styleLevel(element.styleName, element.styleId, outlineLevels) : undefined;
  return {
    text: parts.join(''),
    origin,
    ...(level !== undefined ? { level } : {}),
    ...(element.styleName ? { style: element.styleName } : {}),
    ...(marks.length > 0 ? { notes: marks } : {}),
  };
}
