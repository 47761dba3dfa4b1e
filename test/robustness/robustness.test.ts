import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';
import { CORPUS, isWellFormed, lineStarts, positionAt, strictOffset } from './fuzzHarness';
import { RULES } from '../../server/src/core/rules/registry';

/**
 * Issue 7: large input, rapid typing, bad configuration and edge documents, each
 * over stdio against dist/server.js. The random side is in fuzz.test.ts.
 */

const LIGHT_CODES = new Set(RULES.filter((rule) => rule.cost === 'light').map((rule) => rule.id));
const publishes = (client: LspTestClient, uri: string) => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
const messages = (client: LspTestClient) => client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => String(n.params.message));
const errorsLogged = (client: LspTestClient) => client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
/** Waits (up to 10 s) for a window/showMessage whose text satisfies `test`. */
const shownMessage = (client: LspTestClient, test: (message: string) => boolean) => client.waitFor('window/showMessage', (p) => test(String(p.message)), 10_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startReady(settings: Record<string, unknown> = { diagnostics: { debounceMs: 0 } }, rootUri?: string): Promise<LspTestClient> {
  const client = LspTestClient.start();
  client.child.stdin.on('error', () => undefined);
  await client.initialize({ settings, rootUri });
  await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  return client;
}

/** Every range of every diagnostic lies inside `text`. */
function expectInside(text: string, diagnostics: any[]): void {
  const starts = lineStarts(text);
  for (const d of diagnostics) {
    const start = strictOffset(text, starts, d.range.start);
    const end = strictOffset(text, starts, d.range.end);
    expect(start !== undefined && end !== undefined && start <= end, `${d.code} ${JSON.stringify(d.range)} inside the text`).toBe(true);
  }
}

const change = (client: LspTestClient, uri: string, version: number, range: any, text: string) =>
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });

/** What two publishes for the same text must agree on. */
const comparable = (diagnostics: any[]) => diagnostics.map((d) => [d.range, d.code, d.severity, d.message, d.data?.fix]);

describe('large documents', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await startReady();
  });
  afterAll(() => client.kill());

  it('accepts 20 MB: outline answers, one size message, light checks only, and a hover is answered before the analysis ends', async () => {
    let text = '';
    while (text.length < 20_000_000) text += CORPUS.join('\n') + '\n';
    text = text.slice(0, 20_000_000);
    const uri = 'file:///robust/twenty.policy.txt';
    client.open(uri, text);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000);
    expect(symbols.length).toBeGreaterThan(100);
    const first = await client.diagnostics(uri, 1, 120_000);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((d: any) => LIGHT_CODES.has(d.code))).toBe(true);

    // Edits, each followed at once by a hover: the hover must not wait for the diagnostics
    // of that version, which take the analysis of all 20 MB. The analysis runs in slices, so
    // a hover that reaches the server late (a loaded machine delays the pipe) may still be
    // answered after a publish; one that waited for the analysis would come after every one.
    const line = lineStarts(text.slice(0, 200_000)).length - 10;
    const hoverTimes: number[] = [];
    const answeredFirst: boolean[] = [];
    for (let version = 2; version <= 6; version++) {
      change(client, uri, version, { start: { line, character: 0 }, end: { line, character: 0 } }, '发展,');
      const started = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } }, 60_000);
      hoverTimes.push(performance.now() - started);
      answeredFirst.push(!publishes(client, uri).some((n) => n.params.version === version));
      await client.diagnostics(uri, version, 120_000);
    }
    console.log(`20 MB: hover right after an edit answered in ${hoverTimes.map((t) => t.toFixed(0)).join(', ')} ms; before its diagnostics: ${answeredFirst.join(', ')}`);
    expect(answeredFirst.filter(Boolean).length, 'hovers answered before the diagnostics of their version').toBeGreaterThanOrEqual(2);
    for (const t of hoverTimes) expect(t).toBeLessThan(5_000);
    const sizeMessages = messages(client).filter((m) => m.includes('twenty.policy.txt') && m.includes('maxDocumentSize'));
    expect(sizeMessages).toHaveLength(1);
    expect(sizeMessages[0]).toMatch(/20000000 characters \(limit 5000000\)/);
    expect(errorsLogged(client)).toEqual([]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }, 240_000);

  it('the limit is a setting: above it the heavy rules stop and the outline still works; below it they run', async () => {
    const limited = await startReady({ diagnostics: { debounceMs: 0, maxDocumentSize: 1000 } });
    try {
      // A sentence twice: sentence.duplicated (a heavy rule) reports it in a small document.
      const sentence = '全面建设社会主义现代化国家迈出坚实步伐。';
      const small = `一、总体要求\n${sentence}${sentence}\n三、工作安排\n`;
      const large = small + `${CORPUS.slice(0, 40).join('\n')}\n`;
      expect(large.length).toBeGreaterThan(1000);
      limited.open('file:///robust/small.policy.txt', small);
      limited.open('file:///robust/large.policy.txt', large);
      const smallCodes = (await limited.diagnostics('file:///robust/small.policy.txt', 1)).map((d: any) => d.code);
      const largeCodes = (await limited.diagnostics('file:///robust/large.policy.txt', 1)).map((d: any) => d.code);
      expect(smallCodes).toContain('sentence.duplicated');
      expect(smallCodes).toContain('outline.numbering');
      expect(largeCodes).not.toContain('sentence.duplicated');
      expect(largeCodes).toContain('outline.numbering');
      const symbols = await limited.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///robust/large.policy.txt' } });
      expect(symbols.map((s: any) => s.name)).toContain('一、总体要求');
      expect(messages(limited).filter((m) => m.includes('maxDocumentSize'))).toHaveLength(1);
    } finally {
      limited.kill();
    }
  }, 60_000);
});

