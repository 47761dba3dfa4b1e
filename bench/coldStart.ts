/**
 * The cold-start timeline a writer sees when the editor opens a document: a fresh server
 * process, `initialize`, the document opened at once, then when the outline answers, when
 * the first warnings arrive (rules that need no dictionary), when the dictionary is ready
 * and when all findings (token rules too) are published. Times from spawning the process;
 * default debounce (300 ms), as in the editor.
 */
import { SERVER_NODE_OPTIONS } from '../server/src/launch';
import { LspTestClient } from '../test/helpers/lspClient';

export interface ColdStart {
  readonly initialize: number;
  readonly outline: number;
  readonly firstWarnings: number;
  readonly dictionaryReady: number;
  readonly allFindings: number;
  readonly diagnostics: number;
}

export async function coldStart(name: string, text: string, server?: string): Promise<ColdStart> {
  const started = performance.now();
  const since = () => performance.now() - started;
  // Started as the VS Code client starts it.
  const client = LspTestClient.start({}, SERVER_NODE_OPTIONS, server);
  try {
    await client.initialize({ settings: {} });
    const initialize = since();
    const uri = `file:///bench/${name.replace('.txt', '.policy.txt')}`;
    client.open(uri, text);
    let outline = 0;
    const symbols = client.request('textDocument/documentSymbol', { textDocument: { uri } }, 120_000).then(() => (outline = since()));
    let firstWarnings = 0;
    const first = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0, 120_000).then(() => (firstWarnings = since()));
    const ready = await client.waitFor('policyLens/status', (p) => p.state !== 'loading', 120_000);
    const dictionaryReady = since();
    // All findings: the first publish after the dictionary is ready.
    const readyIndex = client.notifications.indexOf(ready);
    let published: { params: { diagnostics: unknown[] } } | undefined;
    for (;;) {
      published = client.notifications.slice(readyIndex + 1).find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
      if (published) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const allFindings = since();
    await Promise.all([symbols, first]);
    return { initialize, outline, firstWarnings, dictionaryReady, allFindings, diagnostics: published.params.diagnostics.length };
  } finally {
    client.kill();
  }
}

/** The median of each step over `runs` cold starts. */
export async function medianColdStart(name: string, text: string, runs: number): Promise<ColdStart> {
  const results: ColdStart[] = [];
  for (let i = 0; i < runs; i++) results.push(await coldStart(name, text));
  const median = (key: keyof ColdStart) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
  return {
    initialize: median('initialize'),
    outline: median('outline'),
    firstWarnings: median('firstWarnings'),
    dictionaryReady: median('dictionaryReady'),
    allFindings: median('allFindings'),
    diagnostics: median('diagnostics'),
  };
}
