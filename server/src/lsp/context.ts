import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../engine/documentAnalysis';
import type { PolicyEngine } from '../engine/engine';
import type { Locale } from '../engine/l10n';
import type { SegmentationService } from '../engine/segmentation';
import type { Settings } from '../engine/settings';
import type { DocumentStore } from './documentStore';
import type { LineDocument } from './lineDocument';
import type { TypingPauses } from './typingPauses';

/** What every feature module is given: the server's state, read-only. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<LineDocument>;
  readonly engine: PolicyEngine;
  readonly store: DocumentStore;
  readonly segmentation: SegmentationService;
  readonly locale: () => Locale;
  readonly settings: () => Settings;
  /** When the user pauses typing in a document. */
  readonly typing: TypingPauses;
}

/** A request about one document: its params name it. */
interface DocumentParams {
  readonly textDocument?: { readonly uri?: string };
}

/**
 * Wraps a handler of a document request: finds the open document (answering
 * `fallback` for an unknown one), hands over its current analysis, and answers
 * `fallback` when the request was cancelled before the handler ran.
 */
export function forDocument<P extends DocumentParams, R, F = R>(
  context: ServerContext,
  fallback: F,
  handler: (analysis: DocumentAnalysis<LineDocument>, document: LineDocument, params: P, token: CancellationToken | undefined) => R,
): (params: P, token?: CancellationToken) => R | F {
  return (params, token) => {
    const document = context.documents.get(params?.textDocument?.uri ?? '');
    if (!document || token?.isCancellationRequested) return fallback;
    return handler(context.store.get(document), document, params, token);
  };
}
