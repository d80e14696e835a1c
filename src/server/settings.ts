/**
 * Settings per resource. With workspace/configuration the server pulls the `rflLens` section for
 * each document and caches one Promise per URI (concurrent callers share it); the cache is cleared
 * on didChangeConfiguration and when a document closes. Clients without it get the settings pushed
 * with didChangeConfiguration, else initializationOptions.settings, else the defaults.
 */
import type { Connection } from 'vscode-languageserver/node';
import { normalizeSettings, type RflLensSettings } from '../core/settings';
import type { Notices } from './notices';

export const SETTINGS_SECTION = 'rflLens';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<RflLensSettings>>();
  private pushed: unknown;
  private global: Promise<RflLensSettings> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly initial: unknown,
    private readonly notices: Notices,
  ) {}

  /** Settings for a document (or the workspace when no URI). */
  get(uri?: string): Promise<RflLensSettings> {
    if (!this.canPull) {
      this.global ??= Promise.resolve(this.normalize(this.pushed ?? this.initial));
      return this.global;
    }
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.pull(uri);
      this.cache.set(key, p);
    }
    return p;
  }

  /** didChangeConfiguration: `settings` is the pushed value when the client sends one. */
  changed(settings: unknown): void {
    this.cache.clear();
    this.global = undefined;
    if (isRecord(settings) && SETTINGS_SECTION in settings) this.pushed = settings[SETTINGS_SECTION];
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async pull(uri: string | undefined): Promise<RflLensSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
      return this.normalize(raw ?? this.initial);
    } catch (e) {
      this.connection.console.error(`workspace/configuration failed: ${e instanceof Error ? e.message : String(e)}`);
      return this.normalize(this.initial);
    }
  }

  private normalize(raw: unknown): RflLensSettings {
    const { settings, problems } = normalizeSettings(raw ?? undefined);
    for (const p of problems) this.notices.problem(p);
    return settings;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
