/**
 * Property-based fuzzing of the bundled language server over stdio (issue 7).
 *
 * One long-lived server serves many sequences; each sequence uses fresh URIs, so
 * nothing carries over but caches. A sequence is a list of opens, incremental
 * edits (several changes per notification, bursts without waiting), closes,
 * reopens (with the version reset to 1, as VS Code does), applied quick fixes and
 * "settle" points. The harness applies every edit to its own copy of each text and
 * checks, as messages arrive and after every step:
 *
 * - the server is alive and logs no errors;
 * - every publishDiagnostics carries a version the client sent for the current
 *   instance of the document, versions never go backwards, every range (and
 *   related range, and fix range) lies inside the text of that version, related
 *   texts and fixes agree with that text;
 * - hover, documentSymbol, codeAction (and folding, semantic tokens, completion,
 *   segment) answer, or are cancelled, within a time bound, with ranges inside the
 *   current text;
 * - every code action's edits lie inside the document, do not overlap, change only
 *   what they claim (a half-width comma becomes a full-width one, a fix of a
 *   diagnostic stays inside its range), and leave well-formed UTF-16 well-formed;
 * - when the server is idle, the last publish of every open document is for its
 *   latest version and equals what a fresh document with the same text gets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';

// ---------------------------------------------------------------------------
// Input material

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const CORPUS_TEXT = fs.readFileSync(path.join(repoRoot(), 'test/fixtures/002_8dfe99efc033ddf8.txt'), 'utf8');
/** Non-empty paragraphs of the 2024 compilation (reports, laws, headings of every level). */
export const CORPUS = CORPUS_TEXT.split('\n').filter((line) => line.trim().length > 0);

/** Text that editors, PDF copies and users produce, and text that breaks naive code. */
export const HOSTILE = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800', '\uD83D', // lone and reversed surrogates
  '𠀀', '𠀀𠀁𪚥', '👍🏽', '👨‍👩‍👧‍👦', '🇨🇳', '⿰氵每', // Extension B, emoji with modifiers and ZWJ, flags, IDS
  'e\u0301', '\u0301', '\u20DD', '中\u0300\u0301', // combining marks, also at the start of a line
  '\r\n', '\r', '\n', '\n\n', '\r\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C',
  '\0', '\u0001', '\u001b[31m', '\u007f', '\uFEFF', '\uFFFD', '\uFFFF', '\u200B', '\u200D', '\u202E',
  '\u3000', ' ', '\t', '  ', ',', ';', ':', '(', ')', '?', '!', '“', '”', '%', '％', '。', '！', '？', '……', '——',
  '一、', '二、', '四、', '十一、', '（一）', '（三）', '(二)', '1.', '3.', '（1）', '（4）', '①', '③', '第一章 ', '第三条 ', '第一编', '第五节',
  '# ', '## 标题', '因 地 制 宜', '高 质 量', '5 %', '2024 年', '高质量发展', '新质生产力', '两个毫不动摇', '新质生产率',
  '（以下简称“新法”）', '“新法”', '是指', '本法所称', 'Content-Length: 5\r\n\r\n{}', '{"jsonrpc":"2.0","id":1}', '\\', '"', '\u0000\u0000',
];

const BIG_LINE = (() => {
  let line = CORPUS.join('');
  while (line.length < 1_000_000) line += line;
  return line.slice(0, 1_000_000);
})();
/** 150 000 characters of Chinese without any sentence-final punctuation. */
const NO_STOPS = CORPUS.join('').replace(/[。！？!?\s]/g, '').slice(0, 150_000);

export type Piece =
  | { readonly kind: 'paragraph'; readonly line: number }
  | { readonly kind: 'slice'; readonly line: number; readonly from: number; readonly length: number }
  | { readonly kind: 'lines'; readonly line: number; readonly count: number; readonly eol: string }
  | { readonly kind: 'repeat'; readonly line: number; readonly length: number; readonly times: number }
  | { readonly kind: 'hostile'; readonly index: number }
  | { readonly kind: 'random'; readonly text: string }
  | { readonly kind: 'big'; readonly which: 'line1MB' | 'noStops' };

export function pieceText(piece: Piece): string {
  switch (piece.kind) {
    case 'paragraph':
      return CORPUS[piece.line % CORPUS.length];
    case 'slice': {
      const text = CORPUS[piece.line % CORPUS.length];
      const from = piece.from % (text.length + 1);
      return text.slice(from, from + piece.length);
    }
    case 'lines': {
      const start = piece.line % CORPUS.length;
      return CORPUS.slice(start, start + piece.count).join(piece.eol);
    }
    case 'repeat': {
      const text = CORPUS[piece.line % CORPUS.length];
      return text.slice(0, piece.length).repeat(piece.times);
    }
    case 'hostile':
      return HOSTILE[piece.index % HOSTILE.length];
    case 'random':
      return piece.text;
    case 'big':
      return piece.which === 'line1MB' ? BIG_LINE : NO_STOPS;
  }
}

export const textOf = (pieces: readonly Piece[]) => pieces.map(pieceText).join('');

// ---------------------------------------------------------------------------
// Arbitraries

