import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'policy.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const SCOPE = 'text.policy';

// Scopes produced by the grammar (see syntaxes/policy.tmLanguage.json).
const T = SCOPE;
const MARKER = 'punctuation.definition.heading.policy';
const SECTION = 'entity.name.section.policy';
const NUM = 'constant.numeric.policy';
const DQ = 'string.quoted.double.policy';
const TITLE = 'entity.name.type.title.policy';
const LEAD_META = 'meta.lead-in.policy';
const LEAD = 'keyword.other.lead.policy';
const h = (level: number | string): string => `markup.heading.${level}.policy`;

let grammar: vsctm.IGrammar;

beforeAll(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar(SCOPE);
  if (!g) throw new Error('grammar text.policy did not load');
  grammar = g;
});

function fixtureLines(name: string): string[] {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8').split(/\r?\n/);
}
const NATIONAL = '002_8dfe99efc033ddf8.txt'; // national + 31 provincial government work reports
const LAW = '004_aedbcdac15b26f45.txt'; // contains 保守国家秘密法 (第一章 … 第六十五条)
const PDF = '000_a487f46611498c32.txt'; // PDF-extracted report with spaces around numbers

/** First fixture line satisfying `pred`; fails loudly if the fixture changed. */
function findLine(file: string, pred: (line: string) => boolean): string {
  const line = fixtureLines(file).find(pred);
  if (line === undefined) throw new Error(`no line in ${file} matches ${pred.toString()}`);
  return line;
}

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(line: string, state: vsctm.StateStack = vsctm.INITIAL): Tok[] {
  const r = grammar.tokenizeLine(line, state);
  return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** Scope stack and token index of every UTF-16 unit of `line`. */
function perChar(line: string): { scopes: string[][]; token: number[] } {
  const scopes: string[][] = [];
  const token: number[] = [];
  grammar.tokenizeLine(line, vsctm.INITIAL).tokens.forEach((t, n) => {
    for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) {
      scopes[i] = t.scopes;
      token[i] = n;
    }
  });
  return { scopes, token };
}

/**
 * Asserts that every character of `part` (the `nth` occurrence in `line`) has
 * exactly the scope stack `expected`. With `exact`, the construct must also
 * end where `part` ends: each neighbouring character either carries another
 * scope stack or belongs to another token (e.g. `2024年` followed by `3月`).
 */
function expectScopes(line: string, part: string, expected: string[], opts: { nth?: number; exact?: boolean } = {}): void {
  let idx = -1;
  for (let n = 0; n <= (opts.nth ?? 0); n++) {
    idx = line.indexOf(part, idx + 1);
    if (idx < 0) throw new Error(`"${part}" not found in "${line.slice(0, 60)}…"`);
  }
  const { scopes, token } = perChar(line);
  for (let i = idx; i < idx + part.length; i++) {
    expect(scopes[i], `scopes of "${line[i]}" at ${i} in "${part}"`).toEqual(expected);
  }
  if (opts.exact) {
    const key = expected.join(' ');
    const end = idx + part.length;
    if (idx > 0 && token[idx - 1] === token[idx]) {
      expect(scopes[idx - 1]?.join(' '), `char before "${part}"`).not.toBe(key);
    }
    if (end < line.length && token[end] === token[end - 1]) {
      expect(scopes[end]?.join(' '), `char after "${part}"`).not.toBe(key);
    }
  }
}

function hasScopePrefix(line: string, prefix: string): boolean {
  return tokenize(line).some((t) => t.scopes.some((s) => s.startsWith(prefix)));
}

