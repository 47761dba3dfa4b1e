import * as fs from 'node:fs';
import type { DocxContent } from '../../core/docx/model';
import { collectParagraphs, type MammothDocument } from './mammothModel';

/**
 * mammoth and its zip and XML readers, loaded with the first Word document: requiring them cost
 * every start of the command line and the server ≈25 ms, Word files or not.
 */
const loadMammoth = () => Promise.all([import('mammoth'), import('mammoth/lib/docx/office-xml-reader'), import('mammoth/lib/unzip')]);

/** Word documents larger than this are refused (a 500-page report with images is far below). */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

export type DocxProblem = 'missing' | 'notAFile' | 'tooLarge' | 'encrypted' | 'oldWord' | 'notDocx' | 'corrupt';

export type DocxReadResult = { readonly ok: true; readonly content: DocxContent } | { readonly ok: false; readonly problem: DocxProblem; readonly message: string };

const MESSAGES: Record<DocxProblem, string> = {
  missing: 'file not found',
  notAFile: 'not a file',
  tooLarge: 'file too large',
  encrypted: 'the Word document is password-protected (encrypted); remove the password in Word and check again',
  oldWord: 'a Word 97–2003 document (.doc), not .docx; save it as .docx in Word',
  notDocx: 'not a Word document (.docx)',
  corrupt: 'the Word document is damaged and cannot be read',
};

/** Reads a .docx file; never throws. */
export async function readDocxFile(file: string): Promise<DocxReadResult> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return failure('notAFile');
    if (stat.size > MAX_DOCX_BYTES) return failure('tooLarge', `${stat.size} bytes`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? failure('missing') : failure('notAFile', String(error));
  }
  return readDocx(bytes);
}

/**
 * Reads a .docx with mammoth: its document model (paragraphs with their
 * styles, tables, notes, tracked changes already resolved to the final text)
 * through the public `transformDocument` hook, and the outline levels of the
 * paragraph styles from styles.xml through mammoth's own zip and XML readers.
 * Never throws: damaged, encrypted and non-Word files come back as a problem.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxReadResult> {
  const sniffed = sniff(bytes);
  if (sniffed) return failure(sniffed);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let document: MammothDocument | undefined;
  const warnings: string[] = [];
  const [{ default: mammoth }, xml, unzip] = await loadMammoth();
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: (element: MammothDocument) => {
          document = element;
          // Nothing to render: only the model is wanted.
          return { ...element, children: [] };
        },
      },
    );
    for (const message of result.messages) if (message.type === 'error') warnings.push(message.message);
  } catch (error) {
    const text = String(error);
    if (/main document part/i.test(text)) return failure('notDocx', 'no word/document.xml');
    return failure('corrupt', text);
  }
  if (!document) return failure('corrupt', 'no document body');
  const levels = await styleOutlineLevels(buffer, warnings, xml.readXmlFromZipFile, unzip.openZip);
  return { ok: true, content: { paragraphs: collectParagraphs(document, levels), warnings } };
}

function failure(problem: DocxProblem, detail?: string): DocxReadResult {
  return { ok: false, problem, message: detail ? `${MESSAGES[problem]} (${detail})` : MESSAGES[problem] };
}

const ZIP = [0x50, 0x4b];
/** OLE compound file: encrypted .docx files and old .doc files are both stored in one. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function sniff(bytes: Uint8Array): DocxProblem | undefined {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(ZIP)) return undefined;
  if (!startsWith(COMPOUND_FILE)) return 'notDocx';
  // The directory names its streams in UTF-16: an encrypted package holds `EncryptionInfo`, a .doc `WordDocument`.
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/\0/g, '');
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return 'encrypted';
  if (names.includes('WordDocument')) return 'oldWord';
  return 'notDocx';
}

/**
 * Heading levels declared by paragraph styles as outline levels (`w:outlineLvl`
 * 0–8 → level 1–9), following `w:basedOn`. mammoth's model has the style's
 * name but not its outline level. Problems only cost the levels.
 */
async function styleOutlineLevels(
  buffer: Buffer,
  warnings: string[],
  readXmlFromZipFile: typeof import('mammoth/lib/docx/office-xml-reader').readXmlFromZipFile,
  openZip: typeof import('mammoth/lib/unzip').openZip,
): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  try {
    const zip = await openZip({ buffer });
    const root = await readXmlFromZipFile(zip, 'word/styles.xml');
    if (!root) return levels;
    // null: outline level 9, "body text", which ends the inheritance.
    const own = new Map<string, { level?: number | null; basedOn?: string }>();
    for (const style of root.getElementsByTagName('w:style')) {
      const id = style.attributes['w:styleId'];
      if (!id || style.attributes['w:type'] !== 'paragraph') continue;
      const value = style.firstOrEmpty('w:pPr').firstOrEmpty('w:outlineLvl').attributes['w:val'];
      const level = value !== undefined && /^[0-8]$/.test(value) ? Number(value) + 1 : value === undefined ? undefined : null;
      own.set(id, { level, basedOn: style.firstOrEmpty('w:basedOn').attributes['w:val'] });
    }
    for (const id of own.keys()) {
      const seen = new Set<string>();
      let current: string | undefined = id;
      while (current && !seen.has(current)) {
        seen.add(current);
        const style = own.get(current);
        if (style?.level !== undefined) {
          if (style.level !== null) levels.set(id, style.level);
          break;
        }
        current = style?.basedOn;
      }
    }
  } catch (error) {
    warnings.push(`styles.xml: ${String(error)}`);
  }
  return levels;
}
