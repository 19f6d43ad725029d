/**
 * Where settings come from: `workspace/configuration` (section `mxDoctor`) when the client offers
 * it, else `initializationOptions.settings` (or a `didChangeConfiguration` payload), else defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { CONFIGURATION_SECTION } from './protocol.js';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings.js';

export class SettingsStore {
  private current: Settings = DEFAULT_SETTINGS;
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = initial;
    this.current = this.apply(initial);
  }

  get(): Settings {
    return this.current;
  }

  /** Re-read settings; `pushed` is a `didChangeConfiguration` payload's `settings`, if any. */
  async refresh(pushed?: unknown): Promise<Settings> {
    if (pushed !== null && typeof pushed === 'object' && CONFIGURATION_SECTION in pushed) {
      this.pushed = (pushed as Record<string, unknown>)[CONFIGURATION_SECTION];
    }
    let raw = this.pushed;
    if (this.canPull) {
      try {
        const pulled: unknown = await this.connection.workspace.getConfiguration({ section: CONFIGURATION_SECTION });
        if (pulled !== null && typeof pulled === 'object') raw = { ...(this.pushed as object | undefined), ...pulled };
      } catch {
        // the client failed to answer: keep what we have
      }
    }
    this.current = this.apply(raw);
    return this.current;
  }

  private apply(raw: unknown): Settings {
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) this.connection.console.warn(`mx-doctor: ${problem}; using the default`);
    return settings;
  }
}