describe('policy grammar: headings', () => {
  it('level 1: 一、 marker and heading text (numbers inside stay numeric)', () => {
    const line = findLine(NATIONAL, (l) => l === '一、2023年工作回顾');
    expectScopes(line, '一、', [T, h(1), MARKER], { exact: true });
    expectScopes(line, '2023年', [T, h(1), SECTION, NUM], { exact: true });
    expectScopes(line, '工作回顾', [T, h(1), SECTION], { exact: true });
  });

  it('level 2 inline heading: only the first sentence up to and including 。', () => {
    const line = findLine(NATIONAL, (l) => l.startsWith('（一）大力推进现代化产业体系建设，加快发展新质生产力。'));
    expectScopes(line, '（一）', [T, h(2), MARKER], { exact: true });
    expectScopes(line, '大力推进现代化产业体系建设，加快发展新质生产力。', [T, h(2), SECTION], { exact: true });
    const rest = line.slice(line.indexOf('。') + 1);
    expect(rest.length).toBeGreaterThan(20);
    expectScopes(line, rest.slice(0, 10), [T]);
    expect(hasScopePrefix(rest, 'markup.heading')).toBe(false);
    // whole-line heading (no 。) and ASCII parentheses
    const whole = findLine(NATIONAL, (l) => l === '（一）持续提升首都功能，推动京津冀协同发展取得新的更大进展');
    expectScopes(whole, '持续提升首都功能，推动京津冀协同发展取得新的更大进展', [T, h(2), SECTION]);
    const ascii = whole.replace('（一）', '(一)');
    expectScopes(ascii, '(一)', [T, h(2), MARKER], { exact: true });
    // full-width-space indentation (common in official documents)
    const indented = '\u3000\u3000' + whole;
    expectScopes(indented, '（一）', [T, h(2), MARKER], { exact: true });
    expectScopes(indented, '持续提升首都功能', [T, h(2), SECTION]);
  });

  it('level 2 heading containing “三农”', () => {
    const line = findLine(NATIONAL, (l) => l.startsWith('（七）坚持不懈抓好“三农”工作'));
    expectScopes(line, '（七）', [T, h(2), MARKER], { exact: true });
    expectScopes(line, '坚持不懈抓好', [T, h(2), SECTION], { exact: true });
    expectScopes(line, '“', [T, h(2), SECTION, DQ, 'punctuation.definition.string.begin.policy']);
    expectScopes(line, '三农', [T, h(2), SECTION, DQ], { exact: true });
    expectScopes(line, '”', [T, h(2), SECTION, DQ, 'punctuation.definition.string.end.policy']);
  });

  it('level 3: 1. / 1、 (and full-width 1．)', () => {
    const title = findLine(NATIONAL, (l) => l.trim() === '1.政府工作报告');
    expectScopes(title, '1.', [T, h(3), MARKER], { exact: true });
    expectScopes(title, '政府工作报告', [T, h(3), SECTION], { exact: true });
    const item = findLine(NATIONAL, (l) => l.startsWith('1、医疗卫生。'));
    expectScopes(item, '1、', [T, h(3), MARKER], { exact: true });
    expectScopes(item, '医疗卫生。', [T, h(3), SECTION], { exact: true });
    expectScopes(item, '60岁以上', [T, NUM], { exact: true });
    const fw = title.trim().replace('1.', '1．');
    expectScopes(fw, '1．', [T, h(3), MARKER], { exact: true });
    const two = findLine(NATIONAL, (l) => l.startsWith('10.上海市政府工作报告'));
    expectScopes(two, '10.', [T, h(3), MARKER], { exact: true });
  });

  it('level 4: （1） and (1)', () => {
    // The fixtures have no level-4 lines: reuse a real heading with a level-4 marker.
    const real = findLine(NATIONAL, (l) => l.startsWith('（一）大力推进现代化产业体系建设'));
    for (const marker of ['（1）', '(1)', '（12）']) {
      const line = real.replace('（一）', marker);
      expectScopes(line, marker, [T, h(4), MARKER], { exact: true });
      expectScopes(line, '大力推进现代化产业体系建设，加快发展新质生产力。', [T, h(4), SECTION], { exact: true });
    }
  });

  it('level 5: ① at line start; mid-line ② is only an enumerator', () => {
    const src = findLine(NATIONAL, (l) => l.includes('①建成100所县域普通高中'));
    const line = src.slice(src.indexOf('①'));
    expectScopes(line, '①', [T, h(5), MARKER], { exact: true });
    const first = line.slice(1, line.indexOf('。') + 1);
    expect(first).toBe('建成100所县域普通高中“徐特立项目”，开展1万场家庭教育指导服务。');
    expectScopes(line, '建成', [T, h(5), SECTION], { exact: true });
    expectScopes(line, '100所', [T, h(5), SECTION, NUM], { exact: true });
    expectScopes(line, '徐特立项目', [T, h(5), SECTION, DQ], { exact: true });
    expectScopes(line, '家庭教育指导服务。', [T, h(5), SECTION], { exact: true });
    expectScopes(line, '②', [T, 'markup.list.numbered.policy'], { exact: true });
    // In the original line ① is mid-line: not a heading.
    expect(hasScopePrefix(src, 'markup.heading')).toBe(false);
  });

  it('law: 第一章 (whole line) and 第二条 (marker only)', () => {
    const chapter = findLine(LAW, (l) => l.trim() === '第一章 总  则');
    expectScopes(chapter, '第一章', [T, h('chapter'), MARKER], { exact: true });
    expectScopes(chapter, ' 总  则', [T, h('chapter'), SECTION], { exact: true });
    const chapter2 = findLine(LAW, (l) => l.startsWith('第二章 '));
    expectScopes(chapter2, chapter2.slice(3), [T, h('chapter'), SECTION], { exact: true });

    const article = findLine(LAW, (l) => l.startsWith('第二条 国家秘密是'));
    expectScopes(article, '第二条', [T, h('article'), MARKER], { exact: true });
    expectScopes(article, ' 国家秘密是关系国家安全和利益', [T]);
    // no space after the marker in the fixture
    const glued = findLine(LAW, (l) => l.startsWith('第三十四条网络运营者'));
    expectScopes(glued, '第三十四条', [T, h('article'), MARKER], { exact: true });
    expectScopes(glued, '网络运营者', [T]);
    // 第X编 / 第X节
    expectScopes('第一编 总则', '第一编', [T, h('part'), MARKER], { exact: true });
    expectScopes('第三节 保密制度', ' 保密制度', [T, h('section'), SECTION], { exact: true });
  });

  it('law list items （一）…； are numbered at level 2', () => {
    const item = findLine(LAW, (l) => l === '（一）国家事务重大决策中的秘密事项；');
    expectScopes(item, '（一）', [T, h(2), MARKER], { exact: true });
  });

  it('markdown # headings', () => {
    const line = '## 政府工作报告';
    expectScopes(line, '##', [T, 'markup.heading.policy', MARKER], { exact: true });
    expectScopes(line, ' 政府工作报告', [T, 'markup.heading.policy', SECTION], { exact: true });
    expect(hasScopePrefix('#标签不是标题', 'markup.heading')).toBe(false);
  });
});

