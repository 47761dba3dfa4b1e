import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { GlossaryEntry } from '../core/terms/glossary';
import { validateGlossary, type GlossaryProblem } from '../core/terms/glossaryValidation';
import type { Span } from '../core/types';

/** A glossary problem located in the file text, for a diagnostic on that file. */
export interface LocatedGlossaryProblem {
  readonly span: Span;
  readonly messageId: GlossaryProblem['messageId'] | 'glossary.syntax';
  readonly args: Readonly<Record<string, string>>;
}

/**
 * Parses a glossary file's text (JSON, comments and trailing commas allowed)
 * with jsonc-parser, which recovers from syntax errors and gives the offset of
 * every node, so each problem can point at its line.
 */
export function parseGlossaryText(text: string, origin: string): { entries: GlossaryEntry[]; problems: LocatedGlossaryProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: LocatedGlossaryProblem[] = errors.map((error) => ({
    span: { start: error.offset, end: error.offset + Math.max(1, error.length) },
    messageId: 'glossary.syntax',
    args: { error: printParseErrorCode(error.error) },
  }));
  if (!tree) return { entries: [], problems: problems.length > 0 ? problems : [{ span: { start: 0, end: 0 }, messageId: 'glossary.syntax', args: { error: 'empty file' } }] };
  const { entries, problems: invalid } = validateGlossary(getNodeValue(tree), origin);
  for (const problem of invalid) {
    // Point at the deepest node that exists on the problem's path.
    let node = undefined;
    for (let depth = problem.path.length; depth >= 0 && !node; depth--) node = findNodeAtLocation(tree, problem.path.slice(0, depth));
    const span = node ? { start: node.offset, end: node.offset + Math.min(node.length, 200) } : { start: 0, end: 0 };
    problems.push({ span, messageId: problem.messageId, args: problem.args });
  }
  return { entries, problems };
}
