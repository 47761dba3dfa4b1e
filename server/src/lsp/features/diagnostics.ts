import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GradedFinding } from '../../core/analysis';
import type { ServerContext } from '../context';
import { findingMessage, type Locale } from '../l10n';
import { toRange } from '../positions';

const SEVERITY: Record<GradedFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Related locations sent per diagnostic; editors list them, and more than this is noise. */
const MAX_RELATED = 20;

/** Stored in `Diagnostic.data` so code actions can apply the fix without re-analysing. */
export interface DiagnosticData {
  readonly fix?: readonly { readonly range: Diagnostic['range']; readonly newText: string }[];
  readonly ignoreKey?: string;
  /**
   * The document version `fix` was computed for. Editors send back the diagnostics they
   * show, which may be older than the text: such a fix is not applied as is (see codeActions).
   */
  readonly version?: number;
}

export interface DiagnosticsScheduler {
  /** Re-checks the document after the debounce delay. */
  schedule(uri: string): void;
  /** Re-checks every open document (settings or dictionaries changed). */
  refreshAll(): void;
  clear(uri: string): void;
}

/**
 * Pushes diagnostics: debounced per document, published with the version they
 * were computed for, and dropped if a newer version exists by then.
 */
export function registerDiagnostics(context: ServerContext, onLarge: (document: TextDocument) => void): DiagnosticsScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents told about the size limit: once per opening, not once per edit (the size in the message changes). */
  const toldLarge = new Set<string>();

  const validate = async (uri: string): Promise<void> => {
    const document = context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    // Analysis runs on the main thread and takes a while on a large document (≈0.5 s at
    // 20 MB). It is done in slices with the event loop in between: requests that arrived
    // meanwhile (a hover, the outline) are answered between slices instead of being queued
    // behind the whole analysis, and a newer version stops this one at the next slice.
    await nextTurn();
    if (isStale(document, version)) return;
    const analysis = context.store.get(document);
    void analysis.paragraphs;
    await nextTurn();
    if (isStale(document, version)) return;
    void analysis.outline;
    await nextTurn();
    if (isStale(document, version)) return;
    if (analysis.isLarge) {
      if (!toldLarge.has(uri)) onLarge(document);
      toldLarge.add(uri);
    } else if (context.segmentation.state.kind !== 'loading') await analysis.ensureTokens();
    if (isStale(document, version)) return;
    const findings = analysis.findings();
    await nextTurn();
    if (isStale(document, version)) return;
    const locale = context.locale();
    const diagnostics = findings.map((f) => toDiagnostic(document, f, locale, version));
    if (isStale(document, version)) return;
    void context.connection.sendDiagnostics({ uri, version, diagnostics });
  };

  // Stale when edited since, and also when closed and reopened since: editors reopen at
  // version 1 again, so a version number alone would let the old text's diagnostics through.
  const isStale = (document: TextDocument, version: number) => context.documents.get(document.uri) !== document || document.version !== version;

  const schedule = (uri: string): void => {
    clearTimeout(timers.get(uri));
    const run = () => {
      timers.delete(uri);
      validate(uri).catch((error) => context.connection.console.error(`diagnostics failed for ${uri}: ${String(error?.stack ?? error)}`));
    };
    const delay = context.settings().debounceMs;
    timers.set(uri, setTimeout(run, delay));
  };

  // Once the dictionary has loaded, token-based rules can run on everything open.
  context.segmentation.onStateChange((state) => {
    if (state.kind !== 'loading') for (const document of context.documents.all()) schedule(document.uri);
  });

  return {
    schedule,
    refreshAll: () => context.documents.all().forEach((d) => schedule(d.uri)),
    clear: (uri) => {
      toldLarge.delete(uri);
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}

/** Resolves after the requests and notifications already received have been handled. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function toDiagnostic(document: TextDocument, finding: GradedFinding, locale: Locale, version: number): Diagnostic {
  const data: DiagnosticData = {
    fix: finding.fix?.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })),
    ignoreKey: finding.ignoreKey,
    version,
  };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'policy-lens',
    message: findingMessage(finding, locale),
    // At most MAX_RELATED: a phrase repeated 400 times in one paragraph gave 400 diagnostics
    // with 399 related locations each, a 24 MB message for a 2 000-character line.
    relatedInformation: finding.related?.slice(0, MAX_RELATED).map((span) => ({
      location: { uri: document.uri, range: toRange(document, span) },
      message: document.getText(toRange(document, span)),
    })),
    data,
  };
}
