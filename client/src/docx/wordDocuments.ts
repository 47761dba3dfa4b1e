import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DOCX_SCHEME, DocxExportRequestType, DocxMarkdownRequestType, DocxTextRequestType } from '../../../server/src/protocol';

/**
 * Word documents in the editor: "Open Word Document as Policy Text" shows a
 * .docx as a read-only `policy-docx:` document the server reads and checks
 * (outline, hover, diagnostics, the Policy Terms view); its findings export
 * as CSV for Excel, and "Convert to .policy.md" writes an editable copy. The
 * server does the reading (mammoth runs there); the client shows and saves.
 */
export function registerWordDocuments(startClient: () => Promise<LanguageClient | undefined>): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const client = await startClient();
      if (!client) throw new Error(l10n.t('The Policy Lens server is not running.'));
      const answer = await client.sendRequest(DocxTextRequestType, { uri: uri.toString() });
      if ('error' in answer) {
        void vscode.window.showErrorMessage(l10n.t('Cannot open the Word document: {0}', answer.error));
        return '';
      }
      return answer.text;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('policyLens.openWordDocument', async (resource?: vscode.Uri) => {
      const file = await wordFile(resource);
      if (file) await openView(file);
    }),
    vscode.commands.registerCommand('policyLens.exportWordFindings', async (resource?: vscode.Uri) => {
      const file = await wordFile(resource);
      if (!file) return;
      const view = await openView(file);
      const client = await startClient();
      if (!view || !client) return;
      const answer = await client.sendRequest(DocxExportRequestType, { uri: view.uri.toString() });
      if ('error' in answer) {
        void vscode.window.showErrorMessage(answer.error);
        return;
      }
      const target = await vscode.window.showSaveDialog({
        defaultUri: sibling(file, '.docx', '.findings.csv'),
        filters: { CSV: ['csv'] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.csv));
      void vscode.window.showInformationMessage(l10n.t('Findings written to {0}: {1}.', basename(target), answer.findings));
    }),
    vscode.commands.registerCommand('policyLens.convertWordToPolicyMarkdown', async (resource?: vscode.Uri) => {
      const file = await wordFile(resource);
      const client = file && (await startClient());
      if (!file || !client) return;
      const answer = await client.sendRequest(DocxMarkdownRequestType, { uri: viewUri(file).toString() });
      if ('error' in answer) {
        void vscode.window.showErrorMessage(l10n.t('Cannot open the Word document: {0}', answer.error));
        return;
      }
      const target = sibling(file, '.docx', '.policy.md');
      if (await exists(target)) {
        const overwrite = l10n.t('Overwrite');
        const choice = await vscode.window.showWarningMessage(l10n.t('{0} exists. Overwrite it?', basename(target)), { modal: true }, overwrite);
        if (choice !== overwrite) return;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.markdown));
      await vscode.window.showTextDocument(target);
    }),
  );
}

/** The read-only view of a .docx file: the same path under the `policy-docx:` scheme. */
export function viewUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: file.path });
}

async function openView(file: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const document = await vscode.workspace.openTextDocument(viewUri(file));
  if (document.getText() === '') return undefined;
  // The server serves policy documents: the language makes the client send it.
  const policy = document.languageId === 'policy' ? document : await vscode.languages.setTextDocumentLanguage(document, 'policy');
  await vscode.window.showTextDocument(policy, { preview: false });
  return policy;
}

/** The .docx the command is for: the Explorer's selection, the active view, or one the user picks. */
async function wordFile(resource?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (resource?.scheme === 'file' && /\.docx$/i.test(resource.path)) return resource;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === DOCX_SCHEME) return vscode.Uri.file(active.fsPath);
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: l10n.t('Open as Policy Text') });
  return picked?.[0];
}

function sibling(file: vscode.Uri, suffix: string, replacement: string): vscode.Uri {
  const name = basename(file);
  const stem = name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
  return vscode.Uri.joinPath(file, '..', `${stem}${replacement}`);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
