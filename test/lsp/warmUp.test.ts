import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const FIXTURES = path.join(__dirname, '../fixtures');
const NAME = '002_8dfe99efc033ddf8.txt';

/**
 * The server warms its analysis up on sample text once it is idle after its start (engine/warmUp.ts):
 * it says so in its log, and the benchmark document's diagnostics afterwards are exactly the
 * recorded findings (test/fixtures/findings, also checked on the engine in benchFindings).
 */
describe('the warm-up of the language server', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 60_000);
  }, 60_000);
  afterAll(() => client.kill());

  it('runs once the server is idle and changes no diagnostic', async () => {
    // Logged when it ends: it goes on after the dictionary is ready (≈ 0.2 s), through all three
    // passes (≈ 60 000 characters twice, ≈ 38 000 once) when no document comes.
    const logged = await client.waitFor('window/logMessage', (p) => /warmed up on \d+ characters of sample text/.test(String(p.message)), 10_000);
    expect(Number(/warmed up on (\d+) characters/.exec(String(logged.params.message))![1])).toBeGreaterThan(2 * 50_000 + 30_000);

    const uri = `file:///warm/${NAME.replace('.txt', '.policy.txt')}`;
    client.open(uri, fs.readFileSync(path.join(FIXTURES, NAME), 'utf8'));
    const rows = (await client.diagnostics(uri, 1, 60_000)).map((d: any) => `${d.range.start.line + 1}\t${d.range.start.character + 1}\t${d.code}`);
    const recorded = fs
      .readFileSync(path.join(FIXTURES, 'findings', NAME.replace('.txt', '.tsv')), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t'))
      .map(([line, column, , , , code]) => `${line}\t${column}\t${code}`);
    expect(rows.sort()).toEqual(recorded.sort());
  }, 60_000);
});
