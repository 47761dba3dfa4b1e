import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../server/src/adapters/encoding';
import { buildReferenceIndex, loadBuiltinReferences, loadReferences, ReferenceLibrary } from '../../server/src/adapters/references';
import { AnalysisCaches, analyze, type RuleConfig } from '../../server/src/core/analysis';
import { boundedDistance, closestSubstring, diffHunks } from '../../server/src/core/quotes/align';
import { findQuoteMismatches } from '../../server/src/core/quotes/match';
import { anchorsOf } from '../../server/src/core/quotes/anchors';
import { CollationIndex, COMMON } from '../../server/src/core/quotes/collationIndex';
import { codesToString, normalize, sourceSpan } from '../../server/src/core/quotes/normalize';
import { ReferenceIndex } from '../../server/src/core/quotes/referenceIndex';
import { quotationsOf, sentencesOf } from '../../server/src/core/quotes/units';
import { quoteMismatchRule } from '../../server/src/core/rules/quoteMismatch';
import type { DocumentFacts } from '../../server/src/core/rules/rule';
import type { Finding, Paragraph } from '../../server/src/core/types';
import { findingMessage } from '../../server/src/engine/l10n';
import { factsOf } from '../helpers/analyzeText';

const NATIONAL = buildReferenceIndex(loadBuiltinReferences().texts);
const OPTIONS = { minLength: 12, maxDifference: 10 };
const REPORT = loadBuiltinReferences().texts[0].text.split('\n');

function check(text: string, index: ReferenceIndex = NATIONAL, options: Record<string, number | boolean> = {}): Finding[] {
  const defaults = Object.fromEntries(quoteMismatchRule.options.map((o) => [o.name, o.default]));
  const config: RuleConfig = { severity: 'warning', options: { ...defaults, ...options } };
  return analyze(factsOf(text, [], index), [quoteMismatchRule], { rules: new Map([[quoteMismatchRule.id, config]]), heavyRules: true, cacheKey: '' }, new AnalysisCaches());
}

