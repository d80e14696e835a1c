import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '..', '..');

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** Runs a command, resolving with its exit code and output even when the code is not 0. */
async function exec(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('npm package (npm pack + global install)', function () {
  this.timeout(180000);
  let tmp: string;
  let packed: PackResult;
  let bin: string;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'rfl-npm-test-'));
    await run(process.execPath, ['esbuild.mjs'], { cwd: repo });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: repo });
    packed = (JSON.parse(stdout) as PackResult[])[0]!;
    // Offline and without install scripts: the bundles need none of the listed dependencies.
    const prefix = path.join(tmp, 'prefix');
    await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], { cwd: tmp });
    bin = path.join(prefix, 'bin', 'rfl-lens');
    // The bundles must be self-contained: drop whatever dependencies npm installed beside them, so
    // the wasm and the database can only come from dist/.
    rmSync(path.join(prefix, 'lib', 'node_modules', 'rfl-lens', 'node_modules'), { recursive: true, force: true });
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs exactly the CLI, server and report-worker bundles, what they load, and the docs', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/features.toml',
      'dist/kernel-notes.toml',
      'dist/reportWorker.js',
      'dist/server.js',
      'dist/tree-sitter-rust.wasm',
      'dist/tree-sitter.wasm',
      'package.json',
    ]);
  });

  it('installs an rfl-lens command that reads the bundled database', async () => {
    const r = await exec(bin, ['feature', 'asm_goto', '--json'], tmp);
    assert.equal(r.code, 0, r.stderr);
    // The database's own contents are tested elsewhere; here it only matters that the installed
    // CLI found dist/features.toml and resolved a record from it.
    const [rec] = JSON.parse(r.stdout) as { name: string; kind: string; status: string; since: string }[];
    assert.deepEqual({ name: rec!.name, kind: rec!.kind, status: rec!.status, since: rec!.since }, { name: 'asm_goto', kind: 'lang', status: 'stable', since: '1.87.0' });
  });

  it('finds the parser wasm after install: check reports an undocumented unsafe block', async () => {
    writeFileSync(path.join(tmp, 'lib.rs'), 'pub fn first(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n');
    const r = await exec(bin, ['check', 'lib.rs', '--format', 'json'], tmp);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; endLine: number; endColumn: number; code: string }[] };
    assert.deepEqual(
      out.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, code: f.code })),
      [{ file: 'lib.rs', line: 2, column: 5, endLine: 2, endColumn: 18, code: 'missing-safety-comment' }],
    );
  });
});
