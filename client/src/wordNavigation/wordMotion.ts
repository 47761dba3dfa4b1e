/**
 * Word motions over segmentation tokens: where Ctrl+←/→ go, what Ctrl+Backspace/Delete remove and
 * which word "expand selection" picks. Pure (no `vscode` import), so vitest can check it.
 *
 * The rules are VS Code's own (src/vs/editor/common/cursor/cursorWordOperations.ts: `cursorWordLeft`
 * is WordStartFast, `cursorWordEndRight` is WordEnd, deletes use WordStart / WordEnd with the
 * whitespace heuristics); only the words differ: a run of Chinese is cut where the segmenter cut
 * it, instead of being one word from punctuation to punctuation. Offsets are UTF-16 code units.
 */

/** Half-open `[start, end)` offsets into one line. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A stop for the cursor: a segmentation token with text in it, or a run of punctuation. */
export interface Word extends Span {
  readonly kind: 'regular' | 'separator';
}

export interface Pos {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: Pos;
  readonly end: Pos;
}

/** The lines a motion may look at: the cursor's, and the one before or after at a line edge. */
export interface LineSource {
  readonly lineCount: number;
  text(line: number): string;
  words(line: number): readonly Word[];
}

type CharKind = 'regular' | 'separator' | 'blank';

const BLANK = /^\s$/u; // includes the ideographic space U+3000 used to indent Chinese paragraphs
const SEPARATOR = /^[\p{P}\p{S}]$/u;

export function charKind(char: string): CharKind {
  if (BLANK.test(char)) return 'blank';
  return SEPARATOR.test(char) ? 'separator' : 'regular';
}

/**
 * The words of a line from its tokens. A token with any letter, digit or Han character in it is one
 * regular word (so `5.2` and `COVID-19` stay whole when the segmenter kept them whole); a token of
 * punctuation is a separator, and neighbouring separators merge (`。”` is one stop, as in VS Code).
 * Blanks are never words. Text no valid token covers is split by character class only.
 */
export function wordsOf(text: string, tokens: readonly Span[]): Word[] {
  const pieces: { span: Span; token: boolean }[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start < at || token.end <= token.start || token.end > text.length) continue;
    if (splitsSurrogatePair(text, token.start) || splitsSurrogatePair(text, token.end)) continue;
    if (token.start > at) pieces.push({ span: { start: at, end: token.start }, token: false });
    pieces.push({ span: token, token: true });
    at = token.end;
  }
  if (at < text.length) pieces.push({ span: { start: at, end: text.length }, token: false });

  const words: Word[] = [];
  const push = (word: Word) => {
    const last = words[words.length - 1];
    if (word.kind === 'separator' && last?.kind === 'separator' && last.end === word.start) words[words.length - 1] = { ...last, end: word.end };
    else words.push(word);
  };
  for (const { span, token } of pieces) {
    const runs = classRuns(text, span);
    if (token && runs.every((run) => run.kind !== 'blank')) {
      push({ start: span.start, end: span.end, kind: runs.some((run) => run.kind === 'regular') ? 'regular' : 'separator' });
      continue;
    }
    for (const run of runs) if (run.kind !== 'blank') push({ start: run.start, end: run.end, kind: run.kind });
  }
  return words;
}

/** Ctrl+← (`cursorWordLeft`): to the start of the word before the cursor; from column 0, into the line above. */
export function wordLeft(lines: LineSource, pos: Pos): Pos {
  let { line, character } = pos;
  if (character === 0 && line > 0) {
    line--;
    character = lines.text(line).length;
  }
  const words = lines.words(line);
  let i = lastStartingBefore(words, character);
  // A lone punctuation mark right after text is passed over: 发展，|推动 → |发展，推动
  if (i >= 0 && isLoneSeparator(lines.text(line), words[i]) && regularBefore(words, i)) i--;
  return { line, character: i >= 0 ? words[i].start : 0 };
}

/** Ctrl+→ (`cursorWordEndRight`): to the end of the next word; from the line end, into the line below. */
export function wordRight(lines: LineSource, pos: Pos): Pos {
  let { line, character } = pos;
  if (character === lines.text(line).length && line < lines.lineCount - 1) {
    line++;
    character = 0;
  }
  const words = lines.words(line);
  let i = firstEndingAfter(words, character);
  // A lone punctuation mark right before text is passed over: 发展|，推动 → 发展，推动|
  if (i >= 0 && isLoneSeparator(lines.text(line), words[i]) && regularAfter(words, i)) i++;
  return { line, character: i >= 0 ? words[i].end : lines.text(line).length };
}

