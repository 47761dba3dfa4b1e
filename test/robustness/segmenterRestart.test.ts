import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

/**
 * A settings change restarts the segmenter, and the old worker may be inside a nodejieba
 * call then (loading the dictionary, cutting a document). Terminating a worker there aborted
 * the whole server (exit 134, `terminate called after throwing an instance of 'Napi::Error'`);
 * the worker is now told to stop once its current call returns.
 */
const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/002_8dfe99efc033ddf8.txt'), 'utf8');

describe('restarting the segmenter while it works', () => {
  it('keeps the server alive and ready with the last setting', async () => {
    const client = LspTestClient.start();
    const statuses = () => client.notifications.filter((n) => n.method === 'policyLens/status').map((n) => n.params);
    const loadings = () => statuses().filter((p) => p.state === 'loading').length;
    try {
      await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
      await client.waitFor('policyLens/status', (p) => p.state === 'ready', 60_000);
      const uri = 'file:///restart/compilation.policy.txt';
      client.open(uri, TEXT);
      // Each change is sent as soon as the previous one has restarted the segmenter: the
      // worker it replaces is then loading nodejieba's dictionary (or cutting the document).
      for (const segmenter of ['native', 'auto', 'native', 'auto']) {
        const before = loadings();
        client.settings = { policyLens: { segmenter, diagnostics: { debounceMs: 0 } } };
        client.notify('workspace/didChangeConfiguration', { settings: client.settings });
        for (let waited = 0; loadings() === before && client.child.exitCode === null && waited < 30_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(client.child.exitCode, `server alive after switching to ${segmenter}`).toBe(null);
        expect(loadings()).toBe(before + 1);
      }
      await client.waitFor('policyLens/status', () => statuses().at(-1)?.state === 'ready', 60_000);
      expect(statuses().at(-1)).toMatchObject({ state: 'ready', segmenter: 'jieba' });
      // Still answering, and it settles on the document's findings.
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000);
      expect(symbols.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(client.child.exitCode).toBe(null);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  }, 180_000);
});
