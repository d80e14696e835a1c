import assert from 'node:assert/strict';
import path from 'node:path';
import { createDatabase } from '../../../src/core/features/database';
import type { FeatureDatabase, FeatureRecord, Gate } from '../../../src/core/features/types';
import { checkAllowList } from '../../../src/core/kernel/allowList';
import { invalidateKernelCache, kernelContextFor } from '../../../src/core/kernel/context';
import type { KernelFileContext } from '../../../src/core/kernel/types';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const OLD = path.join(FIXTURES, 'kernel-tree', 'linux');
const NEW = path.join(FIXTURES, 'kernel-tree-new', 'linux');

/** Enough of a feature database for the allow-list rules, with the statuses rustc 1.95 reports. */
function testDb(): FeatureDatabase {
  const rec = (name: string, status: FeatureRecord['status'], since?: string): FeatureRecord => ({
    name,
    kind: 'lang',
    status,
    ...(since && { since }),
    links: {},
  });
  return createDatabase(
    { rustc: '1.95.0', schema: 1 },
    [
      rec('asm_goto', 'stable', '1.87.0'),
      rec('inline_const', 'stable', '1.79.0'),
      rec('allocator_api', 'unstable'),
      rec('never_type', 'unstable'),
      rec('used_with_arg', 'unstable'),
      rec('box_patterns', 'unstable'),
      rec('no_debug', 'removed', '1.43.0'),
    ],
    'test',
  );
}

