import { describe, expect, it } from 'vitest';
import { FORMULAIC_MODIFIERS, mayRepeatModifier, occursApart } from '../../server/src/core/rules/slogan/modifiers';
import { formulaMayRepeat, mayRepeatFormula } from '../../server/src/core/rules/sloganRepeated';
import { mergeGlossaries } from '../../server/src/core/terms/glossary';
import { TermMatcher } from '../../server/src/core/terms/termMatcher';
import { builtinEntries } from '../helpers/analyzeText';
import { seedAndNationalParagraphs } from '../helpers/corpus';

/**
 * Whether slogan.repeated reads a paragraph's tokens is decided for every paragraph of every
 * document opened (what jieba cuts): in one pass over the text, and from the term candidates.
 * Both give what searching the text for each word gives, on every paragraph of the corpus.
 */
const PARAGRAPHS = seedAndNationalParagraphs();

describe('the slogan rule’s token demand', () => {
  it('finds a modifier occurring minCount times within 150 characters in one pass, as one search per modifier does', () => {
    /** Where `modifier` occurs, as `occursApart` counts. */
    const starts = (text: string, modifier: string) => {
      const found: number[] = [];
      for (let at = text.indexOf(modifier); at >= 0; at = text.indexOf(modifier, at + modifier.length)) found.push(at);
      return found;
    };
    const searched = (text: string, minCount: number) =>
      [...FORMULAIC_MODIFIERS].some((modifier) => {
        const at = starts(text, modifier);
        return occursApart(text, modifier, minCount) && at.some((start, i) => i + minCount - 1 < at.length && at[i + minCount - 1] + modifier.length - start <= 150);
      });
    // Made-up texts for the edges: adjacent, overlapping candidates, at the very end, just within and just past the window.
    const padding = (n: number) => '的'.repeat(n);
    const texts = [...PARAGRAPHS, '进一步进一步进一步', '更加快更加快更加', '不断不断', '持续持', '加快加快加快加快', '', `积极${padding(73)}积极${padding(71)}积极`, `积极${padding(73)}积极${padding(72)}积极`];
    expect(mayRepeatModifier(texts[texts.length - 2], 3)).toBe(true);
    expect(mayRepeatModifier(texts[texts.length - 1], 3)).toBe(false);
    let repeating = 0;
    for (const minCount of [2, 3, 4]) {
      for (const text of texts) {
        const expected = searched(text, minCount);
        if (mayRepeatModifier(text, minCount) !== expected) throw new Error(`${minCount}: ${text.slice(0, 60)}`);
        if (expected) repeating++;
      }
    }
    expect(repeating).toBeGreaterThan(1000);
  });

  it('finds a formula occurring minCount times from the term candidates, as searching the text for each does', () => {
    const matcher = new TermMatcher(mergeGlossaries([builtinEntries()]));
    let repeating = 0;
    for (const minCount of [2, 3]) {
      for (const text of PARAGRAPHS) {
        const candidates = matcher.occurrences(text);
        const expected = mayRepeatFormula(text, candidates, minCount);
        if (formulaMayRepeat(candidates, minCount) !== expected) throw new Error(`${minCount}: ${text.slice(0, 60)}`);
        if (expected) repeating++;
      }
    }
    expect(repeating).toBeGreaterThan(100);
  });
});
