import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/launch';
import { LspTestClient } from '../helpers/lspClient';

/**
 * The VS Code client starts the server with SERVER_NODE_OPTIONS and SERVER_ENVIRONMENT (client/src/languageClient.ts):
 * Node must accept them (an unknown V8 option stops the process before it speaks) and the
 * server must answer as without them.
 */
describe('the server started as the VS Code client starts it', () => {
  it('accepts the V8 options and checks a document', async () => {
    expect(SERVER_NODE_OPTIONS.length).toBeGreaterThan(0);
    const client = LspTestClient.start({ ...SERVER_ENVIRONMENT }, SERVER_NODE_OPTIONS);
    try {
      await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
      await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
      const uri = 'file:///launch/draft.policy.txt';
      client.open(uri, '一、总体要求\n要再接再励，截止2025年底完成。\n');
      const codes = (await client.diagnostics(uri, 1)).map((d: any) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['typo.fixedExpression', 'usage.jiezhi']));
      if (process.platform === 'linux') expect(fs.readFileSync(`/proc/${client.child.pid}/environ`, 'utf8').split('\0')).toContain('MALLOC_ARENA_MAX=2');
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  }, 60_000);
});