/** Ctrl+Backspace (`deleteWordLeft`) at an empty selection; undefined at the start of the document. */
export function deleteWordLeftRange(lines: LineSource, pos: Pos): TextRange | undefined {
  const { line, character } = pos;
  if (line === 0 && character === 0) return undefined;
  const text = lines.text(line);
  // Two or more blanks before the cursor: only they go.
  let blank = character;
  while (blank > 0 && isBlank(text, blank - 1)) blank--;
  if (blank + 1 < character) return { start: { line, character: blank }, end: pos };
  const words = lines.words(line);
  const i = lastStartingBefore(words, character);
  if (i >= 0) return { start: { line, character: words[i].start }, end: pos };
  if (character > 0) return { start: { line, character: 0 }, end: pos };
  return { start: { line: line - 1, character: lines.text(line - 1).length }, end: pos };
}

/** Ctrl+Delete (`deleteWordRight`) at an empty selection; undefined at the end of the document. */
export function deleteWordRightRange(lines: LineSource, pos: Pos): TextRange | undefined {
  const { line, character } = pos;
  const text = lines.text(line);
  const lastLine = line === lines.lineCount - 1;
  if (lastLine && character === text.length) return undefined;
  let blank = character;
  while (blank < text.length && isBlank(text, blank)) blank++;
  if (character + 1 < blank) return { start: pos, end: { line, character: blank } };
  const words = lines.words(line);
  const i = firstEndingAfter(words, character);
  if (i >= 0) return { start: pos, end: { line, character: words[i].end } };
  if (character < text.length || lastLine) return { start: pos, end: { line, character: text.length } };
  // At the end of a line: the line break and the blanks that start the next line.
  const first = lines.words(line + 1)[0];
  return { start: pos, end: { line: line + 1, character: first ? first.start : lines.text(line + 1).length } };
}

/**
 * The word an empty selection at `character` touches, as double-click picks it in VS Code: the word
 * ending or continuing at the cursor first, else the one starting there. Punctuation is never a word here.
 */
export function wordAt(words: readonly Word[], character: number): Word | undefined {
  const before = words[lastStartingBefore(words, character)];
  if (before?.kind === 'regular' && before.end >= character) return before;
  const after = words[firstEndingAfter(words, character)];
  if (after?.kind === 'regular' && after.start <= character) return after;
  return undefined;
}

/**
 * "Expand selection to word": an empty selection becomes the word it touches; a selection whose ends
 * lie inside words grows to those words' edges. Returns the same range when nothing grows (the
 * caller then hands over to VS Code's smart select).
 */
export function expandToWords(lines: LineSource, range: TextRange): TextRange {
  const { start, end } = range;
  if (start.line === end.line && start.character === end.character) {
    const word = wordAt(lines.words(start.line), start.character);
    return word ? { start: { line: start.line, character: word.start }, end: { line: start.line, character: word.end } } : range;
  }
  const around = (pos: Pos) => lines.words(pos.line).find((w) => w.start < pos.character && pos.character < w.end);
  const first = around(start);
  const last = around(end);
  return {
    start: first ? { line: start.line, character: first.start } : start,
    end: last ? { line: end.line, character: last.end } : end,
  };
}

export function samePos(a: Pos, b: Pos): boolean {
  return a.line === b.line && a.character === b.character;
}

/** A LineSource over plain lines and a function giving each line's tokens (for tests and the fallback). */
export function lineSource(lineTexts: readonly string[], tokensOf: (text: string, line: number) => readonly Span[]): LineSource {
  const cache = new Map<number, readonly Word[]>();
  return {
    lineCount: lineTexts.length,
    text: (line) => lineTexts[line] ?? '',
    words(line) {
      let words = cache.get(line);
      if (!words) cache.set(line, (words = wordsOf(lineTexts[line] ?? '', tokensOf(lineTexts[line] ?? '', line))));
      return words;
    },
  };
}

function lastStartingBefore(words: readonly Word[], character: number): number {
  let i = words.length - 1;
  while (i >= 0 && words[i].start >= character) i--;
  return i;
}

function firstEndingAfter(words: readonly Word[], character: number): number {
  return words.findIndex((w) => w.end > character);
}

function isLoneSeparator(text: string, word: Word): boolean {
  return word.kind === 'separator' && [...text.slice(word.start, word.end)].length === 1;
}

function regularBefore(words: readonly Word[], i: number): boolean {
  return i > 0 && words[i - 1].kind === 'regular' && words[i - 1].end === words[i].start;
}

function regularAfter(words: readonly Word[], i: number): boolean {
  return i + 1 < words.length && words[i + 1].kind === 'regular' && words[i + 1].start === words[i].end;
}

function isBlank(text: string, i: number): boolean {
  return BLANK.test(text[i]);
}

/** Runs of one character class inside `span`, by code point. */
function classRuns(text: string, span: Span): { start: number; end: number; kind: CharKind }[] {
  const runs: { start: number; end: number; kind: CharKind }[] = [];
  let i = span.start;
  while (i < span.end) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    const kind = charKind(char);
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.end = i + char.length;
    else runs.push({ start: i, end: i + char.length, kind });
    i += char.length;
  }
  return runs;
}

function splitsSurrogatePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
