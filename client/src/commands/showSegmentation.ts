import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SegmentRequestType, type SegmentParams } from '../../../server/src/protocol';


/** "显示分词 / Show Segmentation": the tokens of the selection (or the current line) in an output channel. */
export async function showSegmentation(client: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a policy document first.'));
    return;
  }
  const selection = editor.selection;
  const range = selection.isEmpty ? editor.document.lineAt(selection.active.line).range : selection;
  const params: SegmentParams = {
    textDocument: { uri: editor.document.uri.toString() },
    range: client.code2ProtocolConverter.asRange(range),
  };
  const result = await client.sendRequest(SegmentRequestType, params);
  output.appendLine(vscode.l10n.t('Segmentation ({0}, {1} tokens):', result.segmenter, result.tokens.length));
  output.appendLine(result.tokens.map((token) => token.text).join(' / '));
  output.show(true);
}
