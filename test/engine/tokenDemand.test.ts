import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBackend } from '../../server/src/adapters/inProcessBackend';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
import { paragraphBrokenRule } from '../../server/src/core/rules/paragraphBroken';
import { StaticDocument } from '../../server/src/engine/document';
import { PolicyEngine } from '../../server/src/engine/engine';
import type { SegmenterBackend } from '../../server/src/engine/host';
import { corpusTextFiles } from '../helpers/corpus';

const FIXTURES = path.join(__dirname, '../fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** jieba answering only asynchronously, as from the server's worker thread: a token read `prepare` did not foresee stays unanswered. */
function workerLike(sent: { texts: number; chars: number }): SegmenterBackend {
  const jieba = new InProcessBackend();
  return {
    name: 'jieba',
    load: (paths) => jieba.load(paths),
    cut: (texts) => {
      sent.texts += texts.length;
      for (const text of texts) sent.chars += text.length;
      return jieba.cut(texts);
    },
    dispose: () => jieba.dispose(),
  };
}

/** Runs `body` with an engine whose jieba answers as the worker does (what is sent counted in `sent`), then disposes of it. */
async function withWorkerLike(body: (engine: PolicyEngine) => Promise<void>, sent = { texts: 0, chars: 0 }): Promise<void> {
  const engine = await engineWith(() => workerLike(sent));
  try {
    await body(engine);
  } finally {
    engine.dispose();
  }
}

async function engineWith(backend: 'in-process' | (() => SegmenterBackend)): Promise<PolicyEngine> {
  const engine = new PolicyEngine(createNodeHost(backend));
  engine.startSegmentation();
  engine.reloadReferences();
  await engine.segmentation.ready;
  return engine;
}

/**
 * `prepare` cuts whole only the paragraphs some rule may read the tokens of (Rule.readsTokens),
 * and the others only around the glossary's short forms: the findings must be those of every
 * paragraph cut whole, and no rule may read tokens it was not given.
 */
describe('the token demand', () => {
  let plain: PolicyEngine;
  beforeAll(async () => {
    plain = await engineWith('in-process');
  }, 60_000);
  afterAll(() => plain.dispose());

  /** Findings with every paragraph cut whole first. */
  async function plainFindings(uri: string, text: string) {
    const analysis = plain.analyse(new StaticDocument(uri, text));
    await analysis.ensureTokens();
    return analysis.findings();
  }

  it('gives the findings of whole cuts on every document of the corpus, and no rule reads tokens it was not given', async () => {
    await withWorkerLike(async (engine) => {
      const files = [...corpusTextFiles(), ...['000_a487f46611498c32.txt', '002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt'].map((f) => path.join(FIXTURES, f))];
      let findings = 0;
      for (const file of files) {
        const uri = `file:///demand/${path.basename(file)}`;
        const text = fs.readFileSync(file, 'utf8');
        const analysis = engine.analyse(new StaticDocument(uri, text));
        await analysis.prepare();
        const found = analysis.findings();
        expect(analysis.unforeseenTokenReads, file).toEqual([]);
        expect(found, file).toEqual(await plainFindings(uri, text));
        findings += found.length;
      }
      expect(files.length).toBeGreaterThanOrEqual(80);
      expect(findings).toBeGreaterThan(500);
    });
  }, 240_000);

  it('cuts about a quarter of the 1.6 MB compilation', async () => {
    const sent = { texts: 0, chars: 0 };
    await withWorkerLike(async (engine) => {
      const text = read('002_8dfe99efc033ddf8.txt');
      await engine.analyse(new StaticDocument('file:///demand/002.policy.txt', text)).prepare();
      // 573 738 characters; when this was written 152 136 (26.5 %) were sent: whole paragraphs and the clauses around short terms.
      expect(sent.chars).toBeGreaterThan(0.15 * text.length);
      expect(sent.chars).toBeLessThan(0.35 * text.length);
    }, sent);
  }, 60_000);

  it('has nothing cut twice when term hits and the diagnostics ask for the same document at once (an editor opening it)', async () => {
    const text = read('002_8dfe99efc033ddf8.txt');
    const alone = { texts: 0, chars: 0 };
    const single = await engineWith(() => workerLike(alone));
    const together = { texts: 0, chars: 0 };
    const engine = await engineWith(() => workerLike(together));
    try {
      await single.analyse(new StaticDocument('file:///demand/alone.policy.txt', text)).prepare();
      const analysis = engine.analyse(new StaticDocument('file:///demand/both.policy.txt', text));
      const terms = analysis.ensureTermHits();
      await analysis.prepare();
      await terms;
      expect(together).toEqual(alone);
      expect(await analysis.settledFindings()).toEqual(await plainFindings('file:///demand/both.policy.txt', text));
    } finally {
      single.dispose();
      engine.dispose();
    }
  }, 60_000);

  it('after an edit, cuts a neighbour whole when the edit makes the pair one only tokens can decide', async () => {
    await withWorkerLike(async (engine) => {
      // The first paragraph ends without punctuation; the second starts a list item, so the pair is no candidate yet.
      const before = '我们要坚定不移推进全面深化改革，加快发展新质生产力和现代化产业\n一、扎实推进创新驱动发展，加快建设科技强国。';
      const uri = 'file:///demand/edit.policy.txt';
      const first = engine.analyse(new StaticDocument(uri, before));
      await first.prepare();
      expect(engine.segmentation.has(before.split('\n')[0])).toBe(false);
      // Now the next paragraph goes on with the sentence: only the tokens tell whether 产业 was cut in two.
      const after = before.replace('一、扎实推进', '体系建设扎实推进');
      const second = engine.analyse(new StaticDocument(uri, after, 'policy', 2));
      await second.prepare();
      second.findings();
      expect(second.unforeseenTokenReads).toEqual([]);
      expect(engine.segmentation.has(after.split('\n')[0])).toBe(true);
    });
  }, 60_000);

  it("settles a document again when another document's unforeseen read made one of its paragraphs unready", async () => {
    const engine = await engineWith(() => workerLike({ texts: 0, chars: 0 }));
    const pdf = read('000_a487f46611498c32.txt');
    const broken = (await plainFindings('file:///demand/pdf.policy.txt', pdf)).find((f) => f.code === 'paragraph.broken' && f.messageId === 'word')!;
    const first = pdf.slice(0, broken.span.start + 1).split('\n').pop()!;
    // Here the paragraph is followed by a list item: no pair to decide, so it is cut only around its terms.
    const lines = read('002_8dfe99efc033ddf8.txt').split('\n').slice(0, 800);
    const other = [first, '一、扎实推进创新驱动发展。', ...lines].join('\n');
    const blind = vi.spyOn(paragraphBrokenRule, 'readsTokens');
    try {
      const b = engine.analyse(new StaticDocument('file:///demand/b.policy.txt', other));
      await b.prepare();
      expect(engine.segmentation.has(first)).toBe(false);
      // The PDF page, with paragraph.broken blind: it reads the paragraph's tokens unforeseen.
      blind.mockReturnValue(false);
      const a = engine.analyse(new StaticDocument('file:///demand/pdf.policy.txt', pdf));
      await a.prepare();
      a.findings();
      expect(a.unforeseenTokenReads).toContain(first);
      blind.mockRestore();
      const expected = await plainFindings('file:///demand/b.policy.txt', other);
      expect(expected.some((f) => f.code === 'slogan.repeated')).toBe(true);
      expect(await b.settledFindings()).toEqual(expected);
    } finally {
      blind.mockRestore();
      engine.dispose();
    }
  }, 60_000);

  it('makes paragraphs ready for term hits (hover, semantic tokens) the way prepare does: the rules find their tokens after it', async () => {
    await withWorkerLike(async (engine) => {
      const text = read('002_8dfe99efc033ddf8.txt');
      const uri = 'file:///demand/terms-first.policy.txt';
      const first = engine.analyse(new StaticDocument(uri, text));
      await first.ensureTermHits();
      // The next version's prepare finds every paragraph ready and cuts nothing.
      const second = engine.analyse(new StaticDocument(uri, text, 'policy', 2), first);
      await second.prepare();
      expect(second.findings()).toEqual(await plainFindings(uri, text));
      expect(second.unforeseenTokenReads).toEqual([]);
    });
  }, 60_000);

  it('recovers from a token read it did not foresee: the paragraphs are cut whole and the findings computed again', async () => {
    const engine = await engineWith(() => workerLike({ texts: 0, chars: 0 }));
    // A page pasted from a PDF: sentences broken inside words, which only the tokens show.
    const text = read('000_a487f46611498c32.txt');
    const blind = vi.spyOn(paragraphBrokenRule, 'readsTokens').mockReturnValue(false);
    try {
      const analysis = engine.analyse(new StaticDocument('file:///demand/000.policy.txt', text));
      await analysis.prepare();
      const first = analysis.findings();
      expect(analysis.unforeseenTokenReads.length).toBeGreaterThan(10);
      const expected = await plainFindings('file:///demand/000.policy.txt', text);
      expect(first).not.toEqual(expected);
      // What was found without those tokens is forgotten at once, even if this version is never settled:
      const next = engine.analyse(new StaticDocument('file:///demand/000.policy.txt', text, 'policy', 2), analysis);
      await next.prepare();
      expect(next.findings()).toEqual(expected);
      expect(next.unforeseenTokenReads).toEqual([]);
      expect(await analysis.settledFindings()).toEqual(expected);
      expect(expected.filter((f) => f.code === 'paragraph.broken' && f.messageId === 'word').length).toBeGreaterThan(10);
    } finally {
      blind.mockRestore();
      engine.dispose();
    }
  }, 60_000);
});
