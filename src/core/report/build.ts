/**
 * Builds the report model from per-file scans. Pure: the same scans give the same model, whether
 * they came from worker threads or from this thread, from disk or from unsaved editor text.
 */
import path from 'node:path';
import { ALL_CODES, codeInfo, type Code, type Severity } from '../codes';
import type { FeatureDatabase } from '../features/types';
import type { UnsafeKind } from '../safety/types';
import {
  REPORT_MODEL_VERSION,
  type DirectoryCoverage,
  type GateAdvice,
  type ReportFile,
  type ReportFinding,
  type ReportGate,
  type ReportModel,
  type SkippedFile,
  type ToolchainRange,
  type UnsafeCoverage,
} from './model';
import type { FileScan, ScanResult } from './scanFile';

export interface BuildInput {
  /** Absolute roots the files were collected from (a file's root is the longest containing one). */
  readonly roots: readonly string[];
  readonly results: readonly ScanResult[];
  readonly db: FeatureDatabase;
  readonly problems?: readonly string[];
  /** rfl-lens version. */
  readonly tool: string;
  /** Fixed time for reproducible output; default now. */
  readonly generatedAt?: string;
}

const PLACEHOLDER: Code = 'safety-comment-placeholder';

export function buildReport(input: BuildInput): ReportModel {
  const roots = input.roots.map((r) => path.resolve(r));
  const ok = input.results.filter((r): r is FileScan => r.kind === 'ok');
  const located = ok.map((scan) => ({ scan, ...locate(scan.file, roots) }));
  located.sort((a, b) => compareStrings(a.display, b.display));

  const findingsByCode = Object.fromEntries(ALL_CODES.map((c) => [c, 0])) as Record<Code, number>;
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const findings: ReportFinding[] = [];
  const files: ReportFile[] = [];
  const dirs = new Map<string, { files: number; findings: number; sites: SiteCounter }>();
  const total = new SiteCounter();
  let lines = 0;
  let bytes = 0;

  for (const { scan, display, root } of located) {
    const directory = dirnamePosix(display);
    const dir = dirs.get(directory) ?? { files: 0, findings: 0, sites: new SiteCounter() };
    dirs.set(directory, dir);
    dir.files++;
    lines += scan.lines;
    bytes += scan.bytes;
    for (const s of scan.unsafeSites) {
      total.add(s.kind, s.documented);
      dir.sites.add(s.kind, s.documented);
    }
    for (const f of scan.findings) {
      findingsByCode[f.code]++;
      findingsBySeverity[f.severity]++;
      if (codeInfo(f.code).family !== 'safety') continue;
      dir.findings++;
      findings.push({ file: display, directory, code: f.code, severity: f.severity, message: f.message, line: f.line, column: f.column, lspLine: f.lspLine, lspCharacter: f.lspCharacter });
    }
    files.push({
      path: display,
      root,
      lines: scan.lines,
      bytes: scan.bytes,
      unsafeSites: scan.unsafeSites.length,
      documented: scan.unsafeSites.filter((s) => s.documented).length,
      findings: scan.findings.length,
    });
  }

  findings.sort((a, b) => compareStrings(a.directory, b.directory) || compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.code, b.code));

  const directories: DirectoryCoverage[] = [...dirs.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([directory, d]) => ({ directory, files: d.files, findings: d.findings, ...d.sites.coverage() }));

  const toolchain = toolchainRange(ok, input.db);
  const skipped: SkippedFile[] = input.results
    .filter((r) => r.kind === 'skipped')
    .map((r) => ({ path: locate(r.file, roots).display, reason: r.reason }))
    .sort((a, b) => compareStrings(a.path, b.path));

  return {
    version: REPORT_MODEL_VERSION,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    tool: input.tool,
    roots,
    summary: {
      files: ok.length,
      lines,
      bytes,
      toolchain,
      findingsByCode,
      findingsBySeverity,
      unsafe: total.coverage(),
      placeholders: findingsByCode[PLACEHOLDER],
    },
    gates: buildGates(located, input.db, toolchain.minimum),
    findings,
    directories,
    files,
    skipped,
    problems: [...new Set(input.problems ?? [])],
  };
}

