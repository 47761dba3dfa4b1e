import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, Middleware } from 'vscode-languageclient';

/**
 * Documents whose checking the user paused from the status bar. The server keeps
 * analysing them (the outline, hovers and word keys need it); their diagnostics are
 * held back here and shown again, as last published, on resume. Remembered per workspace.
 */
export class PausedDocuments implements vscode.Disposable {
  readonly #paused: Set<string>;
  /** The diagnostics last published for each document, so resuming needs no new check. */
  readonly #last = new Map<string, vscode.Diagnostic[]>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.#paused = new Set(state.get<string[]>(KEY, []));
  }

  isPaused(uri: vscode.Uri): boolean {
    return this.#paused.has(uri.toString());
  }

  /** Diagnostics of paused documents stop before the Problems panel. */
  readonly middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => {
      this.#last.set(uri.toString(), diagnostics);
      next(uri, this.isPaused(uri) ? [] : diagnostics);
    },
  };

  async toggle(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const collection = this.client()?.diagnostics;
    if (this.#paused.delete(key)) {
      collection?.set(uri, this.#last.get(key) ?? []);
    } else {
      this.#paused.add(key);
      collection?.delete(uri);
    }
    await this.state.update(KEY, [...this.#paused]);
    this.#changed.fire(uri);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}

const KEY = 'policyLens.pausedDocuments';
