import { DidChangeConfigurationNotification, type Connection, type DidChangeConfigurationParams } from 'vscode-languageserver';
import { RULES } from '../core/rules/registry';
import { parseSettings, type SettingProblem, type Settings } from '../engine/settings';

/**
 * The client's `policyLens.*` settings, pulled with workspace/configuration
 * when the client can, else taken from what it pushes. Every change yields a
 * new frozen Settings object; unusable values are reported, never applied.
 */
export class SettingsManager {
  #settings: Settings = parseSettings(undefined, RULES).settings;
  #canPull = false;

  constructor(
    private readonly connection: Connection,
    private readonly onProblem: (problem: SettingProblem) => void,
  ) {}

  get current(): Settings {
    return this.#settings;
  }

  /** From `initialize`: whether the client can be asked, and the settings it sent along. */
  initialize(canPull: boolean, initial: unknown): void {
    this.#canPull = canPull;
    if (initial !== undefined) this.#apply(initial);
  }

  /** After `initialized`: asks for change notifications and pulls the settings. */
  async start(): Promise<void> {
    if (!this.#canPull) return;
    void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyLens' }).catch(() => undefined);
    await this.#pull();
  }

  async changed(change: DidChangeConfigurationParams): Promise<void> {
    if (this.#canPull) await this.#pull();
    else this.#apply((change.settings as { policyLens?: unknown } | undefined)?.policyLens ?? change.settings);
  }

  async #pull(): Promise<void> {
    try {
      this.#apply(await this.connection.workspace.getConfiguration('policyLens'));
    } catch (error) {
      this.connection.console.warn(`could not read settings: ${String(error)}`);
    }
  }

  #apply(raw: unknown): void {
    const parsed = parseSettings(raw, RULES);
    this.#settings = parsed.settings;
    parsed.problems.forEach(this.onProblem);
  }
}
