import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { cleanPastedText } from '../../../server/src/core/format/cleanPastedText';

/**
 * "整理粘贴文本 / Clean Up Pasted Text": rejoins lines a PDF broke inside
 * sentences, removes the spaces it put between Chinese characters and drops
 * page-number lines — in the selected lines, or in the whole document when
 * nothing is selected. It runs the same pure function as the server's
 * formatting handler, here in the client, so it works on any text document
 * (an untitled buffer, plain text the server does not serve) without waiting
 * for the server or its dictionary.
 */
export async function cleanUpPastedText(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(l10n.t('Open a policy document first.'));
    return;
  }
  const document = editor.document;
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const ranges = selections.length > 0 ? selections.map((s) => wholeLines(document, s)) : [document.validateRange(new vscode.Range(0, 0, document.lineCount, 0))];
  const edits: { range: vscode.Range; text: string }[] = [];
  for (const range of mergeOverlapping(ranges)) {
    const before = document.getText(range);
    const after = cleanPastedText(before);
    if (after !== before) edits.push({ range, text: after });
  }
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('Nothing to clean up.'));
    return;
  }
  await editor.edit((builder) => {
    for (const edit of edits) builder.replace(edit.range, edit.text);
  });
}

/** The lines a selection touches, without the line break after the last (a selection ending at column 0 stops before that line). */
function wholeLines(document: vscode.TextDocument, selection: vscode.Selection): vscode.Range {
  const lastLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  return new vscode.Range(selection.start.line, 0, lastLine, document.lineAt(lastLine).range.end.character);
}

function mergeOverlapping(ranges: readonly vscode.Range[]): vscode.Range[] {
  const sorted = [...ranges].sort((a, b) => a.start.compareTo(b.start));
  const merged: vscode.Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.end.line >= range.start.line) merged[merged.length - 1] = last.union(range);
    else merged.push(range);
  }
  return merged;
}
