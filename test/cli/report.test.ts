import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportModel } from '../../src/core/report/model';
import { runReport } from '../../src/cli/commands/report';
import { runCli } from './run';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = 'test/fixtures/report-tree';

interface CheckJson {
  findings: { file: string; line: number; column: number; code: string }[];
}

describe('rfl-lens report', () => {
  let tmp: string;
  before(() => (tmp = mkdtempSync(path.join(tmpdir(), 'rfl-report-'))));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints Markdown to stdout by default and exits 0 although there are findings', async () => {
    const r = await runCli(['report', FIXTURE], ROOT);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('## RFL Lens workspace report\n\n5 files, 93 lines (2.2 KiB) in `report-tree`.\n\n- Minimum toolchain: rustc 1.78.0, minimum rustc in scripts/min-tool-version.sh'));
    assert.ok(r.stdout.includes('### SAFETY findings ('));
  });

  it('counts exactly what `rfl-lens check --format json` finds on the same files', async () => {
    const report = JSON.parse((await runCli(['report', FIXTURE, '--format', 'json'], ROOT)).stdout) as ReportModel;
    const check = JSON.parse((await runCli(['check', FIXTURE, '--format', 'json'], ROOT)).stdout) as CheckJson;
    const byCode: Record<string, number> = {};
    for (const f of check.findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    assert.deepEqual(Object.fromEntries(Object.entries(report.summary.findingsByCode).filter(([, n]) => n > 0)), byCode);
    // Same positions too: check prints paths relative to the cwd, the report relative to its root.
    const fromCheck = check.findings
      .filter((f) => !['unknown-feature', 'removed-feature', 'incomplete-feature', 'internal-feature', 'stable-feature', 'duplicate-feature', 'feature-not-allowed'].includes(f.code))
      .map((f) => `${path.relative(FIXTURE, f.file)}:${f.line}:${f.column}:${f.code}`)
      .sort();
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.code}`).sort(), fromCheck);
  });

  it('gives the same JSON with worker threads as without', async function () {
    this.timeout(60000);
    // Twelve copies of the fixture: 60 files, enough for the scan to go parallel.
    const big = path.join(tmp, 'big');
    for (let i = 0; i < 12; i++) cpSync(path.join(ROOT, FIXTURE), path.join(big, `tree${String(i).padStart(2, '0')}`), { recursive: true });
    const strip = (s: string): unknown => ({ ...(JSON.parse(s) as ReportModel), generatedAt: '' });
    const one = await runCli(['report', big, '--format', 'json', '--jobs', '1'], ROOT);
    const two = await runCli(['report', big, '--format', 'json', '--jobs', '2'], ROOT);
    assert.equal((JSON.parse(one.stdout) as ReportModel).summary.files, 60);
    assert.deepEqual(strip(two.stdout), strip(one.stdout));
  });

  it('writes a self-contained HTML file with -o and nothing to stdout', async () => {
    const out = path.join(tmp, 'report.html');
    const r = await runCli(['report', FIXTURE, '--format', 'html', '-o', out], ROOT);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    const data = /<script type="application\/json" id="rfl-report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.equal((JSON.parse(data) as ReportModel).summary.files, 5);
  });

  it('honours --exclude', async () => {
    const r = await runCli(['report', FIXTURE, '--format', 'json', '--exclude', 'drivers/**'], ROOT);
    const m = JSON.parse(r.stdout) as ReportModel;
    assert.deepEqual(m.files.map((f) => f.path).filter((p) => p.startsWith('drivers/')), []);
    assert.equal(m.summary.files, 4);
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    let out = '';
    let err = '';
    const code = await runReport([FIXTURE, '--format', 'json'], { cwd: ROOT, env: {}, out: (t) => (out += t), err: (t) => (err += t), stderrIsTTY: true });
    assert.equal(code, 0);
    assert.equal(err, '\rrfl-lens report: 5/5 files\n');
    assert.equal((JSON.parse(out) as ReportModel).summary.files, 5);
    // Not a terminal: nothing at all on stderr (checked in the first test too).
    assert.equal((await runCli(['report', FIXTURE, '--format', 'json'], ROOT)).stderr, '');
  });

  it('exits 2 on a bad format, a missing path or a bad --jobs', async () => {
    const bad = await runCli(['report', FIXTURE, '--format', 'pdf'], ROOT);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be md, html or json/);
    const missing = await runCli(['report', 'no/such/dir'], ROOT);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
    assert.equal((await runCli(['report', '--jobs', '0'], ROOT)).code, 2);
  });
});