const pieceArb = (big: number): fc.Arbitrary<Piece> => {
  const weighted: fc.WeightedArbitrary<Piece>[] = [
    { weight: 3000, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), line: fc.nat() }) },
    { weight: 2000, arbitrary: fc.record({ kind: fc.constant('slice' as const), line: fc.nat(), from: fc.nat(), length: fc.integer({ min: 0, max: 40 }) }) },
    {
      weight: 600,
      arbitrary: fc.record({ kind: fc.constant('lines' as const), line: fc.nat(), count: fc.integer({ min: 2, max: 80 }), eol: fc.constantFrom('\n', '\r\n', '\r', '\n\n') }),
    },
    {
      weight: 200,
      arbitrary: fc.record({ kind: fc.constant('repeat' as const), line: fc.nat(), length: fc.integer({ min: 2, max: 12 }), times: fc.integer({ min: 2, max: 2000 }) }),
    },
    { weight: 4000, arbitrary: fc.record({ kind: fc.constant('hostile' as const), index: fc.nat() }) },
    {
      weight: 800,
      arbitrary: fc.record({
        kind: fc.constant('random' as const),
        text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ maxLength: 8 })),
      }),
    },
  ];
  if (big > 0) weighted.push({ weight: big, arbitrary: fc.record({ kind: fc.constant('big' as const), which: fc.constantFrom('line1MB' as const, 'noStops' as const) }) });
  return fc.oneof(...weighted);
};

const piecesArb = (big: number, maxLength: number) => fc.array(pieceArb(big), { maxLength });

export interface ChangeSpec {
  /** Where the change starts, as a fraction (0…1 000 000) of the text length. */
  readonly at: number;
  /** How much it removes: a few code units, a fraction of the rest, or up to the end of the line. */
  readonly remove: { readonly kind: 'units'; readonly n: number } | { readonly kind: 'fraction'; readonly n: number } | { readonly kind: 'line' };
  readonly insert: readonly Piece[];
}

export type Op =
  | { readonly op: 'open'; readonly doc: number; readonly pieces: readonly Piece[]; readonly language: 'policy' | 'plaintext' | 'markdown'; readonly resetVersion: boolean }
  | { readonly op: 'edit'; readonly doc: number; readonly changes: readonly ChangeSpec[]; readonly versionStep: number }
  | { readonly op: 'replace'; readonly doc: number; readonly pieces: readonly Piece[] }
  | { readonly op: 'burst'; readonly doc: number; readonly edits: readonly ChangeSpec[] }
  | { readonly op: 'close'; readonly doc: number }
  | { readonly op: 'fix'; readonly doc: number; readonly pick: number; readonly all: boolean }
  | { readonly op: 'settle' };

export interface Step {
  readonly op: Op;
  /** Which open document the queries after the step go to, and where in it. */
  readonly query: { readonly doc: number; readonly at: number; readonly to: number; readonly extra: number };
}

export const DOCS = 3;

const changeArb = (big: number): fc.Arbitrary<ChangeSpec> =>
  fc.record({
    at: fc.integer({ min: 0, max: 1_000_000 }),
    remove: fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('units' as const), n: fc.integer({ min: 0, max: 6 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('fraction' as const), n: fc.integer({ min: 0, max: 1_000_000 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('line' as const) }) },
    ),
    insert: piecesArb(big, 3),
  });

export const stepArb = (big: number): fc.Arbitrary<Step> => {
  const doc = fc.integer({ min: 0, max: DOCS - 1 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('open' as const), doc, pieces: piecesArb(big, 10), language: fc.constantFrom('policy' as const, 'plaintext' as const, 'markdown' as const), resetVersion: fc.boolean() }) },
    { weight: 12, arbitrary: fc.record({ op: fc.constant('edit' as const), doc, changes: fc.array(changeArb(big), { minLength: 1, maxLength: 3 }), versionStep: fc.constantFrom(1, 1, 1, 2, 7) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), doc, pieces: piecesArb(big, 6) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('burst' as const), doc, edits: fc.array(changeArb(0), { minLength: 2, maxLength: 25 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('close' as const), doc }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('fix' as const), doc, pick: fc.nat(), all: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'settle' as const }) },
  );
  return fc.record({
    op,
    query: fc.record({ doc, at: fc.integer({ min: 0, max: 1_000_000 }), to: fc.integer({ min: 0, max: 1_000_000 }), extra: fc.nat() }),
  });
};

export const sequenceArb = (big: number, maxSteps = 14) => fc.array(stepArb(big), { minLength: 1, maxLength: maxSteps });

// ---------------------------------------------------------------------------
// Text model: LSP semantics (UTF-16 units; `\r\n`, `\r` and `\n` end lines)

export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Start offset of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) starts.push(i + 1);
  }
  return starts;
}

