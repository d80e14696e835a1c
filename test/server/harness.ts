/**
 * Shared set-up for the server tests: builds the bundles once per test run (`node esbuild.mjs`),
 * starts `node dist/server.js --stdio` with the capabilities of a full editor (VS Code) or a
 * minimal one, and offers the few editor-side helpers the tests need (open, edit, apply edits).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../src/core/positions';
import { LspClient } from './lspClient';

const repoRoot = path.resolve(__dirname, '..', '..');
export const SERVER_PATH = path.join(repoRoot, 'dist', 'server.js');

let built = false;

/**
 * Runs the real build once per process. RFL_TEST_SKIP_BUILD=1 reuses dist/; RFL_TEST_SERVER=FILE
 * tests another bundle (e.g. a debug build).
 */
export function ensureBuilt(): string {
  if (process.env.RFL_TEST_SERVER) return path.resolve(process.env.RFL_TEST_SERVER);
  if (built || process.env.RFL_TEST_SKIP_BUILD === '1') return SERVER_PATH;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  built = true;
  return SERVER_PATH;
}

/** What VS Code's client declares, trimmed to what the server looks at. */
export const FULL_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true },
    inlayHint: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: {
      completionItem: { documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true, tagSupport: { valueSet: [1] }, resolveSupport: { properties: ['documentation', 'detail'] } },
      completionList: { itemDefaults: ['editRange', 'data'] },
    },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true, dataSupport: true },
    inlayHint: {},
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
  window: { workDoneProgress: true },
};

/** A client that declares (almost) nothing, as minimal editors do. */
export const MINIMAL_CAPABILITIES = {};

export interface TestServer {
  readonly client: LspClient;
  readonly initializeResult: InitializeResultShape;
  /** Settings the client answers workspace/configuration with, per scopeUri ('' = no scope). */
  readonly settings: Map<string, unknown>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: { range?: RangeShape; text: string }[]): void;
  /** publishDiagnostics for `uri` at `version` (already received or still to come). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsShape>;
  stop(): Promise<void>;
}

export interface PositionShape {
  line: number;
  character: number;
}
export interface RangeShape {
  start: PositionShape;
  end: PositionShape;
}
export interface DiagnosticShape {
  range: RangeShape;
  severity: number;
  code: string;
  source: string;
  message: string;
  codeDescription?: { href: string };
  relatedInformation?: { location: { uri: string; range: RangeShape }; message: string }[];
  tags?: number[];
  data?: unknown;
}
export interface PublishDiagnosticsShape {
  uri: string;
  version?: number;
  diagnostics: DiagnosticShape[];
}
export interface InitializeResultShape {
  capabilities: Record<string, unknown>;
  serverInfo?: { name: string; version?: string };
}

export interface StartServerOptions {
  readonly capabilities?: object;
  readonly initializationOptions?: unknown;
  readonly settings?: Record<string, unknown>;
  readonly env?: NodeJS.ProcessEnv;
  readonly workspaceFolders?: { uri: string; name: string }[];
}

export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const serverPath = ensureBuilt();
  const client = new LspClient({ serverPath, env: { RFL_LENS_DEBOUNCE_MS: '10', ...options.env } });
  const settings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  client.onRequest('workspace/configuration', (params) =>
    (params as { items: { scopeUri?: string; section?: string }[] }).items.map((item) => settings.get(item.scopeUri ?? '') ?? settings.get('') ?? null),
  );
  const initializeResult = await client.request<InitializeResultShape>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions ?? { trusted: true },
    workspaceFolders: options.workspaceFolders ?? null,
  });
  client.notify('initialized', {});
  return {
    client,
    initializeResult,
    settings,
    open: (uri, text, version = 1) => client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rust', version, text } }),
    change: (uri, version, changes) => client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }),
    diagnostics: (uri, version) => client.waitFor<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version),
    stop: () => client.stop(),
  };
}

/** Applies LSP text edits (ranges relative to `text`) the way an editor does. */
export function applyEdits(text: string, edits: readonly { range: RangeShape; newText: string }[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** The LSP position of the `n`-th (0-based) occurrence of `needle` in `text`, plus `delta` UTF-16 units. */
export function positionOf(text: string, needle: string, delta = 0, n = 0): PositionShape {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (occurrence ${n}) not in text`);
  }
  return new LineIndex(text).positionAt(at + delta);
}

/** The LSP range covering the `n`-th occurrence of `needle`. */
export function rangeOf(text: string, needle: string, n = 0): RangeShape {
  const start = positionOf(text, needle, 0, n);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export interface TempDir {
  readonly dir: string;
  uri(relative: string): string;
  file(relative: string): string;
  remove(): void;
}

export function tempDir(prefix = 'rfl-server-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    uri: (rel) => pathToFileURL(path.join(dir, rel)).toString(),
    file: (rel) => path.join(dir, rel),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
