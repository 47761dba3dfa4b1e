import * as fs from 'node:fs';
import { decodeText, type TextEncodingName } from './encoding';

/** Files larger than this are refused (a policy document is rarely above a few MB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Reads a document to check: UTF-8, or GB18030 when it is not UTF-8 (`auto`), or the encoding named. */
export function readDocumentFile(file: string, encoding: TextEncodingName | 'auto'): { text: string; encoding: string } | { error: string } {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { error: 'not a file' };
    if (stat.size > MAX_DOCUMENT_BYTES) return { error: `file too large (${stat.size} bytes)` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error) };
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded) return { error: encoding === 'auto' ? 'not UTF-8 or GB18030 text' : `not valid ${encoding} text` };
  return decoded;
}
