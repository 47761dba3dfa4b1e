import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReferenceIndex, type ReferenceText } from '../core/quotes/referenceIndex';
import { decodeText } from './encoding';
import { walkFiles } from './walk';
import { dataPath } from './resources';
import type { FileProblem, ReferenceLibrary as ReferenceLibraryShape } from '../engine/host';

/** A reference file larger than this is refused. */
export const MAX_REFERENCE_BYTES = 20 * 1024 * 1024;
/** All references together are capped too: the index keeps every sentence in memory. */
export const MAX_TOTAL_REFERENCE_BYTES = 100 * 1024 * 1024;
/** Files a folder of references may hold. */
const REFERENCE_FILE = /\.(txt|md)$/i;
const MAX_FILES_PER_FOLDER = 2000;

export interface LoadedReferences {
  readonly texts: ReferenceText[];
  readonly problems: FileProblem[];
}

/** The built-in reference texts shipped in data/references/ (see core/quotes/builtins.ts). */
export function loadBuiltinReferences(): LoadedReferences {
  return loadReferences([dataPath('references')]);
}

/**
 * Reads reference texts from files and folders (a folder contributes its
 * `*.txt` and `*.md` files, sorted, sub-folders included). Each file is UTF-8
 * or GB18030 text; its name without extension names it in messages. Missing
 * or unreadable paths are reported and skipped; a file listed twice is read once.
 */
export function loadReferences(paths: readonly string[]): LoadedReferences {
  const texts: ReferenceText[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const file of paths.flatMap((p) => expand(p, problems))) {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    const read = readReference(resolved);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    total += read.bytes;
    if (total > MAX_TOTAL_REFERENCE_BYTES) {
      problems.push({ path: resolved, messageId: 'file.tooLarge', detail: `${total} > ${MAX_TOTAL_REFERENCE_BYTES}` });
      break;
    }
    texts.push({ name: referenceName(resolved), text: read.text, origin: resolved });
  }
  return { texts, problems };
}

/** Builds the index of the built-in references plus the user's. */
export function buildReferenceIndex(texts: readonly ReferenceText[]): ReferenceIndex {
  return new ReferenceIndex(texts);
}

/**
 * The reference texts in force — the built-in ones (read once) plus the
 * user's files and folders — and their index, rebuilt only when the content
 * changed. Shared by the language server and the command line.
 */
export class ReferenceLibrary implements ReferenceLibraryShape {
  readonly #builtin: LoadedReferences;
  #index: ReferenceIndex;
  #origins = new Set<string>();
  /** Indexes without one reference, for checking that reference's own file against the others. */
  #without = new Map<string, ReferenceIndex>();

  constructor(builtin: LoadedReferences = loadBuiltinReferences()) {
    this.#builtin = builtin;
    this.#index = buildReferenceIndex(builtin.texts);
    this.#origins = originsOf(builtin.texts);
  }

  get index(): ReferenceIndex {
    return this.#index;
  }

  /** Problems reading the built-in references (a broken installation). */
  get builtinProblems(): readonly FileProblem[] {
    return this.#builtin.problems;
  }

  /**
   * Re-reads the user's references and applies the choice of built-in ones
   * (by name; all when undefined); true when the index changed.
   */
  reload(userPaths: readonly string[], builtins?: readonly string[]): { changed: boolean; problems: FileProblem[] } {
    const user = loadReferences(userPaths);
    const chosen = this.#builtin.texts.filter((t) => builtins === undefined || builtins.includes(t.name));
    const texts = [...chosen, ...user.texts.filter((t) => !this.#builtin.texts.some((b) => b.origin === t.origin))];
    this.#origins = originsOf(texts);
    // Building is the costly part (≈ 0.5 s per MB of reference text): only when the content changed.
    if (ReferenceIndex.idOf(texts) === this.#index.id) return { changed: false, problems: user.problems };
    this.#index = buildReferenceIndex(texts);
    this.#without.clear();
    return { changed: true, problems: user.problems };
  }

  /** True for a file that is itself a reference text: it is not checked against itself. */
  isReference(file: string): boolean {
    return this.#origins.has(path.resolve(file));
  }

  /** The references a file is checked against: all of them, or for a reference text itself all the others. */
  indexFor(file: string | undefined): ReferenceIndex {
    const resolved = file === undefined ? undefined : path.resolve(file);
    if (resolved === undefined || !this.#origins.has(resolved)) return this.#index;
    let index = this.#without.get(resolved);
    if (!index) {
      index = buildReferenceIndex(this.#index.sources.filter((t) => t.origin !== resolved));
      this.#without.set(resolved, index);
    }
    return index;
  }
}

function originsOf(texts: readonly ReferenceText[]): Set<string> {
  return new Set(texts.flatMap((t) => (t.origin ? [t.origin] : [])));
}

/** `…/2024政府工作报告.txt` → `2024政府工作报告`. */
export function referenceName(file: string): string {
  return path.basename(file).replace(/(\.policy)?\.(txt|md)$/i, '');
}

function expand(entry: string, problems: FileProblem[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    problems.push({ path: entry, messageId: 'file.missing' });
    return [];
  }
  if (stat.isFile()) return [entry];
  if (!stat.isDirectory()) {
    problems.push({ path: entry, messageId: 'file.notAFile' });
    return [];
  }
  return walkFiles(entry, (name) => REFERENCE_FILE.test(name), MAX_FILES_PER_FOLDER, (dir, error) =>
    problems.push({ path: dir, messageId: 'file.unreadable', detail: String(error) }),
  );
}

type ReadReference = { ok: true; text: string; bytes: number } | { ok: false; problem: FileProblem };

function readReference(file: string): ReadReference {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_REFERENCE_BYTES) return { ok: false, problem: { path: file, messageId: 'file.tooLarge', detail: `${stat.size} > ${MAX_REFERENCE_BYTES}` } };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, problem: { path: file, messageId: 'file.unreadable', detail: String(error) } };
  }
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, problem: { path: file, messageId: 'reference.notText' } };
  return { ok: true, text: decoded.text, bytes: bytes.length };
}
