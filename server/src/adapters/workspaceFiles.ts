import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);
const POLICY_FILE = /\.policy\.(txt|md)$/i;

/**
 * Policy documents under `root` (`*.policy.txt`, `*.policy.md`), skipping
 * dependency and VCS folders and symbolic links. Bounded, so a huge tree cannot stall the server.
 */
export async function findPolicyFiles(root: string, limit = 5000): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < limit) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) pending.push(path.join(dir, entry.name));
      else if (entry.isFile() && POLICY_FILE.test(entry.name)) found.push(path.join(dir, entry.name));
    }
  }
  return found.sort().slice(0, limit);
}

export function isPolicyFile(file: string): boolean {
  return POLICY_FILE.test(file);
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
