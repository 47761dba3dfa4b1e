/**
 * Checks that a user-facing string is written in one language with that language's
 * punctuation and grammar: English without `time(s)`, `1 warnings` or a full-width colon
 * after an English word; Chinese without half-width punctuation next to Chinese
 * characters, without `...`, and without English words other than technical names.
 * Chinese examples inside English text (`Show 一是/一要 and —— lead items`) and code,
 * setting keys and file names inside Chinese text are allowed.
 */

export type Language = 'en' | 'zh';

const HAN = /\p{Script=Han}/u;
/** Full-width sentence punctuation: in English text only inside a Chinese example. */
const FULL_WIDTH_SENTENCE = /[：，。；！？]/gu;
/** Technical names a Chinese string may carry as they are. */
const TECHNICAL = new Set([
  'jieba', 'nodejieba', 'wasm', 'WebAssembly', 'JSON', 'UTF', 'GB', 'GBK', 'GB18030', 'Markdown', 'PDF', 'Word', 'CSV', 'Excel', 'Ctrl', 'Shift', 'Alt', 'Backspace', 'Delete', 'macOS', 'Cmd',
  'kind', 'term', 'slogan', 'terms', 'docs', 'glossary', 'md', 'txt', 'json', 'policy', 'VS', 'Code', 'LSP', 'CLI', 'Intl', 'Segmenter',
]);

/** `{name}`, `{0}` and `{name|one|other}` placeholders, with the count each stands for when rendered for `1`. */
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** The problems of one string in the given language (empty when it is fine). */
export function languageProblems(text: string, language: Language): string[] {
  return language === 'en' ? englishProblems(text) : chineseProblems(text);
}

function englishProblems(text: string): string[] {
  const problems: string[] = [];
  if (/\w\(s\)/.test(text)) problems.push('"(s)" plural');
  for (const match of text.matchAll(FULL_WIDTH_SENTENCE)) {
    // `Not：`, `{count}：` — a full-width mark right after English; inside a Chinese example
    // (`因地制宜，发展`, `(，，  。，)`) it is the example itself.
    const before = text[match.index - 1];
    if (before !== undefined && /[A-Za-z0-9}]/.test(before)) problems.push(`full-width "${match[0]}" after "${before}"`);
  }
  // Rendered with every number 1, an English noun must be singular.
  const one = text.replace(PLACEHOLDER, (_whole, _name: string, singular?: string) => (singular === undefined ? '1' : `1 ${singular}`));
  for (const match of one.matchAll(/(?<![\d.,])\b1 ([a-z]{3,}s)\b/g)) if (!SINGULAR_S.has(match[1])) problems.push(`"1 ${match[1]}" (plural on one)`);
  const words = stripCode(text).replace(PLACEHOLDER, ' ').match(/[A-Za-z]{3,}/g) ?? [];
  if (HAN.test(stripCode(text)) && words.length === 0) problems.push('Chinese text without English');
  return problems;
}

/** Nouns ending in s that are singular (`1 process`). */
const SINGULAR_S = new Set(['process', 'class', 'status', 'analysis', 'ms', 'follows', 'reads', 'appears', 'differs', 'occurs', 'means', 'stands', 'needs', 'contains', 'exists', 'closes', 'opens']);

function chineseProblems(text: string): string[] {
  const problems: string[] = [];
  const plain = stripCode(text);
  const isChinese = (c: string | undefined) => c !== undefined && (HAN.test(c) || /[\u3000-\u303f\uff01-\uff5e“”‘’《》…—]/u.test(c));
  for (const match of plain.matchAll(/[,;:!?()]/g)) {
    const before = previousChar(plain, match.index);
    const after = plain[match.index + 1];
    const c = match[0];
    const bad = c === '(' ? isChinese(after) || isChinese(before) : c === ')' ? isChinese(before) || isChinese(after) : isChinese(before);
    if (bad) problems.push(`half-width "${c}" next to Chinese`);
  }
  for (const match of plain.matchAll(/\./g)) {
    const before = previousChar(plain, match.index);
    const after = plain[match.index + 1];
    if (isChinese(before) && (after === undefined || after === ' ' || isChinese(after))) problems.push('half-width "." after Chinese');
  }
  // An ellipsis right before 、 or ） is a cited example (`写法不规范（。。。、...、单个…）`), not the text's own.
  if (/\.\.\.(?![、）])/.test(plain)) problems.push('"..." (Chinese uses ……)');
  if (/(?<!…)…(?![…、）])/u.test(plain)) problems.push('single "…" (Chinese uses ……)');
  for (const word of plain.replace(PLACEHOLDER, ' ').match(/[A-Za-z]{3,}/g) ?? []) {
    if (!TECHNICAL.has(word)) problems.push(`English word "${word}"`);
  }
  if (!HAN.test(text) && /[A-Za-z]{3,}/.test(plain.replace(PLACEHOLDER, ' '))) problems.push('untranslated');
  return problems;
}

/** The text without `code`, "quoted literals", “setting names in Chinese quotes” made only of ASCII, and URLs. */
function stripCode(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[\x20-\x7e]*?"/g, ' ')
    .replace(/“[\x20-\x7e]+”/g, '“”')
    .replace(/\[[^\]]*\]\((?:command|https?):[^)]*\)/g, (link) => link.slice(0, link.indexOf('](') + 1))
    .replace(/\b[\w.-]+\/[\w./-]+\b/g, ' ')
    .replace(/\bpolicyLens\.[\w.]+/g, ' ');
}

function previousChar(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (text[i] !== ' ') return text[i];
  return undefined;
}