/** Length of line `line` without its line break. */
function lineLength(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end - starts[line];
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** The offset of a position that must lie inside the text (not past a line's end), or undefined. */
export function strictOffset(text: string, starts: readonly number[], position: Position): number | undefined {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return undefined;
  if (position.line < 0 || position.line >= starts.length || position.character < 0) return undefined;
  if (position.character > lineLength(text, starts, position.line)) return undefined;
  return starts[position.line] + position.character;
}

/** Moves an offset that falls between `\r` and `\n` before the pair: no editor can put a cursor there. */
function snap(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/** Turns a change spec into an LSP content change on `text`, and the text after it. */
export function makeChange(text: string, spec: ChangeSpec): { change: { range: Range; text: string }; after: string } {
  const starts = lineStarts(text);
  const start = snap(text, Math.min(text.length, Math.floor((spec.at / 1_000_000) * (text.length + 1))));
  let end: number;
  if (spec.remove.kind === 'units') end = Math.min(text.length, start + spec.remove.n);
  else if (spec.remove.kind === 'fraction') end = start + Math.floor((spec.remove.n / 1_000_000) * (text.length - start));
  else {
    const line = positionAt(starts, start).line;
    end = starts[line] + lineLength(text, starts, line);
  }
  end = snap(text, Math.max(start, end));
  const insert = textOf(spec.insert);
  return {
    change: { range: { start: positionAt(starts, start), end: positionAt(starts, end) }, text: insert },
    after: text.slice(0, start) + insert + text.slice(end),
  };
}

// ---------------------------------------------------------------------------
// Code action checks

const FULL_WIDTH: Readonly<Record<string, string>> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '？': '?', '！': '!' };
const EOL = /[\r\n]/;

interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Checks an edit list against `text` the way an editor applies it, and returns the
 * new text. Throws when a range is outside the text, edits overlap, an edit
 * replaces text that a fix of rule `code` cannot plausibly replace (a comma that
 * becomes `，` must have been `,`), or the result is not well-formed UTF-16
 * although the original was. Without a code only the structure is checked.
 */
export function applyChecked(text: string, edits: readonly Edit[], what: string, code?: string): string {
  if (!Array.isArray(edits) || edits.length === 0) throw new Error(`${what}: empty edit list`);
  const starts = lineStarts(text);
  const spans = edits.map((edit, i) => {
    const start = strictOffset(text, starts, edit.range?.start);
    const end = strictOffset(text, starts, edit.range?.end);
    if (start === undefined || end === undefined || end < start) throw new Error(`${what}: edit ${i} range ${JSON.stringify(edit.range)} is outside the document (${starts.length} lines)`);
    if (typeof edit.newText !== 'string') throw new Error(`${what}: edit ${i} has no newText`);
    return { start, end, newText: edit.newText, i };
  });
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1], sorted[k]];
    if (b.start < a.end || (b.start === a.end && a.start === a.end && b.start === b.end)) {
      throw new Error(`${what}: edits ${a.i} and ${b.i} overlap (${a.start}-${a.end}, ${b.start}-${b.end})`);
    }
  }
  for (const span of spans) {
    const replaced = text.slice(span.start, span.end);
    const problem = implausible(replaced, span.newText, code);
    if (problem) throw new Error(`${what}: edit ${span.i} replaces ${JSON.stringify(replaced)} by ${JSON.stringify(span.newText)}: ${problem}`);
  }
  let result = '';
  let at = 0;
  for (const span of sorted) {
    result += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  result += text.slice(at);
  // The same edits applied by the editor-side library must give the same text.
  const viaLibrary = TextDocument.applyEdits(TextDocument.create('file:///x', 'policy', 1, text), edits as Edit[]);
  if (viaLibrary !== result) throw new Error(`${what}: edits apply differently in an editor`);
  if (isWellFormed(text) && !isWellFormed(result)) throw new Error(`${what}: the fix breaks a surrogate pair`);
  return result;
}

/** Rules whose fixes the harness knows; fixes of other (new) rules get only the structural checks. */
const KNOWN_FIXES = new Set(['punctuation.width', 'term.inconsistent', 'term.variant', 'outline.numbering', 'quote.mismatch']);
const MARKER = /^[（(]?(第)?[一二三四五六七八九十百千零〇两\d\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]+[）)]?[、.．章节条编]?$/;

