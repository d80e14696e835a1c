import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readMetricsLangFeatures, readProbeDiagnostics } from '../../../src/core/features/probeDiagnostics';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'rustc-output');
const read = (f: string): string => readFileSync(path.join(FIXTURES, f), 'utf8');
const names = (f: string): string[] => read(f).trim().split('\n');

describe('features/probeDiagnostics (recorded rustc 1.95.0 output)', () => {
  it('classifies every name of a mixed probe', () => {
    const { verdicts, otherErrors } = readProbeDiagnostics(read('probe-mixed.rs'), names('names-mixed.txt'), read('probe-mixed.json'));
    assert.deepEqual(otherErrors, []);
    assert.deepEqual(Object.fromEntries(verdicts), {
      asm_const: { status: 'stable', since: '1.82.0' },
      no_such_feature_xyz: { status: 'unknown' },
      generic_const_exprs: { status: 'incomplete', trackingIssue: 76560 },
      rustc_attrs: { status: 'internal' },
      custom_attribute: { status: 'removed', since: '1.0.0', reason: 'removed in favor of `#![register_tool]` and `#![register_attr]`' },
      allocator_api: { status: 'unstable' },
      new_uninit: { status: 'stable', since: '1.82.0' },
      box_syntax: { status: 'removed', since: '1.70.0', reason: 'replaced with `#[rustc_box]`' },
      const_btree_new: { status: 'stable', since: '1.66.0', reason: 'partially stabilized; succeeded by the feature `const_btree_len`' },
      core_intrinsics: { status: 'internal' },
      arbitrary_self_types: { status: 'unstable' },
      allocatr_api: { status: 'unknown' },
    });
  });

  it('keeps errors that are not about one name apart', () => {
    const { verdicts, otherErrors } = readProbeDiagnostics(read('probe-staged.rs'), names('names-staged.txt'), read('probe-staged.json'));
    assert.deepEqual(otherErrors, ['module has missing stability attribute']);
    assert.deepEqual(verdicts.get('staged_api'), { status: 'internal' });
    assert.deepEqual(verdicts.get('zz_not_a_feature'), { status: 'unknown' });
    assert.deepEqual(verdicts.get('allocator_api'), { status: 'unstable' });
  });

  it('ignores lines that are not diagnostics', () => {
    const { verdicts } = readProbeDiagnostics('#![feature(\na\n)]\n', ['a'], 'warning: not json\n{"truncated":\n{}\n');
    assert.deepEqual(Object.fromEntries(verdicts), { a: { status: 'unstable' } });
  });

  it('reads the language features out of the usage metrics', () => {
    assert.deepEqual([...readMetricsLangFeatures(read('metrics-clean.json'))].sort(), ['arbitrary_self_types', 'asm_const', 'generic_const_exprs']);
    assert.deepEqual([...readMetricsLangFeatures('{"lib_features":[]}')], []);
  });
});
