import type { DocxContent } from '../core/docx/model';
import type { ReferenceIndex } from '../core/quotes/referenceIndex';
import type { GlossaryEntry } from '../core/terms/glossary';
import type { TermHistoryData } from '../core/terms/termHistory';
import type { LocatedGlossaryProblem } from './glossaryFile';
import type { SegmenterChoice } from './settings';

/**
 * Everything the engine needs from its platform, injected so that the engine
 * itself touches no file, thread or native module: Node supplies it in
 * adapters/nodeHost.ts; a browser build would supply its own.
 */
export interface EngineHost {
  readonly files: FileHost;
  /** No file system (the browser): the server says once what is not available there. */
  readonly withoutFiles?: boolean;
  /**
   * A fresh segmenter backend (jieba in a worker, jieba in-process, …) for a
   * `policyLens.segmenter` choice other than `intl`; throws when it cannot start.
   */
  createSegmenterBackend(choice: Exclude<SegmenterChoice, 'intl'>): SegmenterBackend;
  /** The settings have chosen the segmenter (and its backend has started loading): a head start begun before them and not adopted can stop. */
  segmenterChosen?(): void;
  loadBuiltinGlossary(): { readonly entries: GlossaryEntry[]; readonly problem?: string };
  /** Reads and checks a user glossary; `text` is the editor's unsaved buffer when open. */
  loadUserGlossary(file: string, uri: string, text?: string): UserGlossaryResult;
  /** The built-in terms' counts per national report (data/term-history.json); undefined when absent. */
  loadTermHistory?(): TermHistoryData | undefined;
  /** Lower-case pinyin initials of the Han characters (新质生产力 → xzscl). */
  pinyinInitials(text: string): string;
  createReferenceLibrary(): ReferenceLibrary;
  /**
   * `true` when the analysis of many paragraphs at once begins (a large document opened), `false`
   * when it ends: the platform may let its heap grow faster meanwhile. Absent where it cannot.
   */
  heapGrowth?(bulk: boolean): void;
  /**
   * A full garbage collection that leaves room for a large document's analysis, called once the
   * warm-up is over (nothing else runs then). Absent where the platform cannot.
   */
  collectWithHeadroom?(): void;
  /** Reads a Word document (.docx); absent where the platform cannot (then Word views are refused). */
  readWordDocument?(file: string): Promise<WordDocumentRead>;
}

/** A Word document's paragraphs, or why it could not be read (naming no file: the caller does). */
export type WordDocumentRead = { readonly ok: true; readonly content: DocxContent } | { readonly ok: false; readonly message: string };

/** Paths and URIs: resolved against the workspace folder, the way the platform spells them. */
export interface FileHost {
  resolve(root: string | undefined, file: string): string;
  exists(file: string): boolean;
  toUri(file: string): string;
  /** The file of a `file:` URI; undefined for other schemes or malformed URIs. */
  fromUri(uri: string): string | undefined;
  /** The policy documents (`*.policy.txt|md`) below a workspace folder; none where there is no file system. */
  findPolicyDocuments(root: string): Promise<string[]>;
  /** A workspace document's text; undefined when unreadable or over `maxBytes`. */
  readDocument(file: string, maxBytes: number): Promise<string | undefined>;
}

/** A file that could not be used, reported to the user with a localized message. */
export interface FileProblem {
  readonly path: string;
  readonly messageId: string;
  /** Zero-based line, for problems inside the file. */
  readonly line?: number;
  readonly detail?: string;
}

export type UserGlossaryResult =
  | { readonly ok: true; readonly entries: GlossaryEntry[]; readonly problems: LocatedGlossaryProblem[]; readonly text: string }
  | { readonly ok: false; readonly problem: FileProblem };

/** The reference texts in force (built-in plus the user's) and their index. */
export interface ReferenceLibrary {
  readonly index: ReferenceIndex;
  readonly builtinProblems: readonly FileProblem[];
  /** Re-reads the user's files and folders and applies the choice of built-ins (by name; all when undefined); `changed` when the index was rebuilt. */
  reload(userPaths: readonly string[], builtins?: readonly string[]): { changed: boolean; problems: FileProblem[] };
  /** True for a file that is itself a reference text: it is checked against the others only. */
  isReference(file: string): boolean;
  /** The index a file is checked against: all references, or for a reference text itself all the others. */
  indexFor(file: string | undefined): ReferenceIndex;
}

export interface SegmenterLoad {
  /** The segmenter that loaded, when the backend tries several in turn (nodejieba, then jieba-wasm). */
  readonly segmenter?: SegmenterName;
  /** Why the segmenters tried before it could not load; absent when the first one did. */
  readonly substituted?: string;
  readonly loadMs: number;
  readonly userWords: number;
  readonly problems: readonly FileProblem[];
}

/** The pieces of one text: lengths in UTF-16 units and parts of speech ('' when none). */
export interface CutPieces {
  readonly lengths: Uint32Array;
  readonly tags: readonly string[];
}

/**
 * A segmenter with a dictionary. Rejects (load or cut) when it cannot work;
 * the segmentation service then falls back to Intl.Segmenter and says so.
 */
export interface SegmenterBackend {
  readonly name: SegmenterName;
  load(userDictionaryPaths: readonly string[]): Promise<SegmenterLoad>;
  cut(texts: readonly string[]): Promise<readonly CutPieces[]>;
  /** In-process backends cut at once (the command line, tests); a worker cannot. */
  cutNow?(text: string): CutPieces;
  dispose(): void;
}

/** Which segmenter produced the tokens, as `policyLens/segment` and the status item name it. */
export type SegmenterName = 'jieba' | 'jieba-wasm' | 'intl';