/** Why a fix of rule `code` cannot replace `replaced` by `newText`, or undefined. */
function implausible(replaced: string, newText: string, code: string | undefined): string | undefined {
  if (code === undefined || !KNOWN_FIXES.has(code)) return undefined;
  // One fix may join lines: a heading marker broken over two (`（` / `三）…`), whose fix deletes only the break.
  const joinsMarker = code === 'outline.numbering' && MARKER.test(newText) && newText === replaced.replace(/\s+/g, '');
  if (!joinsMarker && (EOL.test(newText) || EOL.test(replaced))) return 'fixes stay inside a paragraph';
  // Renumbering rewrites every following sibling, some of which may already be right.
  if (replaced === newText) return code === 'outline.numbering' ? undefined : 'a no-op edit';
  switch (code) {
    case 'punctuation.width':
      if (FULL_WIDTH[newText] !== undefined) return replaced === FULL_WIDTH[newText] ? undefined : 'not the half-width form';
      if (newText === '') return /^[ \u3000\u00a0]+$/.test(replaced) ? undefined : 'only spaces are deleted';
      return 'neither a full-width mark nor a deletion of spaces';
    case 'term.inconsistent':
      if (newText === '“' || newText === '”') return replaced === '' ? undefined : 'quotes are inserted, not replaced';
      if (newText === '%' || newText === '％') return replaced === (newText === '%' ? '％' : '%') ? undefined : 'not the other percent sign';
      return replaced === '' || !isWellFormed(replaced) ? 'a variant is replaced by the majority form' : undefined;
    case 'term.variant':
      return replaced === '' || !isWellFormed(replaced) ? 'a wrong spelling is replaced by the term' : undefined;
    case 'outline.numbering':
      // A broken marker: joined, or its opener rebracketed alone (its rest is a marker without one).
      if (joinsMarker || (/^[（(]$/.test(replaced) && /^[（(]$/.test(newText))) return undefined;
      return MARKER.test(replaced) && MARKER.test(newText) ? undefined : 'a number marker is replaced by another';
    default:
      return undefined;
  }
}

const inside = (inner: Range, outer: Range) => compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
const compare = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

// ---------------------------------------------------------------------------
// The session: one server, many sequences

interface Instance {
  readonly texts: Map<number, string>;
  /** Highest version published so far. */
  published: number;
  last?: { version: number; diagnostics: any[] };
}

interface DocState {
  readonly uri: string;
  language: string;
  open: boolean;
  version: number;
  text: string;
  /** Every opening of the URI; publishes are attributed by the clears (close) seen before them. */
  readonly instances: Instance[];
  clears: number;
  /** Set once its sequence ended: its texts are dropped (a 10 000-sequence run would keep gigabytes). */
  retired?: boolean;
}

export interface FuzzStats {
  sequences: number;
  steps: number;
  requests: number;
  cancelled: number;
  publishes: number;
  fixesApplied: number;
  twins: number;
  /** Steps after which some open document had more than 100 000 characters. */
  bigSteps: number;
}

export class FuzzSession {
  client!: LspTestClient;
  readonly stats: FuzzStats = { sequences: 0, steps: 0, requests: 0, cancelled: 0, publishes: 0, fixesApplied: 0, twins: 0, bigSteps: 0 };
  readonly #docs = new Map<string, DocState>();
  #violations: string[] = [];
  #wake: (() => void)[] = [];
  #run = 0;
  #log: string[] = [];
  /** Set when the server was killed after a failure; the next run starts a new one. */
  #stopped = false;

  constructor(private readonly timeBoundMs = 8_000) {}

  async start(): Promise<void> {
    this.#stopped = false;
    this.client = LspTestClient.start();
    // A dead server makes writes fail; that is reported as "not alive", not as an EPIPE crash.
    this.client.child.stdin.on('error', () => undefined);
    this.client.child.stdout.on('data', () => this.#notify());
    this.client.child.on('exit', () => this.#notify());
    await this.client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
    await this.client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
    this.#drain();
  }

  get alive(): boolean {
    return !this.#stopped && this.client !== undefined && this.client.child.exitCode === null && this.client.child.signalCode === null;
  }

  async restartIfDead(): Promise<void> {
    if (this.alive) return;
    this.#docs.clear();
    await this.start();
  }

  stop(): void {
    this.#stopped = true;
    this.client?.kill();
  }

  /** Runs one sequence; throws with a description of the first violation. */
  async run(steps: readonly Step[]): Promise<void> {
    await this.restartIfDead();
    const run = this.#run++;
    this.#violations = [];
    this.#log = [];
    const docs: DocState[] = [];
    for (let d = 0; d < DOCS; d++) docs.push(this.#newDoc(run, d));
    try {
      for (const step of steps) {
        this.#log.push(describe(step.op));
        await this.#apply(docs, step.op);
        if (docs.some((d) => d.open && d.text.length > 100_000)) this.stats.bigSteps++;
        this.#check();
        await this.#query(docs, step.query);
        this.#check();
        this.stats.steps++;
      }
      await this.#settle(docs);
      await this.#compareWithTwins(docs, run);
      this.#check();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n  steps: ${this.#log.join(' → ')}`);
    } finally {
      for (const doc of docs) if (doc.open && this.alive) this.#close(doc);
      for (const [uri, doc] of this.#docs) {
        if (!uri.includes(`/r${run}/`)) continue;
        doc.retired = true;
        doc.text = '';
        for (const instance of doc.instances) {
          instance.texts.clear();
          instance.last = undefined;
        }
      }
      this.stats.sequences++;
    }
  }

  #newDoc(run: number, d: number): DocState {
    return { uri: `file:///fuzz/r${run}/d${d}.policy.txt`, language: 'policy', open: false, version: 0, text: '', instances: [], clears: 0 };
  }

  async #apply(docs: DocState[], op: Op): Promise<void> {
    if (op.op === 'settle') return this.#settle(docs);
    let doc = docs[op.doc];
    if (op.op === 'close' && !doc.open) return;
    if (op.op === 'open' || !doc.open) {
      // Anything but an open on a closed document opens it first (with empty text for edits).
      if (doc.open) this.#close(doc);
      const pieces = op.op === 'open' || op.op === 'replace' ? op.pieces : [];
      const language = op.op === 'open' ? op.language : 'policy';
      const reset = op.op === 'open' ? op.resetVersion : true;
      doc = this.#open(docs, op.doc, textOf(pieces), language, reset);
      if (op.op === 'open' || op.op === 'replace') return;
    }
    switch (op.op) {
      case 'edit': {
        let text = doc.text;
        const changes = op.changes.map((spec) => {
          const { change, after } = makeChange(text, spec);
          text = after;
          return change;
        });
        this.#change(doc, changes, text, op.versionStep);
        return;
      }
      case 'replace':
        this.#change(doc, [{ text: textOf(op.pieces) }], textOf(op.pieces), 1);
        return;
      case 'burst':
        // Rapid typing: one change per notification, none waited for.
        for (const spec of op.edits) {
          const { change, after } = makeChange(doc.text, spec);
          this.#change(doc, [change], after, 1);
        }
        return;
      case 'close':
        this.#close(doc);
        return;
      case 'fix':
        return this.#applyFix(doc, op.pick, op.all);
    }
  }

  #open(docs: DocState[], index: number, text: string, language: string, resetVersion: boolean): DocState {
    const old = docs[index];
    const extension = language === 'markdown' ? 'md' : 'txt';
    const uri = old.uri.replace(/\.policy\.(txt|md)$/, `.policy.${extension}`);
    // A different URI is a different document; the same URI keeps its history of instances.
    const doc: DocState = uri === old.uri ? old : { ...this.#newDoc(0, 0), uri, language, instances: [], clears: 0 };
    doc.language = language;
    docs[index] = doc;
    this.#docs.set(uri, doc);
    doc.version = resetVersion || doc.version === 0 ? 1 : doc.version + 1;
    doc.text = text;
    doc.open = true;
    doc.instances.push({ texts: new Map([[doc.version, text]]), published: 0 });
    this.client.open(uri, text, language, doc.version);
    return doc;
  }

  #change(doc: DocState, contentChanges: unknown[], after: string, versionStep: number): void {
    doc.version += versionStep;
    doc.text = after;
    doc.instances.at(-1)!.texts.set(doc.version, after);
    this.client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges });
  }

  #close(doc: DocState): void {
    doc.open = false;
    this.client.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }

  /** Requests a quick fix (or fix-all) for the current diagnostics, checks and applies it as an edit. */
  async #applyFix(doc: DocState, pick: number, all: boolean): Promise<void> {
    const diagnostics = await this.#currentDiagnostics(doc);
    const fixable = diagnostics.filter((d) => (d.data?.fix?.length ?? 0) > 0);
    if (!all && fixable.length === 0) return;
    const target = fixable[pick % Math.max(1, fixable.length)];
    const range = target?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const params = {
      textDocument: { uri: doc.uri },
      range,
      context: all ? { diagnostics: [], only: ['source.fixAll.policyLens'] } : { diagnostics: [target] },
    };
    const actions = await this.#request('textDocument/codeAction', params, doc);
    if (actions === CANCELLED) return;
    this.#checkActions(doc, actions, all ? [] : [target], true);
    const action = all ? actions.find((a: any) => a.kind === 'source.fixAll.policyLens') : actions.find((a: any) => a.isPreferred);
    if (!action) {
      if (!all) this.#violate(`no preferred quick fix for a diagnostic with a fix: ${JSON.stringify(target)}`);
      return;
    }
    const edits: Edit[] = action.edit.changes[doc.uri];
    const after = applyChecked(doc.text, edits, `${action.title}`, all ? undefined : String(target.code));
    // Sent as the editor does: one change per edit, last edit first, so earlier ranges stay valid.
    const ordered = [...edits].sort((a, b) => compare(b.range.start, a.range.start) || compare(b.range.end, a.range.end));
    this.#change(doc, ordered.map((e) => ({ range: e.range, text: e.newText })), after, 1);
    this.stats.fixesApplied++;
  }

  /** Waits until the latest version of the document is published; its diagnostics. */
  async #currentDiagnostics(doc: DocState): Promise<any[]> {
    const instance = doc.instances.at(-1)!;
    const deadline = Date.now() + this.#budget(doc.text.length) * 4;
    for (;;) {
      this.#drain();
      this.#check();
      if (instance.last && instance.last.version === doc.version) return instance.last.diagnostics;
      if (!this.alive) throw new Error('server died');
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${doc.uri} version ${doc.version} (last published: ${instance.last?.version})`);
      await this.#idle(Math.max(1, deadline - Date.now()));
    }
  }

  async #settle(docs: DocState[]): Promise<void> {
    for (const doc of docs) if (doc.open) await this.#currentDiagnostics(doc);
  }

  /** The last publish of each open document equals what a fresh document with the same text gets. */
  async #compareWithTwins(docs: DocState[], run: number): Promise<void> {
    for (const doc of docs) {
      if (!doc.open) continue;
      const mine = await this.#currentDiagnostics(doc);
      const twin: DocState = { ...this.#newDoc(run, 0), uri: doc.uri.replace(/\/d(\d)\./, '/twin$1.'), language: doc.language };
      const twins = [twin];
      this.#open(twins, 0, doc.text, doc.language, true);
      const theirs = await this.#currentDiagnostics(twins[0]);
      this.#close(twins[0]);
      this.stats.twins++;
      const a = JSON.stringify(mine.map(normalize));
      const b = JSON.stringify(theirs.map(normalize));
      if (a === b) continue;
      // The diagnostics only one side has: a long list's first 1 500 characters were often the same.
      const mineOnly = mine.map(normalize).filter((d) => !b.includes(JSON.stringify(d)));
      const theirsOnly = theirs.map(normalize).filter((d) => !a.includes(JSON.stringify(d)));
      this.#violate(
        `${doc.uri} v${doc.version}: diagnostics differ from a fresh document with the same text (${mine.length} against ${theirs.length}):\n` +
          `  edited only: ${JSON.stringify(mineOnly).slice(0, 1500)}\n  fresh only:  ${JSON.stringify(theirsOnly).slice(0, 1500)}`,
      );
    }
  }

  /** Hover, outline, code actions and friends on one open document; all must answer in time. */
  async #query(docs: DocState[], query: Step['query']): Promise<void> {
    const doc = docs[query.doc].open ? docs[query.doc] : docs.find((d) => d.open);
    if (!doc) return;
    const text = doc.text;
    const starts = lineStarts(text);
    const offset = Math.min(text.length, Math.floor((query.at / 1_000_000) * (text.length + 1)));
    const other = Math.min(text.length, Math.floor((query.to / 1_000_000) * (text.length + 1)));
    const position = positionAt(starts, snap(text, offset));
    const range = { start: position, end: positionAt(starts, snap(text, Math.max(offset, other))) };
    const textDocument = { uri: doc.uri };
    const instance = doc.instances.at(-1)!;
    // The editor sends the diagnostics it shows at the range, which may be from an older version.
    const shown = (instance.last?.diagnostics ?? []).filter((d) => compare(d.range.start, range.end) <= 0 && compare(range.start, d.range.end) <= 0);
    const current = instance.last?.version === doc.version;
    const only = query.extra % 5 === 0 ? ['source.fixAll.policyLens'] : undefined;
    const requests: Promise<void>[] = [
      this.#request('textDocument/hover', { textDocument, position }, doc).then((hover) => this.#checkHover(doc, hover)),
      this.#request('textDocument/documentSymbol', { textDocument }, doc).then((symbols) => this.#checkSymbols(doc, symbols)),
      this.#request('textDocument/codeAction', { textDocument, range, context: { diagnostics: shown, ...(only ? { only } : {}) } }, doc).then((actions) =>
        this.#checkActions(doc, actions, shown, current),
      ),
    ];
    const extra = query.extra % 4;
    if (extra === 1) requests.push(this.#request('textDocument/foldingRange', { textDocument }, doc).then((r) => this.#checkFolding(doc, r)));
    if (extra === 2) requests.push(this.#request('textDocument/semanticTokens/full', { textDocument }, doc).then((r) => this.#checkSemanticTokens(doc, r)));
    if (extra === 3) requests.push(this.#request('textDocument/completion', { textDocument, position }, doc).then((r) => this.#checkCompletion(doc, r, position)));
    if (query.extra % 7 === 0) requests.push(this.#request('policyLens/segment', { textDocument, range }, doc).then((r) => this.#checkSegments(doc, r)));
    await Promise.all(requests);
  }

  #budget(length: number): number {
    return this.timeBoundMs + Math.ceil(length / 1_000_000) * 20_000;
  }

  /** A request that must answer (or be cancelled) in time; CANCELLED when the server honoured a cancellation. */
  async #request(method: string, params: unknown, doc: DocState): Promise<any> {
    this.stats.requests++;
    const budget = this.#budget(doc.text.length);
    try {
      return await this.client.requestCancellable(method, params, budget, budget * 2);
    } catch (error) {
      if ((error as { code?: number }).code === -32800) {
        this.stats.cancelled++;
        return CANCELLED;
      }
      throw new Error(`${method} on ${doc.uri} v${doc.version} (${doc.text.length} chars) failed: ${(error as Error).message}${this.alive ? '' : ' — the server died'}`);
    }
  }

  #checkRange(doc: DocState, range: Range, what: string, starts = lineStarts(doc.text)): void {
    const start = strictOffset(doc.text, starts, range?.start);
    const end = strictOffset(doc.text, starts, range?.end);
    if (start === undefined || end === undefined || end < start) this.#violate(`${what}: range ${JSON.stringify(range)} is outside ${doc.uri} v${doc.version} (${starts.length} lines)`);
  }

  #checkHover(doc: DocState, hover: any): void {
    if (hover === CANCELLED || hover === null) return;
    if (typeof hover?.contents?.value !== 'string') this.#violate(`hover without contents: ${JSON.stringify(hover).slice(0, 200)}`);
    if (hover.range) this.#checkRange(doc, hover.range, 'hover');
  }

  #checkSymbols(doc: DocState, symbols: any): void {
    if (symbols === CANCELLED) return;
    if (!Array.isArray(symbols)) return this.#violate(`documentSymbol answered ${JSON.stringify(symbols).slice(0, 100)}`);
    const starts = lineStarts(doc.text);
    const visit = (symbol: any) => {
      if (typeof symbol.name !== 'string' || symbol.name.length === 0) this.#violate(`symbol without a name: ${JSON.stringify(symbol).slice(0, 200)}`);
      this.#checkRange(doc, symbol.range, 'symbol range', starts);
      this.#checkRange(doc, symbol.selectionRange, 'symbol selectionRange', starts);
      // VS Code rejects the whole outline otherwise.
      if (!inside(symbol.selectionRange, symbol.range)) this.#violate(`symbol selectionRange outside its range: ${JSON.stringify(symbol).slice(0, 300)}`);
      for (const child of symbol.children ?? []) visit(child);
    };
    symbols.forEach(visit);
  }

  #checkFolding(doc: DocState, ranges: any): void {
    if (ranges === CANCELLED) return;
    const lines = lineStarts(doc.text).length;
    for (const r of ranges) if (!(r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < lines)) this.#violate(`folding range ${JSON.stringify(r)} outside ${lines} lines`);
  }

  #checkSemanticTokens(doc: DocState, tokens: any): void {
    if (tokens === CANCELLED) return;
    const starts = lineStarts(doc.text);
    const data: number[] = tokens.data;
    let line = 0;
    let character = 0;
    let previousEnd = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [deltaLine, deltaChar, length] = data.slice(i, i + 3);
      if (deltaLine < 0 || (deltaLine === 0 && deltaChar < 0) || length <= 0) return this.#violate(`semantic token ${i / 5} has deltas ${deltaLine},${deltaChar},${length}`);
      if (deltaLine > 0) {
        line += deltaLine;
        character = deltaChar;
        previousEnd = 0;
      } else character += deltaChar;
      if (character < previousEnd) return this.#violate(`semantic token ${i / 5} overlaps the previous one`);
      previousEnd = character + length;
      if (line >= starts.length || previousEnd > lineLength(doc.text, starts, line)) return this.#violate(`semantic token ${i / 5} at ${line}:${character}+${length} is outside the text`);
    }
  }

  #checkCompletion(doc: DocState, list: any, position: Position): void {
    if (list === CANCELLED || list === null) return;
    const starts = lineStarts(doc.text);
    for (const item of list.items ?? []) {
      if (!item.textEdit) continue;
      this.#checkRange(doc, item.textEdit.range, 'completion edit', starts);
      if (item.textEdit.range.end.line !== position.line || item.textEdit.range.end.character !== position.character) this.#violate(`completion edit does not end at the cursor: ${JSON.stringify(item.textEdit.range)}`);
    }
  }

  #checkSegments(doc: DocState, result: any): void {
    if (result === CANCELLED) return;
    let end = 0;
    for (const token of result.tokens) {
      if (token.start < end || token.end <= token.start || token.end > doc.text.length) return this.#violate(`segment token ${JSON.stringify(token)} is out of order or outside the text`);
      if (doc.text.slice(token.start, token.end) !== token.text) return this.#violate(`segment token ${JSON.stringify(token)} does not match the text`);
      end = token.end;
    }
  }

  /**
   * Every action's edits must be safe on the current text. A quick fix of a
   * diagnostic from the current version must stay inside that diagnostic (the
   * numbering fix renumbers the following siblings too, so only its first edit).
   */
  #checkActions(doc: DocState, actions: any, diagnostics: readonly any[], current: boolean): void {
    if (actions === CANCELLED) return;
    if (!Array.isArray(actions)) return this.#violate(`codeAction answered ${JSON.stringify(actions).slice(0, 100)}`);
    // With diagnostics of the current version, every edit offered must be the fix of one of them.
    const instance = doc.instances.at(-1)!;
    const known = current && instance.last ? new Set(instance.last.diagnostics.flatMap((d) => (d.data?.fix ?? []).map(editKey))) : undefined;
    for (const action of actions) {
      const changes = action.edit?.changes;
      if (!changes) continue;
      for (const uri of Object.keys(changes)) if (uri !== doc.uri) this.#violate(`code action "${action.title}" edits another document: ${uri}`);
      const edits: Edit[] = changes[doc.uri] ?? [];
      const code = action.diagnostics?.length === 1 ? String(action.diagnostics[0].code) : undefined;
      try {
        applyChecked(doc.text, edits, `code action "${action.title}" on ${doc.uri} v${doc.version}`, code);
      } catch (error) {
        this.#violate(`${(error as Error).message}\n  diagnostics sent: ${JSON.stringify(diagnostics).slice(0, 600)}\n  text: ${JSON.stringify(doc.text.slice(0, 300))}`);
        continue;
      }
      if (known) {
        for (const edit of edits) if (!known.has(editKey(edit))) this.#violate(`code action "${action.title}" offers ${editKey(edit)}, which no current diagnostic's fix contains`);
      }
      if (action.isPreferred && current && action.diagnostics?.length === 1) {
        const diagnostic = action.diagnostics[0];
        const scoped = diagnostic.code === 'outline.numbering' ? edits.slice(0, 1) : edits;
        for (const edit of scoped) if (!inside(edit.range, diagnostic.range)) this.#violate(`quick fix "${action.title}" edits ${JSON.stringify(edit.range)} outside its diagnostic ${JSON.stringify(diagnostic.range)}`);
      }
    }
  }

  // -- notifications ---------------------------------------------------------

  #notify(): void {
    const waiting = this.#wake;
    this.#wake = [];
    for (const wake of waiting) wake();
  }

  #idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, 200));
      this.#wake.push(() => (clearTimeout(timer), resolve()));
    });
  }

  /** Checks and forgets every notification received so far. */
  #drain(): void {
    const notifications = this.client.notifications.splice(0);
    for (const { method, params } of notifications) {
      if (method === 'window/logMessage' && params.type === 1) this.#violate(`server logged an error: ${String(params.message).slice(0, 800)}`);
      if (method === 'textDocument/publishDiagnostics') this.#onPublish(params);
    }
  }

  #onPublish(params: { uri: string; version?: number; diagnostics: any[] }): void {
    this.stats.publishes++;
    const doc = this.#docs.get(params.uri);
    if (!doc) return;
    if (params.version === undefined) {
      if (params.diagnostics.length > 0) this.#violate(`${params.uri}: diagnostics without a version`);
      doc.clears++;
      return;
    }
    if (doc.retired) {
      // A document of an earlier sequence: late publishes are fine until its last close, never after.
      if (doc.clears >= doc.instances.length) this.#violate(`${params.uri}: diagnostics for version ${params.version} after the document was closed`);
      return;
    }
    const instance = doc.instances[doc.clears];
    const text = instance?.texts.get(params.version);
    if (!instance || text === undefined) {
      return this.#violate(`${params.uri}: diagnostics for version ${params.version}, which the client never sent for instance ${doc.clears} (closed: ${!instance})`);
    }
    if (params.version < instance.published) this.#violate(`${params.uri}: version ${params.version} published after version ${instance.published}`);
    instance.published = params.version;
    instance.last = { version: params.version, diagnostics: params.diagnostics };
    const starts = lineStarts(text);
    const where = `${params.uri} v${params.version}`;
    const view = { ...doc, text, version: params.version };
    for (const diagnostic of params.diagnostics) {
      this.#checkRange(view, diagnostic.range, `diagnostic ${diagnostic.code}`, starts);
      for (const related of diagnostic.relatedInformation ?? []) {
        if (related.location.uri !== params.uri) continue;
        this.#checkRange(view, related.location.range, `related information of ${diagnostic.code}`, starts);
        const start = strictOffset(text, starts, related.location.range.start);
        const end = strictOffset(text, starts, related.location.range.end);
        if (start !== undefined && end !== undefined && text.slice(start, end) !== related.message) {
          this.#violate(`${where}: related text of ${diagnostic.code} is ${JSON.stringify(related.message)}, the document has ${JSON.stringify(text.slice(start, end))}`);
        }
      }
      const fix = diagnostic.data?.fix;
      if (Array.isArray(fix) && fix.length > 0) {
        try {
          applyChecked(text, fix, `fix data of ${diagnostic.code} at ${where}`, String(diagnostic.code));
        } catch (error) {
          this.#violate((error as Error).message);
        }
      }
    }
  }

  #violate(message: string): void {
    this.#violations.push(message);
  }

  #check(): void {
    this.#drain();
    if (!this.alive) this.#violations.push(`the server is not alive (exit ${this.client.child.exitCode ?? this.client.child.signalCode}): ${this.client.stderr.join('').slice(0, 1000)}`);
    if (this.#violations.length > 0) {
      const [first, ...rest] = this.#violations;
      this.#violations = [];
      throw new Error(rest.length > 0 ? `${first}\n  (+${rest.length} more)` : first);
    }
  }
}

