import * as fs from 'node:fs';
import { walkFiles } from './walk';

const POLICY_FILE = /\.policy\.(txt|md)$/i;

/**
 * Policy documents under `root` (`*.policy.txt`, `*.policy.md`), by the shared
 * walker's rules. Bounded, so a huge tree cannot stall the server.
 */
export async function findPolicyFiles(root: string, limit = 5000): Promise<string[]> {
  return walkFiles(root, (name) => POLICY_FILE.test(name), limit);
}


/** Reads a workspace document as UTF-8; undefined when it is unreadable or over `maxBytes`. */
export async function readWorkspaceDocument(file: string, maxBytes: number): Promise<string | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
