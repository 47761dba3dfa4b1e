import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
import { AnalysisCaches, type GradedFinding, type RuleConfig } from '../../server/src/core/analysis';
import type { ReferenceIndex } from '../../server/src/core/quotes/referenceIndex';
import { RULES } from '../../server/src/core/rules/registry';
import { validateGlossary } from '../../server/src/core/terms/glossaryValidation';
import { StaticDocument } from '../../server/src/engine/document';
import { DocumentAnalysis } from '../../server/src/engine/documentAnalysis';
import { PolicyEngine } from '../../server/src/engine/engine';
import { parseSettings, type Settings } from '../../server/src/engine/settings';

const ROOT = path.join(__dirname, '../..');
let engine: PolicyEngine | undefined;

export const builtinEntries = () => validateGlossary(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8')), 'builtin').entries;
export const fixtureLines = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8').split('\n');

/** The engine the editor and the command line use, with jieba in-process and the built-in glossary. */
export function testEngine(): PolicyEngine {
  if (!engine) {
    engine = new PolicyEngine(createNodeHost('in-process'));
    engine.startSegmentation();
  }
  return engine;
}

/** The analysis of a text as the server computes it; quotations are checked against `references` only when given. */
export function factsOf(text: string, ignored: readonly string[] = [], references?: ReferenceIndex, rules: ReadonlyMap<string, RuleConfig> = new Map()): DocumentAnalysis {
  const engine = testEngine();
  const defaults = parseSettings(undefined, RULES).settings;
  const settings: Settings = Object.freeze({ ...defaults, ignoredPhrases: ignored, rules });
  // Fresh caches per text: tests call the rules with varying options and compare counts of computations.
  return new DocumentAnalysis(new StaticDocument('untitled:test', text), settings, engine.segmentation, engine.glossary, new AnalysisCaches(), undefined, references);
}

/** Findings of all rules at default settings (or the given overrides), in document order, quotations checked against `references` if given. */
export function findingsOf(text: string, rules: ReadonlyMap<string, RuleConfig> = new Map(), references?: ReferenceIndex): GradedFinding[] {
  return factsOf(text, [], references, rules).findings();
}
