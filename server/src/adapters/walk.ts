import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never searched: dependencies, version control, build output; hidden folders are skipped too. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** The most files one walk returns: a huge tree must not stall the server or the command line. */
export const MAX_WALKED_FILES = 100_000;

/**
 * The files below `root` whose names `accept` takes, sorted — one walker for
 * the workspace index, reference folders and the command line, so they agree
 * on what a folder holds. Symbolic links are not followed; unreadable folders
 * are reported through `onError` and skipped.
 */
export function walkFiles(root: string, accept: (name: string) => boolean, limit = MAX_WALKED_FILES, onError?: (dir: string, error: unknown) => void): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0 && files.length < limit) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onError?.(dir, error);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) pending.push(full);
      } else if (entry.isFile() && accept(entry.name)) {
        files.push(full);
      }
    }
  }
  return files.sort().slice(0, limit);
}
