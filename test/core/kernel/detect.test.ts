import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  builtObjects,
  clearDetectCache,
  findKernelTree,
  findModuleDir,
  isKernelTreeRoot,
  isRustModuleDir,
  moduleKernelTree,
} from '../../../src/core/kernel/detect';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const OLD = path.join(FIXTURES, 'kernel-tree', 'linux');
const MODULE = path.join(FIXTURES, 'kernel-tree', 'module');

describe('kernel/detect', () => {
  beforeEach(() => clearDetectCache());

  it('finds the tree root from a file, a folder and the root itself', () => {
    assert.equal(findKernelTree(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs')), OLD);
    assert.equal(findKernelTree(path.join(OLD, 'rust', 'kernel')), OLD);
    assert.equal(findKernelTree(OLD), OLD);
    assert.equal(isKernelTreeRoot(OLD), true);
  });

  it('finds nothing for a file outside any tree (the out-of-tree module)', () => {
    assert.equal(findKernelTree(path.join(MODULE, 'rust_oot.rs')), undefined);
  });

  it('caches per directory and forgets on request', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-detect-'));
    try {
      const file = path.join(dir, 'drivers', 'x.rs');
      mkdirSync(path.dirname(file), { recursive: true });
      assert.equal(findKernelTree(file), undefined);
      mkdirSync(path.join(dir, 'scripts'));
      mkdirSync(path.join(dir, 'rust', 'kernel'), { recursive: true });
      writeFileSync(path.join(dir, 'scripts', 'Makefile.build'), '');
      // Still the cached answer until the cache is told.
      assert.equal(findKernelTree(file), undefined);
      clearDetectCache(path.join(dir, 'scripts', 'Makefile.build'));
      assert.equal(findKernelTree(file), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the objects a Kbuild builds', () => {
    assert.deepEqual(builtObjects('obj-m := a.o\nobj-$(CONFIG_X)\t+= b.o c.o # d.o\nobj-y += \\\n\te.o\nfoo-y := f.o\nccflags-y := -O2\n'), [
      'a',
      'b',
      'c',
      'e',
      'f',
    ]);
  });

  it('recognises the module dir only when a built object has a .rs beside it', () => {
    assert.equal(isRustModuleDir(MODULE), true);
    assert.equal(findModuleDir(path.join(MODULE, 'rust_oot.rs')), MODULE);
    assert.equal(isRustModuleDir(path.join(OLD, 'rust', 'kernel')), false);
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-mod-'));
    try {
      writeFileSync(path.join(dir, 'Kbuild'), 'obj-m := c_only.o\n');
      writeFileSync(path.join(dir, 'c_only.c'), '');
      writeFileSync(path.join(dir, 'helper.rs'), '');
      assert.equal(isRustModuleDir(dir), false);
      assert.equal(findModuleDir(path.join(dir, 'helper.rs')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows a literal KDIR in the module Makefile, not one built with $(shell ...)', () => {
    assert.equal(moduleKernelTree(MODULE), OLD);
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-kdir-'));
    try {
      writeFileSync(path.join(dir, 'Makefile'), 'KDIR ?= /lib/modules/$(shell uname -r)/build\n');
      assert.equal(moduleKernelTree(dir), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
