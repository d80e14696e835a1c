/**
 * RFL Lens settings: the one definition shared by the server (pulled per resource), the CLI and
 * the tests. `normalizeSettings` accepts anything (settings.json is user input) and falls back per
 * field, collecting a message for every value it had to ignore.
 */
import { ALL_CODES, type Code, type Severity } from './codes';

export type SeverityOverride = Severity | 'off';

export interface RflLensSettings {
  /** A feature database TOML to use instead of the bundled one. */
  databasePath: string | null;
  /** Toolchain version (X.Y.Z) at which feature status is judged; null = kernel minimum or database toolchain. */
  toolchainVersion: string | null;
  /** rustc to probe (`--version`) and rebuild the database from; null = `rustc` on PATH. */
  rustcPath: string | null;
  /** Kernel tree for out-of-tree modules; null = detect from the file's location. */
  kernelTree: string | null;
  /** Per-code severity overrides. */
  severity: Partial<Record<Code, SeverityOverride>>;
  safety: {
    /** null = from clippy.toml, else clippy's default. */
    acceptCommentAboveStatement: boolean | null;
    acceptCommentAboveAttributes: boolean | null;
    checkPrivateItems: boolean | null;
  };
  decorations: { unsafeRegions: boolean; safetyComments: boolean };
  inlayHints: { enabled: boolean };
  /** Files larger than this many bytes are skipped with one message. */
  maxFileSize: number;
  report: { exclude: string[] };
}

export const DEFAULT_SETTINGS: RflLensSettings = {
  databasePath: null,
  toolchainVersion: null,
  rustcPath: null,
  kernelTree: null,
  severity: {},
  safety: { acceptCommentAboveStatement: null, acceptCommentAboveAttributes: null, checkPrivateItems: null },
  decorations: { unsafeRegions: true, safetyComments: true },
  inlayHints: { enabled: true },
  maxFileSize: 4 * 1024 * 1024,
  report: { exclude: ['**/target/**', '**/.git/**'] },
};

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];
const VERSION = /^\d+\.\d+(\.\d+)?$/;

export interface NormalizedSettings {
  settings: RflLensSettings;
  /** One message per ignored value, e.g. "rflLens.maxFileSize: expected a positive number, got -1". */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const src = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push('rflLens: expected an object of settings');

  const bad = (key: string, expected: string, value: unknown): void => {
    problems.push(`rflLens.${key}: expected ${expected}, got ${JSON.stringify(value)}`);
  };
  const optString = (key: string, value: unknown, pattern?: RegExp): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string' && (!pattern || pattern.test(value.trim()))) return value.trim();
    bad(key, pattern ? 'a version like 1.85.0' : 'a string', value);
    return null;
  };
  const bool = (key: string, value: unknown, fallback: boolean): boolean => {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    bad(key, 'true or false', value);
    return fallback;
  };
  const optBool = (key: string, value: unknown): boolean | null => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value;
    bad(key, 'true, false or null', value);
    return null;
  };

  const severity: Partial<Record<Code, SeverityOverride>> = {};
  if (src.severity !== undefined) {
    if (!isRecord(src.severity)) bad('severity', 'an object of code → severity', src.severity);
    else
      for (const [code, value] of Object.entries(src.severity)) {
        if (!(ALL_CODES as string[]).includes(code)) problems.push(`rflLens.severity: unknown diagnostic code "${code}"`);
        else if (!SEVERITIES.includes(value as SeverityOverride)) bad(`severity.${code}`, SEVERITIES.join(', '), value);
        else severity[code as Code] = value as SeverityOverride;
      }
  }

  const safetyRaw = isRecord(src.safety) ? src.safety : {};
  const decoRaw = isRecord(src.decorations) ? src.decorations : {};
  const inlayRaw = isRecord(src.inlayHints) ? src.inlayHints : {};
  const reportRaw = isRecord(src.report) ? src.report : {};

  let maxFileSize = d.maxFileSize;
  if (src.maxFileSize !== undefined) {
    if (typeof src.maxFileSize === 'number' && Number.isFinite(src.maxFileSize) && src.maxFileSize > 0) maxFileSize = Math.floor(src.maxFileSize);
    else bad('maxFileSize', 'a positive number of bytes', src.maxFileSize);
  }

  let exclude = d.report.exclude;
  if (reportRaw.exclude !== undefined) {
    if (Array.isArray(reportRaw.exclude) && reportRaw.exclude.every((g) => typeof g === 'string')) exclude = reportRaw.exclude as string[];
    else bad('report.exclude', 'an array of glob strings', reportRaw.exclude);
  }

  return {
    settings: {
      databasePath: optString('databasePath', src.databasePath),
      toolchainVersion: optString('toolchainVersion', src.toolchainVersion, VERSION),
      rustcPath: optString('rustcPath', src.rustcPath),
      kernelTree: optString('kernelTree', src.kernelTree),
      severity,
      safety: {
        acceptCommentAboveStatement: optBool('safety.acceptCommentAboveStatement', safetyRaw.acceptCommentAboveStatement),
        acceptCommentAboveAttributes: optBool('safety.acceptCommentAboveAttributes', safetyRaw.acceptCommentAboveAttributes),
        checkPrivateItems: optBool('safety.checkPrivateItems', safetyRaw.checkPrivateItems),
      },
      decorations: {
        unsafeRegions: bool('decorations.unsafeRegions', decoRaw.unsafeRegions, d.decorations.unsafeRegions),
        safetyComments: bool('decorations.safetyComments', decoRaw.safetyComments, d.decorations.safetyComments),
      },
      inlayHints: { enabled: bool('inlayHints.enabled', inlayRaw.enabled, d.inlayHints.enabled) },
      maxFileSize,
      report: { exclude },
    },
    problems,
  };
}
