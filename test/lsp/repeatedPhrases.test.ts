import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLines } from '../helpers/analyzeText';
import { LspTestClient } from '../helpers/lspClient';

/**
 * A calm Problems panel (issue 21): one diagnostic per repeated phrase and
 * paragraph, on its first occurrence, the other occurrences as related
 * information — over the real stdio of dist/server.js.
 */
describe('repeated phrases in the Problems panel', () => {
  const uri = 'file:///repeated.policy.txt';
  const quality = fixtureLines('002_8dfe99efc033ddf8.txt')[70];
  const padding = '我市将进一步优化营商环境，进一步深化“放管服”改革，进一步提升政务服务效能，进一步激发市场主体活力。';
  const text = [quality, padding].join('\n');
  let client: LspTestClient;
  let repeated: any[];

  beforeAll(async () => {
    client = LspTestClient.start();
    await client.initialize({ locale: 'en', settings: { diagnostics: { debounceMs: 0 } } });
    client.open(uri, text);
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: any) => d.code === 'slogan.repeated'), 30_000);
    repeated = published.params.diagnostics.filter((d: any) => d.code === 'slogan.repeated');
  });

  afterAll(() => client.kill());

  it('shows one row per phrase, on its first occurrence', () => {
    expect(repeated.map((d) => [d.range.start.line, d.range.start.character, d.message])).toEqual([
      [0, quality.indexOf('高质量发展'), '"高质量发展" occurs 4 times in this paragraph.'],
      [1, padding.indexOf('进一步'), '"进一步" occurs 4 times in this paragraph.'],
    ]);
  });

  it('lists every other occurrence as related information', () => {
    const others = (line: string, phrase: string) => [...line.matchAll(new RegExp(phrase, 'g'))].slice(1).map((m) => m.index);
    expect(repeated[0].relatedInformation.map((r: any) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.message])).toEqual(
      others(quality, '高质量发展').map((at) => [uri, 0, at, '高质量发展']),
    );
    expect(repeated[1].relatedInformation.map((r: any) => r.location.range.start.character)).toEqual(others(padding, '进一步'));
  });
});
