/**
 * Wires the language server: builds the shared services at `initialize` and lets each feature
 * module register its handlers and declare its capability. No feature logic lives here.
 */
import type { Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver/node';
import { loadRustParser } from '../core/parser';
import type { InitializationOptions } from '../shared/protocol';
import { AnalysisService } from './analysis';
import { readClientFeatures } from './capabilities';
import { ContextStore } from './contexts';
import { DocumentStore } from './documents';
import * as codeActions from './features/codeActions';
import * as completion from './features/completion';
import * as configuration from './features/configuration';
import * as decorations from './features/decorations';
import * as diagnostics from './features/diagnostics';
import * as documentSync from './features/documentSync';
import * as executeCommand from './features/executeCommand';
import * as hover from './features/hover';
import * as inlayHints from './features/inlayHints';
import * as report from './features/report';
import * as semanticTokens from './features/semanticTokens';
import * as status from './features/status';
import * as userToolchain from './features/userToolchain';
import * as watchedFiles from './features/watchedFiles';
import { Notices } from './notices';
import type { ServerOptions, Services } from './services';
import { SettingsStore } from './settings';

const FEATURES: readonly { register(services: Services): ServerCapabilities }[] = [
  documentSync,
  diagnostics,
  decorations,
  status,
  userToolchain,
  hover,
  completion,
  inlayHints,
  codeActions,
  semanticTokens,
  configuration,
  watchedFiles,
  executeCommand,
  report,
];

/**
 * Default debounce; RFL_LENS_DEBOUNCE_MS overrides it (tests). A change after a quiet spell is
 * analysed at once; changes within this long of the previous one are merged (AnalysisService.schedule).
 */
const DEFAULT_DEBOUNCE_MS = 5;
/** Idle time before a broken incremental tree is re-parsed from scratch; RFL_LENS_SETTLE_MS overrides it. */
const DEFAULT_SETTLE_MS = 300;

declare const RFL_LENS_VERSION: string | undefined;
const VERSION = typeof RFL_LENS_VERSION === 'string' ? RFL_LENS_VERSION : 'dev';

/** What the entry point needs to know of a running server. */
export interface RunningServer {
  /** Whether the client asked for shutdown (a client that then just closes the stream gets exit code 0). */
  readonly shutdownReceived: boolean;
}

export function startServer(connection: Connection, env: NodeJS.ProcessEnv = process.env): RunningServer {
  const initialized: (() => void | Promise<void>)[] = [];
  const shutdown: (() => void)[] = [];
  let shutdownReceived = false;

  connection.onInitialize((params): InitializeResult => {
    const init = readInitializationOptions(params.initializationOptions);
    const client = readClientFeatures(params.capabilities);
    const options: ServerOptions = { trusted: init.trusted, globalStoragePath: init.globalStoragePath, debounceMs: debounceFrom(env) };
    const notices = new Notices(connection);
    const documents = new DocumentStore(loadRustParser, undefined, (uri, reason) => connection.console.warn(`${uri}: ${reason}; re-parsed from the text`));
    const settings = new SettingsStore(connection, client.configuration, init.settings, notices);
    const contexts = new ContextStore(init.trusted, notices);
    const analyses = new AnalysisService(documents, settings, contexts, options.debounceMs, connection.console, msFrom(env.RFL_LENS_SETTLE_MS, DEFAULT_SETTLE_MS));
    const services: Services = {
      connection,
      client,
      options,
      documents,
      settings,
      contexts,
      analyses,
      notices,
      onInitialized: (cb) => initialized.push(cb),
      onShutdown: (cb) => shutdown.push(cb),
    };
    shutdown.push(
      () => analyses.dispose(),
      () => documents.dispose(),
    );
    // Load the parser while the client finishes starting up.
    loadRustParser().catch((e: unknown) => connection.console.error(`cannot load the Rust parser: ${String(e)}`));

    const capabilities: ServerCapabilities = {};
    for (const feature of FEATURES) Object.assign(capabilities, feature.register(services));
    return { capabilities, serverInfo: { name: 'rfl-lens', version: VERSION } };
  });

  connection.onInitialized(() => {
    // Concurrently: a step may wait for another (status waits for the rustc probe).
    for (const callback of initialized) {
      Promise.resolve()
        .then(callback)
        .catch((e: unknown) => connection.console.error(`initialization step failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    }
  });

  connection.onShutdown(() => {
    shutdownReceived = true;
    for (const callback of shutdown) {
      try {
        callback();
      } catch (e) {
        connection.console.error(`shutdown step failed: ${String(e)}`);
      }
    }
  });

  return {
    get shutdownReceived() {
      return shutdownReceived;
    },
  };
}

/** initializationOptions are optional: editors other than VS Code usually send none. */
export function readInitializationOptions(raw: unknown): InitializationOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    // Without a workspace-trust concept (Neovim, Helix, ...) the user opened the files on purpose.
    trusted: typeof o.trusted === 'boolean' ? o.trusted : true,
    ...(typeof o.globalStoragePath === 'string' ? { globalStoragePath: o.globalStoragePath } : {}),
    ...(o.settings !== undefined ? { settings: o.settings } : {}),
  };
}

function debounceFrom(env: NodeJS.ProcessEnv): number {
  return msFrom(env.RFL_LENS_DEBOUNCE_MS, DEFAULT_DEBOUNCE_MS);
}

function msFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n >= 0 ? n : fallback;
}
