import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/**
 * Opening a document is no keystroke: its first check does not wait for the typing
 * debounce (issue 21, fast first findings); edits still do.
 */
describe('the check of an opened document', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ settings: { diagnostics: { debounceMs: 4000 } } });
    await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  }, 60_000);
  afterAll(() => client.kill());

  it('starts at once on open, and after the debounce on an edit', async () => {
    const uri = 'file:///open/draft.policy.txt';
    let started = performance.now();
    client.open(uri, '要再接再励。\n');
    expect((await client.diagnostics(uri, 1, 3000)).map((d: any) => d.code)).toEqual(['typo.fixedExpression']);
    expect(performance.now() - started).toBeLessThan(3000);

    started = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '要再接再励，截止2025年底。\n' }] });
    const codes = (await client.diagnostics(uri, 2, 10_000)).map((d: any) => d.code);
    expect(codes).toEqual(['typo.fixedExpression', 'usage.jiezhi']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3900);
  }, 30_000);
});
