/**
 * cppjieba's HMM segmenter (HMMSegment.hpp), reproduced step for step so that
 * words jieba-wasm leaves to its own, slightly different HMM come out exactly
 * as nodejieba cuts them. States are numbered as in hmm_model.utf8: B E M S.
 */
export interface HmmModel {
  readonly start: Float64Array;
  /** trans[from * 4 + to] */
  readonly trans: Float64Array;
  readonly emit: readonly ReadonlyMap<string, number>[];
}

const STATES = 4;
const E = 1;
const S = 3;
/** cppjieba's MIN_DOUBLE: the score of an impossible emission or transition. */
const MIN_DOUBLE = -3.14e100;

/** Parses hmm_model.utf8 (cppjieba's format; `#` lines are comments). Throws on a malformed file. */
export function parseHmmModel(text: string): HmmModel {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length < 9) throw new Error(`HMM model: expected 9 data lines, found ${lines.length}`);
  const numbers = (line: string, count: number): number[] => {
    const values = line.split(' ').map(Number);
    if (values.length !== count || values.some((v) => Number.isNaN(v))) throw new Error(`HMM model: bad line "${line.slice(0, 40)}"`);
    return values;
  };
  const start = Float64Array.from(numbers(lines[0], STATES));
  const trans = Float64Array.from(lines.slice(1, 5).flatMap((line) => numbers(line, STATES)));
  const emit = lines.slice(5, 9).map((line) => {
    const map = new Map<string, number>();
    for (const pair of line.split(',')) {
      const colon = pair.lastIndexOf(':');
      const value = Number(pair.slice(colon + 1));
      if (colon <= 0 || Number.isNaN(value)) throw new Error(`HMM model: bad emission "${pair.slice(0, 20)}"`);
      map.set(pair.slice(0, colon), value);
    }
    return map;
  });
  return { start, trans, emit };
}

/**
 * Cuts a run of code points the way cppjieba's HMMSegment does: ASCII letters
 * (then letters and digits) form one word, digits (then digits and dots) one
 * word, any other ASCII character stands alone, and every stretch of
 * non-ASCII characters goes through Viterbi.
 */
export function hmmCut(model: HmmModel, chars: readonly string[], out: string[]): void {
  let left = 0;
  let right = 0;
  while (right < chars.length) {
    if (chars[right].codePointAt(0)! < 0x80) {
      if (left !== right) viterbiCut(model, chars, left, right, out);
      left = right;
      right = asciiRuleEnd(chars, left);
      out.push(chars.slice(left, right).join(''));
      left = right;
    } else {
      right++;
    }
  }
  if (left !== right) viterbiCut(model, chars, left, right, out);
}

function asciiRuleEnd(chars: readonly string[], begin: number): number {
  const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  let end = begin;
  if (isLetter(chars[end])) {
    end++;
    while (end < chars.length && (isLetter(chars[end]) || isDigit(chars[end]))) end++;
    return end;
  }
  if (isDigit(chars[end])) {
    end++;
    while (end < chars.length && (isDigit(chars[end]) || chars[end] === '.')) end++;
    return end;
  }
  return begin + 1;
}

/** Viterbi over chars[begin, end), same loop order and tie-breaking as cppjieba. */
function viterbiCut(model: HmmModel, chars: readonly string[], begin: number, end: number, out: string[]): void {
  const n = end - begin;
  const weight = new Float64Array(n * STATES);
  const path = new Int8Array(n * STATES);
  for (let y = 0; y < STATES; y++) {
    weight[y * n] = model.start[y] + (model.emit[y].get(chars[begin]) ?? MIN_DOUBLE);
    path[y * n] = -1;
  }
  for (let x = 1; x < n; x++) {
    for (let y = 0; y < STATES; y++) {
      const now = x + y * n;
      let best = MIN_DOUBLE;
      let from = E;
      const emit = model.emit[y].get(chars[begin + x]) ?? MIN_DOUBLE;
      for (let pre = 0; pre < STATES; pre++) {
        const score = weight[x - 1 + pre * n] + model.trans[pre * STATES + y] + emit;
        if (score > best) {
          best = score;
          from = pre;
        }
      }
      weight[now] = best;
      path[now] = from;
    }
  }
  let state = weight[n - 1 + E * n] >= weight[n - 1 + S * n] ? E : S;
  const status = new Int8Array(n);
  for (let x = n - 1; x >= 0; x--) {
    status[x] = state;
    state = path[x + state * n];
  }
  let left = 0;
  for (let i = 0; i < n; i++) {
    // E or S closes a word.
    if (status[i] % 2 === 1) {
      out.push(chars.slice(begin + left, begin + i + 1).join(''));
      left = i + 1;
    }
  }
  // cppjieba drops a trailing B/M stretch; Viterbi always ends in E or S, so there is none.
}
