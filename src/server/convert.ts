/** Conversions from core findings (UTF-16 spans) to LSP shapes, shared by the features. */
import type { Range } from 'vscode-languageserver/node';
import type { Code, Severity } from '../core/codes';
import type { LineIndex, Span } from '../core/positions';

/** The key code actions look fixes up by: the code and the exact LSP range of its diagnostic. */
export function fixKey(code: Code | string, range: Range): string {
  return `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function toRange(lines: LineIndex, span: Span): Range {
  const r = lines.rangeOf(span);
  return { start: { ...r.start }, end: { ...r.end } };
}

/** LSP DiagnosticSeverity numbers. */
export const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };
