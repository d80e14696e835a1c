/** `path:line:col: severity: message [code]`, one line per finding, as in the CLI contract. */
import type { LocatedFinding } from './located';

export function formatTextLine(f: LocatedFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]`;
}

export function formatText(findings: readonly LocatedFinding[]): string {
  return findings.map((f) => `${formatTextLine(f)}\n`).join('');
}
