/** Types of the unsafe inventory and the SAFETY rules' options. */
import type { Span } from '../positions';

export type UnsafeKind =
  | 'block'
  | 'fn'
  | 'impl'
  | 'trait'
  | 'extern-block'
  | 'attribute';

/** How an unsafe site is documented. */
export interface SafetyDoc {
  /** `comment`: a `// SAFETY:` (or block) comment; `doc-section`: a `# Safety` doc section. */
  readonly kind: 'comment' | 'doc-section';
  /** The comment or doc lines that document it. */
  readonly span: Span;
  /** The justification text after the marker / under the header, trimmed. */
  readonly text: string;
}

export interface UnsafeSite {
  readonly kind: UnsafeKind;
  /** The `unsafe` keyword. */
  readonly keyword: Span;
  /** The whole construct (block, item); for highlighting. */
  readonly span: Span;
  /** What rules report on: clippy's span cut at the end of the first line for multi-line constructs. */
  readonly reportSpan: Span;
  /** Item name for fn/impl/trait (e.g. `Send for Foo`, `from_raw`). */
  readonly name?: string;
  /** `fn` only: free, inherent (impl), trait (declared in a trait) or extern (in an extern block). */
  readonly fnContext?: 'free' | 'inherent' | 'trait' | 'trait-impl' | 'extern';
  readonly documentation?: SafetyDoc;
  /** `fn` only: its body block, the unsafe code editors shade (absent for a signature without a body). */
  readonly body?: Span;
  /** Inside a `macro_rules!` definition. */
  readonly inMacroDefinition: boolean;
  /** Inside a macro invocation's arguments. */
  readonly inMacroInvocation: boolean;
}

/** clippy's configuration for the SAFETY lints (clippy.toml names in comments). */
export interface SafetyOptions {
  /** accept-comment-above-statement (clippy default true). */
  readonly acceptCommentAboveStatement: boolean;
  /** accept-comment-above-attributes (clippy default true). */
  readonly acceptCommentAboveAttributes: boolean;
  /** check-private-items (clippy default false; the kernel sets true). */
  readonly checkPrivateItems: boolean;
  /**
   * cfg names and `key="value"` pairs the build enables; when set, code under a false
   * `#[cfg(...)]` is skipped as the compiler (and so clippy) never sees it. Unset: check all.
   */
  readonly activeCfg?: ReadonlySet<string>;
  /**
   * Whether the file is a crate root (lib.rs, main.rs, a single-file kernel driver) rather than
   * an out-of-line module (`mod foo;`). clippy cannot read comments above the first item of a
   * module file and treats them as present. Unset: a crate root.
   */
  readonly crateRoot?: boolean;
}

export const CLIPPY_DEFAULT_SAFETY_OPTIONS: SafetyOptions = {
  acceptCommentAboveStatement: true,
  acceptCommentAboveAttributes: true,
  checkPrivateItems: false,
};
