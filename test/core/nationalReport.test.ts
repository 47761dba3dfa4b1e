import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { findingsOf, fixtureLines } from '../helpers/analyzeText';

/**
 * Every finding on the full 2024 national government work report (002 lines
 * 1–181) at default settings, each read in context and judged.
 *
 * Issue 13 changed what slogan.repeated reports. It kept line 71: 推动高质量发展
 * is the report's formula, said four times in a paragraph whose lead does not
 * announce it, twice in consecutive sentences (推动高质量发展要靠改革 / 推动高质量发展
 * 取得新的更大成效). It dropped, as the paragraphs' own topics, 预期目标 (line 61,
 * the targets paragraph), 新型城镇化 (135, led by 积极推进新型城镇化。), 绿色低碳
 * (143, led by 大力发展绿色低碳经济。) and 军队建设 (171, the defence paragraph).
 * One finding per phrase (issue 21): line 71 no longer yields two.
 */
const EXPECTED: [line: number, code: string, flagged: string, args: Record<string, string | number>, why: string][] = [
  [71, 'slogan.repeated', '高质量发展', { phrase: '高质量发展', count: 4 }, '推动/坚持高质量发展 four times in one paragraph that is not led by it'],
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
