import * as vscode from 'vscode';
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
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a policy document first.'));
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
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a policy document first.'));
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
        { location: this.scope.kind === 'workspace' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: vscode.l10n.t('Counting policy terms…') },
        () => client.sendRequest(TermStatisticsRequestType, params),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not count the policy terms: {0}', error instanceof Error ? error.message : String(error)));
      return;
    }
    if (!result) return;
    const documentNames = Object.fromEntries(result.documents.map((d) => [d.uri, vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri), false)]));
    this.#input = { title: this.#heading(result), labels: labels(), result, documentNames };
    this.#post();
  }

  #title(): string {
    return this.scope.kind === 'workspace'
      ? vscode.l10n.t('Term Report: Workspace')
      : vscode.l10n.t('Term Report: {0}', this.scope.uri.path.slice(this.scope.uri.path.lastIndexOf('/') + 1));
  }

  #heading(result: TermStatisticsResult): string {
    return this.scope.kind === 'workspace'
      ? vscode.l10n.t('Policy terms in the workspace ({0} documents)', result.documents.length)
      : vscode.l10n.t('Policy terms in {0}', vscode.workspace.asRelativePath(this.scope.uri, false));
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
    summary: vscode.l10n.t('{0} characters · {1} terms and slogans · {2} occurrences · {3} findings'),
    topTerms: vscode.l10n.t('Most frequent terms and slogans'),
    term: vscode.l10n.t('term'),
    slogan: vscode.l10n.t('slogan'),
    occurrences: vscode.l10n.t('occurrences'),
    density: vscode.l10n.t('Density by section'),
    densityNote: vscode.l10n.t('Occurrences of the most frequent terms and slogans in each section; the darker, the more per 1 000 characters.'),
    opening: vscode.l10n.t('(opening)'),
    total: vscode.l10n.t('total'),
    findings: vscode.l10n.t('Findings by rule'),
    rule: vscode.l10n.t('rule'),
    count: vscode.l10n.t('count'),
    severities: { error: vscode.l10n.t('errors'), warning: vscode.l10n.t('warnings'), information: vscode.l10n.t('information'), hint: vscode.l10n.t('hints') },
    noTerms: vscode.l10n.t('No glossary terms or slogans in this document.'),
    noFindings: vscode.l10n.t('No findings.'),
    refresh: vscode.l10n.t('Refresh'),
    line: vscode.l10n.t('Ln {0}'),
    truncated: vscode.l10n.t('{0} of {1} shown'),
    history: vscode.l10n.t('In the government work reports'),
    historyNote: vscode.l10n.t('Occurrences of the most used terms in each government work report since their first use (the corpus lacks some years, e.g. 1989–1991, 1996 and 2020).'),
  };
}

/** A script nonce from Web Crypto (there in Node 20 and in browsers alike). */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
