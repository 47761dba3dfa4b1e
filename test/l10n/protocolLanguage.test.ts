import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermStatisticsResult } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';

/**
 * What the server sends is in the client's display language: the glossary's categories too
 * (data/glossary.json names them in Chinese). Through the real server over stdio.
 */
const TEXT = '一、总体要求\n加快发展新质生产力，推动高质量发展。\n加快发展新质';

describe.each([
  ['en', '**新质生产力** · Development philosophy · *new quality productive forces*', 'Development philosophy · new quality productive forces', 'Development philosophy'],
  ['zh-cn', '**新质生产力** · 发展理念 · *new quality productive forces*', '发展理念 · new quality productive forces', '发展理念'],
])('glossary categories in the %s UI', (locale, heading, detail, category) => {
  let client: LspTestClient;
  const uri = `file:///tmp/categories-${locale}.policy.txt`;

  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ locale });
    client.open(uri, TEXT);
  });
  afterAll(() => client.kill());

  it('hover, completion and the term statistics name the category in the UI language', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(hover.contents.value.split('\n')[0]).toBe(heading);
    const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 6 } });
    expect(completion.items.find((i: { label: string }) => i.label === '新质生产力')?.detail).toBe(detail);
    const stats = await client.request<TermStatisticsResult>('policyLens/termStatistics', { textDocument: { uri }, findings: false }, 30_000);
    const term = stats.terms.find((t) => t.term === '新质生产力')!;
    expect([term.category, term.categoryName]).toEqual(['发展理念', category]);
  });
});
