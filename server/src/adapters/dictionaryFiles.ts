import { parseDictionary, type DictionaryEntry } from '../core/segment/dictionaryFormat';
import { dataPath } from './resources';
import { readUserTextFile, type FileProblem } from './textFiles';

/** User dictionaries larger than this are refused rather than loaded into jieba. */
export const MAX_DICTIONARY_BYTES = 10 * 1024 * 1024;

export interface DictionaryEntries {
  /** The built-in policy dictionary first, then each user dictionary in order. */
  readonly entries: readonly DictionaryEntry[];
  readonly userWords: number;
  readonly problems: readonly FileProblem[];
}

/** Reads and checks data/policy.dict.utf8 and the user's dictionaries (for either jieba). */
export function readDictionaryEntries(userDictionaryPaths: readonly string[]): DictionaryEntries {
  const problems: FileProblem[] = [];
  const entries: DictionaryEntry[] = [];
  const builtin = readUserTextFile(dataPath('policy.dict.utf8'), MAX_DICTIONARY_BYTES);
  if (builtin.ok) entries.push(...parseDictionary(builtin.text).entries);
  else problems.push(builtin.problem);
  let userWords = 0;
  for (const file of userDictionaryPaths) {
    const read = readUserTextFile(file, MAX_DICTIONARY_BYTES);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseDictionary(read.text);
    entries.push(...parsed.entries);
    userWords += parsed.entries.length;
    for (const p of parsed.problems) problems.push({ path: file, messageId: p.messageId, line: p.line, detail: p.text });
  }
  return { entries, userWords, problems };
}
