import { MessageType, type Connection } from 'vscode-languageserver';
import type { FileProblem } from '../engine/host';
import { localize, type Locale } from '../engine/l10n';
import { fileProblemMessageId, SERVER_MESSAGES, type ServerMessageId } from '../engine/serverMessages';

/** Messages shown to the user in their language, each at most once per session unless asked otherwise. */
export class UserMessages {
  readonly #shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly locale: () => Locale,
  ) {}

  text(id: ServerMessageId, args: Readonly<Record<string, string | number>> = {}): string {
    return localize(SERVER_MESSAGES[id], this.locale(), args);
  }

  show(type: MessageType, id: ServerMessageId, args: Readonly<Record<string, string | number>> = {}, once = true): void {
    const text = this.text(id, args);
    if (once && this.#shown.has(text)) return;
    this.#shown.add(text);
    void this.connection.sendNotification('window/showMessage', { type, message: text });
  }

  fileProblem(problem: FileProblem): void {
    this.show(MessageType.Warning, fileProblemMessageId(problem), { path: problem.path, line: (problem.line ?? 0) + 1, detail: problem.detail ?? '' });
  }
}
