import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readKernelFacts } from '../../../src/core/kernel/facts';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const OLD = path.join(FIXTURES, 'kernel-tree', 'linux');
const NEW = path.join(FIXTURES, 'kernel-tree-new', 'linux');

describe('kernel/facts', () => {
  it('reads the old miniature tree: allow-list over a continuation, groups, 1.78.0', () => {
    const facts = readKernelFacts(OLD);
    assert.equal(facts.root, OLD);
    assert.equal(facts.minRustc, '1.78.0');
    assert.equal(facts.msrv, '1.78.0');
    assert.equal(facts.allowListSource, 'scripts/Makefile.build:19');
    assert.equal(facts.allowListEnabledByKbuild, true);
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(facts.allowList, [
      { name: 'asm_const', group: 'Stable since Rust 1.82.0' },
      { name: 'asm_goto', group: 'Stable since Rust 1.87.0' },
      { name: 'arbitrary_self_types', group: 'Expected to become stable' },
      { name: 'lint_reasons', group: 'Stable since Rust 1.81.0' },
      { name: 'raw_ref_op', group: 'Stable since Rust 1.82.0' },
      { name: 'used_with_arg', group: 'To be determined' },
    ]);
  });

  it('reads the new miniature tree: 1.85.0 and offset_of_nested', () => {
    const facts = readKernelFacts(NEW);
    assert.equal(facts.minRustc, '1.85.0');
    assert.equal(facts.msrv, '1.85.0');
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(
      facts.allowList?.map((f) => f.name),
      ['asm_const', 'asm_goto', 'arbitrary_self_types', 'lint_reasons', 'offset_of_nested', 'raw_ref_op', 'used_with_arg'],
    );
    assert.deepEqual(facts.allowList?.find((f) => f.name === 'offset_of_nested'), { name: 'offset_of_nested', group: 'Stable since Rust 1.82.0' });
  });

  describe('broken trees', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'rfl-facts-'));
      mkdirSync(path.join(dir, 'scripts'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('collects one message per missing or malformed file and never throws', () => {
      writeFileSync(path.join(dir, '.clippy.toml'), 'msrv = "1.78.0"\ncheck-private-items = \n');
      writeFileSync(path.join(dir, 'scripts', 'min-tool-version.sh'), 'case "$1" in\ngcc)\n\techo 5.1.0\n\t;;\nesac\n');
      const facts = readKernelFacts(dir);
      assert.equal(facts.allowList, undefined);
      assert.equal(facts.minRustc, undefined);
      assert.equal(facts.msrv, undefined);
      assert.equal(facts.problems.length, 4);
      assert.equal(facts.problems[0], 'scripts/Makefile.build: not found');
      assert.equal(facts.problems[1], 'no rust_allowed_features found in scripts/Makefile.build, scripts/Makefile.rust, rust/Makefile, Makefile');
      assert.equal(facts.problems[2], 'scripts/min-tool-version.sh: no `rustc)` case found');
      assert.match(facts.problems[3]!, /^\.clippy\.toml:2: not valid TOML/);
    });

    it('finds the list in scripts/Makefile.rust and reports a bad msrv with its line', () => {
      writeFileSync(path.join(dir, 'scripts', 'Makefile.build'), 'include $(srctree)/scripts/Makefile.rust\n');
      writeFileSync(path.join(dir, 'scripts', 'Makefile.rust'), '\n\nrust_allowed_features := new_uninit\n');
      writeFileSync(path.join(dir, 'scripts', 'min-tool-version.sh'), 'rustc)\n\techo 1.78.0\n\t;;\n');
      writeFileSync(path.join(dir, '.clippy.toml'), '# kernel\nmsrv = 178\n');
      const facts = readKernelFacts(dir);
      assert.deepEqual(facts.allowList, [{ name: 'new_uninit' }]);
      assert.equal(facts.allowListSource, 'scripts/Makefile.rust:3');
      assert.equal(facts.allowListEnabledByKbuild, false);
      assert.equal(facts.minRustc, '1.78.0');
      assert.deepEqual(facts.problems, ['.clippy.toml:2: msrv 178 is not a version like "1.78.0"']);
    });

    it('reports an unreadable Makefile.build (a directory) instead of throwing', () => {
      mkdirSync(path.join(dir, 'scripts', 'Makefile.build'));
      const facts = readKernelFacts(dir);
      assert.equal(facts.problems[0], 'scripts/Makefile.build: cannot read (EISDIR)');
    });
  });
});
