import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GradedFinding } from '../../core/analysis';
import { forDocument, type ServerContext } from '../context';
import type { LineDocument } from '../lineDocument';
import { toRange, toSpan } from '../positions';
import type { DiagnosticData } from './diagnostics';

/** Code action kind for fix-on-save: `"editor.codeActionsOnSave": { "source.fixAll.policyLens": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policyLens`;
/** Client command that adds a phrase to `policyLens.ignoredPhrases` in the workspace settings. */
export const IGNORE_PHRASE_COMMAND = 'policyLens.ignorePhrase';

/** Code action titles in each language. */
export const CODE_ACTION_TITLES = {
  fix: { en: 'Change to "{0}"', zh: '修正为“{0}”' },
  delete: { en: 'Delete "{0}"', zh: '删除“{0}”' },
  join: { en: 'Join with the next line', zh: '与下一行合并' },
  fixAllOfKind: { en: 'Fix all "{0}" problems in this document', zh: '修正本文所有“{0}”问题' },
  fixAll: { en: 'Fix all Policy Lens problems', zh: '修正全部政策文稿问题' },
  ignore: { en: 'Ignore "{0}" in this workspace', zh: '在本工作区忽略“{0}”' },
};

/**
 * Quick fixes from the fixes findings carry, "fix all of this kind",
 * `source.fixAll.policyLens`, and "ignore this phrase".
 */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(forDocument(context, [], (_analysis, document, params: CodeActionParams): CodeAction[] => {
    const locale = context.locale();
    const title = (key: keyof typeof CODE_ACTION_TITLES, arg = '') => CODE_ACTION_TITLES[key][locale].replace('{0}', arg);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      const kindsOffered = new Set<string>();
      for (const diagnostic of params.context.diagnostics) {
        const data = dataOf(diagnostic);
        if (!data) continue;
        const fix = currentFix(context, document, diagnostic, data);
        if (fix && fix.length > 0) {
          actions.push({
            title: fixTitle(document, fix, title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.uri]: fix.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
          });
          const code = String(diagnostic.code);
          if (!kindsOffered.has(code)) {
            kindsOffered.add(code);
            const edits = fixEdits(document, context.store.get(document).findings().filter((f) => f.code === code));
            if (edits.length > 1) {
              actions.push({ title: title('fixAllOfKind', code), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: edits } } });
            }
          }
        }
        if (data.ignoreKey) {
          actions.push({
            title: title('ignore', data.ignoreKey),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: title('ignore', data.ignoreKey), command: IGNORE_PHRASE_COMMAND, arguments: [data.ignoreKey] },
          });
        }
      }
    }

    if (only && wants(FIX_ALL_KIND)) {
      const edits = fixEdits(document, context.store.get(document).findings());
      if (edits.length > 0) actions.push({ title: title('fixAll'), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
    }
    return actions;
  }));
}

/** What a quick fix does: the new wording, or what it deletes (a line break deleted joins two lines). */
function fixTitle(document: TextDocument, fix: readonly TextEdit[], title: (key: keyof typeof CODE_ACTION_TITLES, arg?: string) => string): string {
  if (fix.some((edit) => edit.newText !== '')) return title('fix', fix.map((edit) => edit.newText).join(''));
  const deleted = fix.map((edit) => document.getText(edit.range)).join('');
  if (/[\r\n]/.test(deleted) && deleted.trim() === '') return title('join');
  return title('delete', deleted.length > 20 ? `${deleted.slice(0, 20)}…` : deleted);
}

/**
 * All fixes of the findings as one edit list. A finding's fix is taken whole
 * or not at all, and never when it touches text an earlier fix changes.
 */
export function fixEdits(document: TextDocument, findings: readonly GradedFinding[]): TextEdit[] {
  const fixes = findings
    .filter((f) => f.fix && f.fix.length > 0)
    .map((f) => f.fix!)
    .sort((a, b) => Math.min(...a.map((e) => e.span.start)) - Math.min(...b.map((e) => e.span.start)));
  const kept: TextEdit[] = [];
  let end = -1;
  let insertionAtEnd = false;
  for (const fix of fixes) {
    const start = Math.min(...fix.map((e) => e.span.start));
    // Touching is fine; overlapping, or two insertions at one point (order unknown), is not.
    const insertsAtStart = fix.some((e) => e.span.start === start && e.span.end === start);
    if (start < end || (start === end && insertionAtEnd && insertsAtStart)) continue;
    for (const edit of fix) kept.push({ range: toRange(document, edit.span), newText: edit.newText });
    end = Math.max(...fix.map((e) => e.span.end));
    insertionAtEnd = fix.some((e) => e.span.start === end && e.span.end === end);
  }
  return kept;
}

/**
 * The fix of a diagnostic, valid for the document as it is now. Editors send back the
 * diagnostics they show, which can be from an older version (the user typed since they
 * were published): their stored fix would then overwrite whatever text now sits at its
 * range. Such a diagnostic gets the fix of the current finding of the same rule at the
 * same range, or none.
 */
function currentFix(context: ServerContext, document: LineDocument, diagnostic: Diagnostic, data: DiagnosticData): DiagnosticData['fix'] {
  if (data.version === document.version) return data.fix;
  if (!data.fix || data.fix.length === 0) return undefined;
  const span = toSpan(document, diagnostic.range);
  const finding = context.store
    .get(document)
    .findings()
    .find((f) => f.code === diagnostic.code && f.span.start === span.start && f.span.end === span.end && f.fix && f.fix.length > 0);
  return finding?.fix?.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
}

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== 'policy-lens') return undefined;
  return diagnostic.data as DiagnosticData | undefined;
}
