import type { Connection } from 'vscode-languageserver';
import { isPolicyDocumentFile } from '../engine/document';
import type { FileHost } from '../engine/host';
import type { DocumentAnalysis } from '../engine/documentAnalysis';
import type { DocumentStore } from './documentStore';
import { LineDocument } from './lineDocument';
import type { Settings } from '../engine/settings';

/**
 * The policy documents of the workspace, for workspace symbols, references
 * and definitions. Files are read in the background (with progress); open
 * documents are always taken from the editor instead.
 */
export class WorkspaceIndex {
  readonly #closed = new Map<string, LineDocument>();
  #ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly openDocuments: () => readonly LineDocument[],
    private readonly settings: () => Settings,
    private readonly files: FileHost,
  ) {}

  /** Resolves when the last (re)indexing finished. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Scans the workspace folders; reports progress to clients that support it. */
  index(roots: readonly string[], progressSupported: boolean): void {
    this.#ready = this.#index(roots, progressSupported).catch((error) => this.connection.console.error(`workspace index: ${String(error)}`));
  }

  /** A policy file changed on disk. */
  async update(uri: string, deleted: boolean): Promise<void> {
    const file = this.files.fromUri(uri);
    if (file === undefined || !isPolicyDocumentFile(file)) return;
    if (deleted) {
      this.#closed.delete(file);
      return;
    }
    const text = await this.files.readDocument(file, this.settings().maxDocumentSize * 4);
    if (text !== undefined) this.#closed.set(file, LineDocument.create(uri, 'policy', Date.now(), text));
  }

  /** Every workspace document's analysis: the editor's version when open. */
  analyses(): DocumentAnalysis<LineDocument>[] {
    const result = new Map<string, DocumentAnalysis<LineDocument>>();
    for (const document of this.openDocuments()) result.set(this.#keyOf(document.uri), this.store.get(document));
    for (const [key, document] of this.#closed) {
      if (!result.has(key)) result.set(key, this.store.get(document));
    }
    return [...result.values()];
  }

  /** Clients spell the same file differently (Neovim sends `%e6`, Node writes `%E6`): files are keyed by their path. */
  #keyOf(uri: string): string {
    return this.files.fromUri(uri) ?? uri;
  }

  async #index(roots: readonly string[], progressSupported: boolean): Promise<void> {
    const progress = progressSupported ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Policy Lens', 0, 'indexing policy documents', false);
    const files = (await Promise.all(roots.map((root) => this.files.findPolicyDocuments(root)))).flat();
    let done = 0;
    for (const file of files) {
      await this.update(this.files.toUri(file), false);
      done++;
      if (done % 10 === 0) progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
    }
    progress?.done();
  }
}
