import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '..', '..');

interface Keystrokes {
  lines: number;
  samples: number;
  debounceMs: number | 'default';
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  runs: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number }[];
}

interface BenchJson {
  corpus: { dir: string; generated: boolean; files: number; bytes: number; largest: { path: string; lines: number } };
  analysis: { files: number; bytes: number; runs: number; parseMs: number; fullMs: number; parseMBs: number; ratio: number; findings: number; unsafeSites: number; gates: number };
  keystroke: Keystrokes;
  keystrokeDefault: Keystrokes;
  report: { runs: number; rows: { workers: number; workersUsed: number; threads: number; files: number; ms: number; MBs: number }[] };
  memory: { files: number; idleRssMb: number; rssMb: number; peakRssMb: number };
  startup: { initializeMs: number; firstDiagnosticsMs: number };
  bundles: { file: string; kB: number }[];
  targets: { name: string; target: string; value: string; pass: boolean }[];
}

describe('scripts/bench.mjs', function () {
  this.timeout(180000);
  let tmp: string;
  let corpus: string;
  let result: BenchJson;
  let table: string;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'rfl-bench-test-'));
    corpus = path.join(tmp, 'corpus');
    execFileSync(process.execPath, ['scripts/gen-corpus.mjs', '--out', corpus, '--size', '0.15', '--largest-lines', '600', '--seed', '3'], { cwd: repo, stdio: 'ignore' });
    const json = path.join(tmp, 'bench.json');
    const { stdout } = await run(process.execPath, ['scripts/bench.mjs', corpus, '--runs', '1', '--edits', '10', '--workers', '2', '--json', json], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    table = stdout;
    result = JSON.parse(readFileSync(json, 'utf8')) as BenchJson;
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const rsFiles = (): string[] => readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.rs'));

  it('describes the corpus it measured', () => {
    assert.equal(result.corpus.dir, corpus);
    assert.equal(result.corpus.generated, false);
    assert.equal(result.corpus.files, rsFiles().length);
    assert.equal(result.corpus.largest.path, 'rust/kernel/device_core.rs');
    assert.equal(result.corpus.largest.lines, readFileSync(path.join(corpus, 'rust/kernel/device_core.rs'), 'utf8').split('\n').length - 1);
  });

  it('times parse only against full analysis over every file', () => {
    const a = result.analysis;
    assert.equal(a.files, result.corpus.files);
    assert.equal(a.bytes, result.corpus.bytes);
    assert.ok(a.parseMs > 0 && a.fullMs > 0);
    assert.equal(a.ratio, a.fullMs / a.parseMs);
    assert.ok(Math.abs(a.parseMBs - a.bytes / 1e6 / (a.parseMs / 1000)) < 1e-9);
    // The corpus is full of unsafe code, gates and deliberate SAFETY mistakes.
    assert.ok(a.unsafeSites > 50 && a.gates > 10 && a.findings > 10, JSON.stringify(a));
  });

  it('measures keystroke latency without and with the debounce, two changes per edit', () => {
    assert.deepEqual([result.keystroke.debounceMs, result.keystrokeDefault.debounceMs], [0, 'default']);
    for (const k of [result.keystroke, result.keystrokeDefault]) {
      assert.equal(k.samples, 20);
      assert.equal(k.lines, result.corpus.largest.lines);
      assert.ok(k.p50Ms > 0 && k.p50Ms <= k.p95Ms && k.p95Ms <= k.p99Ms && k.p99Ms <= k.maxMs);
      // --runs 1: one run, whose statistics are the medians.
      assert.deepEqual(k.runs, [{ p50Ms: k.p50Ms, p95Ms: k.p95Ms, p99Ms: k.p99Ms, maxMs: k.maxMs }]);
    }
  });

  it('measures the report in this thread alone and in two threads (this one and a worker)', () => {
    assert.deepEqual(result.report.rows.map((r) => [r.workers, r.threads, r.workersUsed, r.files]), [
      [1, 1, 0, result.corpus.files],
      [2, 2, 1, result.corpus.files],
    ]);
    assert.ok(result.report.rows.every((r) => r.ms > 0 && r.MBs > 0));
  });

  it('reads the server memory with every file open, and start-up and bundle sizes', () => {
    assert.equal(result.memory.files, result.corpus.files);
    assert.ok(result.memory.idleRssMb > 10 && result.memory.idleRssMb <= result.memory.peakRssMb);
    assert.ok(result.startup.initializeMs > 0 && result.startup.initializeMs < result.startup.firstDiagnosticsMs);
    assert.deepEqual(result.bundles.map((b) => b.file).filter((f) => /(extension|server|cli)\.js$/.test(f)), ['dist/cli.js', 'dist/extension.js', 'dist/server.js']);
  });

  it('judges the four targets and prints the same numbers as a table', () => {
    assert.deepEqual(result.targets.map((t) => t.target), ['<= 1.3x', '< 10 ms', '>= 5 MB/s', '< 150 MB']);
    assert.equal(result.targets[0]!.pass, result.analysis.ratio <= 1.3);
    assert.match(table, new RegExp(`ratio full/parse: ${result.analysis.ratio.toFixed(2)}x total`));
    assert.match(table, /^targets$/m);
    for (const t of result.targets) assert.ok(table.includes(t.value), `table shows ${t.value}`);
  });
});
