import type { GlossaryEntry } from '../core/terms/glossary';
import { validateGlossary } from '../core/terms/glossaryValidation';
import { parseGlossaryText } from '../engine/glossaryFile';
import type { UserGlossaryResult } from '../engine/host';
import { dataPath } from './resources';
import { readUserTextFile } from './textFiles';

/** User glossaries larger than this are refused. */
export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;

/** The built-in glossary shipped in data/glossary.json. Empty (with a logged problem) if it cannot be read. */
export function loadBuiltinGlossary(): { entries: GlossaryEntry[]; problem?: string } {
  const read = readUserTextFile(dataPath('glossary.json'), 50 * 1024 * 1024);
  if (!read.ok) return { entries: [], problem: `${read.problem.messageId}: ${read.problem.path}` };
  try {
    const { entries, problems } = validateGlossary(JSON.parse(read.text), 'builtin');
    return { entries, problem: problems.length > 0 ? `${problems.length} invalid entries in the built-in glossary` : undefined };
  } catch (error) {
    return { entries: [], problem: String(error) };
  }
}


/** Reads and checks a user glossary file. `text` overrides the file (the editor's unsaved buffer). */
export function loadUserGlossary(filePath: string, origin: string, text?: string): UserGlossaryResult {
  let source = text;
  if (source === undefined) {
    const read = readUserTextFile(filePath, MAX_GLOSSARY_BYTES);
    if (!read.ok) return read;
    source = read.text;
  }
  return { ok: true, text: source, ...parseGlossaryText(source, origin) };
}
