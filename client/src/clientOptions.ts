import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type LanguageClientOptions, type Middleware } from 'vscode-languageclient';
import { l10n, uiLanguage } from './l10n';
import { DOCX_SCHEME } from '../../server/src/protocol';

type DocumentFilterList = ({ scheme: string; language: string } | { language: string } | { scheme: string; pattern: string } | { pattern: string })[];

let inBrowser = false;

/** Called by the web extension: documents of any scheme from now on. */
export function selectAnyScheme(): void {
  inBrowser = true;
}

/**
 * Which documents the server sees: `policy` always; plain text and Markdown when the user opts in.
 * On the desktop files and untitled buffers; in the browser (`anyScheme`) also `vscode-vfs:` and
 * the like, where vscode.dev and github.dev keep repository files.
 */
export function documentSelector(anyScheme = inBrowser): DocumentFilterList {
  const config = vscode.workspace.getConfiguration('policyLens');
  const forLanguage = (language: string): DocumentFilterList => (anyScheme ? [{ language }] : [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
  const selector: DocumentFilterList = [
    ...forLanguage('policy'),
    // Read-only views of Word documents (see docx/wordDocuments.ts; desktop only).
    ...(anyScheme ? [] : [{ scheme: DOCX_SCHEME, language: 'policy' }]),
    // The workspace glossary, so that editing it updates hovers before it is saved.
    anyScheme ? { pattern: '**/.policy-lens/glossary.json' } : { scheme: 'file', pattern: '**/.policy-lens/glossary.json' },
  ];
  if (config.get<boolean>('enableForPlaintext')) selector.push(...forLanguage('plaintext'));
  if (config.get<boolean>('enableForMarkdown')) selector.push(...forLanguage('markdown'));
  return selector;
}

/** The client options both the desktop and the browser client use. */
export function clientOptions(output: vscode.LogOutputChannel, middleware?: Middleware): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: {
      configurationSection: 'policyLens',
      // Glossary files and policy documents: the workspace index follows changes on disk.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.policy-lens/*.json'),
        vscode.workspace.createFileSystemWatcher('**/*.policy.{txt,md}'),
      ],
    },
    // Settings go along with initialize so the first answers already use them (the server pulls them again later).
    initializationOptions: {
      // policyLens.language, or VS Code's display language
      locale: uiLanguage(),
      trusted: vscode.workspace.isTrusted,
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('policyLens'))),
    },
    errorHandler: restartingErrorHandler(),
    middleware,
  };
}

/** Restarts a crashed server (at most 5 times in 3 minutes) and tells the user each time. */
function restartingErrorHandler(): NonNullable<LanguageClientOptions['errorHandler']> {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0] > 3 * 60_000) crashes.shift();
      if (crashes.length > 5) {
        void vscode.window.showErrorMessage(l10n.t('The Policy Lens server crashed 5 times in 3 minutes and will not be restarted. Run "Policy Lens: Restart Language Server" to try again.'));
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      void vscode.window.showWarningMessage(l10n.t('The Policy Lens server stopped and was restarted.'));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
