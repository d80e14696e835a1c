/** A finding placed in a file with rustc-style (1-based, code-point) positions, ready to print. */
import type { Code, Severity } from '../../core/codes';
import type { Finding } from '../../core/findings';
import type { LineIndex } from '../../core/positions';

export interface LocatedFinding {
  /** Path relative to the current directory, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
}

export function locate(file: string, lines: LineIndex, f: Finding): LocatedFinding {
  const start = lines.rustcPositionAt(f.span.start);
  const end = lines.rustcPositionAt(f.span.end);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, code: f.code, severity: f.severity, message: f.message };
}

/** A file that was not analysed, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}
