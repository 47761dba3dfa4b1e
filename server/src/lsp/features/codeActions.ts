import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { DiagnosticData } from './diagnostics';

/** Quick fixes from the fixes findings carry (see DiagnosticData). */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const document = context.documents.get(params.textDocument.uri);
    if (!document) return [];
    const zh = context.locale() === 'zh';
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const fix = fixOf(diagnostic);
      if (!fix) continue;
      const preview = fix.map((edit) => edit.newText || (zh ? '（删除）' : '(delete)')).join(' ');
      actions.push({
        title: zh ? `修正为“${preview}”` : `Change to "${preview}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: fix.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
      });
    }
    return actions;
  });
}

function fixOf(diagnostic: Diagnostic): DiagnosticData['fix'] {
  if (diagnostic.source !== 'policy-lens') return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  return Array.isArray(data?.fix) && data.fix.length > 0 ? data.fix : undefined;
}
