import { createNodeHost } from '../adapters/nodeHost';
import type { GradedFinding } from '../core/analysis';
import type { DocxText } from '../core/docx/policyText';
import type { OutlineNode } from '../core/outline/types';
import { StaticDocument } from '../engine/document';
import { PolicyEngine } from '../engine/engine';
import { localize, type Locale } from '../engine/l10n';
import { commandLineMessage, describeFileProblem, SERVER_MESSAGES } from '../engine/serverMessages';
import type { Settings } from '../engine/settings';

/** Where jieba cuts: in the calling thread, or in a worker thread of its own (`--jobs 2`). */
export type Segmentation = 'in-process' | 'worker';

/**
 * The engine as the command line uses it: the same PolicyEngine as the
 * language server (settings, workspace resources, rules, caches), with jieba
 * in-process, or in a worker thread as in the server. Problems with the
 * user's files are told through `warn` in the user's language.
 */
export function createCheckEngine(settings: Settings, root: string, extraReferences: readonly string[], warn: (message: string) => void, locale: Locale, segmentation: Segmentation = 'in-process'): PolicyEngine {
  const host = createNodeHost(segmentation);
  const withExtras: Settings = Object.freeze({ ...settings, references: [...settings.references, ...extraReferences.map((p) => host.files.resolve(undefined, p))] });
  const engine = new PolicyEngine(host, withExtras);
  engine.setWorkspace(root, true);
  engine.segmentation.onStateChange((state) => {
    if (state.kind === 'fallback') warn(commandLineMessage('segmenterFallback', locale, { reason: state.reason }));
    if (state.kind !== 'ready') return;
    // With `auto`, jieba-wasm standing in for a missing nodejieba cuts the same words: nothing to warn about.
    if (state.substituted && settings.segmenter !== 'auto') warn(commandLineMessage('segmenterSubstituted', locale, { reason: state.substituted, segmenter: state.segmenter }));
    for (const problem of state.problems) warn(describeFileProblem(problem, locale));
  });
  engine.startSegmentation();
  const glossary = engine.reloadGlossary();
  if (engine.glossary.builtinProblem) warn(`built-in glossary: ${engine.glossary.builtinProblem}`);
  for (const failure of glossary.failures) warn(describeFileProblem(failure, locale));
  for (const report of glossary.reports) {
    for (const problem of report.problems) {
      const line = report.text.slice(0, problem.span.start).split('\n').length;
      warn(`${host.files.fromUri(report.uri) ?? report.uri}:${line}: ${localize(SERVER_MESSAGES[problem.messageId], locale, problem.args)}`);
    }
  }
  for (const problem of engine.reloadReferences().problems) warn(describeFileProblem(problem, locale));
  return engine;
}

/** Findings of every enabled rule, in document order, exactly as the editor computes them; `docx` for a Word document's text. */
export async function checkText(engine: PolicyEngine, text: string, file: string, docx?: DocxText): Promise<GradedFinding[]> {
  const analysis = engine.analyse(new StaticDocument(engine.host.files.toUri(file), text, undefined, undefined, docx));
  await analysis.prepare();
  return analysis.settledFindings();
}

/** The outline as the editor shows it (Markdown headings for `.md` files, Word headings for a Word document's text). */
export function outlineOf(engine: PolicyEngine, text: string, file: string, docx?: DocxText): readonly OutlineNode[] {
  return engine.analyse(new StaticDocument(engine.host.files.toUri(file), text, undefined, undefined, docx)).outline;
}

/** An engine for outlines only (`--outline`): it never loads the dictionary. */
export function createOutlineEngine(settings: Settings): PolicyEngine {
  return new PolicyEngine(createNodeHost('in-process'), settings);
}
