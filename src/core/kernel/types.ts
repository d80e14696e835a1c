/** Facts read from a Linux kernel tree, and where a file sits in it. */

/** A `rust_allowed_features` entry with the structured comment group above it. */
export interface AllowedFeature {
  readonly name: string;
  /** The comment heading the group it is listed under, e.g. "Stable since Rust 1.87.0" or "Expected to become stable". */
  readonly group?: string;
}

export interface KernelFacts {
  /** Absolute path of the tree root. */
  readonly root: string;
  /** From rust_allowed_features; undefined when the tree defines none we could read. */
  readonly allowList?: readonly AllowedFeature[];
  /** Where the allow-list was read (file:line). */
  readonly allowListSource?: string;
  /**
   * Whether kbuild also enables every allow-listed feature for code outside rust/
   * (`-Zcrate-attr='feature($(rust_allowed_features))'`), so declaring one again is E0636.
   */
  readonly allowListEnabledByKbuild?: boolean;
  /** Minimum rustc from scripts/min-tool-version.sh. */
  readonly minRustc?: string;
  /** `msrv` from the tree's .clippy.toml. */
  readonly msrv?: string;
  /** One message per file we could not read or understand. */
  readonly problems: readonly string[];
}

/** rust/ = the kernel crates (any gate allowed); driver/sample/module = allow-listed gates only. */
export type KernelFileClass = 'kernel-crate' | 'driver' | 'sample' | 'out-of-tree-module' | 'other';

export interface KernelFileContext {
  readonly facts: KernelFacts;
  readonly fileClass: KernelFileClass;
  /** cfg values for this file's crate from rust-project.json; undefined when unknown (both branches conditional). */
  readonly cfg?: ReadonlySet<string>;
}
