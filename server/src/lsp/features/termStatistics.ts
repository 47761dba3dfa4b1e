import type { GlossaryEntry } from '../../core/terms/glossary';
import { categoryName } from '../../core/terms/categoryNames';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { GradedFinding } from '../../core/analysis';
import { ruleById } from '../../core/rules/registry';
import { timelineOf } from '../../core/terms/termHistory';
import { combineStatistics, documentStatistics, type DocumentStatistics, type RuleTally } from '../../core/stats/termStatistics';
import {
  TermStatisticsRequestType,
  type RuleStatistic,
  type TermStatistic,
  type TermStatisticsParams,
  type TermStatisticsResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import type { DocumentAnalysis } from '../../engine/documentAnalysis';
import { findingMessage, localize } from '../../engine/l10n';
import { toRange } from '../positions';
import type { LineDocument } from '../lineDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

const MAX_FINDINGS_PER_RULE = 1000;

/**
 * `policyLens/termStatistics`: glossary terms and slogans of a document or of the workspace with
 * counts and occurrences, their density per part, and the findings per rule.
 */
export function registerTermStatistics(context: ServerContext, index: WorkspaceIndex): void {
  context.connection.onRequest(TermStatisticsRequestType.method, async (params: TermStatisticsParams, token: CancellationToken): Promise<TermStatisticsResult | null> => {
    if (params?.workspace) {
      await index.ready;
      const analyses = index.analyses();
      const named: { analysis: DocumentAnalysis<LineDocument>; statistics: DocumentStatistics }[] = [];
      for (const analysis of analyses) {
        if (token.isCancellationRequested) return null;
        named.push({ analysis, statistics: await statisticsOf(analysis, params.findings !== false) });
      }
      return workspaceResult(context, named);
    }
    const document = context.documents.get(params?.textDocument?.uri ?? '');
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document: ${params?.textDocument?.uri}`);
    const analysis = context.store.get(document);
    const statistics = await statisticsOf(analysis, params.findings !== false);
    if (token.isCancellationRequested) return null;
    return documentResult(context, analysis, statistics, params.occurrences !== false);
  });
}

async function statisticsOf(analysis: DocumentAnalysis<LineDocument>, withFindings: boolean): Promise<DocumentStatistics> {
  // Term boundaries depend on jieba's tokens (两区 is no term in 两/区域): wait for them, as references do.
  if (analysis.isLarge) return documentStatistics(analysis, withFindings ? analysis.findings() : []);
  if (!withFindings) {
    await analysis.ensureTermHits();
    return documentStatistics(analysis, []);
  }
  // The checks cost ~0.5 s on a 570 000-character compilation; counting terms ~70 ms.
  await analysis.prepare();
  return documentStatistics(analysis, await analysis.settledFindings());
}

function documentResult(context: ServerContext, analysis: DocumentAnalysis<LineDocument>, statistics: DocumentStatistics, occurrences: boolean): TermStatisticsResult {
  const document = analysis.document;
  return {
    scope: 'document',
    documents: [{ uri: analysis.uri, characters: statistics.characters }],
    characters: statistics.characters,
    terms: statistics.terms.map((tally): TermStatistic => ({
      term: tally.entry.term,
      category: tally.entry.category,
      categoryName: categoryName(tally.entry.category, context.locale()),
      kind: tally.entry.kind,
      count: tally.count,
      forms: tally.forms,
      occurrences: occurrences ? tally.occurrences.map((span) => ({ uri: analysis.uri, range: toRange(document, span) })) : [],
      ...historyOf(context, tally.entry),
    })),
    sections: statistics.sections.map((section) => ({ name: section.name, uri: analysis.uri, line: section.line, characters: section.characters })),
    density: statistics.density.map((row) => ({ term: row.entry.term, kind: row.entry.kind, counts: row.counts, perThousand: row.perThousand })),
    rules: statistics.rules.map((rule) => ruleStatistic(context, rule, (finding) => ({ analysis, finding }))),
    ...historyCorpus(context),
  };
}

function workspaceResult(context: ServerContext, documents: readonly { analysis: DocumentAnalysis<LineDocument>; statistics: DocumentStatistics }[]): TermStatisticsResult {
  const combined = combineStatistics(documents.map(({ analysis, statistics }) => ({ name: fileName(analysis.uri), statistics })));
  return {
    scope: 'workspace',
    documents: documents.map(({ analysis, statistics }) => ({ uri: analysis.uri, characters: statistics.characters })),
    characters: combined.characters,
    terms: combined.terms.map((tally) => ({ term: tally.entry.term, category: tally.entry.category, categoryName: categoryName(tally.entry.category, context.locale()), kind: tally.entry.kind, count: tally.count, forms: tally.forms, occurrences: [], ...historyOf(context, tally.entry) })),
    sections: combined.sections.map((section, i) => ({ name: section.name, uri: documents[i].analysis.uri, line: 0, characters: section.characters })),
    density: combined.density.map((row) => ({ term: row.entry.term, kind: row.entry.kind, counts: row.counts, perThousand: row.perThousand })),
    rules: combined.rules.map((rule) => ruleStatistic(context, rule, (located) => ({ analysis: documents[located.document].analysis, finding: located.finding }))),
    ...historyCorpus(context),
  };
}

/** A built-in term's counts per national report (see core/terms/termHistory.ts). */
function historyOf(context: ServerContext, entry: GlossaryEntry): Pick<TermStatistic, 'history'> {
  const history = context.engine.glossary.history;
  if (!history || entry.origin !== 'builtin') return {};
  const { gwr, cpc } = timelineOf(history, entry.term);
  return { history: { gwr, cpc } };
}

function historyCorpus(context: ServerContext): Pick<TermStatisticsResult, 'historyCorpus'> {
  const history = context.engine.glossary.history;
  return history ? { historyCorpus: { gwrYears: history.gwrYears, congresses: history.congresses } } : {};
}

function ruleStatistic<F>(context: ServerContext, rule: RuleTally<F>, locate: (finding: F) => { analysis: DocumentAnalysis<LineDocument>; finding: GradedFinding }): RuleStatistic {
  const locale = context.locale();
  const meta = ruleById(rule.code);
  return {
    code: rule.code,
    title: meta ? localize(meta.description, locale) : rule.code,
    count: rule.count,
    bySeverity: rule.bySeverity,
    findings: rule.findings.slice(0, MAX_FINDINGS_PER_RULE).map((item) => {
      const { analysis, finding } = locate(item);
      return { uri: analysis.uri, range: toRange(analysis.document, finding.span), severity: finding.severity, message: findingMessage(finding, locale) };
    }),
  };
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
