import * as fs from 'node:fs';
import type { FileProblem } from '../engine/host';
export type { FileProblem };
export type FileProblemId = 'file.missing' | 'file.notAFile' | 'file.tooLarge' | 'file.unreadable' | 'file.notText';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: FileProblem };

/**
 * Reads a user-supplied text file defensively: it may be missing, a folder,
 * huge, or not UTF-8. Never throws.
 */
export function readUserTextFile(filePath: string, maxBytes: number): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    return { ok: false, problem: { path: filePath, messageId: 'file.missing' } };
  }
  if (!stat.isFile()) return { ok: false, problem: { path: filePath, messageId: 'file.notAFile' } };
  if (stat.size > maxBytes) {
    return { ok: false, problem: { path: filePath, messageId: 'file.tooLarge', detail: `${stat.size} > ${maxBytes}` } };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    return { ok: false, problem: { path: filePath, messageId: 'file.unreadable', detail: String(error) } };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: { path: filePath, messageId: 'file.notText' } };
  }
}
