import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../core/rules/rule';
import type { Locale } from '../../engine/l10n';
import type { WordPlace } from '../docxInput';
import type { FileReport, ReportedFinding } from './report';

/**
 * SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules of the
 * registry as `tool.driver.rules`, results with `ruleId`, `ruleIndex`,
 * `level`, `message.text` and a physical location relative to `%SRCROOT%`
 * (the workspace folder). Lines and columns are 1-based; columns count UTF-16
 * code units (`columnKind: utf16CodeUnits`), the unit of the editor and LSP —
 * for Chinese text outside the rare supplementary planes the same as
 * characters. A finding's certain fix becomes a SARIF `fix`.
 */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], options: { root: string; cwd: string; version: string; locale: Locale }): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) => {
    const uri = artifactUri(path.resolve(options.cwd, report.file), options.root);
    return report.findings.map((finding) => result(finding, uri, ruleIndex.get(finding.code)));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-lens',
            fullName: 'Policy Lens (政策文稿助手)',
            version: options.version,
            semanticVersion: options.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.description[options.locale] },
              fullDescription: { text: `${rule.description.en} ${rule.description.zh}` },
              defaultConfiguration: { level: level(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off' },
              properties: { tags: ['policy-documents', 'chinese'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.root + path.sep).toString() } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(finding: ReportedFinding, uri: string, index: number | undefined) {
  const region = {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    // In a Word document lines are those of its policy text: the excerpt and the paragraph find the place.
    ...(finding.word ? { snippet: { text: finding.word.excerpt } } : {}),
  };
  return {
    ruleId: finding.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(uri), region }, ...(finding.word ? wordLocation(finding.word) : {}) }],
    ...(finding.word ? { properties: { word: finding.word } } : {}),
    ...(finding.fix && finding.fix.length > 0
      ? {
          fixes: [
            {
              artifactChanges: [
                {
                  artifactLocation: artifactLocation(uri),
                  replacements: finding.fix.map((edit) => ({
                    deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** A Word place as a SARIF logical location (`¶12`, `¶40 table 1 row 2 cell 3`, `footnote 1`). */
function wordLocation(word: WordPlace) {
  return { logicalLocations: [{ name: word.place, kind: 'paragraph' }] };
}

function artifactLocation(uri: string): { uri: string; uriBaseId?: string } {
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}

/** SARIF has error, warning, note (and none): information and hints are notes. */
function level(severity: string): 'error' | 'warning' | 'note' | 'none' {
  if (severity === 'error' || severity === 'warning') return severity;
  return severity === 'off' ? 'none' : 'note';
}

/** `quote.mismatch` → `QuoteMismatch`. */
function ruleName(id: string): string {
  return id
    .split('.')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** A file's URI relative to the workspace folder (percent-encoded, `/`-separated); an absolute file URI when outside it. */
export function artifactUri(file: string, root: string): string {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(file).toString();
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
