import type { CancellationToken } from 'vscode-languageserver';

/**
 * When each open document was last edited, and a wait for the user to pause typing. Answers that
 * make the editor redraw the whole visible text (semantic tokens) wait for a pause, so that the
 * echo of each keystroke does not compete with that redraw (issue 21: typing in a policy document
 * within 1.2 × plain text).
 */
export class TypingPauses {
  readonly #opened = new Map<string, number>();
  readonly #lastEdit = new Map<string, number>();

  opened(uri: string, version: number): void {
    this.#opened.set(uri, version);
    this.#lastEdit.delete(uri);
  }

  /** A content change; the one TextDocuments reports along with the opening is none. */
  changed(uri: string, version: number): void {
    if (this.#opened.get(uri) === version) return;
    this.#lastEdit.set(uri, Date.now());
  }

  closed(uri: string): void {
    this.#opened.delete(uri);
    this.#lastEdit.delete(uri);
  }

  /** Resolves once `uri` has gone `ms` without an edit (at once if it has, or was never edited), or when `token` is cancelled. */
  async pause(uri: string, ms: number, token?: CancellationToken): Promise<void> {
    for (;;) {
      const last = this.#lastEdit.get(uri);
      if (last === undefined || ms <= 0 || token?.isCancellationRequested) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 100)));
    }
  }
}
