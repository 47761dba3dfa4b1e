import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { findingsOf, fixtureLines } from '../helpers/analyzeText';

/**
 * Every finding on the full 2024 national government work report (002 lines
 * 1–181) at default settings, each read in context and judged. A reviewer
 * should agree with them: each is a phrase that one paragraph really uses 3–4
 * times, where a writer may want to vary or trim.
 */
const EXPECTED: [line: number, code: string, flagged: string, args: Record<string, string | number>, why: string][] = [
  [61, 'slogan.repeated', '预期目标', { phrase: '预期目标', count: 3 }, 'the targets paragraph says 预期目标 three times (… 预期目标为5%左右 / 上述预期目标 / 实现今年预期目标)'],
  [71, 'slogan.repeated', '高质量发展', { phrase: '高质量发展', count: 4 }, '推动/坚持高质量发展 four times in one paragraph (corpus profile 4.2)'],
  [71, 'slogan.repeated', '高质量发展', { phrase: '高质量发展', count: 4 }, 'the fourth occurrence of the same'],
  [135, 'slogan.repeated', '新型城镇化', { phrase: '新型城镇化', count: 4 }, '新型城镇化 four times in the urbanisation paragraph (profile 4.2)'],
  [135, 'slogan.repeated', '新型城镇化', { phrase: '新型城镇化', count: 4 }, 'the fourth occurrence of the same'],
  [143, 'slogan.repeated', '绿色低碳', { phrase: '绿色低碳', count: 3 }, '绿色低碳 three times in the green-transition paragraph (profile 4.2)'],
  [171, 'slogan.repeated', '军队建设', { phrase: '军队建设', count: 3 }, '军队建设 three times in the defence paragraph (profile 4.2)'],
];

function findingsOfSlice(name: string, from: number, to: number) {
  const text = fixtureLines(name).slice(from, to).join('\n');
  const lines = new LineIndex(text);
  return findingsOf(text).map((f) => [lines.positionAt(f.span.start).line + 1, f.code, text.slice(f.span.start, f.span.end), f.args]);
}

describe('the 2024 national government work report at default settings', () => {
  it('produces exactly the reviewed findings', () => {
    expect(findingsOfSlice('002_8dfe99efc033ddf8.txt', 0, 181)).toEqual(EXPECTED.map(([line, code, flagged, args]) => [line, code, flagged, args]));
  });

  it('produces the same findings on its copy in 004 (three lines earlier)', () => {
    expect(findingsOfSlice('004_aedbcdac15b26f45.txt', 0, 178)).toEqual(EXPECTED.map(([line, code, flagged, args]) => [line - 3, code, flagged, args]));
  });
});
