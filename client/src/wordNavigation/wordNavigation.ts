import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SegmentRequestType, type SegmentParams } from '../../../server/src/protocol';
import { documentSelector } from '../clientOptions';
import { LineWords, tokensByLine, type RequestedLine, type SegmentLines } from './lineWords';
import {
  deleteWordLeftRange,
  deleteWordRightRange,
  expandToWords,
  samePos,
  wordLeft,
  wordRight,
  type LineSource,
  type Pos,
  type TextRange,
  type Word,
} from './wordMotion';

/** Lines above and below the visible ones fetched ahead. */
const MARGIN = 20;
/**
 * While the user types, fetching ahead waits for a pause this long: each keystroke changes its
 * line and moves the cursor, and a request per keystroke (segmenting the line in the server, its
 * words back through the extension host) competed with the echo of the next one (docs/e2e.md,
 * typing latency). A word motion right after typing fetches its lines itself.
 */
const TYPING_PAUSE_MS = 600;

type Motion = 'left' | 'right';

/**
 * Word left/right, select word left/right, delete word left/right and expand selection to the word,
 * on jieba's tokens (policy dictionary, user dictionaries). Bound to Ctrl+←/→ etc. in `policy`
 * documents by package.json; `policyLens.wordNavigation.enable` turns the bindings off.
 */
export function registerWordNavigation(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const lineWords = new LineWords();
  let lastClient: LanguageClient | undefined;
  // One command at a time, in key-press order: each starts from the selections the previous one left.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (run: (editor: vscode.TextEditor) => Promise<void>) => () => {
    queue = queue.then(() => {
      const editor = vscode.window.activeTextEditor;
      return editor ? run(editor) : undefined;
    }).catch((error) => console.error('[policyLens] word navigation:', error));
    return queue;
  };

  /** The server request for some lines of a document, or undefined when no server serves it. */
  const segmenterFor = (document: vscode.TextDocument): SegmentLines | undefined => {
    const client = getClient();
    if (client !== lastClient) {
      // A restarted server may have other dictionaries.
      lastClient = client;
      lineWords.cache.clear();
    }
    if (!client?.isRunning() || vscode.languages.match(documentSelector(), document) === 0) return undefined;
    return async (lines) => {
      const first = Math.min(...lines.map((l) => l.line));
      const last = Math.max(...lines.map((l) => l.line));
      if (last >= document.lineCount) return undefined;
      const params: SegmentParams = {
        textDocument: { uri: document.uri.toString() },
        range: client.code2ProtocolConverter.asRange(new vscode.Range(first, 0, last, document.lineAt(last).text.length)),
      };
      const result = await client.sendRequest(SegmentRequestType, params);
      return tokensByLine(lines, result.tokens);
    };
  };

  const requested = (document: vscode.TextDocument, line: number): RequestedLine => ({
    line,
    start: document.offsetAt(new vscode.Position(line, 0)),
    text: document.lineAt(line).text,
  });

  /** Lines `lines` of the document with their words: cached, the server's within 50 ms, or the local fallback. */
  const sourceFor = async (document: vscode.TextDocument, lines: Iterable<number>): Promise<LineSource> => {
    const wanted = [...new Set(lines)].filter((l) => l >= 0 && l < document.lineCount).map((l) => requested(document, l));
    const words = await lineWords.words(wanted, segmenterFor(document));
    const texts = new Map(wanted.map((l) => [l.line, l.text]));
    return {
      lineCount: document.lineCount,
      text: (line) => texts.get(line) ?? document.lineAt(line).text,
      words: (line): readonly Word[] => words.get(line) ?? lineWords.cache.wordsOrLocal(document.lineAt(line).text),
    };
  };

  /** Runs `compute` on fresh words; if the document changed while they were fetched, once more. */
  const withSource = async <T>(editor: vscode.TextEditor, lines: (document: vscode.TextDocument) => Iterable<number>, compute: (source: LineSource) => T): Promise<T> => {
    const document = editor.document;
    for (let attempt = 0; ; attempt++) {
      const version = document.version;
      const source = await sourceFor(document, lines(document));
      if (document.version === version || attempt === 2) return compute(source);
    }
  };

  const move = (motion: Motion, select: boolean) =>
    enqueue(async (editor) => {
      const next = await withSource(editor, (document) => motionLines(document, editor.selections, motion), (source) =>
        editor.selections.map((selection) => {
          const from = toPos(selection.active);
          const to = toPosition(motion === 'left' ? wordLeft(source, from) : wordRight(source, from));
          return new vscode.Selection(select ? selection.anchor : to, to);
        }),
      );
      editor.selections = next;
      editor.revealRange(new vscode.Range(next[0].active, next[0].active));
    });

  const remove = (motion: Motion) =>
    enqueue(async (editor) => {
      // `edit` refuses when the document changed after the ranges were computed: then compute again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const ranges = await withSource(editor, (document) => motionLines(document, editor.selections, motion), (source) =>
          editor.selections.flatMap((selection) => {
            if (!selection.isEmpty) return [selection as vscode.Range];
            const range = (motion === 'left' ? deleteWordLeftRange : deleteWordRightRange)(source, toPos(selection.active));
            return range ? [toRange(range)] : [];
          }),
        );
        const merged = mergeRanges(ranges);
        if (merged.length === 0 || (await editor.edit((builder) => merged.forEach((range) => builder.delete(range))))) return;
      }
    });

  const expand = enqueue(async (editor) => {
    const selections = editor.selections;
    const next = await withSource(editor, () => selections.flatMap((s) => [s.start.line, s.end.line]), (source) =>
      selections.map((selection) => {
        const grown = expandToWords(source, { start: toPos(selection.start), end: toPos(selection.end) });
        if (samePos(grown.start, toPos(selection.start)) && samePos(grown.end, toPos(selection.end))) return selection;
        const [start, end] = [toPosition(grown.start), toPosition(grown.end)];
        // (an empty selection counts as reversed in the API: it grows forwards, as double-click selects)
        return selection.isReversed && !selection.isEmpty ? new vscode.Selection(end, start) : new vscode.Selection(start, end);
      }),
    );
    if (next.every((s, i) => s === selections[i])) {
      // Already whole words: VS Code's smart select takes it from here (clause, line, paragraph …).
      await vscode.commands.executeCommand('editor.action.smartSelect.expand');
      return;
    }
    editor.selections = next;
  });

  /** Asks for the visible lines and the cursors' neighbours ahead of the next key press. */
  const prefetch = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !isNavigable(editor.document)) return;
    const document = editor.document;
    const lines = new Set<number>();
    for (const selection of editor.selections) for (let l = selection.active.line - 1; l <= selection.active.line + 1; l++) lines.add(l);
    for (const range of editor.visibleRanges) for (let l = range.start.line - MARGIN; l <= range.end.line + MARGIN; l++) lines.add(l);
    const valid = [...lines].filter((l) => l >= 0 && l < document.lineCount).sort((a, b) => a - b);
    const segment = segmenterFor(document);
    // One request per run of consecutive lines (a range request returns every line in between).
    for (const run of consecutiveRuns(valid)) void lineWords.prefetch(run.map((l) => requested(document, l)), segment);
  };
  let timer: NodeJS.Timeout | undefined;
  let lastEdit = -Infinity;
  const prefetchSoon = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => prefetch(vscode.window.activeTextEditor), Math.max(delay, lastEdit + TYPING_PAUSE_MS - Date.now()));
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('policyLens.cursorWordLeft', move('left', false)),
    vscode.commands.registerCommand('policyLens.cursorWordRight', move('right', false)),
    vscode.commands.registerCommand('policyLens.cursorWordLeftSelect', move('left', true)),
    vscode.commands.registerCommand('policyLens.cursorWordRightSelect', move('right', true)),
    vscode.commands.registerCommand('policyLens.deleteWordLeft', remove('left')),
    vscode.commands.registerCommand('policyLens.deleteWordRight', remove('right')),
    vscode.commands.registerCommand('policyLens.expandSelectionToWord', expand),
    vscode.window.onDidChangeActiveTextEditor(() => prefetchSoon(50)),
    vscode.window.onDidChangeTextEditorVisibleRanges((event) => event.textEditor === vscode.window.activeTextEditor && prefetchSoon(100)),
    vscode.window.onDidChangeTextEditorSelection((event) => event.textEditor === vscode.window.activeTextEditor && prefetchSoon(30)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== vscode.window.activeTextEditor?.document || event.contentChanges.length === 0) return;
      lastEdit = Date.now();
      prefetchSoon(0);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyLens.dictionaries')) lineWords.cache.clear();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

