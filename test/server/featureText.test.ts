import assert from 'node:assert/strict';
import { loadDatabase } from '../../src/core/features/database';
import type { FeatureDatabase } from '../../src/core/features/types';
import { featureMarkdown, featureView } from '../../src/server/featureText';

describe('featureText', () => {
  let db: FeatureDatabase;
  before(() => {
    db = loadDatabase().db;
    assert.equal(db.meta.rustc, '1.95.0');
  });

  it('labels each status at the judged toolchain', () => {
    const label = (name: string, toolchain = '1.95.0'): string => featureView(db, name, toolchain).label;
    assert.equal(label('let_chains'), 'stable 1.88.0');
    assert.equal(label('let_chains', '1.85.0'), 'unstable until 1.88.0');
    assert.equal(label('allocator_api'), 'unstable');
    assert.equal(label('generic_const_exprs'), 'incomplete');
    assert.equal(label('core_intrinsics'), 'internal');
    assert.equal(label('box_syntax'), 'removed 1.70.0');
    assert.equal(label('no_such_feature_xyz'), 'unknown');
  });

  it('explains a kernel feature with its note, expectation, allow-list entry and links', () => {
    const md = featureMarkdown({ db, toolchain: '1.78.0', toolchainOrigin: 'minimum rustc of this kernel tree (scripts/min-tool-version.sh)', kernel: undefined }, 'asm_goto');
    const parts = md.split('\n\n');
    assert.equal(parts[0], '**`asm_goto`** · language feature');
    assert.equal(parts[1], '**unstable** — stable since 1.87.0 — still needed: judged at rustc 1.78.0 (minimum rustc of this kernel tree (scripts/min-tool-version.sh)).');
    const kernel = parts.find((p) => p.startsWith('**Linux kernel:**'));
    assert.equal(
      kernel,
      '**Linux kernel:** `label` operands in `asm!`, used for static branches; needed only while the minimum rustc is older than 1.87.0. ' +
        'Expectation: stable since Rust 1.87.0. On the kernel allow-list (usable outside `rust/`). ' +
        '[Rust-for-Linux/linux#2](https://github.com/Rust-for-Linux/linux/issues/2)',
    );
    assert.equal(parts.at(-1), '_Feature database: rustc 1.95.0 (bundled)._');
  });

  it('explains a removed feature with the reason', () => {
    const md = featureMarkdown({ db, toolchain: '1.95.0', toolchainOrigin: 'toolchain of the feature database (rustc 1.95.0)', kernel: undefined }, 'box_syntax');
    const parts = md.split('\n\n');
    assert.equal(parts[1], '**removed** in 1.70.0 — the gate is an error (E0557): judged at rustc 1.95.0 (toolchain of the feature database (rustc 1.95.0)).');
    assert.equal(parts[2], 'Removed because: replaced with `#[rustc_box]`');
  });
});
