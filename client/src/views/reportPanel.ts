import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TermStatisticsRequestType, type TermStatisticsParams, type TermStatisticsResult } from '../../../server/src/protocol';
import type { ReportInput, ReportLabels, ReportMessage, ReportRequest } from '../report/reportModel';
import { documentSelector } from '../clientOptions';
import { reportHtml } from './reportHtml';

const VIEW_TYPE = 'policyLens.termReport';

type Scope = { readonly kind: 'document'; readonly uri: vscode.Uri } | { readonly kind: 'workspace' };

/**
 * The term report: a webview with a bar chart of the most used terms and slogans (Chart.js,
 * bundled into dist/report.js), their density per part, and the findings per rule. One panel for
 * the document report (it follows the command's document) and one for the workspace.
 */
export function registerTermReport(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable {
  const panels = new Map<'document' | 'workspace', ReportPanel>();

  const show = async (scope: Scope) => {
    if (!getClient()) {
      void vscode.window.showInformationMessage(l10n.t('Open a policy document first.'));
      return;
    }
    let panel = panels.get(scope.kind);
    if (panel) {
      panel.scope = scope;
      panel.reveal();
    } else {
      panel = new ReportPanel(context.extensionUri, getClient, scope, () => panels.delete(scope.kind));
      panels.set(scope.kind, panel);
    }
    await panel.update();
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('policyLens.showTermReport', async (uri?: unknown) => {
      const document = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const served = document && vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
      if (!document || !served || vscode.languages.match(documentSelector(), served) === 0) {
        void vscode.window.showInformationMessage(l10n.t('Open a policy document first.'));
        return;
      }
      await show({ kind: 'document', uri: document });
    }),
    vscode.commands.registerCommand('policyLens.showWorkspaceTermReport', () => show({ kind: 'workspace' })),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );
}

class ReportPanel {
  readonly #panel: vscode.WebviewPanel;
  #ready = false;
  #input: ReportInput | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly getClient: () => LanguageClient | undefined,
    public scope: Scope,
    onDispose: () => void,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.#panel = vscode.window.createWebviewPanel(VIEW_TYPE, this.#title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    this.#panel.webview.html = reportHtml({
      cspSource: this.#panel.webview.cspSource,
      script: this.#panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'report.js')).toString(),
      nonce: nonce(),
      language: vscode.env.language,
    });
    this.#panel.webview.onDidReceiveMessage((message: ReportRequest) => this.#onMessage(message));
    this.#panel.onDidDispose(onDispose);
  }

  reveal(): void {
    this.#panel.reveal(undefined, true);
  }

  dispose(): void {
    this.#panel.dispose();
  }

  async update(): Promise<void> {
    this.#panel.title = this.#title();
    const params: TermStatisticsParams = this.scope.kind === 'workspace' ? { workspace: true } : { textDocument: { uri: this.scope.uri.toString() }, occurrences: false };
    const client = this.getClient();
    if (!client) return;
    let result: TermStatisticsResult | null;
    try {
      result = await vscode.window.withProgress(
        { location: this.scope.kind === 'workspace' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: l10n.t('Counting policy terms…') },
        () => client.sendRequest(TermStatisticsRequestType, params),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(l10n.t('Could not count the policy terms: {0}', error instanceof Error ? error.message : String(error)));
      return;
    }
    if (!result) return;
    const documentNames = Object.fromEntries(result.documents.map((d) => [d.uri, vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri), false)]));
    this.#input = { title: this.#heading(result), labels: labels(), result, documentNames };
    this.#post();
  }

  #title(): string {
    return this.scope.kind === 'workspace'
      ? l10n.t('Term Report: Workspace')
      : l10n.t('Term Report: {0}', this.scope.uri.path.slice(this.scope.uri.path.lastIndexOf('/') + 1));
  }

  #heading(result: TermStatisticsResult): string {
    return this.scope.kind === 'workspace'
      ? l10n.t('Policy terms in the workspace (documents: {0})', result.documents.length)
      : l10n.t('Policy terms in {0}', vscode.workspace.asRelativePath(this.scope.uri, false));
  }

  #post(): void {
    if (this.#ready && this.#input) void this.#panel.webview.postMessage({ type: 'render', input: this.#input } satisfies ReportMessage);
  }

  async #onMessage(message: ReportRequest): Promise<void> {
    if (message.type === 'ready') {
      this.#ready = true;
      this.#post();
    } else if (message.type === 'refresh') {
      await this.update();
    } else if (message.type === 'reveal') {
      const range = new vscode.Range(message.line, message.character, message.endLine, message.endCharacter);
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection: range, viewColumn: vscode.ViewColumn.One, preview: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}

function labels(): ReportLabels {
  return {
    summary: l10n.t('Characters: {0} · terms and slogans: {1} · occurrences: {2} · findings: {3}'),
    topTerms: l10n.t('Most frequent terms and slogans'),
    term: l10n.t('term'),
    slogan: l10n.t('slogan'),
    occurrences: l10n.t('occurrences'),
    density: l10n.t('Density by section'),
    densityNote: l10n.t('Occurrences of the most frequent terms and slogans in each section; the darker, the more per 1 000 characters.'),
    opening: l10n.t('(opening)'),
    total: l10n.t('total'),
    findings: l10n.t('Findings by rule'),
    rule: l10n.t('rule'),
    count: l10n.t('count'),
    severities: {
      error: { one: l10n.t('{0} error'), other: l10n.t('{0} errors') },
      warning: { one: l10n.t('{0} warning'), other: l10n.t('{0} warnings') },
      information: { one: l10n.t('{0} information'), other: l10n.t('{0} information') },
      hint: { one: l10n.t('{0} hint'), other: l10n.t('{0} hints') },
    },
    noTerms: l10n.t('No glossary terms or slogans in this document.'),
    noFindings: l10n.t('No findings.'),
    refresh: l10n.t('Refresh'),
    line: l10n.t('Ln {0}'),
    truncated: l10n.t('{0} of {1} shown'),
    history: l10n.t('In the government work reports'),
    historyNote: l10n.t('Occurrences of the most used terms in each government work report since their first use (the corpus lacks some years, e.g. 1989–1991, 1996 and 2020).'),
  };
}

/** A script nonce from Web Crypto (there in Node 20 and in browsers alike). */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
