import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { StatusNotificationType, type StatusParams } from '../../../server/src/protocol';
import type { PausedDocuments } from './pausedDocuments';

export const STATUS_ACTIONS_COMMAND = 'policyLens.statusActions';

type Segmenter = StatusParams | { readonly state: 'starting' };

/**
 * The status bar item of a policy document: the segmenter in use (or that the dictionary
 * is still loading) and the number of findings, e.g. `Policy Lens: jieba · 12 findings`.
 * The tooltip gives the details once (load time, user words); a click offers the Problems
 * panel and pausing the checks of this document.
 */
export function createStatusBar(client: LanguageClient, paused: PausedDocuments, serves: (document: vscode.TextDocument) => boolean): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('policyLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = l10n.t('Policy Lens');
  item.command = STATUS_ACTIONS_COMMAND;
  let segmenter: Segmenter = { state: 'starting' };

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !serves(document)) {
      item.hide();
      return;
    }
    const isPaused = paused.isPaused(document.uri);
    const count = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'policy-lens').length;
    item.text = `${icon(segmenter, isPaused)} ${l10n.t('Policy Lens: {0} · {1}', segmenterName(segmenter), isPaused ? l10n.t('checking paused') : findings(count))}`;
    item.tooltip = tooltip(segmenter, count, isPaused);
    item.backgroundColor = segmenter.state === 'fallback' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    client.onNotification(StatusNotificationType, (status: StatusParams) => {
      segmenter = status;
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) update();
    }),
    paused.onDidChange(update),
  );
}

/** What the click offers: the Problems panel, pausing or resuming this document's checks. */
export async function showStatusActions(paused: PausedDocuments): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const items: (vscode.QuickPickItem & { run: () => Thenable<unknown> })[] = [
    { label: `$(warning) ${l10n.t('Show the Problems panel')}`, run: () => vscode.commands.executeCommand('workbench.actions.view.problems') },
  ];
  if (document) {
    items.push(
      paused.isPaused(document.uri)
        ? { label: `$(debug-start) ${l10n.t('Resume checking this document')}`, run: () => paused.toggle(document.uri) }
        : { label: `$(debug-pause) ${l10n.t('Pause checking this document')}`, run: () => paused.toggle(document.uri) },
    );
  }
  items.push({ label: `$(book) ${l10n.t('Open the getting-started walkthrough')}`, run: () => vscode.commands.executeCommand('policyLens.openWalkthrough') });
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Policy Lens') });
  await chosen?.run();
}

function icon(segmenter: Segmenter, isPaused: boolean): string {
  if (isPaused) return '$(debug-pause)';
  if (segmenter.state === 'starting' || segmenter.state === 'loading') return '$(loading~spin)';
  return segmenter.state === 'fallback' ? '$(warning)' : '$(checklist)';
}

function segmenterName(segmenter: Segmenter): string {
  switch (segmenter.state) {
    case 'starting':
      return l10n.t('starting');
    case 'loading':
      return l10n.t('loading dictionary');
    case 'fallback':
      return l10n.t('basic segmentation');
    case 'ready':
      // jieba-wasm cuts the same words as nodejieba (docs/segmentation.md); `intl` knows no policy terms
      return segmenter.segmenter === 'intl' ? l10n.t('basic segmentation') : segmenter.segmenter === 'jieba-wasm' ? l10n.t('jieba (WebAssembly)') : 'jieba';
  }
}

function findings(count: number): string {
  return count === 1 ? l10n.t('{0} finding', count) : l10n.t('{0} findings', count);
}

function tooltip(segmenter: Segmenter, count: number, isPaused: boolean): vscode.MarkdownString {
  const lines = [`**${l10n.t('Policy Lens')}**`];
  switch (segmenter.state) {
    case 'starting':
    case 'loading':
      lines.push(l10n.t('The segmentation dictionary is loading; checks that need words follow when it is ready.'));
      break;
    case 'fallback':
      lines.push(l10n.t('jieba could not load ({0}); the built-in word breaker, which does not know policy terms, is used.', segmenter.reason ?? ''));
      break;
    case 'ready':
      lines.push(l10n.t('Segmenter: jieba with the policy dictionary, loaded in {0} ms; words from user dictionaries: {1}.', segmenter.loadMs ?? 0, segmenter.userWords ?? 0));
      break;
  }
  lines.push(isPaused ? l10n.t('Checking of this document is paused.') : l10n.t('Findings in this document: {0}.', count));
  lines.push(l10n.t('Click to show the Problems panel or to pause checking this document.'));
  return new vscode.MarkdownString(lines.join('\n\n'));
}