const CANCELLED = Symbol('cancelled');

const editKey = (edit: Edit) => JSON.stringify([edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character, edit.newText]);

/** What two publishes for the same text must agree on. */
function normalize(d: any): unknown {
  return {
    range: d.range,
    code: d.code,
    severity: d.severity,
    message: d.message,
    fix: d.data?.fix,
    related: d.relatedInformation?.map((r: any) => [r.location.range, r.message]),
  };
}

function describe(op: Op): string {
  const size = (pieces: readonly Piece[]) => {
    const length = textOf(pieces).length;
    return length > 100_000 ? `${(length / 1e6).toFixed(1)}M` : String(length);
  };
  switch (op.op) {
    case 'open':
      return `open d${op.doc} ${op.language} (${size(op.pieces)}${op.resetVersion ? ', v1' : ''})`;
    case 'edit':
      return `edit d${op.doc} ×${op.changes.length}`;
    case 'replace':
      return `replace d${op.doc} (${size(op.pieces)})`;
    case 'burst':
      return `burst d${op.doc} ×${op.edits.length}`;
    case 'close':
      return `close d${op.doc}`;
    case 'fix':
      return `fix${op.all ? ' all' : ''} d${op.doc}`;
    case 'settle':
      return 'settle';
  }
}

// ---------------------------------------------------------------------------
// Runner

