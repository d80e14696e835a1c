/** The CLI's JSON output (contract in shared/DESIGN.md, `version: 1`). */
import { ALL_CODES, type Code, type Severity } from '../../core/codes';
import type { LocatedFinding, SkippedFile } from './located';

export interface CheckSummary {
  readonly files: number;
  readonly skipped: number;
  readonly findings: number;
  readonly bySeverity: Record<Severity, number>;
  readonly byCode: Partial<Record<Code, number>>;
  /** The toolchain gates were judged at, when one was used for every file. */
  readonly toolchain?: string;
}

export function summarize(files: number, skipped: readonly SkippedFile[], findings: readonly LocatedFinding[], toolchain?: string): CheckSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byCode: Partial<Record<Code, number>> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  }
  const ordered: Partial<Record<Code, number>> = {};
  for (const c of ALL_CODES) if (byCode[c]) ordered[c] = byCode[c];
  return { files, skipped: skipped.length, findings: findings.length, bySeverity, byCode: ordered, ...(toolchain ? { toolchain } : {}) };
}

export function formatJson(findings: readonly LocatedFinding[], skipped: readonly SkippedFile[], summary: CheckSummary): string {
  const out = {
    version: 1,
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      code: f.code,
      severity: f.severity,
      message: f.message,
    })),
    skipped,
    summary,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
