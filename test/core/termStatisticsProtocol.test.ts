import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermStatisticsResult } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';
import { fixtureLines } from '../helpers/analyzeText';

const LINES = fixtureLines('002_8dfe99efc033ddf8.txt');
const NATIONAL = LINES.slice(0, 181).join('\n');
// The Beijing report has no repeated slogan of its own (issue 13): one careless paragraph is added.
const BEIJING = [...LINES.slice(182, 278), '我们要进一步深化改革，并进一步扩大开放，还要进一步改善民生，为进一步发展打下基础。'].join('\n');

/** `policyLens/termStatistics` over the real stdio of dist/server.js (the core is tested in termStatistics.test.ts). */
describe('policyLens/termStatistics over stdio', () => {
  let client: LspTestClient;
  let dir: string;
  let nationalUri: string;
  let beijingUri: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-stats-'));
    fs.writeFileSync(path.join(dir, 'national.policy.txt'), NATIONAL);
    fs.writeFileSync(path.join(dir, 'beijing.policy.txt'), BEIJING);
    nationalUri = pathToFileURL(path.join(dir, 'national.policy.txt')).toString();
    beijingUri = pathToFileURL(path.join(dir, 'beijing.policy.txt')).toString();
    client = LspTestClient.start();
    await client.initialize({ locale: 'zh-cn', rootUri: pathToFileURL(dir).toString() });
    client.open(nationalUri, NATIONAL);
  });

  afterAll(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers for a document — waiting for the dictionary — with occurrences as ranges', async () => {
    const result = await client.request<TermStatisticsResult>('policyLens/termStatistics', { textDocument: { uri: nationalUri } }, 30_000);
    expect(result.scope).toBe('document');
    const quality = result.terms.find((t) => t.term === '高质量发展')!;
    expect([quality.count, quality.category, quality.categoryName, quality.kind, quality.occurrences.length]).toEqual([22, '发展理念', '发展理念', 'term', 22]);
    // The term's life in the national reports comes with it (data/term-history.json).
    expect(result.terms.find((t) => t.term === '新质生产力')!.history).toEqual({ gwr: [[2024, 1], [2025, 2]], cpc: [] });
    expect(result.historyCorpus?.gwrYears.length).toBe(52);
    expect(result.historyCorpus?.congresses).toEqual([18, 20]);
    const lines = NATIONAL.split('\n');
    for (const { uri, range } of quality.occurrences) {
      expect(uri).toBe(nationalUri);
      expect(lines[range.start.line].slice(range.start.character, range.end.character)).toBe('高质量发展');
    }
    expect(result.sections.map((s) => [s.name, s.line])).toEqual([
      ['1.政府工作报告', 0],
      ['一、2023年工作回顾', 10],
      ['二、2024年经济社会发展总体要求和政策取向', 52],
      ['三、2024年政府工作任务', 72],
    ]);
    expect(result.density[0]).toMatchObject({ term: '高质量发展', counts: [0, 4, 7, 11] });
    const repeated = result.rules.find((r) => r.code === 'slogan.repeated')!;
    expect([repeated.count, repeated.title, repeated.findings.length]).toEqual([1, '同一提法或套话（进一步、加快等）在一段内短距离重复，或提法在一节中过密。', 1]);
    expect(repeated.findings[0]).toMatchObject({ severity: 'information', message: '“高质量发展”在本段出现 4 次。', range: { start: { line: 70 } } });
  });

  it('leaves occurrences or findings out when not asked for', async () => {
    const result = await client.request<TermStatisticsResult>('policyLens/termStatistics', { textDocument: { uri: nationalUri }, occurrences: false });
    expect(result.terms.every((t) => t.occurrences.length === 0)).toBe(true);
    const counted = await client.request<TermStatisticsResult>('policyLens/termStatistics', { textDocument: { uri: nationalUri }, findings: false });
    expect([counted.rules, counted.terms[0].count, counted.terms[0].occurrences.length]).toEqual([[], 22, 22]);
  });

  it('answers for the workspace: open and unopened documents, one density column each', async () => {
    const result = await client.request<TermStatisticsResult>('policyLens/termStatistics', { workspace: true }, 30_000);
    expect(result.scope).toBe('workspace');
    expect(result.documents.map((d) => d.uri).sort()).toEqual([beijingUri, nationalUri].sort());
    const quality = result.terms.find((t) => t.term === '高质量发展')!;
    expect(quality.count).toBe(39);
    expect(result.sections.map((s) => s.name).sort()).toEqual(['beijing.policy.txt', 'national.policy.txt']);
    const column = result.sections.findIndex((s) => s.uri === beijingUri);
    expect(result.density.find((d) => d.term === '中关村')?.counts[column]).toBe(15);
    const repeated = result.rules.find((r) => r.code === 'slogan.repeated')!;
    expect(new Set(repeated.findings.map((f) => f.uri))).toEqual(new Set([nationalUri, beijingUri]));
  });

  it('refuses an unknown document', async () => {
    await expect(client.request('policyLens/termStatistics', { textDocument: { uri: 'file:///nowhere.policy.txt' } })).rejects.toThrow(/unknown document/);
  });
});
