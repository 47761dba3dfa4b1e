import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/**
 * Folding ranges wait for a pause in typing (issue 21): VS Code asks again ~0.2 s after every edit
 * and replaces all its folding decorations with each answer, which delayed the echo of the next
 * keystroke. The answer comes once the document has gone `diagnostics.debounceMs` without an
 * edit, and is made from the text as it is then (VS Code applies it to its current text).
 */
const URI = 'file:///tmp/folding.policy.txt';
const TEXT = '一、总体要求\n加快发展新质生产力。\n二、重点任务\n推动高质量发展。\n';

let client: LspTestClient | undefined;
afterEach(() => client?.kill());

async function start(debounceMs: number): Promise<LspTestClient> {
  const started = LspTestClient.start();
  await started.initialize({ locale: 'en', settings: { diagnostics: { debounceMs } } });
  started.open(URI, TEXT);
  return started;
}

function insert(c: LspTestClient, version: number, line: number, character: number, text: string): void {
  c.notify('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }] });
}

const folding = (c: LspTestClient) => c.request('textDocument/foldingRange', { textDocument: { uri: URI } }) as Promise<{ startLine: number; endLine: number }[]>;
const lines = (ranges: { startLine: number; endLine: number }[]) => ranges.map((r) => [r.startLine, r.endLine]);

describe('folding ranges while typing', () => {
  it('answer at once for a document nobody has typed in', async () => {
    client = await start(400);
    const t0 = Date.now();
    const ranges = await folding(client);
    expect(Date.now() - t0).toBeLessThan(400);
    expect(lines(ranges)).toEqual([[0, 1], [2, 3]]);
  });

  it('wait until the typing pauses for the debounce, and answer for the text as it is then', async () => {
    client = await start(400);
    insert(client, 2, 1, 10, '坚持');
    const t0 = Date.now();
    const pending = folding(client).then((ranges) => ({ ranges, at: Date.now() - t0 }));
    // a new line in the first section 250 ms later: the answer waits for 400 ms after it
    await new Promise((r) => setTimeout(r, 250));
    insert(client, 3, 1, 12, '\n稳中求进。');
    const lastEdit = Date.now() - t0;
    const { ranges, at } = await pending;
    expect(at).toBeGreaterThanOrEqual(lastEdit + 400 - 20);
    // the first section now ends a line later, the second starts a line later
    expect(lines(ranges)).toEqual([[0, 2], [3, 4]]);
  });

  it('answer at once with no debounce (diagnostics.debounceMs: 0)', async () => {
    client = await start(0);
    insert(client, 2, 1, 0, '要');
    const t0 = Date.now();
    const ranges = await folding(client);
    expect(Date.now() - t0).toBeLessThan(300);
    expect(lines(ranges)).toEqual([[0, 1], [2, 3]]);
  });
});
