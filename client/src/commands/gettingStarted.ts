import * as vscode from 'vscode';
import { l10n } from '../l10n';

/** The walkthrough's id as VS Code knows it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'policy-lens.policy-lens#gettingStarted';

/** A copy of the bundled sample draft as a new, unsaved policy document (the extension's own file stays untouched). */
export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'data/samples/sample.policy.txt'));
  const document = await vscode.workspace.openTextDocument({ language: 'policy', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document);
}

export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}

/**
 * Adds a reference text: copied into the workspace's `.policy-lens/references/`, or, with no
 * folder open, added to the user setting `policyLens.references` (absolute path).
 */
export async function addReference(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: true, filters: { [l10n.t('Text files')]: ['txt'] }, openLabel: l10n.t('Add as Reference') });
  if (!picked || picked.length === 0) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const target = vscode.Uri.joinPath(folder.uri, '.policy-lens', 'references');
    await vscode.workspace.fs.createDirectory(target);
    for (const file of picked) await vscode.workspace.fs.copy(file, vscode.Uri.joinPath(target, file.path.slice(file.path.lastIndexOf('/') + 1)), { overwrite: true });
    void vscode.window.showInformationMessage(l10n.t('Reference texts added to {0}.', vscode.workspace.asRelativePath(target)));
    return;
  }
  const config = vscode.workspace.getConfiguration('policyLens');
  const current = config.inspect<string[]>('references')?.globalValue ?? [];
  const added = picked.map((uri) => uri.fsPath).filter((p) => !current.includes(p));
  await config.update('references', [...current, ...added], vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(l10n.t('Reference texts added to the user setting policyLens.references.'));
}

const EXAMPLE_GLOSSARY = {
  version: 1,
  terms: [
    {
      term: '两区',
      kind: 'term',
      category: '数字简称',
      definition: '国家服务业扩大开放综合示范区和中国（北京）自由贸易试验区。',
      english: 'the two pilot zones',
      variants: { accepted: [], rejected: [] },
    },
  ],
};

/**
 * Opens the user glossary: the workspace's `.policy-lens/glossary.json`, or, with no folder
 * open, a glossary in the extension's storage listed in the user setting `policyLens.glossaries`.
 * A missing file is created with one example entry.
 */
export async function addGlossaryEntry(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = folder ? vscode.Uri.joinPath(folder.uri, '.policy-lens', 'glossary.json') : vscode.Uri.joinPath(context.globalStorageUri, 'glossary.json');
  if (!(await exists(file))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(EXAMPLE_GLOSSARY, null, 2)}\n`));
  }
  if (!folder) {
    const config = vscode.workspace.getConfiguration('policyLens');
    const current = config.inspect<string[]>('glossaries')?.globalValue ?? [];
    if (!current.includes(file.fsPath)) await config.update('glossaries', [...current, file.fsPath], vscode.ConfigurationTarget.Global);
  }
  await vscode.window.showTextDocument(file);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
