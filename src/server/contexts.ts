/**
 * Analysis contexts for documents. A ContextResolver is built for one set of settings; documents in
 * folders with the same settings share it (and its loaded database). Problems the resolvers find
 * (broken database, unreadable clippy.toml) are reported once through Notices.
 */
import { fileURLToPath } from 'node:url';
import type { AnalysisContext } from '../core/analyze';
import { ContextResolver, type ContextResolverOptions } from '../core/context';
import { LocalFeatureDocs } from '../core/features/localDocs';
import type { FeatureDatabase } from '../core/features/types';
import type { RflLensSettings } from '../core/settings';
import type { Notices } from './notices';

/** Resolvers kept at once: one per distinct settings object, which is rarely more than one. */
const MAX_RESOLVERS = 8;

export class ContextStore {
  private readonly resolvers = new Map<string, ContextResolver>();
  private databaseOverride: string | undefined;
  private defaultToolchain: ContextResolverOptions['defaultToolchain'];
  private readonly listeners: (() => void)[] = [];
  private readonly resolvingListeners: ((file: string) => void)[] = [];
  private userRustcLine: string | undefined;
  /** Settles once the user's rustc has been probed (or will not be): contexts depend on it. */
  private readonly probed: Promise<void>;
  private settleProbe: () => void = () => undefined;

  constructor(
    readonly trusted: boolean,
    private readonly notices: Notices,
  ) {
    this.probed = new Promise((resolve) => (this.settleProbe = resolve));
    // Untrusted workspaces run no program, so there is nothing to wait for.
    if (!trusted) this.settleProbe();
  }

  /** Resolves when contexts are final enough to analyse with (the user's rustc is known or absent). */
  ready(): Promise<void> {
    return this.probed;
  }

  resolver(settings: RflLensSettings): ContextResolver {
    const key = JSON.stringify(settings);
    let r = this.resolvers.get(key);
    if (!r) {
      if (this.resolvers.size >= MAX_RESOLVERS) this.resolvers.delete(this.resolvers.keys().next().value as string);
      r = new ContextResolver({ settings, trusted: this.trusted, databaseOverride: this.databaseOverride, defaultToolchain: this.defaultToolchain });
      this.resolvers.set(key, r);
    }
    return r;
  }

  /** The context for a document URI (file URIs get kernel and clippy.toml facts; others do not). */
  contextFor(uri: string | undefined, settings: RflLensSettings): AnalysisContext {
    const r = this.resolver(settings);
    const file = uri ? filePathOf(uri) : undefined;
    if (file) for (const l of this.resolvingListeners) l(file);
    const ctx = r.contextFor(file);
    this.drain(r);
    return ctx;
  }

  database(settings: RflLensSettings): FeatureDatabase {
    const r = this.resolver(settings);
    const db = r.db;
    this.drain(r);
    return db;
  }

  /** A watched file changed; no path = everything. */
  invalidate(changedPath?: string): void {
    for (const r of this.resolvers.values()) r.invalidate(changedPath);
    this.changed();
  }

  /**
   * Called with a file's path before its context is looked up, and so before the files it depends
   * on are read (a poller takes its baseline then, and misses no change made after the read).
   */
  onResolving(listener: (file: string) => void): void {
    this.resolvingListeners.push(listener);
  }

  /** Called when contexts may have changed (database, toolchain, settings, watched files). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Switches every resolver (present and future) to another database file. */
  useDatabase(file: string | undefined): void {
    this.databaseOverride = file;
    for (const r of this.resolvers.values()) r.useDatabase(file);
    this.changed();
  }

  private _localDocs: LocalFeatureDocs | undefined;

  /** The user's unstable book, for feature summaries in hovers (undefined until probed, or without rust-docs). */
  get localDocs(): LocalFeatureDocs | undefined {
    return this._localDocs;
  }

  /** `rustc --version` of the user's toolchain, once probed. */
  get userRustc(): string | undefined {
    return this.userRustcLine;
  }

  /**
   * The user's rustc: gates are judged at its version when no setting or kernel tree says
   * otherwise (a feature stable there is a removable gate for this user).
   */
  setUserToolchain(rustc: { readonly version: string; readonly versionLine: string; readonly sysroot?: string } | undefined): void {
    this.userRustcLine = rustc?.versionLine;
    this._localDocs = rustc?.sysroot ? new LocalFeatureDocs(rustc.sysroot) : undefined;
    this.defaultToolchain = rustc && { version: rustc.version, origin: `your rustc (${rustc.versionLine})` };
    this.resolvers.clear();
    this.settleProbe();
    this.changed();
  }

  /** Settings changed: resolvers are rebuilt on next use. */
  reset(): void {
    this.resolvers.clear();
    this.changed();
  }

  watchedFiles(): string[] {
    const files = new Set<string>();
    for (const r of this.resolvers.values()) for (const f of r.watchedFiles()) files.add(f);
    return [...files];
  }

  private drain(r: ContextResolver): void {
    for (const p of r.takeProblems()) this.notices.problem(p);
  }
}

/** The file system path of a `file:` URI, else undefined (untitled documents, virtual file systems). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