function isNavigable(document: vscode.TextDocument): boolean {
  return document.languageId === 'policy' && vscode.workspace.getConfiguration('policyLens', document).get<boolean>('wordNavigation.enable', true);
}

/** The lines a motion reads: the cursors' lines, and the neighbour it may cross into at a line edge. */
function motionLines(document: vscode.TextDocument, selections: readonly vscode.Selection[], motion: Motion): number[] {
  const lines: number[] = [];
  for (const { active } of selections) {
    lines.push(active.line);
    if (motion === 'left' && active.character === 0) lines.push(active.line - 1);
    if (motion === 'right' && active.character >= document.lineAt(active.line).text.length) lines.push(active.line + 1);
  }
  return lines;
}

/** Ranges that overlap or touch become one (an edit may not contain overlapping deletions). */
function mergeRanges(ranges: readonly vscode.Range[]): vscode.Range[] {
  const sorted = [...ranges].sort((a, b) => a.start.compareTo(b.start));
  const merged: vscode.Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && !range.start.isAfter(last.end)) merged[merged.length - 1] = last.union(range);
    else merged.push(range);
  }
  return merged;
}

function consecutiveRuns(sorted: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const n of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs;
}

const toPos = (position: vscode.Position): Pos => ({ line: position.line, character: position.character });
const toPosition = (pos: Pos): vscode.Position => new vscode.Position(pos.line, pos.character);
const toRange = (range: TextRange): vscode.Range => new vscode.Range(toPosition(range.start), toPosition(range.end));
