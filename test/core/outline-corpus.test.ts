import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/core/outline/outline';
import type { OutlineNode, OutlineOptions } from '../../server/src/core/outline/types';
import { flattenOutline } from '../../server/src/core/outline/walk';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';

const FIXTURES = path.join(__dirname, '../fixtures');

/** A hand-written expected outline: see test/fixtures/outlines/*.json. Lines are 1-based there. */
interface OutlineFixture {
  readonly source: string;
  readonly lineBase: 1;
  readonly from: number;
  readonly to: number;
  readonly options: OutlineOptions;
  readonly note: string;
  readonly outline: readonly FlatEntry[];
}

interface FlatEntry {
  readonly kind: string;
  readonly depth: number;
  readonly name: string;
  readonly line: number;
}

const sources = new Map<string, string>();
function source(name: string): string {
  let text = sources.get(name);
  if (text === undefined) sources.set(name, (text = fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
  return text;
}

function outlineOf(name: string, options: OutlineOptions): OutlineNode[] {
  const text = source(name);
  return buildOutline(text, splitParagraphs(text), options);
}

/** Flattened nodes whose heading line (1-based) lies in `[from, to]`. */
function flatRange(nodes: readonly OutlineNode[], from: number, to: number): FlatEntry[] {
  return flattenOutline(nodes)
    .filter((node) => node.line + 1 >= from && node.line + 1 <= to)
    .map((node) => ({ kind: node.kind, depth: node.depth, name: node.name, line: node.line + 1 }));
}

const fixtureFiles = fs.readdirSync(path.join(FIXTURES, 'outlines')).filter((file) => file.endsWith('.json'));

describe('hand-written outlines of the corpus', () => {
  it('has the fixtures', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(fixtureFiles)('%s', (file) => {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'outlines', file), 'utf8')) as OutlineFixture;
    const outline = outlineOf(fixture.source, fixture.options);
    const topLevelOnly = fixture.outline.every((entry) => entry.depth === 1);
    const actual = topLevelOnly
      ? outline.map((node) => ({ kind: node.kind, depth: node.depth, name: node.name, line: node.line + 1 }))
      : flatRange(outline, fixture.from, fixture.to);
    expect(actual).toEqual(fixture.outline);
  });
});

describe('whole-file properties', () => {
  const files = ['000_a487f46611498c32.txt', '002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt'];

  it('finds the 32 compilation titles of 002, numbered 1–32', () => {
    const documents = outlineOf('002_8dfe99efc033ddf8.txt', { markdown: false, leadItems: false });
    expect(documents.map((node) => node.kind)).toEqual(new Array(32).fill('document'));
    expect(documents.map((node) => node.number?.value)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it('counts every （X） heading of 002 (125 standalone + 326 inline), the 一要 heading sentences and the parts', () => {
    const nodes = flattenOutline(outlineOf('002_8dfe99efc033ddf8.txt', { markdown: false, leadItems: true }));
    const count = (kind: string) => nodes.filter((node) => node.kind === kind).length;
    // + Liaoning's 一要…五要 (989–997) and Gansu's 一要…八要 (4503–4567): the second level of parts without （一）.
    expect(count('section')).toBe(451 + 5 + 8);
    expect(count('part')).toBe(83 + 5); // numbered parts + Sichuan's 3 and Tibet's 2 unnumbered ones
    expect(count('lead')).toBe(158 + 76); // 一是…, ——…
    expect(count('item')).toBe(10); // Zhejiang's 1、–10、
  });

  it.each(files)('%s: child spans lie inside their parents and siblings do not overlap', (file) => {
    for (const leadItems of [false, true]) {
      const check = (nodes: readonly OutlineNode[], parent?: OutlineNode) => {
        let previousEnd = parent ? parent.span.start : 0;
        for (const node of nodes) {
          expect(node.span.start).toBeLessThanOrEqual(node.selectionSpan.start);
          expect(node.selectionSpan.end).toBeLessThanOrEqual(node.span.end);
          expect(node.span.start).toBeGreaterThanOrEqual(previousEnd);
          if (parent) {
            expect(node.span.end).toBeLessThanOrEqual(parent.span.end);
            expect(node.depth).toBe(parent.depth + 1);
          } else {
            expect(node.depth).toBe(1);
          }
          previousEnd = node.span.end;
          check(node.children, node);
        }
      };
      check(outlineOf(file, { markdown: false, leadItems }));
    }
  });

  it.each(files)('%s: names are the heading text as written', (file) => {
    const text = source(file);
    for (const node of flattenOutline(outlineOf(file, { markdown: false, leadItems: true }))) {
      const selected = text.slice(node.selectionSpan.start, node.selectionSpan.end);
      if (node.kind === 'document' && node.name.includes(' ')) continue; // headlines join their lines
      if (node.name === '二、2024年工作总体要求和预期目标') continue; // the wrapped Shaanxi heading
      expect(selected).toBe(node.name);
      if (node.number) expect(text.slice(node.number.span.start, node.number.span.end)).toBe(node.number.text);
    }
  });

  it.each(files)('%s: lead items are leaves, so turning them off only removes them', (file) => {
    const strip = (nodes: readonly OutlineNode[]) =>
      flattenOutline(nodes).map((node) => ({ kind: node.kind, depth: node.depth, line: node.line, span: node.span }));
    const withLeads = strip(outlineOf(file, { markdown: false, leadItems: true })).filter((node) => node.kind !== 'lead');
    const withoutLeads = strip(outlineOf(file, { markdown: false, leadItems: false }));
    expect(withoutLeads).toEqual(withLeads);
  });

  it('gives the Hunan report the same outline in 002 and 004', () => {
    const shape = (file: string, title: string) => {
      const document = outlineOf(file, { markdown: false, leadItems: true }).find((node) => node.name.endsWith(title))!;
      return flattenOutline(document.children).map((node) => [node.kind, node.depth, node.name]);
    };
    expect(shape('004_aedbcdac15b26f45.txt', '2024年湖南省政府工作报告')).toEqual(shape('002_8dfe99efc033ddf8.txt', '19.湖南省政府工作报告'));
  });

  it('builds the 1.6 MB file 002 quickly (timing printed, not asserted)', () => {
    const text = source('002_8dfe99efc033ddf8.txt');
    const paragraphs = splitParagraphs(text);
    const options = { markdown: false, leadItems: true };
    for (let i = 0; i < 20; i++) buildOutline(text, paragraphs, options);
    const runs = 50;
    const started = performance.now();
    for (let i = 0; i < runs; i++) buildOutline(text, paragraphs, options);
    const perBuild = (performance.now() - started) / runs;
    console.log(`buildOutline on 002 (${paragraphs.length} lines, ${text.length} UTF-16 units): ${perBuild.toFixed(2)} ms per build after warm-up`);
  });
});
