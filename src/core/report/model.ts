/**
 * The workspace report as plain data: what `rfl-lens report --format json` prints, what the
 * server returns for rflLens/workspaceReport and what the webview and the HTML export draw.
 * JSON-serialisable only (no Maps, no class instances); bump `version` on incompatible changes.
 */
import type { Code, Severity } from '../codes';
import type { ResolvedStatus } from '../features/types';
import type { UnsafeKind } from '../safety/types';

export const REPORT_MODEL_VERSION = 1;

export interface ReportModel {
  readonly version: typeof REPORT_MODEL_VERSION;
  /** ISO 8601 time the scan finished. */
  readonly generatedAt: string;
  /** rfl-lens version that produced it. */
  readonly tool: string;
  /** Absolute paths of the scanned roots; `ReportFile.root` indexes into this. */
  readonly roots: readonly string[];
  readonly summary: ReportSummary;
  /** Gates sorted by name. */
  readonly gates: readonly ReportGate[];
  /** SAFETY findings sorted by directory, then file, line, column. */
  readonly findings: readonly ReportFinding[];
  /** Per-directory SAFETY coverage, sorted by directory. */
  readonly directories: readonly DirectoryCoverage[];
  /** Files scanned, sorted by path. */
  readonly files: readonly ReportFile[];
  /** Files that could not be analysed (binary, too large, unreadable, parse timeout). */
  readonly skipped: readonly SkippedFile[];
  /** Problems met while resolving contexts (bad clippy.toml, broken database...), each once. */
  readonly problems: readonly string[];
}

export interface ReportSummary {
  readonly files: number;
  readonly lines: number;
  readonly bytes: number;
  readonly toolchain: ToolchainRange;
  /** Findings per diagnostic code (every code present, zero included), all families. */
  readonly findingsByCode: Readonly<Record<Code, number>>;
  /** Findings per severity, all families. */
  readonly findingsBySeverity: Readonly<Record<Severity, number>>;
  readonly unsafe: UnsafeCoverage;
  /** `// SAFETY: TODO` placeholders (safety-comment-placeholder findings). */
  readonly placeholders: number;
}

export interface ToolchainRange {
  /** Lowest toolchain the files are judged at (the tree's minimum rustc when in a kernel tree). */
  readonly minimum: string;
  /** Why that toolchain ("minimum rustc of this kernel tree", "database toolchain"...). */
  readonly minimumOrigin: string;
  /** The feature database's toolchain: the newest the report knows about. */
  readonly database: string;
  /** Where the database came from: a path or "bundled". */
  readonly databaseSource: string;
}

export interface UnsafeCoverage {
  /** Unsafe sites (blocks, unsafe fn, impl, trait...). */
  readonly sites: number;
  /** Sites with a SAFETY comment or `# Safety` doc section. */
  readonly documented: number;
  /** documented / sites in percent, one decimal; 100 when there are no sites. */
  readonly percent: number;
  readonly byKind: Readonly<Partial<Record<UnsafeKind, { readonly sites: number; readonly documented: number }>>>;
}

export interface DirectoryCoverage extends UnsafeCoverage {
  /** Directory relative to its root, POSIX separators; "." for the root itself. */
  readonly directory: string;
  readonly files: number;
  /** SAFETY findings in this directory. */
  readonly findings: number;
}

/** What can be done with a gate. */
export type GateAdvice =
  /** Stable at the tree's minimum rustc: the gate can be removed today. */
  | 'drop-now'
  /** Stable on the database toolchain only: removable once the minimum rustc reaches `since`. */
  | 'drop-at-bump'
  /** Still unstable (or incomplete/internal) on the newest toolchain known. */
  | 'needed'
  /** Removed or unknown: the gate is an error. */
  | 'broken';

export interface ReportGate {
  readonly name: string;
  readonly kind?: 'lang' | 'lib';
  readonly statusAtMinimum: ResolvedStatus;
  readonly statusAtDatabase: ResolvedStatus;
  /** Version it became stable (or was removed), when it has. */
  readonly since?: string;
  readonly trackingIssue?: number;
  /** On the kernel's rust_allowed_features; undefined outside a kernel tree. */
  readonly allowListed?: boolean;
  readonly advice: GateAdvice;
  /** Number of `#![feature(...)]` occurrences. */
  readonly count: number;
  readonly uses: readonly GateUse[];
}

export interface GateUse {
  readonly file: string;
  /** 1-based line and code-point column (as rustc and `rfl-lens check`). */
  readonly line: number;
  readonly column: number;
  /** 0-based line and UTF-16 character, for editors. */
  readonly lspLine: number;
  readonly lspCharacter: number;
}

export interface ReportFinding extends GateUse {
  readonly directory: string;
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
}

export interface ReportFile {
  /** Path relative to its root, POSIX separators (prefixed with the root's name when several roots). */
  readonly path: string;
  readonly root: number;
  readonly lines: number;
  readonly bytes: number;
  readonly unsafeSites: number;
  readonly documented: number;
  /** Findings of every code in this file. */
  readonly findings: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}