describe('policy grammar: inline constructs', () => {
  it('《政府工作报告》 title', () => {
    const line = findLine(LAW, (l) => l.includes('2024年《政府工作报告》'));
    expectScopes(line, '《', [T, TITLE, 'punctuation.definition.title.begin.policy'], { exact: true });
    expectScopes(line, '政府工作报告', [T, TITLE], { exact: true });
    expectScopes(line, '》', [T, TITLE, 'punctuation.definition.title.end.policy'], { exact: true });
    expectScopes(line, '2024年', [T, NUM], { exact: true });
  });

  it('nested 〈〉 inside 《》', () => {
    const line = '审议《关于〈中华人民共和国保守国家秘密法〉的说明》。';
    expectScopes(line, '关于', [T, TITLE], { exact: true });
    expectScopes(line, '中华人民共和国保守国家秘密法', [T, TITLE, 'meta.title.inner.policy'], { exact: true });
    expectScopes(line, '的说明', [T, TITLE], { exact: true });
    expectScopes(line, '。', [T]);
  });

  it('quotes “…”, ‘…’ nested, 「」', () => {
    const line = findLine(NATIONAL, (l) => l.includes('“全方位贯彻‘四水四定’原则”'));
    expectScopes(line, '全方位贯彻', [T, DQ], { exact: true });
    expectScopes(line, '四水四定', [T, DQ, 'string.quoted.single.policy'], { nth: 1, exact: true });
    const running = findLine(NATIONAL, (l) => l.includes('“三农”') && !l.startsWith('（'));
    expectScopes(running, '三农', [T, DQ], { exact: true });
    expectScopes('「一带一路」倡议', '一带一路', [T, 'string.quoted.double.corner.policy'], { exact: true });
    // an unclosed quote stops at the end of its line
    const unclosed = tokenize('“未闭合');
    const next = tokenize('下一行', grammar.tokenizeLine('“未闭合', vsctm.INITIAL).ruleStack);
    expect(unclosed.at(-1)?.scopes).toContain(DQ);
    expect(next.every((t) => t.scopes.length === 1)).toBe(true);
  });

  it('numbers with units and percentages', () => {
    const line = findLine(NATIONAL, (l) => l.startsWith('——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%'));
    expectScopes(line, '126万亿元', [T, NUM], { exact: true });
    expectScopes(line, '5.2%', [T, NUM], { exact: true });
    expectScopes(line, '1244万人', [T, NUM], { exact: true });
    const trillion = findLine(NATIONAL, (l) => l.includes('1.5万亿元'));
    expectScopes(trillion, '1.5万亿元', [T, NUM], { exact: true });
    const permille = findLine(NATIONAL, (l) => l.includes('3.4‰'));
    expectScopes(permille, '3.4‰', [T, NUM], { exact: true });
    const fullWidth = findLine(NATIONAL, (l) => l.includes('45.8％'));
    expectScopes(fullWidth, '45.8％', [T, NUM], { exact: true });
    const about = findLine(NATIONAL, (l) => /增长5%左右/.test(l));
    expectScopes(about, '5%左右', [T, NUM], { exact: true });
    const people = findLine(NATIONAL, (l) => l.includes('新增就业1200万人以上'));
    expectScopes(people, '1200万人以上', [T, NUM], { exact: true });
    expectScopes('城镇新增就业1200万人，', '1200万人', [T, NUM], { exact: true });
    const thirty = findLine(NATIONAL, (l) => l.includes('增长近30%'));
    expectScopes(thirty, '30%', [T, NUM], { exact: true });
    const pct = findLine(NATIONAL, (l) => l.includes('0.5个百分点'));
    expectScopes(pct, '0.5个百分点', [T, NUM], { exact: true });
    // thousands separators, per-unit values, spaced PDF text
    expectScopes('资金1,234,567元到位', '1,234,567元', [T, NUM], { exact: true });
    expectScopes('标准提高到700元/月，', '700元/月', [T, NUM], { exact: true });
    const spaced = findLine(PDF, (l) => l.includes('超过 126 万亿元'));
    expectScopes(spaced, '126 万亿元', [T, NUM], { exact: true });
    // letters glued to digits are not numbers (C919)
    const plane = findLine(NATIONAL, (l) => l.includes('C919'));
    expectScopes(plane, 'C919', [T]);
  });

  it('——lead-in: dash and lead sentence', () => {
    const line = findLine(NATIONAL, (l) => l.startsWith('——现代化产业体系建设取得重要进展。'));
    expectScopes(line, '——', [T, LEAD_META, LEAD, 'punctuation.definition.lead.policy'], { exact: true });
    expectScopes(line, '现代化产业体系建设取得重要进展。', [T, LEAD_META, LEAD], { exact: true });
    expectScopes(line, '传统产业加快转型升级', [T]);
    const byline = findLine(NATIONAL, (l) => l.startsWith('——2024年3月5日在第十四届全国人民代表大会'));
    expectScopes(byline, '2024年', [T, LEAD_META, LEAD, NUM], { exact: true });
    expectScopes(byline, '在第十四届全国人民代表大会', [T, LEAD_META, LEAD]);
  });
});

