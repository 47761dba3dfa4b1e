import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticsJsonEncoder } from '../../server/src/lsp/messageEncoder';

const decode = async (bytes: Promise<Uint8Array>) => JSON.parse(Buffer.from(await bytes).toString('utf8'));
const options = { charset: 'utf-8' as const };

/** A diagnostic that counts how often JSON.stringify serialises it. */
function counted(message: string): { diagnostic: Diagnostic; count: () => number } {
  let n = 0;
  const plain: Diagnostic = { range: { start: { line: 3, character: 1 }, end: { line: 3, character: 6 } }, message, code: 'slogan.repeated', source: 'policy-lens', data: { version: 2 } };
  const diagnostic = { ...plain, toJSON: () => (n++, plain) } as Diagnostic;
  return { diagnostic, count: () => n };
}

describe('diagnosticsJsonEncoder', () => {
  it('encodes a publish as JSON.stringify would, 𠀀 and quotes included', async () => {
    const encoder = diagnosticsJsonEncoder();
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a/“引号”.policy.txt', version: 7, diagnostics: [counted('“高质量发展”出现 3 次 𠀀').diagnostic, counted('second "quoted"').diagnostic] },
    };
    expect(await decode(encoder.encode(message, options))).toEqual(JSON.parse(JSON.stringify(message)));
    const unversioned = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///b', diagnostics: [] } };
    expect(await decode(encoder.encode(unversioned, options))).toEqual(unversioned);
  });

  it('serialises each diagnostic object once, however often it is published', async () => {
    const encoder = diagnosticsJsonEncoder();
    const kept = counted('kept');
    const publish = (version: number, diagnostics: Diagnostic[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///c', version, diagnostics } });
    for (let version = 1; version <= 5; version++) {
      const fresh = counted(`fresh ${version}`);
      const decoded = await decode(encoder.encode(publish(version, [kept.diagnostic, fresh.diagnostic]), options));
      expect(decoded.params.version).toBe(version);
      expect(decoded.params.diagnostics.map((d: Diagnostic) => d.message)).toEqual(['kept', `fresh ${version}`]);
      expect(fresh.count()).toBe(1);
    }
    expect(kept.count()).toBe(1);
  });

  it('encodes any other message with JSON.stringify, extra publish fields included', async () => {
    const encoder = diagnosticsJsonEncoder();
    const response = { jsonrpc: '2.0', id: 4, result: { contents: '新质生产力' } };
    expect(await decode(encoder.encode(response, options))).toEqual(response);
    const withExtra = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///d', diagnostics: [], extra: 1 } };
    expect(await decode(encoder.encode(withExtra, options))).toEqual(withExtra);
  });
});
