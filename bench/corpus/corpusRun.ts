import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../../server/src/adapters/encoding';
import { checkText, createCheckEngine } from '../../server/src/cli/engine';
import { expandPatterns } from '../../server/src/cli/glob';
import { RULES } from '../../server/src/core/rules/registry';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { findingMessage } from '../../server/src/engine/l10n';
import { parseSettings } from '../../server/src/engine/settings';

/** One finding of a corpus run, keyed as the labels are (file, line, code, phrase). */
export interface CorpusFinding {
  /** Path under the corpus root (see `corpusRoot`), with `/`: `national/gwr-2017.txt`. */
  readonly file: string;
  /** 1-based line of the finding's start. */
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly messageId: string;
  readonly severity: string;
  /** The text of the finding's span, first 40 characters, tabs and line breaks as spaces. */
  readonly phrase: string;
  readonly message: string;
  /** The line around the finding, the span in 【】. */
  readonly context: string;
}

export interface CorpusFile {
  readonly file: string;
  readonly characters: number;
}

export interface CorpusRun {
  readonly folder: string;
  readonly files: readonly CorpusFile[];
  readonly findings: readonly CorpusFinding[];
  readonly milliseconds: number;
}

const PHRASE_LENGTH = 40;
const CONTEXT = 30;

/**
 * The folder file names are relative to: the nearest folder named `corpus` at or
 * above `folder` (so a run on `corpus/national` names `national/gwr-2017.txt`, as
 * the labels do), else `folder` itself.
 */
export function corpusRoot(folder: string): string {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'corpus') return dir;
    if (path.dirname(dir) === dir) return path.resolve(folder);
  }
}

/** The label and diff key of a span's text: what a TSV cell can hold. */
export function phraseOf(text: string): string {
  return text.slice(0, PHRASE_LENGTH).replace(/[\t\r\n]/g, ' ');
}

/**
 * Runs every rule at its default settings over the `.txt`/`.md` files below
 * `folder` (or the given files, relative to it) with the command line's engine:
 * the same segmenter, glossary, built-in references and rules as `policy-lens check`.
 */
export async function runCorpus(folder: string, options: { files?: readonly string[]; warn?: (message: string) => void } = {}): Promise<CorpusRun> {
  const started = performance.now();
  const warn = options.warn ?? (() => undefined);
  const { settings } = parseSettings({}, RULES);
  const engine = createCheckEngine(settings, folder, [], warn, 'en');
  try {
    return await checkAll(engine, folder, options.files, warn, started);
  } finally {
    engine.dispose();
  }
}

async function checkAll(engine: ReturnType<typeof createCheckEngine>, folder: string, only: readonly string[] | undefined, warn: (message: string) => void, started: number): Promise<CorpusRun> {
  // A corpus's README describes it; it is not one of its documents.
  const names = only ?? expandPatterns(['.'], folder).files.filter((f) => path.basename(f).toLowerCase() !== 'readme.md');
  const files: CorpusFile[] = [];
  const findings: CorpusFinding[] = [];
  for (const name of names) {
    const full = path.resolve(folder, name);
    const decoded = decodeText(fs.readFileSync(full), 'auto');
    if (!decoded) {
      warn(`${name}: not UTF-8 or GB18030 text`);
      continue;
    }
    const file = path.relative(corpusRoot(folder), full).split(path.sep).join('/');
    const text = decoded.text;
    files.push({ file, characters: text.length });
    const lines = new LineIndex(text);
    for (const finding of await checkText(engine, text, full)) {
      const { line, character } = lines.positionAt(finding.span.start);
      const lineStart = lines.lineStart(line);
      const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
      const spanEnd = Math.min(finding.span.end, lineEnd);
      const before = text.slice(Math.max(lineStart, finding.span.start - CONTEXT), finding.span.start);
      const after = text.slice(spanEnd, Math.min(lineEnd, spanEnd + CONTEXT)).replace(/\r?\n$/, '');
      findings.push({
        file,
        line: line + 1,
        column: character + 1,
        code: finding.code,
        messageId: finding.messageId,
        severity: finding.severity,
        phrase: phraseOf(text.slice(finding.span.start, finding.span.end)),
        message: findingMessage(finding, 'zh'),
        context: `${before}【${text.slice(finding.span.start, spanEnd)}】${after}`.replace(/[\t\r\n]/g, ' '),
      });
    }
  }
  return { folder, files, findings, milliseconds: performance.now() - started };
}

/** The identity of a finding across runs and in the labels. */
export function findingKey(f: { file: string; line: number; code: string; phrase: string }): string {
  return `${f.file}\t${f.line}\t${f.code}\t${f.phrase}`;
}
