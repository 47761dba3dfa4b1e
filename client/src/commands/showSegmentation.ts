import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SegmentRequestType, type SegmentParams } from '../../../server/src/protocol';


/** "显示分词 / Show Segmentation": the tokens of the selection (or the current line) in an output channel. */
export async function showSegmentation(client: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(l10n.t('Open a policy document first.'));
    return;
  }
  const selection = editor.selection;
  const range = selection.isEmpty ? editor.document.lineAt(selection.active.line).range : selection;
  const params: SegmentParams = {
    textDocument: { uri: editor.document.uri.toString() },
    range: client.code2ProtocolConverter.asRange(range),
  };
  const result = await client.sendRequest(SegmentRequestType, params);
  output.appendLine(l10n.t('Segmentation by {0}, tokens: {1}', result.segmenter, result.tokens.length));
  output.appendLine(result.tokens.map((token) => token.text).join(' / '));
  output.show(true);
}
