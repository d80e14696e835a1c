import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectRustFiles } from '../../../src/core/files';
import { ScanCancelledError, defaultWorkerCount, planBatches, scanFiles } from '../../../src/core/report/scan';
import type { FileScan } from '../../../src/core/report/scanFile';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'report-tree');
const BASE = { settings: DEFAULT_SETTINGS, trusted: true };

describe('report/scan', function () {
  // Worker threads compile the TypeScript sources on start; generous on a busy machine.
  this.timeout(60000);
  const files = collectRustFiles([FIXTURE], { exclude: DEFAULT_SETTINGS.report.exclude }).files;
  // The same files several times over, so the work is split into several batches.
  const many = Array.from({ length: 8 }, () => files).flat();

  it('gives identical results in worker threads and in this thread', async () => {
    const inThread = await scanFiles(many, { ...BASE, workers: 1 });
    const parallel = await scanFiles(many, { ...BASE, workers: 2, parallelThreshold: 0 });
    assert.equal(inThread.workers, 0);
    assert.equal(inThread.threads, 1);
    assert.equal(parallel.workers, 2);
    assert.equal(parallel.threads, 2);
    assert.equal(parallel.results.length, many.length);
    assert.deepEqual(parallel.results, inThread.results);
    assert.deepEqual(parallel.results.map((r) => r.file), many);
  });

  it('counts this thread as one of the threads when it helps', async () => {
    const inThread = await scanFiles(many, { ...BASE, workers: 1 });
    const helped = await scanFiles(many, { ...BASE, workers: 2, parallelThreshold: 0, helpInThisThread: true });
    assert.equal(helped.workers, 1);
    assert.equal(helped.threads, 2);
    assert.deepEqual(helped.results, inThread.results);
  });

  it('uses unsaved text instead of the file on disk, in workers too', async () => {
    const lib = path.join(FIXTURE, 'samples', 'rust', 'rust_minimal.rs');
    const unsaved = readFileSync(lib, 'utf8').replace('    // SAFETY: `i` was checked against `v.len()` by the caller.\n', '');
    const overrides = new Map([[lib, unsaved]]);
    for (const [workers, helpInThisThread] of [[1, false], [2, false], [2, true]] as const) {
      const out = await scanFiles(many, { ...BASE, workers, helpInThisThread, parallelThreshold: 0, overrides });
      const scans = out.results.filter((r): r is FileScan => r.kind === 'ok' && r.file === lib);
      assert.equal(scans.length, 8);
      for (const s of scans) {
        assert.deepEqual(s.unsafeSites, [{ kind: 'block', documented: false }]);
        assert.deepEqual(s.findings.map((f) => [f.code, f.line, f.column]), [['missing-safety-comment', 6, 5]]);
        assert.equal(s.lines, 7);
      }
    }
  });

  it('reports progress up to the file count', async () => {
    const seen: number[] = [];
    await scanFiles(many, { ...BASE, workers: 2, parallelThreshold: 0, onProgress: (done, total) => (assert.equal(total, many.length), seen.push(done)) });
    assert.equal(seen.at(-1), many.length);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
  });

  it('stops with ScanCancelledError when cancelled, in either mode', async () => {
    for (const [workers, helpInThisThread] of [[1, false], [2, false], [2, true]] as const) {
      let polls = 0;
      await assert.rejects(
        scanFiles(many, { ...BASE, workers, helpInThisThread, parallelThreshold: 0, isCancelled: () => ++polls > 1 }),
        (e) => e instanceof ScanCancelledError,
      );
    }
  });

  it('re-reads kernel facts in reused workers when the tree changed between scans', async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'rfl-scan-'));
    try {
      cpSync(FIXTURE, tree, { recursive: true });
      const copies = Array.from({ length: 8 }, () => collectRustFiles([tree], { exclude: DEFAULT_SETTINGS.report.exclude }).files).flat();
      const toolchains = async (): Promise<string[]> => {
        const out = await scanFiles(copies, { ...BASE, workers: 2, parallelThreshold: 0 });
        return [...new Set(out.results.map((r) => (r.kind === 'ok' ? r.toolchain : r.reason)))];
      };
      assert.deepEqual(await toolchains(), ['1.78.0']);
      const script = path.join(tree, 'scripts', 'min-tool-version.sh');
      writeFileSync(script, readFileSync(script, 'utf8').replace('echo 1.78.0', 'echo 1.85.0'));
      assert.deepEqual(await toolchains(), ['1.85.0']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('skips unreadable files with a reason instead of failing', async () => {
    const out = await scanFiles([path.join(FIXTURE, 'no-such.rs')], { ...BASE, workers: 1 });
    assert.equal(out.results[0]!.kind, 'skipped');
    assert.match((out.results[0] as { reason: string }).reason, /no such file/);
  });

  it('plans batches largest files first, each index once, a big file on its own', () => {
    const texts = new Map([
      ['/v/a.rs', 'x'.repeat(10)],
      ['/v/b.rs', 'x'.repeat(200 * 1024)],
      ['/v/c.rs', 'x'.repeat(30)],
      ['/v/d.rs', 'x'.repeat(20)],
    ]);
    assert.deepEqual(planBatches([...texts.keys()], texts), [[1], [2, 3, 0]]);
    const plan = planBatches(many);
    assert.deepEqual(plan.flat().sort((a, b) => a - b), many.map((_, i) => i));
    assert.ok(plan.every((b) => b.length >= 1 && b.length <= 16));
  });

  it('defaults to at most four workers', () => {
    assert.ok(defaultWorkerCount() >= 1 && defaultWorkerCount() <= 4);
  });
});
