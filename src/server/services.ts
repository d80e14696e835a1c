/** What every feature module gets: the connection, client capabilities and the shared stores. */
import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis';
import type { ClientFeatures } from './capabilities';
import type { ContextStore } from './contexts';
import type { DocumentStore } from './documents';
import type { Notices } from './notices';
import type { SettingsStore } from './settings';

export interface ServerOptions {
  /** From initializationOptions.trusted; clients that do not send it are trusted (see docs/lsp-extensions.md). */
  readonly trusted: boolean;
  readonly globalStoragePath?: string;
  /** Debounce between a change and its analysis, in ms. */
  readonly debounceMs: number;
}

export interface Services {
  readonly connection: Connection;
  readonly client: ClientFeatures;
  readonly options: ServerOptions;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  readonly contexts: ContextStore;
  readonly analyses: AnalysisService;
  readonly notices: Notices;
  /** Callbacks run once the client has sent `initialized` (dynamic registrations go here). */
  readonly onInitialized: (callback: () => void | Promise<void>) => void;
  /** Callbacks run on `shutdown` (release watchers, timers, trees). */
  readonly onShutdown: (callback: () => void) => void;
}
