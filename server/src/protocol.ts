import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { SegmenterName } from './engine/host';
/**
 * Custom protocol between the Policy Lens client and server. The client
 * imports this file with `import type` only, so nothing here runs in the client.
 */
import type { Location, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

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
  /** `jieba` (nodejieba), `jieba-wasm` where it cannot load, `intl` when neither can (or when chosen). */
  readonly segmenter: SegmenterName;
}

/** Sent by the server whenever segmentation changes state (for the status bar). */
export const STATUS_NOTIFICATION = 'policyLens/status';

export interface StatusParams {
  readonly state: 'loading' | 'ready' | 'fallback';
  /** The segmenter in use once ready (or `intl` on fallback). */
  readonly segmenter?: SegmenterName;
  /** The state in one localised sentence (for clients that show just a message). */
  readonly message: string;
  /** When ready: how long the dictionary took to load, and how many words user dictionaries added. */
  readonly loadMs?: number;
  readonly userWords?: number;
  /** When fallback: why jieba could not load. */
  readonly reason?: string;
}

/**
 * The glossary terms and slogans a document (or the workspace) uses, their density per part, and
 * the findings of each rule: the Policy Terms view and the term report.
 */
export const TERM_STATISTICS_REQUEST = 'policyLens/termStatistics';

export interface TermStatisticsParams {
  /** One document … */
  readonly textDocument?: TextDocumentIdentifier;
  /** … or every policy document of the workspace (open ones as edited). */
  readonly workspace?: boolean;
  /** Send each term's occurrences (document scope only; default true). */
  readonly occurrences?: boolean;
  /** Run the checks and send their findings per rule (default true; the Policy Terms view needs none). */
  readonly findings?: boolean;
}

export type FindingSeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface TermStatistic {
  readonly term: string;
  /** The glossary's category (the key terms are grouped by) … */
  readonly category: string;
  /** … and its name in the UI language (`Development philosophy` for 发展理念 in English). */
  readonly categoryName: string;
  readonly kind: 'term' | 'slogan';
  readonly count: number;
  /** The forms written (the term, aliases, accepted and wrong spellings), most frequent first. */
  readonly forms: readonly { readonly form: string; readonly role: 'term' | 'alias' | 'accepted' | 'rejected'; readonly count: number }[];
  /** In document order; empty for the workspace or when not asked for. */
  readonly occurrences: readonly Location[];
  /**
   * The built-in term's life in the national reports (data/term-history.json): `[year, count]` per
   * government work report and `[congress, count]` per Party Congress report, non-zero only.
   * Absent for terms of a user glossary.
   */
  readonly history?: { readonly gwr: readonly (readonly [number, number])[]; readonly cpc: readonly (readonly [number, number])[] };
}

/** A column of the density table: a part of the document, or a document of the workspace. */
export interface TermStatisticsSection {
  /** The heading (or file name); '' for text before any heading. */
  readonly name: string;
  readonly uri: string;
  /** Zero-based line of the heading. */
  readonly line: number;
  readonly characters: number;
}

export interface TermDensity {
  readonly term: string;
  readonly kind: 'term' | 'slogan';
  /** Occurrences per section, in the order of `sections`. */
  readonly counts: readonly number[];
  /** Occurrences per 1 000 characters per section. */
  readonly perThousand: readonly number[];
}

export interface RuleStatistic {
  /** Rule id, e.g. `slogan.repeated`. */
  readonly code: string;
  /** What the rule checks, in the display language. */
  readonly title: string;
  readonly count: number;
  readonly bySeverity: Readonly<Record<FindingSeverityName, number>>;
  /** At most 1 000 of them; `count` is the total. */
  readonly findings: readonly { readonly uri: string; readonly range: Range; readonly severity: FindingSeverityName; readonly message: string }[];
}

export interface TermStatisticsResult {
  readonly scope: 'document' | 'workspace';
  readonly documents: readonly { readonly uri: string; readonly characters: number }[];
  /** Characters on non-empty lines, all documents together. */
  readonly characters: number;
  /** Most used first. */
  readonly terms: readonly TermStatistic[];
  readonly sections: readonly TermStatisticsSection[];
  /** The most used terms and slogans, section by section. */
  readonly density: readonly TermDensity[];
  readonly rules: readonly RuleStatistic[];
  /** The reports the term histories count: years of government work reports, numbers of Party Congresses. */
  readonly historyCorpus?: { readonly gwrYears: readonly number[]; readonly congresses: readonly number[] };
}

/** The custom methods as typed objects: the client and the server name each method once, here. */
export const SegmentRequestType = new RequestType<SegmentParams, SegmentResult, void>(SEGMENT_REQUEST);
export const TermStatisticsRequestType = new RequestType<TermStatisticsParams, TermStatisticsResult | null, void>(TERM_STATISTICS_REQUEST);
export const StatusNotificationType = new NotificationType<StatusParams>(STATUS_NOTIFICATION);

/**
 * Word documents shown as read-only policy text (`policy-docx:` + the file's
 * path). The client's content provider asks for the text; the server reads
 * the .docx, keeps its origin map and style headings for that URI, and
 * serves outline, hover and diagnostics of the virtual document as usual.
 */
export const DOCX_SCHEME = 'policy-docx';
export const DOCX_TEXT_REQUEST = 'policyLens/docxText';
/** The findings of an open `policy-docx:` document as CSV (UTF-8 with BOM). */
export const DOCX_EXPORT_REQUEST = 'policyLens/docxFindingsCsv';
/** An editable Markdown copy of a Word document (headings as Markdown headings). */
export const DOCX_MARKDOWN_REQUEST = 'policyLens/docxMarkdown';

export interface DocxParams {
  /** The `policy-docx:` URI. */
  readonly uri: string;
}

export type DocxTextResult = { readonly text: string } | { readonly error: string };
export type DocxExportResult = { readonly csv: string; readonly findings: number } | { readonly error: string };
export type DocxMarkdownResult = { readonly markdown: string } | { readonly error: string };
export const DocxTextRequestType = new RequestType<DocxParams, DocxTextResult, void>(DOCX_TEXT_REQUEST);
export const DocxExportRequestType = new RequestType<DocxParams, DocxExportResult, void>(DOCX_EXPORT_REQUEST);
export const DocxMarkdownRequestType = new RequestType<DocxParams, DocxMarkdownResult, void>(DOCX_MARKDOWN_REQUEST);

/**
 * The web extension's first message to its server worker, before any JSON-RPC:
 * jieba-wasm's module and the cppjieba data, read from the extension's files by the client.
 */
export interface JiebaWasmFiles {
  readonly wasm: ArrayBuffer;
  readonly mainDictionary: string;
  readonly hmmModel: string;
}
