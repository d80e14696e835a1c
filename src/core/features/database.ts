/**
 * The feature database: data/features.toml (or a user's file) parsed, validated and queried.
 * A file that cannot be used never stops the analysis: its problems are reported and the
 * bundled database is used instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { bundledDatabasePath } from '../assets';
import { readKernelNote } from './kernelNotes';
import { releaseNotesUrl, trackingIssueUrl } from './links';
import { isTable, TomlChecker, type TomlTable } from './tomlCheck';
import type { DatabaseMeta, FeatureDatabase, FeatureKind, FeatureLinks, FeatureRecord, FeatureStatus, ResolvedFeature } from './types';
import { compareVersions, CURRENT_RUSTC_VERSION, isVersion, normalizeVersion } from './version';

export const SCHEMA_VERSION = 1;
export const FEATURE_KINDS: readonly FeatureKind[] = ['lang', 'lib'];
export const FEATURE_STATUSES: readonly FeatureStatus[] = ['unstable', 'incomplete', 'internal', 'stable', 'removed'];
const FEATURE_KEYS = ['kind', 'status', 'since', 'tracking_issue', 'reason', 'description', 'unstable_book', 'kernel'] as const;
const META_KEYS = ['rustc', 'rustc_version_line', 'schema'] as const;
const VERSION_RE = /^(\d+\.\d+(\.\d+)?|CURRENT_RUSTC_VERSION)$/;
const FEATURE_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Database implements FeatureDatabase {
  private readonly sorted: readonly string[];

  constructor(
    readonly meta: DatabaseMeta,
    readonly source: string,
    private readonly records: ReadonlyMap<string, FeatureRecord>,
  ) {
    this.sorted = [...records.keys()].sort();
  }

  get(name: string): FeatureRecord | undefined {
    return this.records.get(name);
  }

  names(): readonly string[] {
    return this.sorted;
  }

  resolve(name: string, toolchain?: string): ResolvedFeature {
    const at = (toolchain && normalizeVersion(toolchain)) || this.meta.rustc;
    const record = this.records.get(name);
    if (!record) return { name, status: 'unknown', toolchain: at };
    return { name, status: statusAt(record, at, this.meta.rustc), toolchain: at, record };
  }
}

/**
 * A record's status at toolchain `at`: stabilisation and removal only count once reached.
 * Removed gates were unstable until their removal (rustc never removes a stable gate).
 */
function statusAt(record: FeatureRecord, at: string, dbRustc: string): FeatureStatus {
  if ((record.status === 'stable' || record.status === 'removed') && record.since) {
    const since = record.since === CURRENT_RUSTC_VERSION ? dbRustc : record.since;
    if (isVersion(since) && compareVersions(since, at) > 0) return 'unstable';
  }
  return record.status;
}

export function createDatabase(meta: DatabaseMeta, records: Iterable<FeatureRecord>, source: string): FeatureDatabase {
  return new Database(meta, source, new Map([...records].map((r) => [r.name, r])));
}

/** Links derived from a record's facts (the file stores facts, not URLs it can compute). */
export function featureLinks(status: FeatureStatus, since: string | undefined, trackingIssue: number | undefined, unstableBook: string | undefined): FeatureLinks {
  const links: { -readonly [K in keyof FeatureLinks]: FeatureLinks[K] } = {};
  if (trackingIssue !== undefined) links.trackingIssue = trackingIssueUrl(trackingIssue);
  if (unstableBook !== undefined) links.unstableBook = unstableBook;
  if (status === 'stable' && since && isVersion(since)) links.release = releaseNotesUrl(normalizeVersion(since)!);
  return links;
}

export interface ParsedDatabase {
  readonly db?: FeatureDatabase;
  readonly problems: string[];
}

