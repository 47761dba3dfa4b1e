import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { forDocument, type ServerContext } from '../context';

/** Custom token types, declared in package.json with TextMate fallbacks so any theme colours them. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['policyTerm', 'policySlogan'],
  tokenModifiers: ['nonCanonical'],
};

/**
 * Semantic tokens for glossary terms and slogans. A token never spans lines
 * (terms contain no line break), so each hit is one entry.
 */
export function registerSemanticTokens(context: ServerContext): void {
  context.connection.languages.semanticTokens.on(forDocument(context, { data: [] }, async (analysis, document, _params, token): Promise<SemanticTokens> => {
    if (!context.settings().semanticTokens) return { data: [] };
    if (!analysis.isLarge && context.segmentation.state.kind !== 'loading') await analysis.ensureTermHits();
    const data: number[] = [];
    let previousLine = 0;
    let previousChar = 0;
    for (const paragraph of analysis.paragraphs) {
      for (const hit of analysis.termHits(paragraph)) {
        const line = paragraph.line;
        const deltaLine = line - previousLine;
        const deltaChar = deltaLine === 0 ? hit.start - previousChar : hit.start;
        const type = hit.match.entry.kind === 'slogan' ? 1 : 0;
        const modifiers = hit.match.role === 'rejected' || hit.match.role === 'accepted' ? 1 : 0;
        data.push(deltaLine, deltaChar, hit.end - hit.start, type, modifiers);
        previousLine = line;
        previousChar = hit.start;
      }
    }
    // While the user types, VS Code asks again every ~0.3 s and redraws every visible line for each
    // answer, which delays the echo of the next keystrokes. The answer (for the version asked about:
    // VS Code moves the tokens along with later edits, then asks again) waits for a pause in typing,
    // as long as the diagnostics' debounce.
    await context.typing.pause(document.uri, context.settings().debounceMs, token);
    return { data };
  }));
}
