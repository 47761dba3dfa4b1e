import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lspClient';

const DIR = path.join(__dirname, '../fixtures/outlines');

interface Fixture {
  source: string;
  from: number;
  to: number;
  options: { leadItems: boolean };
  outline: { name: string; depth: number; line: number }[];
}

const fixtures = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Fixture] as const);

/** Pre-order [name, depth, 1-based line] of the server's hierarchical symbols. */
function flatten(symbols: any[], depth = 1): { name: string; depth: number; line: number }[] {
  return symbols.flatMap((s) => [{ name: s.name, depth, line: s.selectionRange.start.line + 1 }, ...flatten(s.children ?? [], depth + 1)]);
}

describe('document symbols over stdio match the hand-written outlines', () => {
  const clients = new Map<boolean, LspTestClient>();

  beforeAll(async () => {
    for (const leadItems of [false, true]) {
      const client = LspTestClient.start();
      await client.initialize({ settings: { outline: { leadItems } } });
      clients.set(leadItems, client);
    }
  });

  afterAll(() => clients.forEach((c) => c.kill()));

  it('has fixtures for the national report, provincial reports and the law', () => {
    expect(fixtures.map(([f]) => f)).toEqual(expect.arrayContaining(['national-2024-002.json', 'beijing-002.json', 'hebei-002.json', 'shanxi-002.json', 'hunan-002.json', 'secrets-law-004.json']));
  });

  it.each(fixtures)('%s', async (name, fixture) => {
    const client = clients.get(fixture.options.leadItems)!;
    const uri = `file:///outline/${name}/${fixture.source.replace('.txt', '.policy.txt')}`;
    client.open(uri, fs.readFileSync(path.join(__dirname, '../fixtures', fixture.source), 'utf8'));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const topLevelOnly = fixture.outline.every((n) => n.depth === 1);
    const actual = flatten(symbols).filter((n) => n.line >= fixture.from && n.line <= fixture.to && (!topLevelOnly || n.depth === 1));
    expect(actual.map((n) => `${n.line} ${n.depth} ${n.name}`)).toEqual(fixture.outline.map((n) => `${n.line} ${n.depth} ${n.name}`));
  });
});
