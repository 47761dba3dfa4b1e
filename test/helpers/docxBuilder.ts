import JSZip from 'jszip';

/**
 * Builds small .docx files for tests (jszip comes with mammoth). Body content
 * is WordprocessingML written with the helpers below, so each test shows the
 * Word structure it exercises: styles, tables, notes, tracked changes.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const V = 'urn:schemas-microsoft-com:vml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of text (`<w:t xml:space="preserve">`). */
export function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs (strings become runs), optionally with a paragraph style id. */
export function p(content: string | readonly string[], style?: string): string {
  const runs = typeof content === 'string' ? run(content) : content.map((c) => (c.startsWith('<') ? c : run(c))).join('');
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
}

/** Tracked insertion (kept in the final text). */
export function ins(text: string): string {
  return `<w:ins w:id="1" w:author="审核人" w:date="2024-03-01T00:00:00Z">${run(text)}</w:ins>`;
}

/** Tracked deletion (gone from the final text). */
export function del(text: string): string {
  return `<w:del w:id="2" w:author="审核人" w:date="2024-03-01T00:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
}

export function footnoteRef(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

export function endnoteRef(id: number): string {
  return `<w:r><w:endnoteReference w:id="${id}"/></w:r>`;
}

export function lineBreak(): string {
  return '<w:r><w:br/></w:r>';
}

/** A table: rows of cells, each cell one paragraph (a string) or several. */
export function table(rows: readonly (readonly (string | readonly string[])[])[]): string {
  const cell = (c: string | readonly string[]) => `<w:tc>${(typeof c === 'string' ? [c] : c).map((t) => p(t)).join('')}</w:tc>`;
  return `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** A text box as Word writes it: DrawingML for new readers, a VML fallback for old ones. */
export function textBox(paragraphs: readonly string[]): string {
  const content = `<w:txbxContent>${paragraphs.map((t) => p(t)).join('')}</w:txbxContent>`;
  return (
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

export interface StyleDef {
  readonly id: string;
  readonly name: string;
  readonly outlineLevel?: number;
  readonly basedOn?: string;
}

/** Word's built-in heading styles as Chinese Word writes them: ids `1`, `2`…, English names. */
export const WORD_STYLES: readonly StyleDef[] = [
  { id: 'Title', name: 'Title' },
  { id: '1', name: 'heading 1', outlineLevel: 0 },
  { id: '2', name: 'heading 2', outlineLevel: 1 },
  { id: '3', name: 'heading 3', outlineLevel: 2 },
];

export interface DocxSpec {
  readonly body: readonly string[];
  readonly styles?: readonly StyleDef[];
  readonly footnotes?: readonly { id: number; paragraphs: readonly string[] }[];
  readonly endnotes?: readonly { id: number; paragraphs: readonly string[] }[];
}

export async function buildDocx(spec: DocxSpec): Promise<Buffer> {
  const zip = new JSZip();
  const hasFootnotes = (spec.footnotes?.length ?? 0) > 0;
  const hasEndnotes = (spec.endnotes?.length ?? 0) > 0;
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
${hasFootnotes ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' : ''}
${hasEndnotes ? '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>' : ''}
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
${hasFootnotes ? `<Relationship Id="rId2" Type="${R}/footnotes" Target="footnotes.xml"/>` : ''}
${hasEndnotes ? `<Relationship Id="rId3" Type="${R}/endnotes" Target="endnotes.xml"/>` : ''}
</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:v="${V}" xmlns:mc="${MC}" mc:Ignorable=""><w:body>${spec.body.join('')}<w:sectPr/></w:body></w:document>`,
  );
  const styles = spec.styles ?? WORD_STYLES;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
${styles
  .map(
    (s) =>
      `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${esc(s.name)}"/>${s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : ''}` +
      `${s.outlineLevel !== undefined ? `<w:pPr><w:outlineLvl w:val="${s.outlineLevel}"/></w:pPr>` : ''}</w:style>`,
  )
  .join('\n')}
</w:styles>`,
  );
  const notes = (kind: 'footnote' | 'endnote', list: readonly { id: number; paragraphs: readonly string[] }[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:${kind}s xmlns:w="${W}">
<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>
<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>
${list.map((n) => `<w:${kind} w:id="${n.id}">${n.paragraphs.map((t) => p([`<w:r><w:${kind}Ref/></w:r>`, t])).join('')}</w:${kind}>`).join('\n')}
</w:${kind}s>`;
  if (hasFootnotes) zip.file('word/footnotes.xml', notes('footnote', spec.footnotes!));
  if (hasEndnotes) zip.file('word/endnotes.xml', notes('endnote', spec.endnotes!));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
