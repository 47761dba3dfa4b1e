import { describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import type { SettingProblem } from '../../server/src/engine/settings';
import { SettingsManager } from '../../server/src/lsp/settingsManager';

/** The part of a connection the settings manager uses, recording what it is asked. */
function fakeConnection(configuration: () => Promise<unknown>) {
  const registered: unknown[] = [];
  const warnings: string[] = [];
  const connection = {
    client: { register: async (type: unknown) => void registered.push(type) },
    workspace: { getConfiguration: async (section: string) => (section === 'policyLens' ? configuration() : undefined) },
    console: { warn: (message: string) => void warnings.push(message) },
  } as unknown as Connection;
  return { connection, registered, warnings };
}

describe('SettingsManager', () => {
  it('applies the settings sent with initialize, then those pulled from a client that can be asked', async () => {
    const { connection, registered } = fakeConnection(async () => ({ diagnostics: { debounceMs: 50 } }));
    const problems: SettingProblem[] = [];
    const manager = new SettingsManager(connection, (p) => problems.push(p));
    manager.initialize(true, { diagnostics: { debounceMs: 10 } });
    expect(manager.current.debounceMs).toBe(10);
    await manager.start();
    expect(registered).toHaveLength(1);
    expect(manager.current.debounceMs).toBe(50);
    expect(Object.isFrozen(manager.current)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('takes pushed settings from a client that cannot be asked, and reports unusable values once each', async () => {
    const { connection, registered } = fakeConnection(async () => {
      throw new Error('must not be asked');
    });
    const problems: SettingProblem[] = [];
    const manager = new SettingsManager(connection, (p) => problems.push(p));
    manager.initialize(false, undefined);
    await manager.start();
    expect(registered).toEqual([]);
    await manager.changed({ settings: { policyLens: { diagnostics: { maxDocumentSize: 'big' }, outline: { leadItems: true } } } });
    expect(manager.current.leadItems).toBe(true);
    expect(manager.current.maxDocumentSize).toBe(5_000_000);
    expect(problems).toEqual([{ key: 'policyLens.diagnostics.maxDocumentSize', value: '"big"', fallback: '5000000' }]);
  });

  it('keeps the last good settings when the client fails to answer', async () => {
    const { connection, warnings } = fakeConnection(async () => {
      throw new Error('gone');
    });
    const manager = new SettingsManager(connection, () => undefined);
    manager.initialize(true, { outline: { leadItems: true } });
    await manager.changed({ settings: null });
    expect(manager.current.leadItems).toBe(true);
    expect(warnings).toEqual(['could not read settings: Error: gone']);
  });
});