describe('rapid typing', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await startReady();
  });
  afterAll(() => client.kill());

  it('200 edits sent without waiting: only current versions are published, in order, and the last publish is that of the final text', async () => {
    const uri = 'file:///robust/typing.policy.txt';
    let text = CORPUS.slice(0, 150).join('\n') + '\n';
    const texts = new Map<number, string>([[1, text]]);
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const before = publishes(client, uri).length;
    const typed = '发展,推动 高质量(一)!。';
    /** For hovers sent along the way: the version current when sent, and how many publishes had arrived when answered. */
    const probes: Promise<{ sent: number; seen: number }>[] = [];
    for (let version = 2; version <= 201; version++) {
      const starts = lineStarts(text);
      const line = (version * 7) % (starts.length - 1);
      const lineEnd = (line + 1 < starts.length ? starts[line + 1] - 1 : text.length);
      if (version % 9 === 0 && lineEnd > starts[line]) {
        // Backspace.
        change(client, uri, version, { start: positionAt(starts, lineEnd - 1), end: positionAt(starts, lineEnd) }, '');
        text = text.slice(0, lineEnd - 1) + text.slice(lineEnd);
      } else {
        const char = typed[version % typed.length];
        change(client, uri, version, { start: positionAt(starts, lineEnd), end: positionAt(starts, lineEnd) }, char);
        text = text.slice(0, lineEnd) + char + text.slice(lineEnd);
      }
      texts.set(version, text);
      if (version % 20 === 0) {
        probes.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).then(() => ({ sent: version, seen: publishes(client, uri).length })));
      }
    }
    const last = await client.diagnostics(uri, 201, 60_000);
    const answered = await Promise.all(probes);
    const published = publishes(client, uri).slice(before);
    const versions = published.map((n) => n.params.version);
    console.log(`rapid typing: 200 edits, ${versions.length} publishes (versions ${versions.join(', ')})`);
    // In order, never twice, ending with the final version.
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]);
    expect(versions.at(-1)).toBe(201);
    // A publish that arrives after the answer to a request sent after version v was
    // already stale when sent if it is for a version below v (the server handles messages in order).
    const all = publishes(client, uri);
    for (const { sent, seen } of answered) for (const n of all.slice(seen)) expect(n.params.version, `published after a request sent at v${sent}`).toBeGreaterThanOrEqual(sent);
    for (const n of published) expectInside(texts.get(n.params.version)!, n.params.diagnostics);
    // The last publish is what a fresh document with the final text gets.
    client.open('file:///robust/typing-twin.policy.txt', text);
    const fresh = await client.diagnostics('file:///robust/typing-twin.policy.txt', 1);
    expect(comparable(last)).toEqual(comparable(fresh));
    expect(errorsLogged(client)).toEqual([]);
  }, 120_000);

  it('diagnostics of a closed document never reach the document reopened at the same version', async () => {
    // VS Code reopens a document at version 1. The analysis of the old text may still be
    // waiting for the segmenter when the new one arrives: it must not be published for it.
    const fresh = '新的文本,只有一行。';
    const uris: string[] = [];
    for (const delay of [0, 5, 10, 20, 40, 80, 160, 240, 320, 480]) {
      const uri = `file:///robust/reopen-${delay}.policy.txt`;
      uris.push(uri);
      // Paragraphs never seen before, so the first analysis waits for the segmentation worker.
      const old = CORPUS.slice(0, 3000).map((line, i) => `${line}${delay}-${i},两个毫不动摇`).join('\n');
      client.open(uri, old);
      await sleep(delay);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      client.open(uri, fresh);
    }
    // The worker answers in order: once this is segmented, every older analysis has resumed.
    client.open('file:///robust/reopen-flush.policy.txt', `${CORPUS.slice(3000, 3100).join('\n')}刷新`);
    await client.request('policyLens/segment', { textDocument: { uri: 'file:///robust/reopen-flush.policy.txt' } }, 60_000);
    for (const uri of uris) {
      const reopened = await client.diagnostics(uri, 1);
      const all = publishes(client, uri);
      const afterClear = all.slice(all.findIndex((n) => n.params.version === undefined) + 1);
      expect(afterClear.length).toBeGreaterThan(0);
      for (const n of afterClear) {
        expect(n.params.version).toBe(1);
        expectInside(fresh, n.params.diagnostics);
        expect(comparable(n.params.diagnostics)).toEqual(comparable(afterClear[0].params.diagnostics));
      }
      expect(reopened).toBeDefined();
    }
  }, 120_000);

  it('a quick fix asked for with diagnostics of an older version does not overwrite the text that is there now', async () => {
    const uri = 'file:///robust/stale-fix.policy.txt';
    client.open(uri, '扎实推进高质量发展,成效显著。这句话足够长可以检查。\n');
    const [diagnostic] = await client.diagnostics(uri, 1);
    expect(diagnostic.data.fix[0].newText).toBe('，');
    // The user types before the comma; the editor still shows (and sends) the old diagnostic.
    change(client, uri, 2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '我们');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const text = '我们扎实推进高质量发展,成效显著。这句话足够长可以检查。';
    for (const action of actions) {
      for (const edit of action.edit?.changes?.[uri] ?? []) {
        const starts = lineStarts(text);
        const replaced = text.slice(strictOffset(text, starts, edit.range.start), strictOffset(text, starts, edit.range.end));
        if (edit.newText === '，') expect(replaced).toBe(',');
      }
    }
    // The old range now holds "发", which is no finding: no quick fix for it.
    expect(actions.filter((a: any) => a.isPreferred)).toEqual([]);
  });
});

