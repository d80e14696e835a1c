/** Types of the feature database and of feature gates found in source. */
import type { Span } from '../positions';

export type FeatureKind = 'lang' | 'lib';

/** Status as recorded in the database (what the database's toolchain says). */
export type FeatureStatus = 'unstable' | 'incomplete' | 'internal' | 'stable' | 'removed';

/** Status as reported for a given toolchain; `unknown` = not a feature rustc knows. */
export type ResolvedStatus = FeatureStatus | 'unknown';

/** What the Linux kernel does with a gate (from data/kernel-notes.toml, hand-kept). */
export interface KernelNote {
  /** On `rust_allowed_features` for code outside rust/. */
  readonly allowed?: boolean;
  /** Free text shown in hovers and the report. */
  readonly note?: string;
  /** e.g. "expected to become stable", "to be determined". */
  readonly expectation?: string;
  /** Kernel version in which the kernel stopped using the gate. */
  readonly droppedIn?: string;
  /** Rust-for-Linux tracking links. */
  readonly links?: readonly string[];
}

export interface FeatureLinks {
  readonly trackingIssue?: string;
  readonly unstableBook?: string;
  /** Release notes of the stabilising version. */
  readonly release?: string;
}

export interface FeatureRecord {
  readonly name: string;
  readonly kind: FeatureKind;
  readonly status: FeatureStatus;
  /** Version it became stable (status stable) or was removed (status removed). */
  readonly since?: string;
  readonly trackingIssue?: number;
  /** Why it was removed, when removed. */
  readonly reason?: string;
  readonly description?: string;
  readonly links: FeatureLinks;
  readonly kernel?: KernelNote;
}

export interface DatabaseMeta {
  /** Toolchain the database was built from, e.g. "1.95.0". */
  readonly rustc: string;
  /** Full `rustc --version` line, when known. */
  readonly rustcVersionLine?: string;
  readonly schema: number;
}

/** A feature's status at one toolchain version (see FeatureDatabase.resolve). */
export interface ResolvedFeature {
  readonly name: string;
  readonly status: ResolvedStatus;
  /** The toolchain the status was judged at. */
  readonly toolchain: string;
  /** The record, when the database has one. */
  readonly record?: FeatureRecord;
}

export interface FeatureDatabase {
  readonly meta: DatabaseMeta;
  /** Where it came from: a path, or "bundled". */
  readonly source: string;
  get(name: string): FeatureRecord | undefined;
  /** All names, sorted. */
  names(): readonly string[];
  /**
   * Status at `toolchain` (X.Y.Z; defaults to meta.rustc): a feature stable since a later version
   * is `unstable` there (with `record.since` still telling when it stabilises); one removed in a
   * later version is what it was before.
   */
  resolve(name: string, toolchain?: string): ResolvedFeature;
}

/** One feature name inside a `#![feature(...)]` gate in a source file. */
export interface Gate {
  readonly name: string;
  /** The name itself. */
  readonly span: Span;
  /** The whole inner attribute `#![...]`, for removing the gate entirely. */
  readonly attribute: Span;
  /** The `feature(...)` meta item the name is in. */
  readonly featureList: Span;
  /** How many names that `feature(...)` list holds. */
  readonly siblings: number;
  /** Index of this name in its list. */
  readonly index: number;
  /** `cfg_attr` predicates enclosing the gate, outermost first, as source text (e.g. `CONFIG_X`, `not(CONFIG_X)`). */
  readonly cfg: readonly string[];
  /**
   * What to delete when this list loses its last name, if less than the whole attribute: the
   * `feature(...)` item (or the emptied `cfg_attr(...)` around it) with one adjacent comma,
   * because its `cfg_attr` applies other attributes too. Undefined: remove the whole attribute.
   */
  readonly listRemoval?: Span;
}
