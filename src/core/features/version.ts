/**
 * Rust release versions as feature data writes them: "1.85", "1.85.0", and the placeholder
 * "CURRENT_RUSTC_VERSION" that unreleased library code uses until a release replaces it.
 */

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The placeholder rustc's sources use for "the version being released". */
export const CURRENT_RUSTC_VERSION = 'CURRENT_RUSTC_VERSION';

const VERSION_RE = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/** Parses "1.85" or "1.85.0"; `current` stands in for CURRENT_RUSTC_VERSION when given. */
export function parseVersion(text: string, current?: string): Version | undefined {
  const t = text.trim();
  if (t === CURRENT_RUSTC_VERSION) return current === undefined ? undefined : parseVersion(current);
  const m = VERSION_RE.exec(t);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

export function isVersion(text: string): boolean {
  return VERSION_RE.test(text.trim());
}

/** "1.85" -> "1.85.0"; undefined when not a version. */
export function normalizeVersion(text: string, current?: string): string | undefined {
  const v = parseVersion(text, current);
  return v && formatVersion(v);
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version | string, b: Version | string): number {
  const va = typeof a === 'string' ? parseVersion(a) : a;
  const vb = typeof b === 'string' ? parseVersion(b) : b;
  if (!va || !vb) throw new Error(`not a version: ${JSON.stringify(!va ? a : b)}`);
  return va.major - vb.major || va.minor - vb.minor || va.patch - vb.patch;
}

/** Whether `version` is at or before `toolchain` (both versions). */
export function reachedBy(version: string, toolchain: string): boolean {
  return compareVersions(version, toolchain) <= 0;
}
