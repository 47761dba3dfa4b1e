import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

/** The project's copy of the corpus (never ../shared). */
export const CORPUS = path.join(__dirname, '../fixtures/corpus');

/** Every `.txt` file under `dir`, in its subfolders too, sorted by path. */
export function corpusTextFiles(dir: string = CORPUS): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? corpusTextFiles(path.join(dir, entry.name)) : entry.name.endsWith('.txt') ? [path.join(dir, entry.name)] : []))
    .sort();
}

/** The three seed documents and the national reports: what the exactness tests run over. */
export const SEED_AND_NATIONAL_FILES: readonly string[] = [
  ...['002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt', '000_a487f46611498c32.txt'].map((f) => path.join(__dirname, '../fixtures', f)),
  ...corpusTextFiles(path.join(CORPUS, 'national')),
];

/** The non-empty paragraph texts of SEED_AND_NATIONAL_FILES. */
export function seedAndNationalParagraphs(): string[] {
  return SEED_AND_NATIONAL_FILES.flatMap((file) => splitParagraphs(fs.readFileSync(file, 'utf8')))
    .map((p) => p.text)
    .filter((text) => text.length > 0);
}
