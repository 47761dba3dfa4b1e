import type { DocumentLink } from 'vscode-languageserver';
import { findTableOfContents } from '../../core/outline/tableOfContents';
import { forDocument, type ServerContext } from '../context';
import { toRange } from '../positions';

/**
 * Table-of-contents entries link to their articles (Ctrl+click in the 目录).
 * The target is the document itself with a `#L<line>` fragment, which editors
 * open at that line.
 */
export function registerDocumentLinks(context: ServerContext): void {
  context.connection.onDocumentLinks(
    forDocument(context, [], (analysis, document, params) => {
      const toc = findTableOfContents(analysis.paragraphs);
      if (!toc) return [];
      const zh = context.locale() === 'zh';
      const links: DocumentLink[] = [];
      toc.entries.forEach((entry, index) => {
        const match = toc.matches[index];
        if (!match) return;
        const line = match.lines[0] + 1;
        links.push({
          range: toRange(document, entry.span),
          target: `${params.textDocument.uri}#L${line}`,
          tooltip: zh ? `转到正文第 ${line} 行` : `Go to line ${line}`,
        });
      });
      return links;
    }),
  );
}
