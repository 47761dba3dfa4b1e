import * as vscode from 'vscode';

/**
 * Adds a phrase to `policyLens.ignoredPhrases` in the workspace settings (the
 * user settings when no folder is open), so the choice survives restarts and
 * is shared with the team through .vscode/settings.json.
 */
export async function ignorePhrase(phrase: unknown): Promise<void> {
  if (typeof phrase !== 'string' || phrase.length === 0) return;
  const config = vscode.workspace.getConfiguration('policyLens');
  const current = config.get<string[]>('ignoredPhrases') ?? [];
  if (current.includes(phrase)) return;
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('ignoredPhrases', [...current, phrase], target);
}
