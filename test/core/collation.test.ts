import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReferenceIndex, loadBuiltinReferences } from '../../server/src/adapters/references';
import { AnalysisCaches } from '../../server/src/core/analysis';
import { kgramHash, SEED } from '../../server/src/core/quotes/collationIndex';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import type { Finding } from '../../server/src/core/types';
import { findingMessage } from '../../server/src/engine/l10n';
import { checkQuotes } from '../helpers/quoteFacts';

/**
 * Collation (quotes/collate.ts) on real material: summaries and study notes
 * written from the 2024 report with every kind of deviation, the national
 * reports as independent documents, and random deviations in copied text.
 */
const BUILTIN = loadBuiltinReferences();
const INDEX = buildReferenceIndex(BUILTIN.texts);
const REPORT = BUILTIN.texts[0].text.split('\n');
const FIXTURES = path.join(__dirname, '../fixtures');
const check = (text: string, index = INDEX, caches = new AnalysisCaches()) => checkQuotes(text, index, caches);

function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** line, the finding's text, message, what the reference reads (or what is missing), what the document reads, evidence. */
function table(text: string, findings: readonly Finding[]): unknown[][] {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return findings.map((f) => [lineOf(f.span.start), text.slice(f.span.start, f.span.end), f.messageId, f.args.line, f.args.expected ?? f.args.missing, f.args.actual ?? '', f.args.evidence ?? '']);
}

describe('collation of a news summary of the 2024 report (test/fixtures/corpus/written/summary-2024.txt)', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'corpus/written/summary-2024.txt'), 'utf8');
  const findings = check(text);

  it('reports every deviation with the reference wording and line, and nothing where the copy is exact', () => {
    expect(table(text, findings)).toEqual([
      [3, '.5', 'mismatch', 59, '产总值增长5%左右', '产总值增长5.5%左右', 'reuse'], // a changed figure
      [7, '度', 'mismatch', 33, '握宏观调控时、度、效', '握宏观调控时度效', 'anchors'], // 顿号 dropped in 时、度、效
      [9, '工', 'truncated', 77, '业化，', '', 'reuse'], // cut mid-word at a paragraph end, text lost
      [12, '、锻', 'mismatch', 79, '拉长长板、锻造新板', '锻造新板', 'reuse'], // a dropped phrase
      [15, '毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展', 'mismatch', 101, '两个毫不动摇', '毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展', 'reuse'], // abbreviation expanded
      [15, '提高核心竞争力、增强核心功能', 'reordered', 101, '增强核心功能、提高核心竞争力', '提高核心竞争力、增强核心功能', 'reuse'], // swapped clauses
      [17, '工作', 'mismatch', 103, '综合改革试点', '综合改革试点工作', 'sentence'], // an insertion
      [17, '环境', 'mismatch', 103, '平竞争的市场秩序', '平竞争的市场环境', 'sentence'], // a changed last word
    ]);
  });

  it('names the reference and says what is missing after a truncation', () => {
    const truncated = findings.find((f) => f.messageId === 'truncated')!;
    expect(findingMessage(truncated, 'zh')).toBe('句子在此中断，参考文本《2024政府工作报告》第 77 行原文接续为“业化，”。');
    expect(findingMessage(truncated, 'en')).toBe('The sentence breaks off here; the reference "2024政府工作报告" (line 77) goes on: "业化，".');
  });

  it('has fixes that restore the reference wording of every changed paragraph', () => {
    const fixed = applyFixes(text, findings).split('\n');
    const lines = text.split('\n');
    for (const [line, reference] of [
      [3, 59],
      [7, 33],
      [12, 79],
    ]) {
      const copied = fixed[line - 1];
      expect(REPORT[reference - 1]).toContain(copied.replace(/。$/, ''));
      expect(copied).not.toBe(lines[line - 1]);
    }
    // Line 17 leaves out a sentence of the report (a selection, not a deviation); its sentences are restored.
    for (const sentence of fixed[16].split('。').filter(Boolean)) expect(REPORT[102]).toContain(sentence);
    // The truncated sentence gets its lost words back (joining the paragraphs is paragraph.broken's fix).
    expect(fixed[8] + fixed[9]).toBe(REPORT[76]);
  });
});

describe('collation of study notes quoting the 2024 report (test/fixtures/corpus/written/study-notes.txt)', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'corpus/written/study-notes.txt'), 'utf8');

  it('reports quotations after 报告指出/强调/提出/要求 that depart from the report, and leaves the notes’ own sentences alone', () => {
    expect(table(text, check(text))).toEqual([
      [7, '优良', 'mismatch', 101, '竞相发展的良好环境', '竞相发展的优良环境', 'lead-in'], // a word changed after 报告强调，
      [10, '1', 'mismatch', 59, '镇新增就业1200万人以上', '镇新增就业1100万人以上', 'quotation'], // a figure changed inside “…”
      [11, '绿色化、智能', 'reordered', 79, '智能化、绿色化转型', '绿色化、智能化转型', ''], // swapped words after 报告要求，
      [16, '，坚', 'mismatch', 103, '提升监管精准性和有效性，坚决维护公平', '坚决维护公平', 'lead-in'], // a dropped clause after 报告指出，
    ]);
  });
});

