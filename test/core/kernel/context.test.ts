import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  invalidateKernelCache,
  kernelContextFor,
  minimumToolchain,
  minimumToolchainOrigin,
} from '../../../src/core/kernel/context';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const OLD = path.join(FIXTURES, 'kernel-tree', 'linux');
const NEW = path.join(FIXTURES, 'kernel-tree-new', 'linux');
const MODULE = path.join(FIXTURES, 'kernel-tree', 'module');

describe('kernel/context', () => {
  beforeEach(() => invalidateKernelCache());

  it('gives a driver its class, the tree facts and its crate cfg', () => {
    const ctx = kernelContextFor(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'));
    assert.ok(ctx);
    assert.equal(ctx.fileClass, 'driver');
    assert.equal(ctx.facts.root, OLD);
    assert.equal(ctx.facts.minRustc, '1.78.0');
    assert.deepEqual([...(ctx.cfg ?? [])], ['CONFIG_RUST', 'CONFIG_RUST_DEMO', 'CONFIG_RUST_DEMO_EXTRA']);
  });

  it('classifies the kernel crate, a sample without a crate (cfg unknown) and a host script', () => {
    const lib = kernelContextFor(path.join(NEW, 'rust', 'kernel', 'prelude.rs'));
    assert.equal(lib?.fileClass, 'kernel-crate');
    assert.ok(lib?.cfg?.has('CONFIG_RUSTC_HAS_COERCE_POINTEE'));
    const sample = kernelContextFor(path.join(OLD, 'samples', 'rust', 'rust_minimal.rs'));
    assert.equal(sample?.fileClass, 'sample');
    assert.equal(sample?.cfg, undefined);
    assert.equal(kernelContextFor(path.join(OLD, 'scripts', 'generate_demo.rs'))?.fileClass, 'other');
  });

  it('the same module builds against the tree its Makefile names, or the configured one', () => {
    const file = path.join(MODULE, 'rust_oot.rs');
    const byKdir = kernelContextFor(file);
    assert.equal(byKdir?.fileClass, 'out-of-tree-module');
    assert.equal(byKdir?.facts.root, OLD);
    assert.deepEqual([...(byKdir?.cfg ?? [])], ['CONFIG_RUST', 'MODULE']);
    const configured = kernelContextFor(file, { kernelTree: NEW });
    assert.equal(configured?.facts.root, NEW);
    assert.equal(configured && minimumToolchain(configured.facts), '1.85.0');
  });

  it('is undefined outside any tree, and names a configured folder that is not a tree', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-ctx-'));
    try {
      const file = path.join(dir, 'lib.rs');
      assert.equal(kernelContextFor(file), undefined);
      const ctx = kernelContextFor(file, { kernelTree: dir });
      assert.equal(ctx?.fileClass, 'other');
      assert.equal(ctx?.facts.problems[0], `kernel tree ${dir}: not a kernel tree (expected scripts/Makefile.build beside rust/kernel/)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('minimum toolchain: min-tool-version.sh, else msrv, with its origin', () => {
    const base = { root: '/x', problems: [] };
    assert.equal(minimumToolchain({ ...base, minRustc: '1.78.0', msrv: '1.80.0' }), '1.78.0');
    assert.equal(minimumToolchain({ ...base, msrv: '1.80.0' }), '1.80.0');
    assert.equal(minimumToolchain(base), undefined);
    assert.equal(minimumToolchainOrigin({ ...base, minRustc: '1.78.0' }), 'minimum rustc in scripts/min-tool-version.sh');
    assert.equal(minimumToolchainOrigin({ ...base, msrv: '1.80.0' }), 'msrv in .clippy.toml');
  });

  it('caches until a fact file of the tree changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-ctx-'));
    try {
      cpSync(OLD, dir, { recursive: true });
      const file = path.join(dir, 'drivers', 'misc', 'rust_demo.rs');
      const first = kernelContextFor(file);
      assert.equal(first?.facts.minRustc, '1.78.0');
      const script = path.join(dir, 'scripts', 'min-tool-version.sh');
      writeFileSync(script, 'rustc)\n\techo 1.85.0\n\t;;\n');
      assert.equal(kernelContextFor(file), first);
      invalidateKernelCache(path.join(dir, 'drivers', 'misc', 'other.rs'));
      assert.equal(kernelContextFor(file), first);
      invalidateKernelCache(script);
      assert.equal(kernelContextFor(file)?.facts.minRustc, '1.85.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
