import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinGlossary, loadUserGlossary } from '../adapters/glossaryLoader';
import { loadJieba } from '../adapters/jieba';
import { ReferenceLibrary, WORKSPACE_REFERENCES } from '../adapters/references';
import type { FileProblem } from '../adapters/textFiles';
import { AnalysisCaches, analyze, type GradedFinding } from '../core/analysis';
import { BoundedMemo } from '../core/memo';
import { buildOutline } from '../core/outline/outline';
import type { OutlineNode } from '../core/outline/types';
import type { ReferenceIndex } from '../core/quotes/referenceIndex';
import { RULES } from '../core/rules/registry';
import type { DocumentFacts } from '../core/rules/rule';
import { createIntlSegmenter } from '../core/segment/intlSegmenter';
import { segmentParagraph } from '../core/segment/tokens';
import { mergeGlossaries, type GlossaryEntry } from '../core/terms/glossary';
import { TermMatcher, type TermHit } from '../core/terms/termMatcher';
import { splitParagraphs } from '../core/text/paragraphs';
import type { Segmenter, Token } from '../core/types';
import type { Settings } from '../lsp/settings';

/** The workspace glossary, as the editor reads it. */
const WORKSPACE_GLOSSARY = path.join('.policy-lens', 'glossary.json');

/**
 * What the command line checks with: the segmenter (jieba in-process, or
 * Intl.Segmenter when the native module cannot load), the glossary and the
 * reference texts — the same core, rules and configuration as the server.
 */
export class CheckEngine {
  readonly caches = new AnalysisCaches();
  readonly #tokens = new BoundedMemo<Token[]>(200_000);
  readonly #segmenter: Segmenter;
  readonly #matcher: TermMatcher;
  readonly #references: ReferenceLibrary;

  private constructor(
    readonly settings: Settings,
    segmenter: Segmenter,
    matcher: TermMatcher,
    references: ReferenceLibrary,
    readonly segmenterName: 'jieba' | 'intl',
  ) {
    this.#segmenter = segmenter;
    this.#matcher = matcher;
    this.#references = references;
  }

  /** Loads everything; `warn` hears about files that could not be used. */
  static create(settings: Settings, root: string, extraReferences: readonly string[], warn: (message: string) => void): CheckEngine {
    const resolve = (p: string) => path.resolve(root, p);
    const describe = (p: FileProblem) => `${p.path}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.messageId}${p.detail ? ` (${p.detail})` : ''}`;

    let segmenter: Segmenter;
    let segmenterName: 'jieba' | 'intl' = 'jieba';
    try {
      const loaded = loadJieba(settings.dictionaries.map(resolve));
      segmenter = loaded.segmenter;
      for (const problem of loaded.problems) warn(describe(problem));
    } catch (error) {
      warn(`jieba segmentation is unavailable (${String(error)}); using Intl.Segmenter, which does not know policy terms`);
      segmenter = createIntlSegmenter();
      segmenterName = 'intl';
    }

    const builtin = loadBuiltinGlossary();
    if (builtin.problem) warn(`built-in glossary: ${builtin.problem}`);
    const layers: GlossaryEntry[][] = [builtin.entries];
    const glossaries = settings.glossaries.map(resolve);
    const workspaceGlossary = path.join(root, WORKSPACE_GLOSSARY);
    if (fs.existsSync(workspaceGlossary)) glossaries.unshift(workspaceGlossary);
    for (const file of new Set(glossaries)) {
      const loaded = loadUserGlossary(file, file);
      if (!loaded.ok) {
        warn(describe(loaded.problem));
        continue;
      }
      layers.push(loaded.entries);
      for (const problem of loaded.problems) warn(`${file}: ${problem.messageId} ${JSON.stringify(problem.args)}`);
    }

    const references = new ReferenceLibrary();
    const referencePaths = [...settings.references.map(resolve), ...extraReferences.map((p) => path.resolve(p))];
    const workspaceReferences = path.join(root, WORKSPACE_REFERENCES);
    if (fs.existsSync(workspaceReferences)) referencePaths.unshift(workspaceReferences);
    const { problems } = references.reload(referencePaths, settings.builtinReferences);
    for (const problem of [...references.builtinProblems, ...problems]) warn(describe(problem));

    return new CheckEngine(settings, segmenter, new TermMatcher(mergeGlossaries(layers)), references, segmenterName);
  }

  /** Findings of every enabled rule, in document order. */
  check(text: string, file: string): GradedFinding[] {
    const facts = this.facts(text, file);
    const cacheKey = this.settings.ignoredPhrases.join('\u0001');
    const findings = analyze(facts, RULES, { rules: this.settings.rules, heavyRules: text.length <= this.settings.maxDocumentSize, cacheKey }, this.caches);
    const order = new Map(RULES.map((rule, i) => [rule.id, i]));
    return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || order.get(a.code)! - order.get(b.code)!);
  }

  facts(text: string, file: string): DocumentFacts {
    const paragraphs = splitParagraphs(text);
    const tokensOf = (p: { text: string }): Token[] => this.#tokens.getOrCompute(p.text, () => segmentParagraph(this.#segmenter, p.text));
    const references: ReferenceIndex = this.#references.indexFor(file);
    return {
      text,
      paragraphs,
      outline: outlineOf(text, file, this.settings, this.caches, paragraphs),
      tokensOf,
      termHits: (p): TermHit[] => this.#matcher.match(p.text, tokensOf(p)),
      ignored: new Set(this.settings.ignoredPhrases),
      memo: (namespace, p, compute) => this.caches.memo(namespace, p, compute),
      references,
    };
  }
}

/** The outline as the editor shows it (Markdown headings for `.md` files). */
export function outlineOf(text: string, file: string, settings: Settings, caches?: AnalysisCaches, paragraphs = splitParagraphs(text)): OutlineNode[] {
  const options = { markdown: /\.md$/i.test(file), leadItems: settings.leadItems };
  return buildOutline(text, paragraphs, options, caches?.classifyLine);
}
