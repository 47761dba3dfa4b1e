import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TermStatisticsRequestType, type TermStatistic, type TermStatisticsParams, type TermStatisticsResult } from '../../../server/src/protocol';
import { documentSelector } from '../clientOptions';
import { groupTerms, nextOccurrence, type SortOrder, type TermGroup } from './termsModel';

const VIEW_ID = 'policyLens.terms';
const SORT_KEY = 'policyLens.terms.sort';
const REFRESH_DELAY_MS = 700;

type Node = { readonly kind: 'group'; readonly group: TermGroup } | { readonly kind: 'term'; readonly term: TermStatistic };

/**
 * "政策术语 / Policy Terms" in the Explorer: the glossary terms and slogans of the active policy
 * document with their counts, grouped by category, sorted by count or by name. Clicking a term
 * selects its next occurrence after the cursor, so repeated clicks cycle through them.
 */
export function registerTermsView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable {
  const provider = new TermsProvider(context.workspaceState.get<SortOrder>(SORT_KEY, 'count'));
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let result: TermStatisticsResult | undefined;
  let shownUri: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  const setSort = async (sort: SortOrder) => {
    provider.sort = sort;
    await context.workspaceState.update(SORT_KEY, sort);
    await vscode.commands.executeCommand('setContext', SORT_KEY, sort);
    provider.refresh();
  };
  void vscode.commands.executeCommand('setContext', SORT_KEY, provider.sort);
  // The view appears in the Explorer once a document the server serves has been opened.
  let shown = false;
  const showViewIfServed = () => {
    if (shown || !vscode.workspace.textDocuments.some((d) => vscode.languages.match(documentSelector(), d) > 0)) return;
    shown = true;
    void vscode.commands.executeCommand('setContext', 'policyLens.termsView', true);
  };
  showViewIfServed();

  const refresh = async () => {
    if (!view.visible) return;
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const client = getClient();
    if (!document || vscode.languages.match(documentSelector(), document) === 0 || document.uri.path.endsWith('.json')) {
      // Another kind of editor: keep what the last policy document showed, unless nothing was shown.
      if (!result) view.message = l10n.t('Open a policy document to see the glossary terms and slogans it uses.');
      return;
    }
    if (!client) return;
    const mine = ++generation;
    const params: TermStatisticsParams = { textDocument: { uri: document.uri.toString() }, findings: false };
    let answer: TermStatisticsResult | null;
    try {
      answer = await client.sendRequest(TermStatisticsRequestType, params);
    } catch {
      return; // the server restarts or does not know the document yet: the next event asks again
    }
    if (mine !== generation || !answer) return;
    result = answer;
    shownUri = document.uri.toString();
    provider.setTerms(answer.terms);
    const occurrences = answer.terms.reduce((sum, t) => sum + t.count, 0);
    view.description = vscode.workspace.asRelativePath(document.uri, false);
    view.message =
      answer.terms.length === 0
        ? l10n.t('No glossary terms or slogans in this document.')
        : l10n.t('Terms and slogans: {0} · occurrences: {1}', answer.terms.length, occurrences);
  };
  const refreshSoon = (delay = REFRESH_DELAY_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delay);
  };

  const revealNext = async (term: unknown) => {
    const stat = typeof term === 'string' ? result?.terms.find((t) => t.term === term) : undefined;
    if (!stat || stat.occurrences.length === 0 || !shownUri) return;
    const uri = vscode.Uri.parse(shownUri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === shownUri);
    const cursor = visible?.selection.start;
    const ranges = stat.occurrences.map((o) => new vscode.Range(o.range.start.line, o.range.start.character, o.range.end.line, o.range.end.character));
    const index = nextOccurrence(ranges.map((r) => r.start), cursor);
    const range = ranges[index];
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: true, viewColumn: visible?.viewColumn, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    vscode.window.setStatusBarMessage(l10n.t('{0}: occurrence {1} of {2}', stat.term, index + 1, ranges.length), 4000);
  };

  return vscode.Disposable.from(
    view,
    vscode.commands.registerCommand('policyLens.revealNextOccurrence', revealNext),
    vscode.commands.registerCommand('policyLens.terms.sortByName', () => setSort('name')),
    vscode.commands.registerCommand('policyLens.terms.sortByCount', () => setSort('count')),
    vscode.commands.registerCommand('policyLens.terms.refresh', () => refresh()),
    view.onDidChangeVisibility(() => refreshSoon(0)),
    vscode.window.onDidChangeActiveTextEditor(() => refreshSoon(100)),
    vscode.workspace.onDidOpenTextDocument(showViewIfServed),
    vscode.workspace.onDidChangeConfiguration(showViewIfServed),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.length > 0) refreshSoon();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('policyLens') && refreshSoon()),
    { dispose: () => clearTimeout(timer) },
  );
}

class TermsProvider implements vscode.TreeDataProvider<Node> {
  readonly #changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #terms: readonly TermStatistic[] = [];

  constructor(public sort: SortOrder) {}

  setTerms(terms: readonly TermStatistic[]): void {
    this.#terms = terms;
    this.refresh();
  }

  refresh(): void {
    this.#changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return groupTerms(this.#terms, this.sort).map((group) => ({ kind: 'group', group }));
    return node.kind === 'group' ? node.group.terms.map((term) => ({ kind: 'term', term })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${node.group.category}`;
      item.description = String(node.group.count);
      item.contextValue = 'category';
      return item;
    }
    const { term } = node;
    const item = new vscode.TreeItem(term.term, vscode.TreeItemCollapsibleState.None);
    item.id = `term:${term.category}:${term.term}`;
    const wrong = term.forms.filter((f) => f.role === 'rejected').reduce((sum, f) => sum + f.count, 0);
    item.description = wrong > 0 ? l10n.t('{0} ({1} misspelt)', term.count, wrong) : String(term.count);
    item.iconPath = new vscode.ThemeIcon(term.kind === 'slogan' ? 'quote' : 'symbol-key');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(term.term)}** · ${escapeMarkdown(term.categoryName)} · ${term.kind === 'slogan' ? l10n.t('slogan') : l10n.t('term')}\n\n`);
    for (const form of term.forms) tooltip.appendMarkdown(`- ${escapeMarkdown(form.form)} ×${form.count}${form.role === 'rejected' ? ` — ${l10n.t('wrong form')}` : ''}\n`);
    tooltip.appendMarkdown(`\n${l10n.t('Click to go to the next occurrence.')}`);
    item.tooltip = tooltip;
    item.contextValue = 'term';
    item.command = { command: 'policyLens.revealNextOccurrence', title: l10n.t('Go to Next Occurrence'), arguments: [term.term] };
    return item;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