describe('independent documents stay quiet', () => {
  it('finds nothing in the national report copies of 002 and 004 (identical to the built-in 2024 report)', () => {
    for (const [file, lines] of [
      ['002_8dfe99efc033ddf8.txt', 181],
      ['004_aedbcdac15b26f45.txt', 181],
    ] as const) {
      const copy = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').slice(0, lines).join('\n');
      expect(check(copy)).toEqual([]);
    }
  });

  it('raises at most one false alarm per 100 000 characters on the 72 national reports (test/fixtures/corpus/national)', () => {
    const folder = path.join(FIXTURES, 'corpus/national');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(74);
    let characters = 0;
    const found: unknown[][] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      characters += text.length;
      for (const row of table(text, check(text))) found.push([file, ...row]);
    }
    // Each report writes formulas of the built-in references its own way (`推动东北振兴` in 2021 for the 20th
    // Party Congress' `推动东北全面振兴`): long documents taking ≤ 11 % from a reference do not quote it.
    expect(found).toEqual([]);
    expect(characters).toBeGreaterThan(1_150_000);
    expect((found.length * 100_000) / characters).toBeLessThanOrEqual(1);
  });
});

describe('random deviations inside copied paragraphs', () => {
  // Long paragraphs of the 2024 report; a document copies six of them (a copy, so reuse is the evidence).
  const paragraphs = REPORT.filter((line) => line.length >= 150 && !/[“”]/.test(line));
  const cjk = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研'];
  const TERMINAL = /[。；！？：“”（）《》]/;

  it('reports each at the altered place, and the fix restores the reference exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paragraphs.length - 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('substitute', 'delete', 'insert'),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: cjk.length - 1 }),
        (first, where, kind, length, pick) => {
          const copied = paragraphs.slice(first, first + 6);
          const target = copied[1];
          // A place inside a sentence, at least 20 characters from the ends of the paragraph and of the sentence.
          const places: number[] = [];
          for (let i = 20; i + length + 20 <= target.length; i++) {
            const around = target.slice(i - 20, i + length + 20);
            // Wording, not punctuation: a dropped comma is form (only a dropped 顿号 is reported, tested above).
            if (!TERMINAL.test(around) && /^[\u4e00-\u9fff]+$/.test(target.slice(i, i + length))) places.push(i);
          }
          fc.pre(places.length > 0);
          const at = places[where % places.length];
          const original = target.slice(at, at + length);
          const replacement = Array.from({ length }, (_, k) => cjk[(pick + k * 7) % cjk.length]).join('');
          fc.pre(kind !== 'substitute' || replacement[0] !== original[0]);
          const altered =
            kind === 'substitute' ? target.slice(0, at) + replacement + target.slice(at + length) :
            kind === 'delete' ? target.slice(0, at) + target.slice(at + length) :
            target.slice(0, at) + replacement.slice(0, Math.min(length, 4)) + target.slice(at);
          const text = [copied[0], altered, ...copied.slice(2)].join('\n');
          const findings = check(text);
          const start = copied[0].length + 1;
          expect(findings.length).toBeGreaterThanOrEqual(1);
          for (const finding of findings) {
            // At the altered place (a repeated character may shift the span a little).
            expect(finding.span.start).toBeGreaterThanOrEqual(start + at - 8);
            expect(finding.span.end).toBeLessThanOrEqual(start + at + length + 8);
          }
          expect(applyFixes(text, findings)).toBe(copied.join('\n'));
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });
});

describe('reuse share of a document', () => {
  it('says how much of a document is text of each reference', async () => {
    const { documentReuse } = await import('../../server/src/core/quotes/documentReuse');
    const share = (file: string) =>
      documentReuse(INDEX.collation, splitParagraphs(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))).map((r) => [r.name, Math.round(r.share * 100)]);
    // The summary is report text but for its title and the words changed in it.
    expect(share('corpus/written/summary-2024.txt')).toEqual([['2024政府工作报告', 95]]);
    // A year's report shares formulas with the built-ins, a few per cent of its text.
    const gwr2023 = share('corpus/national/gwr-2023.txt');
    expect(gwr2023.every(([, percent]) => (percent as number) < 15)).toBe(true);
    expect(gwr2023.map(([name]) => name)).toContain('2024政府工作报告');
  });
});

describe('bad input', () => {
  it('keeps UTF-16 offsets right after emoji and CJK Ext-B, and survives lone surrogates, empty text and a 1 MB line', () => {
    // A study note with a 2-unit character before the quotation: the fix lands on the right units.
    const text = '𠀀😀报告强调，要不断完善落实“两个毫不动摇”的体制机制，为各类所有制企业创造公平竞争、竞相发展的优良环境。\ud800';
    const findings = check(text);
    expect(findings.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['优良']);
    expect(applyFixes(text, findings)).toBe(text.replace('优良', '良好'));
    expect(check('')).toEqual([]);
    expect(check('\ud800\udc00\ud800')).toEqual([]);
    // The report's paragraphs on one line, 60 times over (≈1 M units): copies of the report, nothing to report.
    const huge = REPORT.filter((l) => l.length > 0).join('').repeat(60);
    expect(huge.length).toBeGreaterThan(900_000);
    const started = performance.now();
    expect(check(huge)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('seeding slots', () => {
  it('slotsOf gives slotOf(kgramHash) at every position, for copied, common and unknown k-grams', () => {
    const collation = INDEX.collation;
    const copied = collation.key.slice(1000, 3000);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'发展的和是在\u0000。', 'a'), maxLength: 80 }), fc.nat(1900), (noise, at) => {
        const text = copied.slice(0, at) + noise + copied.slice(at, at + 60);
        const slots = new Int32Array(Math.max(0, text.length - SEED + 1));
        collation.slotsOf(text, slots);
        for (let i = 0; i + SEED <= text.length; i++) expect(slots[i]).toBe(collation.slotOf(kgramHash(text, i)));
      }),
      { numRuns: 200 },
    );
  });
});
