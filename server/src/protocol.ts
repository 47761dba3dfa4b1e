/**
 * Custom protocol between the Policy Lens client and server. The client
 * imports this file with `import type` only, so nothing here runs in the client.
 */
import type { Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

export const SEGMENT_REQUEST = 'policyLens/segment';

export interface SegmentParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Defaults to the whole document. */
  readonly range?: Range;
}

/** A token of the requested range; `start`/`end` are UTF-16 offsets into the whole document. */
export interface SegmentToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface SegmentResult {
  readonly tokens: readonly SegmentToken[];
  /** `jieba` normally, `intl` when nodejieba could not load. */
  readonly segmenter: 'jieba' | 'intl';
}

/** Sent by the server whenever segmentation changes state (for the status bar). */
export const STATUS_NOTIFICATION = 'policyLens/status';

export interface StatusParams {
  readonly state: 'loading' | 'ready' | 'fallback';
  readonly message: string;
}