/** Parses and validates a database. `file` names it in problems; any problem means no database. */
export function parseDatabase(text: string, file: string): ParsedDatabase {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    if (e instanceof TomlError) return { problems: [`${file}:${e.line}: not valid TOML: ${e.message.split('\n')[0]}`] };
    return { problems: [`${file}: not valid TOML: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const check = new TomlChecker(file, text);
  if (!isTable(data)) return { problems: [`${file}:1: expected a TOML document`] };
  check.onlyKeys(data, [], ['meta', 'features']);
  const meta = readMeta(check, data);
  const records: FeatureRecord[] = [];
  if (data.features === undefined) check.problem(['features'], 'missing');
  const features = data.features === undefined ? undefined : check.table(data, ['features']);
  if (features) {
    for (const name of Object.keys(features)) {
      if (!FEATURE_NAME_RE.test(name)) {
        check.problem(['features', name], 'not a feature name');
        continue;
      }
      const table = check.table(features, ['features', name]);
      const record = table && readRecord(check, name, table);
      if (record) records.push(record);
    }
  }
  if (check.problems.length || !meta) return { problems: check.problems.length ? check.problems : [`${file}:1: meta: missing`] };
  return { db: createDatabase(meta, records, file), problems: [] };
}

function readMeta(check: TomlChecker, data: TomlTable): DatabaseMeta | undefined {
  if (data.meta === undefined) {
    check.problem(['meta'], 'missing');
    return undefined;
  }
  const meta = check.table(data, ['meta']);
  if (!meta) return undefined;
  check.onlyKeys(meta, ['meta'], META_KEYS);
  const rustc = check.string(meta, ['meta', 'rustc'], true, /^\d+\.\d+\.\d+$/, 'a version like 1.95.0');
  const rustcVersionLine = check.string(meta, ['meta', 'rustc_version_line'], false);
  const schema = check.positiveInteger(meta, ['meta', 'schema'], true);
  if (schema !== undefined && schema !== SCHEMA_VERSION) check.problem(['meta', 'schema'], `expected ${SCHEMA_VERSION}, got ${schema}`);
  if (!rustc || schema !== SCHEMA_VERSION) return undefined;
  return rustcVersionLine === undefined ? { rustc, schema } : { rustc, rustcVersionLine, schema };
}

function readRecord(check: TomlChecker, name: string, t: TomlTable): FeatureRecord | undefined {
  const p = ['features', name];
  check.onlyKeys(t, p, FEATURE_KEYS);
  const kind = check.oneOf(t, [...p, 'kind'], FEATURE_KINDS);
  const status = check.oneOf(t, [...p, 'status'], FEATURE_STATUSES);
  const since = check.string(t, [...p, 'since'], status === 'stable', VERSION_RE, 'a version like 1.85.0');
  const trackingIssue = check.positiveInteger(t, [...p, 'tracking_issue'], false);
  const reason = check.string(t, [...p, 'reason'], false);
  const description = check.string(t, [...p, 'description'], false);
  const unstableBook = check.string(t, [...p, 'unstable_book'], false, /^https:\/\//, 'an https URL');
  const kernelTable = t.kernel === undefined ? undefined : check.table(t, [...p, 'kernel']);
  const kernel = kernelTable && readKernelNote(check, kernelTable, [...p, 'kernel']);
  if (!kind || !status) return undefined;
  return {
    name,
    kind,
    status,
    ...(since !== undefined && { since }),
    ...(trackingIssue !== undefined && { trackingIssue }),
    ...(reason !== undefined && { reason }),
    ...(description !== undefined && { description }),
    links: featureLinks(status, since, trackingIssue, unstableBook),
    ...(kernel !== undefined && { kernel }),
  };
}

export interface LoadedDatabase {
  readonly db: FeatureDatabase;
  /** Why the requested file was not used, or what is wrong with the bundled one. */
  readonly problems: string[];
  /** True when `file` was given but the bundled database is used instead. */
  readonly usedFallback: boolean;
}

/** Loads `file` (or the bundled database); never throws. */
export function loadDatabase(file?: string): LoadedDatabase {
  const problems: string[] = [];
  if (file !== undefined) {
    const own = readAndParse(file, file);
    if (own.db) return { db: own.db, problems: [], usedFallback: false };
    problems.push(...own.problems, `using the bundled feature database instead of ${file}`);
  }
  let bundledPath: string | undefined;
  try {
    bundledPath = bundledDatabasePath();
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  const bundled = bundledPath ? readAndParse(bundledPath, path.basename(bundledPath)) : { problems: [] };
  problems.push(...bundled.problems);
  const db = bundled.db
    ? relabel(bundled.db, 'bundled')
    : createDatabase({ rustc: '1.0.0', schema: SCHEMA_VERSION }, [], 'empty (no usable feature database)');
  return { db, problems, usedFallback: file !== undefined };
}

function readAndParse(file: string, label: string): ParsedDatabase {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problems: [`${label}: cannot read the feature database (${code ?? (e instanceof Error ? e.message : String(e))})`] };
  }
  return parseDatabase(text, label);
}

function relabel(db: FeatureDatabase, source: string): FeatureDatabase {
  return createDatabase(db.meta, db.names().map((n) => db.get(n)!), source);
}
