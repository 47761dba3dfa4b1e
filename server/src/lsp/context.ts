import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { AnalysisCaches } from '../core/analysis';
import type { DocumentStore } from './documentStore';
import type { Locale } from './l10n';
import type { LineDocument } from './lineDocument';
import type { SegmentationService } from './segmentation';
import type { Settings } from './settings';

/** What every feature module is given: the server's state, read-only. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<LineDocument>;
  readonly store: DocumentStore;
  readonly segmentation: SegmentationService;
  readonly caches: AnalysisCaches;
  readonly locale: () => Locale;
  readonly settings: () => Settings;
}