/** Counts unsafe sites and documented ones, overall and per kind. */
class SiteCounter {
  private sites = 0;
  private documented = 0;
  private readonly byKind: Partial<Record<UnsafeKind, { sites: number; documented: number }>> = {};

  add(kind: UnsafeKind, documented: boolean): void {
    const k = (this.byKind[kind] ??= { sites: 0, documented: 0 });
    k.sites++;
    this.sites++;
    if (documented) {
      k.documented++;
      this.documented++;
    }
  }

  coverage(): UnsafeCoverage {
    return { sites: this.sites, documented: this.documented, percent: percent(this.documented, this.sites), byKind: { ...this.byKind } };
  }
}

/** documented/sites in percent with one decimal; 100 when there is nothing to document. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}

function buildGates(located: readonly { scan: FileScan; display: string }[], db: FeatureDatabase, minimum: string): ReportGate[] {
  const byName = new Map<string, { uses: ReportGate['uses'][number][]; allow?: boolean }>();
  for (const { scan, display } of located) {
    for (const g of scan.gates) {
      const entry = byName.get(g.name) ?? { uses: [] };
      byName.set(g.name, entry);
      entry.uses.push({ file: display, line: g.line, column: g.column, lspLine: g.lspLine, lspCharacter: g.lspCharacter });
      // A gate counts as allow-listed when any kernel tree it is used in lists it.
      if (scan.allowList) entry.allow = entry.allow === true || scan.allowList.includes(g.name);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, { uses, allow }]) => {
      const atMin = db.resolve(name, minimum);
      const atDb = db.resolve(name);
      const record = atDb.record ?? atMin.record;
      return {
        name,
        ...(record ? { kind: record.kind } : {}),
        statusAtMinimum: atMin.status,
        statusAtDatabase: atDb.status,
        ...(record?.since ? { since: record.since } : {}),
        ...(record?.trackingIssue !== undefined ? { trackingIssue: record.trackingIssue } : {}),
        ...(allow !== undefined ? { allowListed: allow } : {}),
        advice: gateAdvice(atMin.status, atDb.status),
        count: uses.length,
        uses,
      };
    });
}

export function gateAdvice(atMinimum: ReportGate['statusAtMinimum'], atDatabase: ReportGate['statusAtDatabase']): GateAdvice {
  if (atMinimum === 'removed' || atMinimum === 'unknown' || atDatabase === 'unknown') return 'broken';
  if (atMinimum === 'stable') return 'drop-now';
  if (atDatabase === 'stable') return 'drop-at-bump';
  if (atDatabase === 'removed') return 'broken';
  return 'needed';
}

function toolchainRange(scans: readonly FileScan[], db: FeatureDatabase): ToolchainRange {
  let minimum = db.meta.rustc;
  let minimumOrigin = `toolchain of the feature database (rustc ${db.meta.rustc})`;
  let first = true;
  for (const s of scans) {
    if (first || compareVersions(s.toolchain, minimum) < 0) {
      minimum = s.toolchain;
      minimumOrigin = s.toolchainOrigin;
      first = false;
    }
  }
  return { minimum, minimumOrigin, database: db.meta.rustc, databaseSource: db.source };
}

/** Numeric compare of X.Y.Z versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The file's display path (POSIX, relative to its root; root name first when several) and root index. */
function locate(file: string, roots: readonly string[]): { display: string; root: number } {
  const abs = path.resolve(file);
  let best = -1;
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i]!;
    const inside = abs === r || abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
    if (inside && (best < 0 || r.length > roots[best]!.length)) best = i;
  }
  if (best < 0) return { display: abs.split(path.sep).join('/'), root: -1 };
  let rel = path.relative(roots[best]!, abs).split(path.sep).join('/');
  if (rel === '') rel = path.basename(abs);
  return { display: roots.length > 1 ? `${path.basename(roots[best]!)}/${rel}` : rel, root: best };
}

function dirnamePosix(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

/** Code-unit order, independent of the locale, so reports are byte-identical everywhere. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
