import * as vscode from 'vscode';
import { l10n, uiLanguage } from './l10n';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DOCX_SCHEME } from '../../server/src/protocol';

type DocumentFilterList = ({ scheme: string; language: string } | { scheme: string; pattern: string })[];

/** Which documents the server sees: `policy` always; plain text and Markdown when the user opts in. */
export function documentSelector(): DocumentFilterList {
  const config = vscode.workspace.getConfiguration('policyLens');
  const selector: DocumentFilterList = [
    { scheme: 'file', language: 'policy' },
    { scheme: 'untitled', language: 'policy' },
    // Read-only views of Word documents (see docx/wordDocuments.ts).
    { scheme: DOCX_SCHEME, language: 'policy' },
    // The workspace glossary, so that editing it updates hovers before it is saved.
    { scheme: 'file', pattern: '**/.policy-lens/glossary.json' },
  ];
  if (config.get<boolean>('enableForPlaintext')) selector.push({ scheme: 'file', language: 'plaintext' }, { scheme: 'untitled', language: 'plaintext' });
  if (config.get<boolean>('enableForMarkdown')) selector.push({ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' });
  return selector;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, middleware?: Middleware): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
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
      locale: uiLanguage(),
      trusted: vscode.workspace.isTrusted,
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('policyLens'))),
    },
    errorHandler: restartingErrorHandler(),
    middleware,
  };
  return new LanguageClient('policyLens', l10n.t('Policy Lens'), serverOptions, clientOptions);
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
