import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { StatusNotificationType, type StatusParams } from '../../server/src/protocol';


/** A status bar item showing whether the segmentation dictionary is loading, which segmenter is in use, or that the fallback took over. */
export function createStatusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('policyLens.status', { language: 'policy' });
  item.name = vscode.l10n.t('Policy Lens');
  item.text = vscode.l10n.t('Policy Lens: starting');
  item.busy = true;
  const subscription = client.onNotification(StatusNotificationType, (status: StatusParams) => {
    item.busy = status.state === 'loading';
    item.text = textOf(status);
    item.detail = status.message;
    item.severity = status.state === 'fallback' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  });
  return vscode.Disposable.from(item, subscription);
}

function textOf(status: StatusParams): string {
  if (status.state === 'loading') return vscode.l10n.t('Policy Lens: loading dictionary');
  if (status.state === 'fallback' || status.segmenter === 'intl') return vscode.l10n.t('Policy Lens: basic segmentation');
  return status.segmenter === 'jieba-wasm' ? vscode.l10n.t('Policy Lens: jieba (WebAssembly)') : vscode.l10n.t('Policy Lens: jieba');
}
