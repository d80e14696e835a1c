/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rule table from codes.ts, results with
 * 1-based lines and columns. Columns are declared as Unicode code points (`columnKind`), which is
 * what the CLI counts everywhere.
 */
import { ALL_CODES, CODES, type Severity } from '../../core/codes';
import type { LocatedFinding, SkippedFile } from './located';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly LocatedFinding[], skipped: readonly SkippedFile[], version: string): string {
  const ruleIndex = new Map(ALL_CODES.map((c, i) => [c, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rfl-lens',
            informationUri: 'https://github.com/rfl-lens/rfl-lens',
            version,
            rules: ALL_CODES.map((code) => {
              const info = CODES[code];
              return {
                id: code,
                name: code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
                shortDescription: { text: info.summary.replace(/`/g, '') },
                fullDescription: { text: 'mirrors' in info ? `${info.summary.replace(/`/g, '')} (mirrors ${info.mirrors})` : info.summary.replace(/`/g, '') },
                ...('docs' in info ? { helpUri: info.docs } : {}),
                defaultConfiguration: { level: LEVEL[info.severity] },
                properties: { tags: [info.family === 'safety' ? 'safety' : 'feature-gate'] },
              };
            }),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: skipped.map((s) => ({
              level: 'warning',
              message: { text: `skipped: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(s.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
