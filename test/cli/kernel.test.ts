import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const OLD = path.join(ROOT, 'test', 'fixtures', 'kernel-tree', 'linux');
const NEW = path.join(ROOT, 'test', 'fixtures', 'kernel-tree-new', 'linux');
const MODULE = path.join(ROOT, 'test', 'fixtures', 'kernel-tree', 'module');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
}

/** The kernel-relevant findings of `check --format json`, as `line:column severity code`. */
function check(cwd: string, args: string[]): { code: number; findings: JsonFinding[]; verdicts: string[] } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  assert.ok(r.stdout, `no output (exit ${r.status}): ${r.stderr}`);
  const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
  const verdicts = findings
    .filter((f) => ['duplicate-feature', 'feature-not-allowed', 'stable-feature'].includes(f.code))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`);
  return { code: r.status ?? -1, findings, verdicts };
}

describe('rfl-lens check in kernel trees', function () {
  before(function () {
    if (!existsSync(CLI)) {
      const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
  });

  it('old tree (min rustc 1.78.0): a driver gets allow-list errors and E0636 duplicates', () => {
    const r = check(OLD, ['drivers/misc/rust_demo.rs']);
    assert.deepEqual(r.verdicts, [
      'drivers/misc/rust_demo.rs:5:12 error duplicate-feature',
      'drivers/misc/rust_demo.rs:5:12 information stable-feature',
      'drivers/misc/rust_demo.rs:6:12 error feature-not-allowed',
      'drivers/misc/rust_demo.rs:6:12 information stable-feature',
      'drivers/misc/rust_demo.rs:7:12 error feature-not-allowed',
      'drivers/misc/rust_demo.rs:7:27 error feature-not-allowed',
      // CONFIG_RUST_DEMO_EXTRA is set for this crate in rust-project.json; CONFIG_RUST_DEMO_OFF is not.
      'drivers/misc/rust_demo.rs:8:45 error duplicate-feature',
    ]);
    assert.equal(r.code, 1);
    const alloc = r.findings.find((f) => f.line === 7 && f.column === 12 && f.code === 'feature-not-allowed');
    assert.equal(alloc?.endColumn, 25);
    assert.equal(
      alloc?.message,
      "feature `allocator_api` is not on this kernel tree's allow-list for code outside rust/: the build fails (E0725): `-Zallow-features` only permits `asm_const`, `asm_goto`, `arbitrary_self_types`, `lint_reasons`, `raw_ref_op`, `used_with_arg` (scripts/Makefile.build:19)",
    );
  });

  it('new tree (min rustc 1.85.0): the same driver, different verdicts', () => {
    const r = check(NEW, ['drivers/misc/rust_demo.rs']);
    assert.deepEqual(r.verdicts, [
      'drivers/misc/rust_demo.rs:5:12 error duplicate-feature',
      'drivers/misc/rust_demo.rs:5:12 information stable-feature',
      // inline_const is stable since 1.79.0: the gate is merely removable, not a build failure.
      'drivers/misc/rust_demo.rs:6:12 hint stable-feature',
      'drivers/misc/rust_demo.rs:7:12 error feature-not-allowed',
      'drivers/misc/rust_demo.rs:7:27 error feature-not-allowed',
    ]);
  });

  it('the kernel crate may use any feature; stable-feature follows the tree minimum', () => {
    const old = check(OLD, ['rust/kernel/lib.rs']);
    assert.deepEqual(old.verdicts, ['rust/kernel/lib.rs:7:12 information stable-feature']);
    assert.ok(!old.findings.some((f) => f.code === 'feature-not-allowed'));
    const fresh = check(NEW, ['rust/kernel/lib.rs']);
    assert.deepEqual(fresh.verdicts, ['rust/kernel/lib.rs:7:12 hint stable-feature']);
  });

  it('a sample with an unknown cfg is reported as conditional', () => {
    const r = check(OLD, ['samples/rust/rust_minimal.rs']);
    assert.deepEqual(r.verdicts, ['samples/rust/rust_minimal.rs:5:55 error feature-not-allowed']);
    assert.match(r.findings.find((f) => f.code === 'feature-not-allowed')!.message, /\(when `CONFIG_SAMPLE_RUST_MINIMAL_NEVER` holds\)$/);
  });

  it('an out-of-tree module: the tree its Makefile names, or --kernel-tree', () => {
    const byKdir = check(MODULE, ['rust_oot.rs']);
    assert.deepEqual(byKdir.verdicts, [
      'rust_oot.rs:5:12 error feature-not-allowed',
      'rust_oot.rs:5:12 information stable-feature',
      'rust_oot.rs:6:12 error duplicate-feature',
      // MODULE is in this crate's cfg, so the cfg_attr gate is active.
      'rust_oot.rs:7:29 error feature-not-allowed',
    ]);
    const byOption = check(MODULE, ['rust_oot.rs', '--kernel-tree', NEW]);
    assert.deepEqual(byOption.verdicts, [
      'rust_oot.rs:5:12 hint stable-feature',
      'rust_oot.rs:6:12 error duplicate-feature',
      'rust_oot.rs:7:29 error feature-not-allowed',
    ]);
  });

  it('--min-rustc overrides the tree minimum', () => {
    const r = check(OLD, ['rust/kernel/lib.rs', '--min-rustc', '1.85.0']);
    assert.deepEqual(r.verdicts, ['rust/kernel/lib.rs:7:12 hint stable-feature']);
  });
});