export interface FuzzRunOptions {
  readonly sequences: number;
  readonly seed?: number;
  /**
   * Weight of the 1 MB line and the 150 000-character line without full stops among text
   * pieces (others weigh 200 to 4 000); 0 leaves them out.
   */
  readonly big?: number;
  /** Longest sequence (steps); 14 unless given. */
  readonly maxSteps?: number;
  readonly timeBoundMs?: number;
  readonly onProgress?: (done: number, stats: FuzzStats) => void;
  /** Called once, when the first failing sequence is found (shrinking follows). */
  readonly onFailure?: (message: string, done: number) => void;
}

export interface FuzzResult {
  readonly stats: FuzzStats;
  readonly seed: number;
  readonly failed: boolean;
  readonly report: string;
  readonly ms: number;
}

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzResult> {
  const session = new FuzzSession(options.timeBoundMs);
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const started = performance.now();
  await session.start();
  let done = 0;
  let firstFailure: string | undefined;
  try {
    const details = await fc.check(
      fc.asyncProperty(sequenceArb(options.big ?? 2, options.maxSteps), async (steps) => {
        try {
          await session.run(steps);
        } catch (error) {
          const message = (error as Error).message;
          if (firstFailure === undefined) options.onFailure?.(message, done);
          firstFailure ??= message;
          // Shrinking reruns smaller sequences: give them a fresh server, not a dead or wedged one.
          if (!session.alive || /timeout|died|not alive|no diagnostics for/.test(message)) session.stop();
          throw error;
        }
        if (firstFailure === undefined) options.onProgress?.(++done, session.stats);
      }),
      { numRuns: options.sequences, seed, endOnFailure: false },
    );
    return {
      stats: session.stats,
      seed,
      failed: details.failed,
      report: details.failed
        ? `${fc.defaultReportMessage(details) ?? 'failed'}\nError of the shrunk counterexample: ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}\nFirst error: ${firstFailure}`
        : '',
      ms: performance.now() - started,
    };
  } finally {
    session.stop();
  }
}
