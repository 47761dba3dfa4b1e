import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GradedFinding } from '../../core/analysis';
import { originOf } from '../../core/findings';
import type { Finding, Span } from '../../core/types';
import type { ServerContext } from '../context';
import { findingMessage, type Locale } from '../../engine/l10n';
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
  /**
   * Re-checks the document after the debounce delay, or right away when `immediate` (the
   * dictionary became ready: there is no typing to wait for).
   */
  schedule(uri: string, immediate?: boolean): void;
  /** Re-checks every open document (settings or dictionaries changed). */
  refreshAll(): void;
  clear(uri: string): void;
  /** True while a check is scheduled or running. */
  busy(): boolean;
}

/**
 * Pushes diagnostics: debounced per document, published with the version they
 * were computed for, and dropped if a newer version exists by then.
 */
export function registerDiagnostics(context: ServerContext, onLarge: (document: TextDocument) => void): DiagnosticsScheduler {
  /** Cancels the pending check of each document. */
  const timers = new Map<string, () => void>();
  /** The diagnostics last published for each document, by paragraph finding: reused by the next version. */
  const built = new Map<string, BuiltDiagnostics>();
  /** Documents told about the size limit: once per opening, not once per edit (the size in the message changes). */
  const toldLarge = new Set<string>();

  /** Checks started and not yet finished. */
  let running = 0;

  const host = context.engine.host;

  const validate = async (uri: string): Promise<void> => {
    running++;
    // Set when this check analyses many paragraphs at once (host.heapGrowth), until it ends.
    const bulk = { on: false };
    try {
      await check(uri, bulk);
    } finally {
      running--;
      if (bulk.on) host.heapGrowth?.(false);
    }
  };

  const check = async (uri: string, bulk: { on: boolean }): Promise<void> => {
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
    } else if (context.segmentation.state.kind !== 'loading') {
      await analysis.prepare(() => {
        bulk.on = true;
        host.heapGrowth?.(true);
      });
    }
    if (isStale(document, version)) return;
    const findings = analysis.isLarge || context.segmentation.state.kind === 'loading' ? analysis.findings() : await analysis.settledFindings();
    // Two turns: a request read from the connection during the last slice is queued behind
    // the first, so a hover sent with an edit is answered before that edit's publish.
    await nextTurn();
    await nextTurn();
    if (isStale(document, version)) return;
    const locale = context.locale();
    const reusable = built.get(uri);
    const current: BuiltDiagnostics = new Map();
    const diagnostics = findings.map((f) => diagnosticOf(document, f, locale, version, reusable, current));
    if (isStale(document, version)) return;
    built.set(uri, current);
    void context.connection.sendDiagnostics({ uri, version, diagnostics });
  };

  // Stale when edited since, and also when closed and reopened since: editors reopen at
  // version 1 again, so a version number alone would let the old text's diagnostics through.
  const isStale = (document: TextDocument, version: number) => context.documents.get(document.uri) !== document || document.version !== version;

  const cancel = (uri: string): void => {
    timers.get(uri)?.();
    timers.delete(uri);
  };

  const schedule = (uri: string, immediate = false): void => {
    cancel(uri);
    const run = () => {
      timers.delete(uri);
      validate(uri).catch((error) => context.connection.console.error(`diagnostics failed for ${uri}: ${String(error?.stack ?? error)}`));
    };
    const delay = immediate ? 0 : context.settings().debounceMs;
    // Without a debounce, right after the edits already received: a 0 ms timer waits ≥ 1 ms.
    if (delay === 0) {
      const handle = setImmediate(run);
      timers.set(uri, () => clearImmediate(handle));
    } else {
      const timer = setTimeout(run, delay);
      timers.set(uri, () => clearTimeout(timer));
    }
  };

  // Once the dictionary has loaded, token-based rules can run on everything open, at once:
  // the debounce waits out typing, and the dictionary arriving is no keystroke.
  context.segmentation.onStateChange((state) => {
    if (state.kind !== 'loading') for (const document of context.documents.all()) schedule(document.uri, true);
  });

  return {
    schedule,
    refreshAll: () => context.documents.all().forEach((d) => schedule(d.uri)),
    busy: () => running > 0 || timers.size > 0,
    clear: (uri) => {
      toldLarge.delete(uri);
      built.delete(uri);
      cancel(uri);
      void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}

/** Resolves after the requests and notifications already received have been handled. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface BuiltDiagnostic {
  readonly line: number;
  readonly severity: GradedFinding['severity'];
  readonly locale: Locale;
  readonly diagnostic: Diagnostic;
}

/**
 * Diagnostics built for paragraph findings, by the finding the rule cached for the
 * paragraph's text. One is reused while its line, severity and locale stay: after a
 * one-character edit all lines but one keep their diagnostics, and building ≈500 of
 * them again (positions, messages, related locations) was a tenth of an edit's time.
 * Only the last publish of each document is kept, so memory follows the open documents.
 * A reused diagnostic keeps the version it was built for: code actions then look its
 * fix up again instead of trusting it (see codeActions.currentFix).
 */
type BuiltDiagnostics = Map<Finding, BuiltDiagnostic>;

function diagnosticOf(
  document: TextDocument,
  finding: GradedFinding,
  locale: Locale,
  version: number,
  reusable: BuiltDiagnostics | undefined,
  current: BuiltDiagnostics,
): Diagnostic {
  const origin = originOf(finding);
  if (!origin || !fitsLine(origin.finding, origin.text.length)) return toDiagnostic(document, finding, locale, version);
  const { line, text } = origin;
  const relative = origin.finding;
  const cached = reusable?.get(relative) ?? current.get(relative);
  if (cached && cached.line === line && cached.severity === finding.severity && cached.locale === locale) {
    current.set(relative, cached);
    return cached.diagnostic;
  }
  // Paragraphs are lines, so paragraph offsets are the LSP characters (both UTF-16) of `line`.
  const range = (span: Span): Range => ({ start: { line, character: span.start }, end: { line, character: span.end } });
  const diagnostic = build(
    finding,
    locale,
    range(relative.span),
    relative.related?.slice(0, MAX_RELATED).map((span) => ({ location: { uri: document.uri, range: range(span) }, message: text.slice(span.start, span.end) })),
    relative.fix?.map((edit) => ({ range: range(edit.span), newText: edit.newText })),
    version,
  );
  // A paragraph text that occurs on several lines shares its findings: the first line keeps the entry.
  if (!current.has(relative)) current.set(relative, { line, severity: finding.severity, locale, diagnostic });
  return diagnostic;
}

/** True when every span of a paragraph-relative finding lies inside its line (not on the line break). */
function fitsLine(finding: Finding, length: number): boolean {
  const inside = (span: Span) => span.start >= 0 && span.end <= length;
  return inside(finding.span) && (finding.related?.every(inside) ?? true) && (finding.fix?.every((edit) => inside(edit.span)) ?? true);
}

function toDiagnostic(document: TextDocument, finding: GradedFinding, locale: Locale, version: number): Diagnostic {
  return build(
    finding,
    locale,
    toRange(document, finding.span),
    // At most MAX_RELATED: a phrase repeated 400 times in one paragraph gave 400 diagnostics
    // with 399 related locations each, a 24 MB message for a 2 000-character line.
    finding.related?.slice(0, MAX_RELATED).map((span) => ({
      location: { uri: document.uri, range: toRange(document, span) },
      message: document.getText(toRange(document, span)),
    })),
    finding.fix?.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })),
    version,
  );
}

function build(
  finding: GradedFinding,
  locale: Locale,
  range: Range,
  relatedInformation: Diagnostic['relatedInformation'],
  fix: DiagnosticData['fix'],
  version: number,
): Diagnostic {
  const data: DiagnosticData = { fix, ignoreKey: finding.ignoreKey, version };
  return {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'policy-lens',
    message: findingMessage(finding, locale),
    relatedInformation,
    data,
  };
}
