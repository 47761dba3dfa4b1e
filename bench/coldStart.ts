/**
 * The cold-start timeline a writer sees when the editor opens a document: a fresh server
 * process, `initialize`, the document opened at once, then when the outline answers, when
 * the first warnings arrive (rules that need no dictionary), when the dictionary is ready
 * and when all findings (token rules too) are published. Times from spawning the process;
 * default debounce (300 ms), as in the editor.
 */
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/src/launch';
import { LspTestClient } from '../test/helpers/lspClient';

export interface ColdStart {
  readonly initialize: number;
  readonly outline: number;
  readonly firstWarnings: number;
  readonly dictionaryReady: number;
  readonly allFindings: number;
  readonly diagnostics: number;
}

export async function coldStart(name: string, text: string, server?: string, nodeOptions: readonly string[] = SERVER_NODE_OPTIONS): Promise<ColdStart> {
  const started = performance.now();
  const since = () => performance.now() - started;
  // Started as the VS Code client starts it.
  const client = LspTestClient.start({ ...SERVER_ENVIRONMENT }, nodeOptions, server);
  try {
    await client.initialize({ settings: {} });
    const initialize = since();
    const uri = `file:///bench/${name.replace('.txt', '.policy.txt')}`;
    client.open(uri, text);
    let outline = 0;
    const symbols = client.request('textDocument/documentSymbol', { textDocument: { uri } }, 120_000).then(() => (outline = since()));
    // Every publish with the time it arrived, until none has come for QUIET ms after the dictionary.
    const publishes: { at: number; json: string; count: number }[] = [];
    let seen = 0;
    const collect = () => {
      const all = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
      for (; seen < all.length; seen++) publishes.push({ at: since(), json: JSON.stringify(all[seen].params.diagnostics), count: all[seen].params.diagnostics.length });
    };
    let dictionaryReady = 0;
    for (;;) {
      collect();
      if (!dictionaryReady && client.notifications.some((n) => n.method === 'policyLens/status' && n.params.state !== 'loading')) dictionaryReady = since();
      const last = publishes[publishes.length - 1];
      if (dictionaryReady && last && last.at > dictionaryReady && since() - last.at > QUIET) break;
      if (since() > 120_000) throw new Error('no settled diagnostics');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // All findings: the first publish of what the document settles on. (A check that began before
    // the dictionary was ready can publish just after it, without the token rules' findings.)
    const settled = publishes[publishes.length - 1];
    const allFindings = publishes.find((p) => p.json === settled.json)!.at;
    const firstWarnings = publishes.find((p) => p.count > 0)?.at ?? allFindings;
    await symbols;
    return { initialize, outline, firstWarnings, dictionaryReady, allFindings, diagnostics: settled.count };
  } finally {
    client.kill();
  }
}

/** A publish is the last one when nothing follows for this long. */
const QUIET = 1500;

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
