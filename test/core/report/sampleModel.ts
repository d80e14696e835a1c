/** A small hand-written report model, so renderer tests can assert exact output. */
import { ALL_CODES, type Code } from '../../../src/core/codes';
import type { ReportModel } from '../../../src/core/report/model';

function byCode(counts: Partial<Record<Code, number>>): Record<Code, number> {
  return Object.fromEntries(ALL_CODES.map((c) => [c, counts[c] ?? 0])) as Record<Code, number>;
}

export function sampleModel(): ReportModel {
  return {
    version: 1,
    generatedAt: '2026-01-02T03:04:05.000Z',
    tool: '0.1.0',
    roots: ['/src/linux'],
    summary: {
      files: 3,
      lines: 120,
      bytes: 4096,
      toolchain: { minimum: '1.78.0', minimumOrigin: 'minimum rustc of this kernel tree', database: '1.95.0', databaseSource: 'bundled' },
      findingsByCode: byCode({ 'missing-safety-comment': 2, 'safety-comment-placeholder': 1, 'feature-not-allowed': 1 }),
      findingsBySeverity: { error: 1, warning: 2, information: 1, hint: 0 },
      unsafe: { sites: 4, documented: 2, percent: 50, byKind: { block: { sites: 3, documented: 2 }, impl: { sites: 1, documented: 0 } } },
      placeholders: 1,
    },
    gates: [
      {
        name: 'box_patterns',
        kind: 'lang',
        statusAtMinimum: 'unstable',
        statusAtDatabase: 'unstable',
        trackingIssue: 29641,
        allowListed: false,
        advice: 'needed',
        count: 1,
        uses: [{ file: 'drivers/net/phy.rs', line: 5, column: 12, lspLine: 4, lspCharacter: 11 }],
      },
      {
        name: 'c_str_literals',
        kind: 'lang',
        statusAtMinimum: 'stable',
        statusAtDatabase: 'stable',
        since: '1.77.0',
        allowListed: false,
        advice: 'drop-now',
        count: 1,
        uses: [{ file: 'rust/kernel/lib.rs', line: 3, column: 12, lspLine: 2, lspCharacter: 11 }],
      },
      {
        name: 'inline_const',
        kind: 'lang',
        statusAtMinimum: 'unstable',
        statusAtDatabase: 'stable',
        since: '1.79.0',
        allowListed: true,
        advice: 'drop-at-bump',
        count: 4,
        uses: [1, 2, 3, 4].map((n) => ({ file: `rust/kernel/m${n}.rs`, line: n, column: 12, lspLine: n - 1, lspCharacter: 11 })),
      },
    ],
    findings: [
      { file: 'drivers/net/phy.rs', directory: 'drivers/net', code: 'missing-safety-comment', severity: 'warning', message: 'unsafe block missing a safety comment', line: 9, column: 5, lspLine: 8, lspCharacter: 4 },
      { file: 'rust/kernel/lib.rs', directory: 'rust/kernel', code: 'missing-safety-comment', severity: 'warning', message: 'unsafe impl missing a safety comment | <T>', line: 20, column: 1, lspLine: 19, lspCharacter: 0 },
      { file: 'rust/kernel/lib.rs', directory: 'rust/kernel', code: 'safety-comment-placeholder', severity: 'information', message: '`SAFETY: TODO` placeholder</script><script>alert(1)</script>', line: 30, column: 5, lspLine: 29, lspCharacter: 4 },
    ],
    directories: [
      { directory: 'drivers/net', files: 1, findings: 1, sites: 2, documented: 1, percent: 50, byKind: { block: { sites: 2, documented: 1 } } },
      { directory: 'rust/kernel', files: 1, findings: 2, sites: 2, documented: 1, percent: 50, byKind: { block: { sites: 1, documented: 1 }, impl: { sites: 1, documented: 0 } } },
      { directory: 'samples', files: 1, findings: 0, sites: 0, documented: 0, percent: 100, byKind: {} },
    ],
    files: [
      { path: 'drivers/net/phy.rs', root: 0, lines: 40, bytes: 1000, unsafeSites: 2, documented: 1, findings: 2 },
      { path: 'rust/kernel/lib.rs', root: 0, lines: 60, bytes: 2596, unsafeSites: 2, documented: 1, findings: 2 },
      { path: 'samples/a.rs', root: 0, lines: 20, bytes: 500, unsafeSites: 0, documented: 0, findings: 0 },
    ],
    skipped: [{ path: 'rust/blob.rs', reason: 'binary file (contains NUL bytes)' }],
    problems: [],
  };
}
