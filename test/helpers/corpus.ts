import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project's copy of the corpus (never ../shared). */
export const CORPUS = path.join(__dirname, '../fixtures/corpus');

/** Every `.txt` file under `dir`, in its subfolders too, sorted by path. */
export function corpusTextFiles(dir: string = CORPUS): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? corpusTextFiles(path.join(dir, entry.name)) : entry.name.endsWith('.txt') ? [path.join(dir, entry.name)] : []))
    .sort();
}