function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('comparison form', () => {
  it('drops spaces, folds full-width ASCII, dashes and quotes, and maps every unit back to its offset', () => {
    const n = normalize('中国 — 东盟，ＡＢ１ "新"');
    expect(n.key).toBe('中国-东盟,AB1“新“');
    expect(n.offsets).toEqual([0, 1, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14]);
    expect(normalize('中国－中亚').key).toBe(normalize('中国—中亚').key);
  });

  it('is seeded from the paragraph text unit for unit: CJK Ext-B pairs and lone surrogates kept as they are', () => {
    const index = buildReferenceIndex(loadBuiltinReferences().texts).collation;
    for (const text of ['推动高质量发展，𠀀𪚥新质生产力', '推动高质量发展\ud800，\udc00发展新质生产力', '推动高质量发展，发展新质生产力'.repeat(400)]) {
      const seeded = anchorsOf(index, text);
      expect(seeded.key).toBe(normalize(text).key);
      expect([...seeded.offsets]).toEqual(normalize(text).offsets);
    }
    // Without surrogates the platform's decoder makes the string; the same as fromCharCode.
    const codes = Uint16Array.from({ length: 10_000 }, (_, i) => 0x4e00 + ((i * 7919) % 20000));
    expect(codesToString(codes, 9_999, false)).toBe(String.fromCharCode(...codes.subarray(0, 9_999)));
    expect(codesToString(codes, 9_999, true)).toBe(String.fromCharCode(...codes.subarray(0, 9_999)));
  });

  it('seeds every maximal exact match of six units or more that starts at a seeded k-gram or extends left past a common one (brute force)', () => {
    // Two references; a formula repeated 60 times makes its k-grams too common to seed from (more than 48 places).
    const formula = '推动高质量发展';
    const references = [
      { name: '甲', text: `${formula.repeat(60)}\n坚持稳中求进工作总基调完整准确全面贯彻新发展理念\n加快构建新发展格局着力推动高质量发展` },
      { name: '乙', text: `因地制宜发展新质生产力${formula}坚持稳中求进以进促稳先立后破` },
    ];
    const index = new CollationIndex(references);
    const pieces = ['推动高质量发展', '推动高质量', '质量发展', '坚持稳中求进', '工作总基调', '新发展理念', '因地制宜', '新质生产力', '以进促稳', '先立后破', '我们', '要', '，', '的'];
    // Made to seed past a common k-gram: a match that starts at one (found only from inside), and
    // one that starts at a seeded k-gram and is reached again from inside (found once).
    const made = ['我们推动高质量发展坚持稳中求进', '要新质生产力推动高质量发展坚持稳中求进'];
    const next = (() => {
      let seed = 7;
      return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    })();
    let extended = 0;
    for (let run = 0; run < 300; run++) {
      const text = made[run] ?? Array.from({ length: 4 + Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const key = normalize(text).key;
      const ref = index.key;
      const slots = new Int32Array(Math.max(0, key.length - 5));
      index.slotsOf(key, slots);
      const expected: number[][] = [];
      for (let s = 0; s < key.length; s++) {
        for (let r = 0; r < ref.length; r++) {
          if (s > 0 && r > 0 && key[s - 1] === ref[r - 1]) continue;
          let length = 0;
          while (s + length < key.length && r + length < ref.length && key[s + length] === ref[r + length]) length++;
          if (length < 6) continue;
          // Seeded where it starts, or from inside it just after a k-gram too common to seed from.
          let seeded = slots[s] >= 0;
          for (let i = s + 1; i + 6 <= s + length && !seeded; i++) seeded = slots[i] >= 0 && slots[i - 1] === COMMON;
          if (seeded) expected.push([s, r, length]);
          if (seeded && slots[s] < 0) extended++;
        }
      }
      expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const found = anchorsOf(index, text).anchors;
      const triples = Array.from({ length: found.length / 3 }, (_, k) => [found[3 * k], found[3 * k + 1], found[3 * k + 2]]);
      expect(triples, text).toEqual(expected);
    }
    expect(extended).toBeGreaterThan(10);
  });

  it('maps a span of the key to the source, empty spans to the point before', () => {
    const text = '地方 层面有序推进';
    const n = normalize(text);
    expect(sourceSpan(n, 2, 4, text.length)).toEqual({ start: 3, end: 5 });
    expect(sourceSpan(n, 2, 2, text.length)).toEqual({ start: 3, end: 3 });
    expect(sourceSpan(n, n.key.length, n.key.length, text.length)).toEqual({ start: text.length, end: text.length });
  });
});

describe('passages', () => {
  it('splits sentences at 。！？； and the line end, without final punctuation or unmatched quotation marks', () => {
    const line = '“要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。”今年全国两会期间，讲话指明了方向！';
    expect(sentencesOf(line).map((p) => line.slice(p.start, p.end))).toEqual([
      '要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力',
      '今年全国两会期间，讲话指明了方向',
    ]);
  });

  it('finds quotations of at least the minimum length, without a final 。', () => {
    const line = '报告提出，要“坚持稳中求进、以进促稳、先立后破。”同时推进“三北”工程。';
    expect(quotationsOf(line, 6).map((p) => line.slice(p.start, p.end))).toEqual(['坚持稳中求进、以进促稳、先立后破']);
  });
});

describe('alignment', () => {
  const text = fc.string({ unit: fc.constantFrom('国', '家', '发', '展', '，', 'a'), maxLength: 24 });

  it('bounded distance equals the full Levenshtein distance when within the bound, and exceeds the bound otherwise', () => {
    fc.assert(
      fc.property(text, text, fc.nat({ max: 8 }), (a, b, limit) => {
        const full = levenshtein(a, b);
        const bounded = boundedDistance(a, b, limit);
        expect(bounded).toBe(full <= limit ? full : limit + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('hunks turn the passage into the reference', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        let out = '';
        let at = 0;
        for (const h of diffHunks(a, b)) {
          out += a.slice(at, h.aStart) + b.slice(h.bStart, h.bEnd);
          at = h.aEnd;
        }
        expect(out + a.slice(at)).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the closest substring of a longer sentence', () => {
    const ref = '新一轮机构改革中央层面基本完成，地方层面有序展开';
    expect(closestSubstring('地方层面有序推进', ref)).toEqual({ start: 16, end: 24, distance: 2 });
  });
});

describe('reference index', () => {
  it('indexes every sentence of the built-in references once', () => {
    expect(NATIONAL.size).toBeGreaterThan(1500);
    expect(NATIONAL.sources.map((s) => s.name)).toEqual(['2024政府工作报告', '2025政府工作报告', '二十大报告']);
    expect(NATIONAL.hasSentence(normalize('新一轮机构改革中央层面基本完成，地方层面有序展开').key)).toBe(true);
  });

  it('selects candidates by shared trigrams', () => {
    const key = normalize('新一轮机构改革中央层面基本完成，地方层面有序推进').key;
    const [best] = NATIONAL.candidates(key, key.length - 2 - 6);
    expect(best.lineText.slice(best.start, best.end)).toBe('新一轮机构改革中央层面基本完成，地方层面有序展开');
    expect(best.line + 1).toBe(21);
  });

  it('changes its id with the content', () => {
    const a = new ReferenceIndex([{ name: 'a', text: '第一句话在这里。' }]);
    const b = new ReferenceIndex([{ name: 'a', text: '第一句话在这里！' }]);
    expect(a.id).not.toBe(b.id);
    expect(new ReferenceIndex([{ name: 'a', text: '第一句话在这里。' }]).id).toBe(a.id);
  });
});

describe('quote.mismatch', () => {
  it('flags 地方层面有序推进 for 地方层面有序展开, with the reference wording, name and line, and a fix restoring it', () => {
    const text = '新一轮机构改革中央层面基本完成，地方层面有序推进。';
    const findings = check(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.messageId).toBe('mismatch');
    expect(text.slice(finding.span.start, finding.span.end)).toBe('推进');
    expect(finding.args).toEqual({ reference: '2024政府工作报告', line: 21, expected: '地方层面有序展开', actual: '地方层面有序推进', evidence: 'sentence' });
    expect(finding.fix).toEqual([{ span: { start: 22, end: 24 }, newText: '展开' }]);
    expect(applyFixes(text, findings)).toBe('新一轮机构改革中央层面基本完成，地方层面有序展开。');
    expect(findingMessage(finding, 'zh')).toBe('与参考文本《2024政府工作报告》第 21 行原文不一致：原文为“地方层面有序展开”，此处为“地方层面有序推进”。');
  });

  it('does not flag identical sentences, typographic variants or unrelated sentences', () => {
    expect(check('新一轮机构改革中央层面基本完成，地方层面有序展开。')).toEqual([]);
    expect(check('新一轮机构改革中央层面基本完成, 地方层面 有序展开')).toEqual([]);
    expect(check('推进中国－东盟自贸区3.0版谈判，推动加入《数字经济伙伴关系协定》、《全面与进步跨太平洋伙伴关系协定》。')).toEqual([]);
    expect(check('今天天气很好，我们一起去公园散步，看看新开的花。')).toEqual([]);
  });

  it('points at the place where text is missing and inserts it', () => {
    const text = '新一轮机构改革中央层面基本完成，地方层面有展开。';
    const [finding] = check(text);
    expect(finding.args.expected).toBe('地方层面有序展开');
    expect(finding.args.actual).toBe('地方层面有展开');
    expect(finding.fix).toEqual([{ span: { start: 21, end: 21 }, newText: '序' }]);
    expect(text.slice(finding.span.start, finding.span.end)).toBe('有展');
  });

  it('reports reordered words as such', () => {
    const text = '实施制造业技术改造升级工程，培育壮大先进制造业集群，创建国家新型工业化示范区，推动传统产业高端化、绿色化、智能化转型。';
    const [finding] = check(text);
    expect(finding.messageId).toBe('reordered');
    expect(finding.args).toMatchObject({ expected: '智能化、绿色化转型', actual: '绿色化、智能化转型' });
    expect(applyFixes(text, [finding])).toBe('实施制造业技术改造升级工程，培育壮大先进制造业集群，创建国家新型工业化示范区，推动传统产业高端化、智能化、绿色化转型。');
    // Found by the sentence's first or last six characters: a sentence that differs in both is not compared whole.
    expect(check('我们要坚持以进促稳、稳中求进、先立后破。')).toEqual([]);
  });

  it('checks quotations inside other sentences against parts of reference sentences', () => {
    const text = '报告强调，要“坚持稳中求进、以进促稳、先立后稳”，这是我们工作的总基调。';
    const findings = check(text);
    expect(findings.map((f) => [f.args.expected, f.args.actual])).toEqual([['先立后破', '先立后稳']]);
    expect(applyFixes(text, findings)).toBe('报告强调，要“坚持稳中求进、以进促稳、先立后破”，这是我们工作的总基调。');
    expect(check('报告强调，要“坚持稳中求进、以进促稳、先立后破”，这是我们工作的总基调。')).toEqual([]);
  });

  it('leaves a changed or dropped lead word and a quotation that stops early alone', () => {
    expect(check('要坚持稳中求进、以进促稳、先立后破。')).toEqual([]);
    expect(check('必须把坚持高质量发展作为新时代的硬道理。')).toEqual([]);
    expect(check('新一轮机构改革中央层面基本完成，地方层面有序。')).toEqual([]);
  });

  it('does not take a quotation of another text that shares a formula with a reference for a misquotation of it', () => {
    // The 2018 amendment of the Constitution quotes its preamble; the report to the 20th Party
    // Congress continues the same enumeration differently (…邓小平理论、“三个代表”重要思想、科学发展观，全面贯彻…).
    const amendment2018 =
      '第三十二条 宪法序言第七自然段中“在马克思列宁主义、毛泽东思想、邓小平理论和‘三个代表’重要思想指引下”修改为“在马克思列宁主义、毛泽东思想、邓小平理论、‘三个代表’重要思想、科学发展观、习近平新时代中国特色社会主义思想指引下”；“健全社会主义法制”修改为“健全社会主义法治”。';
    const amendment2004 = '第十八条 宪法序言第七自然段中“在马克思列宁主义、毛泽东思想、邓小平理论指引下”修改为“在马克思列宁主义、毛泽东思想、邓小平理论和‘三个代表’重要思想指引下”。';
    expect(check(amendment2018)).toEqual([]);
    expect(check(amendment2004)).toEqual([]);
    // A quotation that only runs on past the reference is still held to it (人材). With a lead word
    // inside the quotation marks as well (“要坚持…源泉”), neither edge is the reference's: not reported.
    expect(check('我们要深刻认识到，“坚持科技是第一生产力、人材是第一资源、创新是第一动力源泉”，把各项工作做实做细。').map((f) => f.args.actual)).toEqual(['人材是第一资源', '新是第一动力源泉']);
    // A quotation that starts with the reference's words is still held to them, up to its last word.
    expect(check('报告指出，“十年来，我们坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观，全面落实新时代中国特色社会主义思想”。').map((f) => [f.args.expected, f.args.actual])).toEqual([
      ['全面贯彻新时代中国特', '全面落实新时代中国特'],
    ]);
  });

  it('takes a quotation that makes the reference local for the writer’s own target, not a misquotation', () => {
    // Sichuan 2026, after the 20th Congress' 建设现代化经济体系取得重大进展.
    expect(check('提出了“建设现代化经济强省取得重要进展”等主要目标，细化经济发展、创新驱动、民生福祉、绿色低碳、安全保障五大类23个主要指标。')).toEqual([]);
    // 市场 is no city: the quotation is still held to the reference.
    expect(check('报告提出“建设现代化经济市场取得重大进展”的目标。').map((f) => f.args.expected)).toHaveLength(1);
  });

  it('treats figures, punctuation and 国→省 as local adaptation in bare sentences, but not in quotations', () => {
    expect(check('城镇新增就业70万人以上，城镇调查失业率5.5%左右。')).toEqual([]);
    expect(check('城镇新增就业70万人以上，城镇调查失业率5.5%左右。', NATIONAL, { checkNumbers: true })).toHaveLength(1);
    expect(check('持续打好蓝天碧水净土保卫战。')).toEqual([]);
    expect(check('今年发展主要预期目标是：全省生产总值增长5%左右。')).toEqual([]);
    expect(check('报告提出“城镇新增就业1300万人以上”的目标。')).toHaveLength(1);
  });

  it('needs a whole sentence of at least minLength, or anchors that long, when nothing else shows a quotation', () => {
    expect(check('新一轮机构改革中央层面基本完成，地方层面有序推进。', NATIONAL, { minLength: 30 })).toEqual([]);
    expect(check('新一轮机构改革中央层面基本完成，地方层面有序推进。', NATIONAL, { minLength: 24 })).toHaveLength(1);
  });

  it('reports nothing without references, and nothing in a document identical to a reference', () => {
    expect(check('新一轮机构改革中央层面基本完成，地方层面有序推进。', new ReferenceIndex([]))).toEqual([]);
    expect(check(REPORT.join('\n'))).toEqual([]);
  });

  it('checks user references too, naming them and their line', () => {
    const index = new ReferenceIndex([...NATIONAL.sources, { name: '保守国家秘密法', text: '第一条\n为了保守国家秘密，维护国家安全和利益，保障改革开放和社会主义现代化建设事业的顺利进行，根据宪法，制定本法。' }]);
    const [finding] = check('为了保守国家秘密，维护国家安全和利益，保障改革开放和社会主义建设事业的顺利进行，根据宪法，制定本法。', index);
    expect(finding.args).toMatchObject({ reference: '保守国家秘密法', line: 2 });
  });

  it('re-checks only the paragraphs an edit changed', () => {
    const calls: string[] = [];
    const baseText = REPORT.slice(0, 30).join('\n');
    const memo = new Map<string, unknown>();
    const counting = (text: string): DocumentFacts => {
      const facts = factsOf(text, [], NATIONAL);
      return {
        text: facts.text,
        paragraphs: facts.paragraphs,
        outline: facts.outline,
        tokensOf: (p: Paragraph) => facts.tokensOf(p),
        hasTokens: (p: Paragraph) => facts.hasTokens(p),
        termHits: (p: Paragraph) => facts.termHits(p),
        termCandidates: (p: Paragraph) => facts.termCandidates(p),
        ignored: facts.ignored,
        references: facts.references,
        memoScope: (_namespace: string, _paragraphs: readonly Paragraph[], compute: () => never[]) => compute(),
        memo: <T>(namespace: string, p: Paragraph, compute: (p: Paragraph) => T): T => {
          const key = `${namespace}\u0000${p.text}`;
          if (!memo.has(key)) {
            calls.push(p.text);
            memo.set(key, compute(p));
          }
          return memo.get(key) as T;
        },
      };
    };
    const options = Object.fromEntries(quoteMismatchRule.options.map((o) => [o.name, o.default]));
    quoteMismatchRule.checkDocument!(counting(baseText), options);
    const first = calls.length;
    expect(first).toBeGreaterThan(10);
    const edited = baseText.replace('地方层面有序展开', '地方层面有序推进');
    const findings = quoteMismatchRule.checkDocument!(counting(edited), options);
    // The edited paragraph's seeds, anchors and quotations.
    expect(calls.length - first).toBe(3);
    expect(findings).toHaveLength(1);
    expect(edited.slice(findings[0].span.start, findings[0].span.end)).toBe('推进');
  });

  it('keeps findings on the same paragraphs when the options change nothing', () => {
    const findings = findQuoteMismatches(NATIONAL, '新一轮机构改革中央层面基本完成，地方层面有序推进。', OPTIONS);
    expect(findings.map((f) => [f.kind, f.reference.line + 1, f.expected, f.actual])).toEqual([['sentence', 21, '地方层面有序展开', '地方层面有序推进']]);
  });
});

describe('reference files', () => {
  // 政策文稿，引文核对。 in GB18030, byte by byte.
  const GB18030 = Uint8Array.from([0xd5, 0xfe, 0xb2, 0xdf, 0xce, 0xc4, 0xb8, 0xe5, 0xa3, 0xac, 0xd2, 0xfd, 0xce, 0xc4, 0xba, 0xcb, 0xb6, 0xd4, 0xa1, 0xa3]);

  it('decodes UTF-8 (with or without BOM) and falls back to GB18030', () => {
    expect(decodeText(new TextEncoder().encode('政策文稿'))).toEqual({ text: '政策文稿', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('政策')]))).toEqual({ text: '政策', encoding: 'utf-8' });
    expect(decodeText(GB18030)).toEqual({ text: '政策文稿，引文核对。', encoding: 'gb18030' });
    expect(decodeText(GB18030, 'utf-8')).toBeUndefined();
    expect(decodeText(Uint8Array.from([0x41, 0x00, 0x42]))).toBeUndefined();
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x3f, 0x65, 0x56, 0x7b]))).toEqual({ text: '政策', encoding: 'utf-16le' });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x65, 0x3f, 0x7b, 0x56]))).toEqual({ text: '政策', encoding: 'utf-16be' });
    // Neither UTF-8 nor GB18030 (0xFF starts no sequence in either).
    expect(decodeText(Uint8Array.from([0x41, 0xff, 0x42]))).toBeUndefined();
  });

  it('reads files and folders, names references after their files, and rebuilds only on change', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-refs-'));
    try {
      fs.mkdirSync(path.join(dir, 'laws'));
      fs.writeFileSync(path.join(dir, 'laws', '条例.txt'), GB18030);
      fs.writeFileSync(path.join(dir, 'laws', 'notes.json'), '{}');
      fs.writeFileSync(path.join(dir, 'speech.policy.txt'), '讲话原文第一句。\n');
      const loaded = loadReferences([path.join(dir, 'laws'), path.join(dir, 'speech.policy.txt'), path.join(dir, 'missing.txt')]);
      expect(loaded.texts.map((t) => [t.name, t.text])).toEqual([
        ['条例', '政策文稿，引文核对。'],
        ['speech', '讲话原文第一句。\n'],
      ]);
      expect(loaded.problems).toEqual([{ path: path.join(dir, 'missing.txt'), messageId: 'file.missing' }]);

      const library = new ReferenceLibrary();
      const builtin = library.index;
      expect(library.reload([path.join(dir, 'laws')]).changed).toBe(true);
      expect(library.index.sources.map((s) => s.name)).toEqual(['2024政府工作报告', '2025政府工作报告', '二十大报告', '条例']);
      // A reference file is checked against the others, not against itself.
      expect(library.indexFor(path.join(dir, 'laws', '条例.txt')).sources.map((s) => s.name)).toEqual(['2024政府工作报告', '2025政府工作报告', '二十大报告']);
      expect(library.indexFor(path.join(dir, 'speech.policy.txt'))).toBe(library.index);
      expect(library.reload([path.join(dir, 'laws')], ['2025政府工作报告']).changed).toBe(true);
      expect(library.index.sources.map((s) => s.name)).toEqual(['2025政府工作报告', '条例']);
      expect(library.reload([path.join(dir, 'laws')]).changed).toBe(true);
      expect(library.isReference(path.join(dir, 'laws', '条例.txt'))).toBe(true);
      expect(library.isReference(path.join(dir, 'speech.policy.txt'))).toBe(false);
      const index = library.index;
      expect(library.reload([path.join(dir, 'laws')]).changed).toBe(false);
      expect(library.index).toBe(index);
      expect(library.reload([]).changed).toBe(true);
      expect(library.index.id).toBe(builtin.id);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
