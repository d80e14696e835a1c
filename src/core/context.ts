/**
 * Builds the AnalysisContext for a file: which feature database, at which toolchain, with which
 * clippy options and kernel facts. Every lookup is cached (per directory for clippy.toml, per tree
 * for kernel facts) and invalidated by path when a watched file changes.
 */
import path from 'node:path';
import type { AnalysisContext } from './analyze';
import { loadDatabase } from './features/database';
import type { FeatureDatabase } from './features/types';
import { invalidateKernelCache, kernelContextFor, minimumToolchain, minimumToolchainOrigin } from './kernel/context';
import { readClippyConfig, invalidateClippyConfig } from './safety/clippyConfig';
import type { SafetyOptions } from './safety/types';
import type { RflLensSettings } from './settings';

export interface ContextResolverOptions {
  readonly settings: RflLensSettings;
  /** False in untrusted workspaces; nothing here runs programs either way, but callers check it. */
  readonly trusted: boolean;
  /** A database to use before settings.databasePath (e.g. one rebuilt from the user's rustc). */
  readonly databaseOverride?: string;
  /** Toolchain to judge gates at when neither a setting nor a kernel tree says (e.g. the user's rustc). */
  readonly defaultToolchain?: { readonly version: string; readonly origin: string };
}

export class ContextResolver {
  private settings: RflLensSettings;
  private databaseOverride: string | undefined;
  private readonly defaultToolchain: ContextResolverOptions['defaultToolchain'];
  private _db: FeatureDatabase | undefined;
  private dbFile: string | undefined;
  private readonly contexts = new Map<string, AnalysisContext>();
  private readonly problems: string[] = [];
  private readonly reported = new Set<string>();
  readonly trusted: boolean;

  constructor(options: ContextResolverOptions) {
    this.settings = options.settings;
    this.trusted = options.trusted;
    this.databaseOverride = options.databaseOverride;
    this.defaultToolchain = options.defaultToolchain;
  }

  /** The feature database in use (loaded on first use; the bundled one when the configured file is broken). */
  get db(): FeatureDatabase {
    if (!this._db) {
      const file = this.databaseOverride ?? this.settings.databasePath ?? undefined;
      const loaded = loadDatabase(file);
      for (const p of loaded.problems) this.report(p);
      this._db = loaded.db;
      this.dbFile = file;
    }
    return this._db;
  }

  update(settings: RflLensSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  /** Switches to another database file (e.g. after a rebuild) and drops cached contexts. */
  useDatabase(file: string | undefined): void {
    this.databaseOverride = file;
    this._db = undefined;
    this.contexts.clear();
  }

  contextFor(filePath?: string): AnalysisContext {
    const dir = filePath ? path.dirname(path.resolve(filePath)) : '';
    const key = filePath ? path.resolve(filePath) : '';
    const cached = this.contexts.get(key);
    if (cached) return cached;

    const db = this.db;
    const kernel = filePath ? kernelContextFor(path.resolve(filePath), { kernelTree: this.settings.kernelTree ?? undefined }) : undefined;
    for (const p of kernel?.facts.problems ?? []) this.report(p);

    let toolchain = db.meta.rustc;
    let toolchainOrigin = `toolchain of the feature database (rustc ${db.meta.rustc})`;
    const minimum = kernel ? minimumToolchain(kernel.facts) : undefined;
    if (this.settings.toolchainVersion) {
      toolchain = normalizeVersion(this.settings.toolchainVersion);
      toolchainOrigin = 'rflLens.toolchainVersion setting';
    } else if (minimum && kernel) {
      toolchain = minimum;
      toolchainOrigin = minimumToolchainOrigin(kernel.facts) ?? 'minimum rustc of this kernel tree';
    } else if (this.defaultToolchain) {
      toolchain = normalizeVersion(this.defaultToolchain.version);
      toolchainOrigin = this.defaultToolchain.origin;
    }

    const clippy = dir ? readClippyConfig(dir) : undefined;
    for (const p of clippy?.problems ?? []) this.report(p);
    const s = this.settings.safety;
    const base: SafetyOptions = clippy?.options ?? { acceptCommentAboveStatement: true, acceptCommentAboveAttributes: true, checkPrivateItems: false };
    const safety: SafetyOptions = {
      acceptCommentAboveStatement: s.acceptCommentAboveStatement ?? base.acceptCommentAboveStatement,
      acceptCommentAboveAttributes: s.acceptCommentAboveAttributes ?? base.acceptCommentAboveAttributes,
      checkPrivateItems: s.checkPrivateItems ?? base.checkPrivateItems,
    };

    const ctx: AnalysisContext = { db, toolchain, toolchainOrigin, safety, kernel, severity: this.settings.severity };
    this.contexts.set(key, ctx);
    return ctx;
  }

  /** A watched file changed (clippy.toml, the database, kernel Makefiles); no path = everything. */
  invalidate(changed?: string): void {
    this.contexts.clear();
    if (!changed || (this.dbFile && path.resolve(changed) === path.resolve(this.dbFile))) this._db = undefined;
    invalidateClippyConfig(changed);
    invalidateKernelCache(changed);
  }

  /** Messages not yet handed out; each distinct message is handed out once. */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  /** Files whose change should invalidate contexts (besides clippy.toml / kernel files found by name). */
  watchedFiles(): string[] {
    return this.dbFile ? [this.dbFile] : [];
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.problems.push(message);
  }
}

/** "1.85" -> "1.85.0". */
export function normalizeVersion(v: string): string {
  const parts = v.trim().split('.');
  while (parts.length < 3) parts.push('0');
  return parts.slice(0, 3).join('.');
}
