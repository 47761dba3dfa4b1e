import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import type { PolicyEngine } from '../engine/engine';
import { localize, type Locale } from '../engine/l10n';
import { SERVER_MESSAGES } from '../engine/serverMessages';
import type { UserMessages } from './userMessages';

/**
 * Reloads the user's glossaries and reference texts through the engine and
 * shows what went wrong: problems inside a glossary file as diagnostics on
 * its lines, unreadable files as messages.
 */
export class ResourceDiagnostics {
  constructor(
    private readonly connection: Connection,
    private readonly engine: PolicyEngine,
    private readonly messages: UserMessages,
    private readonly locale: () => Locale,
  ) {}

  reloadGlossary(openText: (uri: string) => string | undefined): void {
    const { reports, failures, dropped } = this.engine.reloadGlossary(openText);
    for (const report of reports) {
      const document = TextDocument.create(report.uri, 'json', 0, report.text);
      void this.connection.sendDiagnostics({
        uri: report.uri,
        diagnostics: report.problems.map((problem) => ({
          range: { start: document.positionAt(problem.span.start), end: document.positionAt(problem.span.end) },
          severity: problem.messageId === 'glossary.badCategory' ? 2 : 1,
          source: 'policy-lens',
          code: problem.messageId,
          message: localize(SERVER_MESSAGES[problem.messageId], this.locale(), problem.args),
        })),
      });
    }
    for (const uri of dropped) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    failures.forEach((failure) => this.messages.fileProblem(failure));
    if (this.engine.glossary.builtinProblem) this.connection.console.error(`built-in glossary: ${this.engine.glossary.builtinProblem}`);
  }

  /** True when findings may have changed. */
  reloadReferences(): boolean {
    const { changed, problems } = this.engine.reloadReferences();
    problems.forEach((problem) => this.messages.fileProblem(problem));
    return changed;
  }
}
