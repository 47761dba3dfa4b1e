import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { categoryName } from '../../core/terms/categoryNames';
import type { GlossaryEntry } from '../../core/terms/glossary';
import type { Locale } from '../../engine/l10n';
import { forDocument, type ServerContext } from '../context';

const MAX_PREFIX = 8;
/**
 * One character starts hundreds of terms: offered after every character a writer's input
 * method commits, the list covered the text and its candidate window, and slowed typing
 * (docs/e2e.md, typing latency). Two characters narrow it to what is meant.
 */
const MIN_PREFIX = 2;

/**
 * Completion of glossary terms: by the Chinese characters typed so far
 * (加快发展新质 → 新质生产力) or by pinyin initials (xzscl → 新质生产力). The
 * replaced range is only the matching prefix, because an editor's word at the
 * cursor would be the whole unspaced Chinese run.
 */
export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(forDocument(context, null, (analysis, document, params: CompletionParams): CompletionList | null => {
    const line = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const glossary = analysis.glossary;
    const locale = context.locale();
    const items: CompletionItem[] = [];
    const initials = /[a-z]{2,12}$/i.exec(line)?.[0].toLowerCase();
    if (initials) {
      const start = { line: params.position.line, character: params.position.character - initials.length };
      for (const { entry, initials: code } of glossary.initials.find(initials)) {
        items.push(item(entry, { start, end: params.position }, code, locale));
      }
    } else {
      const prefix = longestTermPrefix(line, glossary.glossary.entries);
      if (prefix) {
        const start = { line: params.position.line, character: params.position.character - prefix.text.length };
        for (const entry of prefix.entries) items.push(item(entry, { start, end: params.position }, entry.term, locale));
      }
    }
    return { isIncomplete: true, items: items.slice(0, 100) };
  }));
}

/** The longest tail of `line` (2 to 8 characters) that starts some glossary term. */
function longestTermPrefix(line: string, entries: readonly GlossaryEntry[]): { text: string; entries: GlossaryEntry[] } | undefined {
  for (let length = Math.min(MAX_PREFIX, line.length); length >= MIN_PREFIX; length--) {
    const text = line.slice(line.length - length);
    if (!/^\p{Script=Han}/u.test(text)) continue;
    const matching = entries.filter((e) => e.term.startsWith(text) && e.term !== text);
    if (matching.length > 0) return { text, entries: matching };
  }
  return undefined;
}

function item(entry: GlossaryEntry, range: { start: { line: number; character: number }; end: { line: number; character: number } }, filterText: string, locale: Locale): CompletionItem {
  return {
    label: entry.term,
    kind: entry.kind === 'slogan' ? CompletionItemKind.Constant : CompletionItemKind.Keyword,
    detail: `${categoryName(entry.category, locale)}${entry.english ? ` · ${entry.english}` : ''}`,
    documentation: { kind: MarkupKind.Markdown, value: entry.definition },
    filterText,
    textEdit: { range, newText: entry.term },
  };
}
