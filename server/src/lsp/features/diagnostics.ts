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

/** Stored in `Diagnostic.data` so code actions can apply the fix without re-analysing. */
export interface DiagnosticData {
  readonly fix?: readonly { readonly range: Diagnostic['range']; readonly newText: string }[];
  readonly ignoreKey?: string;
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

  const validate = async (uri: string): Promise<void> => {
    const document = context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const analysis = context.store.get(document);
    if (analysis.isLarge) onLarge(document);
    else if (context.segmentation.state.kind !== 'loading') await analysis.ensureTokens();
    if (isStale(uri, version)) return;
    const findings = analysis.findings();
    const locale = context.locale();
    const diagnostics = findings.map((f) => toDiagnostic(document, f, locale));
    if (isStale(uri, version)) return;
    void context.connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const isStale = (uri: string, version: number) => context.documents.get(uri)?.version !== version;

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
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}

function toDiagnostic(document: TextDocument, finding: GradedFinding, locale: Locale): Diagnostic {
  const data: DiagnosticData = {
    fix: finding.fix?.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })),
    ignoreKey: finding.ignoreKey,
  };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'policy-lens',
    message: findingMessage(finding, locale),
    relatedInformation: finding.related?.map((span) => ({
      location: { uri: document.uri, range: toRange(document, span) },
      message: document.getText(toRange(document, span)),
    })),
    data,
  };
}
