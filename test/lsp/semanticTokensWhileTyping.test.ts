import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/**
 * Semantic tokens wait for a pause in typing (issue 21): VS Code redraws every visible line for
 * each answer, which slowed down the echo of keystrokes in a policy document. The answer is for
 * the version asked about and comes once the document has gone `diagnostics.debounceMs` without
 * an edit.
 */
const URI = 'file:///tmp/typing.policy.txt';
const TEXT = '一、总体要求\n加快发展新质生产力，推动高质量发展。';

let client: LspTestClient | undefined;
afterEach(() => client?.kill());

async function start(debounceMs: number): Promise<LspTestClient> {
  const started = LspTestClient.start();
  await started.initialize({ locale: 'en', settings: { diagnostics: { debounceMs } } });
  await started.waitFor('policyLens/status', (p) => p.state === 'ready', 30_000);
  started.open(URI, TEXT);
  return started;
}

/** Appends `text` to line 1 of the document (the version given). */
function type(c: LspTestClient, version: number, at: number, text: string): void {
  c.notify('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at } }, text }] });
}

/** The tokens' [line, character, length, type] decoded. */
function decode(data: number[]): number[][] {
  const out: number[][] = [];
  let line = 0, character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push([line, character, data[i + 2], data[i + 3]]);
  }
  return out;
}

describe('semantic tokens while typing', () => {
  it('answer at once for a document nobody has typed in', async () => {
    client = await start(400);
    const t0 = Date.now();
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    expect(Date.now() - t0).toBeLessThan(400);
    // 新质生产力 and 高质量发展, terms
    expect(decode(tokens.data)).toEqual([[1, 4, 5, 0], [1, 12, 5, 0]]);
  });

  it('wait until the typing pauses for the debounce, and answer for the version asked about', async () => {
    client = await start(400);
    const line = [...TEXT.split('\n')[1]];
    type(client, 2, line.length, '坚持');
    const t0 = Date.now();
    const pending = client.request('textDocument/semanticTokens/full', { textDocument: { uri: URI } }).then((tokens) => ({ tokens, at: Date.now() - t0 }));
    // two more keystrokes, 250 ms apart: the answer waits for 400 ms after the last one
    await new Promise((r) => setTimeout(r, 250));
    type(client, 3, line.length + 2, '稳中');
    await new Promise((r) => setTimeout(r, 250));
    type(client, 4, line.length + 4, '求进');
    const lastEdit = Date.now() - t0;
    const { tokens, at } = await pending;
    expect(at).toBeGreaterThanOrEqual(lastEdit + 400 - 20);
    // the tokens of version 2 (坚持 typed): the two terms
    expect(decode(tokens.data)).toEqual([[1, 4, 5, 0], [1, 12, 5, 0]]);
    // asked again after the pause, at once: version 4 has the slogan 稳中求进 typed since
    const t1 = Date.now();
    const again = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    expect(Date.now() - t1).toBeLessThan(400);
    expect(decode(again.data)).toEqual([[1, 4, 5, 0], [1, 12, 5, 0], [1, 20, 4, 1]]);
  });

  it('answer at once with no debounce (diagnostics.debounceMs: 0)', async () => {
    client = await start(0);
    type(client, 2, 0, '要');
    const t0 = Date.now();
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    expect(Date.now() - t0).toBeLessThan(300);
    expect(decode(tokens.data)).toEqual([[1, 5, 5, 0], [1, 13, 5, 0]]);
  });
});
