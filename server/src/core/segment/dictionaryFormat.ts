/** One entry of a segmentation dictionary: `word [freq] [tag]`. */
export interface DictionaryEntry {
  readonly word: string;
  readonly freq: number;
  readonly tag: string;
}

export interface DictionaryProblem {
  /** Zero-based line. */
  readonly line: number;
  readonly messageId: 'dictionary.badFrequency' | 'dictionary.tooManyFields' | 'dictionary.wordTooLong' | 'dictionary.badTag';
  readonly text: string;
}

export interface ParsedDictionary {
  readonly entries: readonly DictionaryEntry[];
  readonly problems: readonly DictionaryProblem[];
}

/** Frequency given to user words without one: high enough to beat jieba's own splits. */
export const DEFAULT_USER_FREQUENCY = 30000;
const MAX_WORD_LENGTH = 32;

/**
 * Parses a jieba user dictionary (`word freq tag`, `word tag` or `word`, one
 * per line; `#` starts a comment line). cppjieba aborts the whole process on
 * some malformed lines, so every entry handed to it comes through here.
 */
export function parseDictionary(text: string): ParsedDictionary {
  const entries: DictionaryEntry[] = [];
  const problems: DictionaryProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/[ \t\u3000]+/);
    if (fields.length > 3) {
      problems.push({ line, messageId: 'dictionary.tooManyFields', text: trimmed });
      return;
    }
    const [word] = fields;
    if ([...word].length > MAX_WORD_LENGTH || /[\0\uFFFD]/.test(word)) {
      problems.push({ line, messageId: 'dictionary.wordTooLong', text: trimmed });
      return;
    }
    let freq = DEFAULT_USER_FREQUENCY;
    let tag = 'n';
    if (fields.length === 3) {
      freq = Number(fields[1]);
      tag = fields[2];
      if (!Number.isInteger(freq) || freq < 1 || freq > 1e9) {
        problems.push({ line, messageId: 'dictionary.badFrequency', text: trimmed });
        return;
      }
    } else if (fields.length === 2) {
      if (/^\d+$/.test(fields[1])) freq = Number(fields[1]);
      else tag = fields[1];
    }
    if (!/^[A-Za-z]{1,8}$/.test(tag)) {
      problems.push({ line, messageId: 'dictionary.badTag', text: trimmed });
      return;
    }
    entries.push({ word, freq: Math.max(1, freq), tag });
  });
  return { entries, problems };
}

/** Writes entries back in the strict three-field form cppjieba reads safely. */
export function formatDictionary(entries: readonly DictionaryEntry[]): string {
  return entries.map((e) => `${e.word} ${e.freq} ${e.tag}`).join('\n') + '\n';
}