describe('bad configuration', () => {
  let dir: string;
  const HUGE = 100 * 1024 * 1024;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bad-config-'));
    fs.mkdirSync(path.join(dir, 'dict-folder'));
    fs.mkdirSync(path.join(dir, 'glossary-folder'));
    // 100 MB without writing 100 MB: a sparse file.
    for (const name of ['huge.dict.utf8', 'huge-glossary.json']) {
      const fd = fs.openSync(path.join(dir, name), 'w');
      fs.ftruncateSync(fd, HUGE);
      fs.closeSync(fd);
    }
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256));
    fs.writeFileSync(path.join(dir, 'binary.dict.utf8'), binary);
    fs.writeFileSync(path.join(dir, 'binary-glossary.json'), binary);
    // Valid UTF-8, but hardly a dictionary: every kind of bad line cppjieba could choke on.
    const odd = ['鲲鹏计划 100 n', '\u0001\u0002 5 n', '词\t\t\t很多 字段 还有', '#注释', '  ', 'x'.repeat(200_000), '🇨🇳𠀀 9 n', '词 -5 n', '词 5 ??', '\uFEFF正常词', '新质生产力', '\u2028\u0085'];
    fs.writeFileSync(path.join(dir, 'odd.dict.utf8'), odd.join('\n'));
    fs.writeFileSync(path.join(dir, 'malformed-glossary.json'), '{ "version": 1, "terms": [ { "term": "鲲鹏", "definition": ');
    fs.mkdirSync(path.join(dir, '.policy-lens'));
    fs.writeFileSync(path.join(dir, '.policy-lens', 'glossary.json'), '{"terms": 42, ');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('wrong types in every kind of setting: a warning each, defaults used, the server works', async () => {
    const client = await startReady({
      diagnostics: { debounceMs: 'soon', maxDocumentSize: { big: true } },
      dictionaries: 42,
      glossaries: [1, null],
      ignoredPhrases: '发展',
      semanticTokens: { enable: 'yes' },
      outline: { leadItems: 1 },
      rules: { punctuation: { width: { severity: 7, checkSpaces: 'no' } }, slogan: { repeated: { minCount: -3 } } },
    });
    try {
      for (const key of ['debounceMs', 'maxDocumentSize', 'dictionaries', 'glossaries', 'ignoredPhrases', 'semanticTokens.enable', 'outline.leadItems', 'punctuation.width.severity', 'checkSpaces', 'minCount']) {
        await shownMessage(client, (m) => m.includes('policyLens.') && m.includes(key));
      }
      const uri = 'file:///robust/defaults.policy.txt';
      client.open(uri, '第一段文字,需要检查标点符号是否规范。这是一个足够长的句子。\n');
      const diagnostics = await client.diagnostics(uri, 1, 10_000);
      expect(diagnostics.map((d: any) => [d.code, d.severity])).toEqual([['punctuation.width', 2]]);
      // And again at run time, with other garbage.
      client.settings = { policyLens: { diagnostics: { debounceMs: -1 }, rules: 'all', dictionaries: [{}] } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('window/showMessage', (p) => String(p.message).includes('debounceMs') && String(p.message).includes('-1'));
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      expect(Array.isArray(symbols)).toBe(true);
      expect(client.child.exitCode).toBeNull();
      expect(errorsLogged(client)).toEqual([]);
    } finally {
      client.kill();
    }
  }, 60_000);

  it('dictionaries that are a folder, 100 MB, binary, missing or full of bad lines: a message each, the built-in data works', async () => {
    const client = await startReady(
      {
        diagnostics: { debounceMs: 0 },
        dictionaries: ['dict-folder', 'huge.dict.utf8', 'binary.dict.utf8', 'missing.dict.utf8', 'odd.dict.utf8'],
      },
      pathToFileURL(dir).toString(),
    );
    try {
      const status = client.notifications.filter((n) => n.method === 'policyLens/status').at(-1)!.params;
      expect(status.state).toBe('ready');
      const about = (file: string, pattern: RegExp) => shownMessage(client, (m) => m.includes(file) && pattern.test(m));
      await about('dict-folder', /not a file/);
      await about('huge.dict.utf8', /too large/);
      await about('binary.dict.utf8', /not UTF-8/);
      await about('missing.dict.utf8', /not found/);
      await about('odd.dict.utf8', /line ignored/);
      // The built-in dictionary and the good line of odd.dict.utf8 segment.
      const uri = 'file:///robust/dictionaries.policy.txt';
      client.open(uri, '加快发展新质生产力，实施鲲鹏计划。\n');
      const result = await client.request('policyLens/segment', { textDocument: { uri } });
      expect(result.segmenter).toBe('jieba');
      expect(result.tokens.map((t: any) => t.text)).toEqual(expect.arrayContaining(['新质生产力', '鲲鹏计划']));
      expect(await client.diagnostics(uri, 1)).toBeDefined();
      expect(errorsLogged(client)).toEqual([]);
    } finally {
      client.kill();
    }
  }, 60_000);

  it('glossaries that are malformed, a folder, 100 MB or binary: a diagnostic on the file or a message, the built-in glossary works', async () => {
    const client = await startReady(
      {
        diagnostics: { debounceMs: 0 },
        glossaries: ['malformed-glossary.json', 'glossary-folder', 'huge-glossary.json', 'binary-glossary.json'],
      },
      pathToFileURL(dir).toString(),
    );
    try {
      const onFile = async (file: string) =>
        (await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === pathToFileURL(path.join(dir, file)).toString() && p.diagnostics.length > 0)).params.diagnostics;
      expect((await onFile('malformed-glossary.json')).map((d: any) => d.code)).toContain('glossary.syntax');
      expect((await onFile(path.join('.policy-lens', 'glossary.json'))).length).toBeGreaterThan(0);
      await shownMessage(client, (m) => m.includes('glossary-folder') && /not a file/.test(m));
      await shownMessage(client, (m) => m.includes('huge-glossary.json') && /too large/.test(m));
      await shownMessage(client, (m) => m.includes('binary-glossary.json') && /not UTF-8/.test(m));
      const uri = 'file:///robust/glossaries.policy.txt';
      client.open(uri, '加快发展新质生产力。\n');
      await client.diagnostics(uri, 1);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
      expect(hover.contents.value).toContain('新质生产力');
      expect(errorsLogged(client)).toEqual([]);
    } finally {
      client.kill();
    }
  }, 60_000);
});

