import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';
import { checkText, createCheckEngine } from '../../server/src/cli/engine';
import { reportFindings } from '../../server/src/cli/formats/report';
import type { PolicyEngine } from '../../server/src/engine/engine';
import { parseSettings } from '../../server/src/engine/settings';
import { LspTestClient } from '../helpers/lspClient';

/**
 * The command line and the language server are one engine: on the corpus
 * copies they report the same findings — codes, ranges and messages.
 */
const FIXTURES = path.join(__dirname, '../fixtures');
const DOCUMENTS = ['000_a487f46611498c32.txt', '002_8dfe99efc033ddf8.txt', '004_aedbcdac15b26f45.txt'];

describe('the command line and the server report the same findings', () => {
  let client: LspTestClient;
  let engine: PolicyEngine;

  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ locale: 'zh-cn', rootUri: null });
    await client.waitFor('policyLens/status', (p) => p.state === 'ready', 60_000);
    engine = createCheckEngine(parseSettings(undefined, RULES).settings, FIXTURES, [], () => undefined, 'zh');
  }, 90_000);

  afterAll(() => {
    client.kill();
    engine.dispose();
  });

  it.each(DOCUMENTS)('%s', async (name) => {
    const file = path.join(FIXTURES, name);
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file.replace(/\.txt$/, '.policy.txt')).toString();
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, 1, 60_000);
    const fromServer = diagnostics
      .map((d: any) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`)
      .sort();
    const fromCli = reportFindings(text, await checkText(engine, text, file), 'zh')
      .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code} ${f.message}`)
      .sort();
    expect(fromCli.length).toBeGreaterThan(0);
    expect(fromServer).toEqual(fromCli);
  }, 120_000);
});
