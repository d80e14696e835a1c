/**
 * The RFL Lens extensions to LSP: every custom method as a namespace with its `method` string and
 * its param/result types. Types only: the client and the server each wrap these in their own
 * library's RequestType/NotificationType, so this file imports no vscode-languageserver*.
 * docs/lsp-extensions.md documents each method (a test keeps the two in step).
 */
/* eslint-disable @typescript-eslint/no-namespace -- one namespace per method keeps name, direction and types together (style anchors §1) */
import type { ReportModel } from '../core/report/model';

/** LSP position and range (0-based line, UTF-16 character), structurally equal to the LSP types. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** An LSP progress token (`number | string`). */
export type ProgressToken = number | string;

/** Server -> client notification: the toolchain and database in use; sent after start and whenever it changes. */
export namespace StatusNotification {
  export const method = 'rflLens/status' as const;
  export interface Params {
    /** Toolchain (X.Y.Z) at which feature gates are judged. */
    toolchain: string;
    /** Why that toolchain, e.g. "minimum rustc of this kernel tree". */
    toolchainOrigin: string;
    /** Toolchain the feature database was built from. */
    databaseRustc: string;
    /** Path of the database, or "bundled". */
    databaseSource: string;
    /** `rustc --version` of the user's toolchain, when it was probed (trusted workspaces only). */
    userRustc?: string;
    /** Problems with settings, the database or the kernel tree, each once. */
    problems: string[];
    /** The server's process id (shown in the tooltip; lets tests and users find a hung server). */
    serverPid?: number;
  }
}

/** Server -> client notification: ranges to decorate, after each analysis of an open document. */
export namespace DecorationsNotification {
  export const method = 'rflLens/decorations' as const;
  export interface Params {
    uri: string;
    /** Document version the ranges belong to. */
    version: number | null;
    /** Unsafe blocks, unsafe fn bodies and whole unsafe impls. */
    unsafeRegions: Range[];
    /** `// SAFETY:` comments and `# Safety` doc sections. */
    safetyComments: Range[];
  }
}

/** Client -> server request: the workspace report over the given folders. */
export namespace WorkspaceReportRequest {
  export const method = 'rflLens/workspaceReport' as const;
  export interface Params {
    /** Absolute folder paths to scan. */
    folders: string[];
    /** Glob patterns to leave out. */
    exclude: string[];
    workDoneToken?: ProgressToken;
  }
  export type Result = ReportModel;
}

/** Commands the server runs through workspace/executeCommand (advertised in executeCommandProvider). */
export namespace RebuildDatabaseCommand {
  export const command = 'rflLens.server.rebuildDatabase' as const;
  export interface Args {
    /** rustc to build from; default the `rflLens.rustcPath` setting, else `rustc` on PATH. */
    rustcPath?: string;
  }
  export interface Result {
    /** Where the new database was written. */
    path: string;
    /** How many features it holds. */
    features: number;
    /** Toolchain it was built from. */
    rustc: string;
  }
}

/** What the client passes as `initializationOptions`. */
export interface InitializationOptions {
  /** Whether the workspace is trusted: only then may the server run programs (rustc probe, rebuild). */
  trusted: boolean;
  /** Where the server may store a rebuilt database. */
  globalStoragePath?: string;
  /** The `rflLens` settings section, for clients without workspace/configuration. */
  settings?: unknown;
}

/** Every custom method, for the documentation test and for clients that list them. */
export const ALL_METHODS = [StatusNotification.method, DecorationsNotification.method, WorkspaceReportRequest.method] as const;

/** Every server command, as advertised in executeCommandProvider. */
export const SERVER_COMMANDS = [RebuildDatabaseCommand.command] as const;

/** Semantic token legend: custom types and modifiers (documented in docs/lsp-extensions.md). */
export const SEMANTIC_TOKEN_TYPES = ['featureGate', 'unsafeKeyword'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['stable', 'unstable', 'removed', 'incomplete', 'internal', 'unknown', 'documented'] as const;
