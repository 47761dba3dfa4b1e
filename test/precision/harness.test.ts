import { describe, expect, it } from 'vitest';
import type { CorpusFinding } from '../../bench/corpus/corpusRun';
import { phraseOf } from '../../bench/corpus/corpusRun';
import { diffRuns } from '../../bench/corpus/diff';
import { judge, parseLabels } from '../../bench/corpus/labels';
import { sample, summarize, topPhrases } from '../../bench/corpus/summary';

const finding = (file: string, line: number, code: string, phrase: string): CorpusFinding => ({ file, line, column: 1, code, messageId: 'm', severity: 'information', phrase, message: '', context: '' });

describe('the precision harness', () => {
  it('parses labels and names the line of a malformed one', () => {
    const text = 'file\tline\tcode\tphrase\tverdict\treason\na.txt\t3\tx.y\t高质量发展\ttrue\tfour times\n\nb.txt\t4\tx.y\t 。\tfalse\ta space\n';
    expect(parseLabels(text, 'x.y.tsv').map((l) => [l.file, l.line, l.phrase, l.verdict, l.source])).toEqual([
      ['a.txt', 3, '高质量发展', true, 'x.y.tsv:2'],
      ['b.txt', 4, ' 。', false, 'x.y.tsv:4'],
    ]);
    expect(() => parseLabels('file\tline\tcode\tphrase\tverdict\treason\na.txt\t3\tx.y\tp\tmaybe\tr\n', 'x.y.tsv')).toThrow('x.y.tsv:2: verdict "maybe"');
    expect(() => parseLabels('file,line\n', 'x.y.tsv')).toThrow('x.y.tsv:1');
  });

  it('judges precision on the labelled findings that still occur, each label taking one finding', () => {
    const labels = parseLabels(
      ['file\tline\tcode\tphrase\tverdict\treason', 'a\t1\tr\tp\ttrue\tok', 'a\t1\tr\tp\ttrue\tok again', 'a\t2\tr\tq\tfalse\tno', 'a\t3\tr\ts\tfalse\tfixed', 'a\t4\tr\tt\ttrue\tlost'].join('\n'),
      'r.tsv',
    );
    const [result] = judge(labels, [finding('a', 1, 'r', 'p'), finding('a', 1, 'r', 'p'), finding('a', 2, 'r', 'q'), finding('a', 9, 'r', 'u')]);
    expect([result.labelled, result.truePositives, result.falsePositives, result.falseGone]).toEqual([5, 2, 1, 1]);
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.falseReturned.map((l) => l.line)).toEqual([2]);
    expect(result.trueMissing.map((l) => l.reason)).toEqual(['lost']);
  });

  it('diffs two runs per rule as multisets', () => {
    const before = [finding('a', 1, 'r', 'p'), finding('a', 1, 'r', 'p'), finding('a', 2, 's', 'q')];
    const after = [finding('a', 1, 'r', 'p'), finding('a', 5, 'r', 'n')];
    expect(diffRuns(before, after).map((d) => [d.code, d.added.map((f) => f.line), d.gone.map((f) => f.line)])).toEqual([
      ['r', [5], [1]],
      ['s', [], [2]],
    ]);
  });

  it('summarises per rule, samples evenly and keeps tabs and line breaks out of phrases', () => {
    const run = { folder: '', milliseconds: 0, files: [{ file: 'a', characters: 20_000 }], findings: [finding('a', 1, 'r', 'p'), finding('a', 2, 'r', 'p'), finding('a', 3, 'r', 'q')] };
    expect(summarize(run, ['r', 's']).map((s) => [s.code, s.findings, s.per10k])).toEqual([
      ['r', 3, 1.5],
      ['s', 0, 0],
    ]);
    expect(sample(run.findings, 2).map((f) => f.line)).toEqual([1, 3]);
    expect(topPhrases(run.findings, 1)).toEqual([{ phrase: 'p', count: 2 }]);
    expect(phraseOf('a\tb\nc'.repeat(20))).toBe('a b c'.repeat(8));
  });
});
