import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotificationType, type StatusParams } from '../../server/src/protocol';


/** A status bar item showing whether the segmentation dictionary is loading, ready or replaced by the fallback. */
export function createStatusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('policyLens.status', { language: 'policy' });
  item.name = vscode.l10n.t('Policy Lens');
  item.text = vscode.l10n.t('Policy Lens: starting');
  item.busy = true;
  const subscription = client.onNotification(StatusNotificationType, (status: StatusParams) => {
    item.busy = status.state === 'loading';
    item.text = status.state === 'ready' ? vscode.l10n.t('Policy Lens: jieba') : status.state === 'loading' ? vscode.l10n.t('Policy Lens: loading dictionary') : vscode.l10n.t('Policy Lens: basic segmentation');
    item.detail = status.message;
    item.severity = status.state === 'fallback' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  });
  return vscode.Disposable.from(item, subscription);
}