describe('edge documents', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await startReady();
  });
  afterAll(() => client.kill());

  /** Every request an editor makes, answered without error. */
  async function everything(uri: string, position = { line: 0, character: 0 }): Promise<void> {
    const textDocument = { uri };
    const range = { start: position, end: position };
    await Promise.all([
      client.request('textDocument/hover', { textDocument, position }),
      client.request('textDocument/documentSymbol', { textDocument }),
      client.request('textDocument/foldingRange', { textDocument }),
      client.request('textDocument/semanticTokens/full', { textDocument }),
      client.request('textDocument/completion', { textDocument, position }),
      client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
      client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [], only: ['source.fixAll.policyLens'] } }),
      // The whole document, or 10 000 characters around the position (a 1 MB answer would only measure the test client).
      client.request('policyLens/segment', { textDocument, ...(position.character > 10_000 ? { range: { start: { line: position.line, character: position.character - 10_000 }, end: position } } : {}) }),
    ]);
  }

  it('an empty document, and the same document after an edit and after deleting everything', async () => {
    const uri = 'file:///robust/empty.policy.txt';
    client.open(uri, '');
    expect(await client.diagnostics(uri, 1)).toEqual([]);
    await everything(uri);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    change(client, uri, 2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '一、总体要求\n发展,推动。');
    expectInside('一、总体要求\n发展,推动。', await client.diagnostics(uri, 2));
    change(client, uri, 3, { start: { line: 0, character: 0 }, end: { line: 1, character: 6 } }, '');
    expect(await client.diagnostics(uri, 3)).toEqual([]);
    await everything(uri);
  });

  it('a single line of 1 MB', async () => {
    let line = '';
    while (line.length < 1_000_000) line += CORPUS.join('');
    line = line.slice(0, 1_000_000);
    const uri = 'file:///robust/one-line.policy.txt';
    const started = performance.now();
    client.open(uri, line);
    const diagnostics = await client.diagnostics(uri, 1, 120_000);
    const firstMs = performance.now() - started;
    expectInside(line, diagnostics);
    let at = performance.now();
    await everything(uri, { line: 0, character: 500_000 });
    const requestsMs = performance.now() - at;
    at = performance.now();
    change(client, uri, 2, { start: { line: 0, character: 400_000 }, end: { line: 0, character: 400_001 } }, ',');
    const edited = line.slice(0, 400_000) + ',' + line.slice(400_001);
    expectInside(edited, await client.diagnostics(uri, 2, 120_000));
    console.log(`1 MB line: first diagnostics after ${firstMs.toFixed(0)} ms, all requests ${requestsMs.toFixed(0)} ms, diagnostics after an edit ${(performance.now() - at).toFixed(0)} ms`);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }, 180_000);

  it('lone surrogates, NUL, control characters, Extension B, emoji with modifiers, combining marks and every line break', async () => {
    const text = '一、总体\uD800要求\r\n（一）发展,\uDC00推动\0高质量𠀀发展。\r二、\u0301👍🏽👨‍👩‍👧 因 地 制 宜,\u001b[31m\n\n（二）𠀀,𠀀\uDBFF';
    const uri = 'file:///robust/hostile.policy.txt';
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, 1);
    expectInside(text, diagnostics);
    await everything(uri, { line: 1, character: 3 });
    const { tokens } = await client.request('policyLens/segment', { textDocument: { uri } });
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    // Fix everything at once: the result keeps every character that is not a fix target.
    const [fixAll] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.policyLens'] },
    });
    expect(fixAll).toBeDefined();
    for (const edit of fixAll.edit.changes[uri]) {
      const starts = lineStarts(text);
      const replaced = text.slice(strictOffset(text, starts, edit.range.start), strictOffset(text, starts, edit.range.end));
      expect(isWellFormed(replaced)).toBe(true);
    }
    // Delete the high half of a surrogate pair, then the low half.
    const at = text.indexOf('𠀀');
    const starts = lineStarts(text);
    change(client, uri, 2, { start: positionAt(starts, at), end: positionAt(starts, at + 1) }, '');
    const second = text.slice(0, at) + text.slice(at + 1);
    expectInside(second, await client.diagnostics(uri, 2));
    expect(errorsLogged(client)).toEqual([]);
  });
});