describe('policy grammar: negatives and robustness', () => {
  it('`2.2 万亿元` at line start is a number, not a heading', () => {
    const line = findLine(PDF, (l) => l.startsWith('2.2 万亿元'));
    expectScopes(line, '2.2 万亿元', [T, NUM], { exact: true });
    expect(hasScopePrefix(line, 'markup.heading')).toBe(false);
    for (const l of ['2.2万亿元', '32.01%的比重', '1.5万亿元国债', '2024年3月5日']) {
      expect(hasScopePrefix(l, 'markup.heading'), l).toBe(false);
    }
    expectScopes('32.01%的比重', '32.01%', [T, NUM], { exact: true });
  });

  it('running-text （福） in 昌厦（福） is not a heading', () => {
    const line = findLine(NATIONAL, (l) => l.includes('昌厦（福）'));
    expectScopes(line, '（福）', [T]);
    expectScopes(line, '（九）', [T]);
    expect(hasScopePrefix(line, 'markup.heading')).toBe(false);
  });

  it('no line leaves state behind (every fixture line ends at the root)', () => {
    for (const file of [NATIONAL, LAW, PDF]) {
      let state = vsctm.INITIAL;
      for (const line of fixtureLines(file)) {
        const r = grammar.tokenizeLine(line, state);
        expect(r.stoppedEarly).toBe(false);
        state = r.ruleStack;
        expect(state.depth, line.slice(0, 40)).toBe(1);
      }
    }
  });

  it('1 MB lines tokenize without running away (a hang detector; loaded CI machines are slow)', () => {
    const paragraphs = fixtureLines(NATIONAL).filter((l) => l.length > 200).slice(0, 40).join('');
    const mb = (unit: string): string => unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    grammar.tokenizeLine(paragraphs, vsctm.INITIAL); // warm up scanners
    const cases: Record<string, string> = {
      realText: mb(paragraphs),
      headingWithoutFullStop: '（一）' + mb('加快发展新质生产力，'),
      leadIn: '——' + mb('经济总体回升向好，'),
      unclosedQuotes: mb('“'),
      unclosedTitles: mb('《〈'),
      digits: mb('1'),
      magnitudes: '1' + mb('万'),
      noMatches: mb('无'),
      indentation: mb('　'),
    };
    for (const [name, line] of Object.entries(cases)) {
      expect(line.length).toBeGreaterThanOrEqual(1_000_000);
      const t0 = performance.now();
      const r = grammar.tokenizeLine(line, vsctm.INITIAL);
      const ms = performance.now() - t0;
      expect(r.stoppedEarly, name).toBe(false);
      expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(10_000);
    }
  });
});
