import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJieba, type JiebaLoadResult } from '../../server/src/adapters/jieba';
import { loadJiebaWasm } from '../../server/src/adapters/jiebaWasm';
import { segmentParagraph } from '../../server/src/core/segment/tokens';
import type { Token } from '../../server/src/core/types';
import { boundaryF1, countBoundaries, type BoundaryCounts } from '../helpers/boundaries';
import { CORPUS, corpusTextFiles } from '../helpers/corpus';

const USER_DICTIONARY = path.join(__dirname, '../fixtures/dictionaries/agreement.dict.utf8');

/**
 * jieba-wasm must cut as nodejieba does (issue 17): same dictionary, policy
 * dictionary and user dictionary, compared paragraph by paragraph on the
 * whole corpus (72 government work reports, plenary documents, seed files).
 */
describe('jieba-wasm against nodejieba on the whole corpus, policy and user dictionaries loaded', () => {
  let native: JiebaLoadResult;
  let wasm: JiebaLoadResult;
  beforeAll(() => {
    native = loadJieba([USER_DICTIONARY]);
    wasm = loadJiebaWasm([USER_DICTIONARY]);
  }, 60_000);

  it('loads the same dictionaries', () => {
    expect(wasm.userWords).toBe(native.userWords);
    expect(wasm.userWords).toBe(23);
    expect(wasm.problems).toEqual([]);
  });

  it('agrees on word boundaries (F1 ≥ 99.9 %) and on parts of speech', () => {
    const files = corpusTextFiles();
    expect(files.length).toBeGreaterThanOrEqual(77);
    const counts: BoundaryCounts = { both: 0, onlyFirst: 0, onlySecond: 0 };
    const differing: string[] = [];
    let tagged = 0;
    let sameTag = 0;
    for (const file of files) {
      for (const paragraph of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
        if (paragraph === '') continue;
        const a = segmentParagraph(native.segmenter, paragraph);
        const b = segmentParagraph(wasm.segmenter, paragraph);
        countBoundaries(a, b, counts);
        if (!sameWords(a, b)) {
          if (differing.length < 20) differing.push(`${path.relative(CORPUS, file)}: ${words(a)} ≠ ${words(b)}`);
          continue;
        }
        tagged += a.length;
        sameTag += a.filter((token, i) => token.tag === b[i].tag).length;
      }
    }
    expect(counts.both).toBeGreaterThan(900_000);
    expect(boundaryF1(counts), differing.join('\n')).toBeGreaterThanOrEqual(0.999);
    expect(sameTag / tagged).toBeGreaterThanOrEqual(0.999);
    // On this corpus the two agree exactly; docs/segmentation.md lists where they could still differ.
    expect(differing).toEqual([]);
  }, 120_000);

  it('keeps policy terms and user words whole, and cuts the rest alike', () => {
    const text = '加快发展新质生产力，落实放管服改革和两个确立，5G网络和PM2.5治理，吉林省A股公司。';
    const a = segmentParagraph(native.segmenter, text);
    const b = segmentParagraph(wasm.segmenter, text);
    expect(words(b)).toBe(words(a));
    expect(b.map((t) => t.text)).toEqual(expect.arrayContaining(['新质生产力', '放管服', '两个确立', '5G', 'PM2.5']));
  });

  it('finds user words with characters jieba-rs does not look words up in (·, 《》)', () => {
    const text = '共建一带一路·倡议，学习《决定》和《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。';
    const b = segmentParagraph(wasm.segmenter, text);
    expect(words(b)).toBe(words(segmentParagraph(native.segmenter, text)));
    expect(b.map((t) => t.text)).toEqual(expect.arrayContaining(['一带一路·倡议', '《决定》']));
  });
});

function sameWords(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((token, i) => token.end === b[i].end && token.text === b[i].text);
}

function words(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join('/');
}