/** Gates for every `feature(...)` name in `text`, with the `cfg_attr` predicate around it. */
function gatesOf(text: string): Gate[] {
  const gates: Gate[] = [];
  for (const attr of text.matchAll(/#!\[(?:cfg_attr\((.*), )?feature\(([^)]*)\)\)?\]/g)) {
    const listStart = attr.index + attr[0].indexOf('feature(');
    const names = attr[2]!.split(',').map((s) => s.trim());
    let from = listStart;
    names.forEach((name, index) => {
      const start = text.indexOf(name, from);
      from = start + name.length;
      gates.push({
        name,
        span: { start, end: start + name.length },
        attribute: { start: attr.index, end: attr.index + attr[0].length },
        featureList: { start: listStart, end: listStart + 'feature()'.length + attr[2]!.length },
        siblings: names.length,
        index,
        cfg: attr[1] ? [attr[1]] : [],
      });
    });
  }
  return gates;
}

function ctxFor(file: string): KernelFileContext {
  const ctx = kernelContextFor(file);
  assert.ok(ctx, `no kernel context for ${file}`);
  return ctx;
}

const DRIVER = `#![feature(asm_goto)]
#![feature(inline_const)]
#![feature(allocator_api, never_type)]
#![cfg_attr(CONFIG_RUST_DEMO_EXTRA, feature(used_with_arg))]
#![cfg_attr(CONFIG_RUST_DEMO_OFF, feature(box_patterns))]
#![feature(not_a_feature, no_debug)]
`;

describe('kernel/allowList', () => {
  const db = testDb();
  beforeEach(() => invalidateKernelCache());

  it('old tree (rustc 1.78.0) driver: duplicates of kbuild, gates off the list, inactive cfg skipped', () => {
    const kernel = ctxFor(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'));
    const findings = checkAllowList(gatesOf(DRIVER), { db, toolchain: '1.78.0', text: DRIVER, kernel });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, DRIVER.slice(f.span.start, f.span.end)]),
      [
        ['duplicate-feature', 'error', 'asm_goto'],
        ['feature-not-allowed', 'error', 'inline_const'],
        ['feature-not-allowed', 'error', 'allocator_api'],
        ['feature-not-allowed', 'error', 'never_type'],
        ['duplicate-feature', 'error', 'used_with_arg'],
      ],
    );
    const [dup, inline, alloc] = findings;
    assert.equal(
      dup!.message,
      'feature `asm_goto` is already enabled for code outside rust/: kbuild passes the allow-list (scripts/Makefile.build:19) as `-Zcrate-attr=feature(...)`, so declaring it again fails the build (E0636)',
    );
    assert.deepEqual(dup!.data, { feature: 'asm_goto', allowListSource: 'scripts/Makefile.build:19', allowListGroup: 'Stable since Rust 1.87.0' });
    assert.equal(dup!.fixes?.[0]?.preferred, true);
    assert.deepEqual(dup!.fixes?.[0]?.edits, [{ span: { start: 0, end: 22 }, newText: '' }]);
    assert.equal(
      alloc!.message,
      "feature `allocator_api` is not on this kernel tree's allow-list for code outside rust/: the build fails (E0725): `-Zallow-features` only permits `asm_const`, `asm_goto`, `arbitrary_self_types`, `lint_reasons`, `raw_ref_op`, `used_with_arg` (scripts/Makefile.build:19)",
    );
    assert.equal(alloc!.fixes?.[0]?.preferred, undefined);
    assert.deepEqual(alloc!.data, {
      feature: 'allocator_api',
      allowListSource: 'scripts/Makefile.build:19',
      allowList: 'asm_const,asm_goto,arbitrary_self_types,lint_reasons,raw_ref_op,used_with_arg',
    });
    assert.match(inline!.message, /\(scripts\/Makefile\.build:19\); it is stable since 1\.79\.0, but not yet in rustc 1\.78\.0$/);
  });

  it('new tree (rustc 1.85.0): a feature stable at the minimum passes; the cfg-off gate is skipped', () => {
    const kernel = ctxFor(path.join(NEW, 'drivers', 'misc', 'rust_demo.rs'));
    const findings = checkAllowList(gatesOf(DRIVER), { db, toolchain: '1.85.0', text: DRIVER, kernel });
    assert.deepEqual(
      findings.map((f) => [f.code, DRIVER.slice(f.span.start, f.span.end)]),
      [
        ['duplicate-feature', 'asm_goto'],
        ['feature-not-allowed', 'allocator_api'],
        ['feature-not-allowed', 'never_type'],
      ],
    );
  });

  it('a sample without a crate in rust-project.json: the cfg_attr gate is conditional', () => {
    const text = '#![cfg_attr(CONFIG_SAMPLE_RUST_MINIMAL_NEVER, feature(never_type))]\n';
    const kernel = ctxFor(path.join(OLD, 'samples', 'rust', 'rust_minimal.rs'));
    const [f, ...rest] = checkAllowList(gatesOf(text), { db, toolchain: '1.78.0', text, kernel });
    assert.equal(rest.length, 0);
    assert.equal(f?.code, 'feature-not-allowed');
    assert.match(f!.message, /^feature `never_type` is not on this kernel tree's allow-list for samples: .* \(when `CONFIG_SAMPLE_RUST_MINIMAL_NEVER` holds\)$/);
  });

  it('the kernel crate and host programs are not checked', () => {
    const text = '#![feature(allocator_api)]\n';
    for (const file of [path.join(OLD, 'rust', 'kernel', 'lib.rs'), path.join(OLD, 'scripts', 'generate_demo.rs')])
      assert.deepEqual(checkAllowList(gatesOf(text), { db, toolchain: '1.78.0', text, kernel: ctxFor(file) }), []);
  });

  it('an allowed gate is fine when kbuild does not inject the list', () => {
    const base = ctxFor(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'));
    const kernel: KernelFileContext = { ...base, facts: { ...base.facts, allowListEnabledByKbuild: false } };
    const text = '#![feature(asm_goto)]\n';
    assert.deepEqual(checkAllowList(gatesOf(text), { db, toolchain: '1.78.0', text, kernel }), []);
  });

  it('nothing is checked when the tree has no readable allow-list', () => {
    const base = ctxFor(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'));
    const kernel: KernelFileContext = { ...base, facts: { root: OLD, problems: [] } };
    const text = '#![feature(allocator_api)]\n';
    assert.deepEqual(checkAllowList(gatesOf(text), { db, toolchain: '1.78.0', text, kernel }), []);
  });
});
