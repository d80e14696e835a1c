import assert from 'node:assert/strict';
import { checkGates } from '../../../src/core/features/checkGates';
import { createDatabase } from '../../../src/core/features/database';
import { applyEdits } from '../../../src/core/features/gateEdit';
import { extractGates } from '../../../src/core/features/gates';
import type { FeatureRecord } from '../../../src/core/features/types';
import type { Finding } from '../../../src/core/findings';
import type { KernelFileContext } from '../../../src/core/kernel/types';
import { loadRustParser, type RustParser } from '../../../src/core/parser';

const RECORDS: FeatureRecord[] = [
  { name: 'allocator_api', kind: 'lib', status: 'unstable', trackingIssue: 32838, links: {} },
  { name: 'asm_goto', kind: 'lang', status: 'stable', since: '1.87.0', links: {} },
  { name: 'lint_reasons', kind: 'lang', status: 'stable', since: '1.81.0', links: {} },
  { name: 'box_syntax', kind: 'lang', status: 'removed', since: '1.70.0', reason: 'replaced with `#[rustc_box]`', links: {} },
  { name: 'late_removal', kind: 'lang', status: 'removed', since: '1.90.0', reason: 'superseded', links: {} },
  { name: 'generic_const_exprs', kind: 'lang', status: 'incomplete', links: {} },
  { name: 'core_intrinsics', kind: 'lib', status: 'internal', links: {} },
];
const db = createDatabase({ rustc: '1.95.0', schema: 1 }, RECORDS, 'test');

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function check(text: string, kernel?: KernelFileContext, toolchain = '1.85.0'): Finding[] {
  const tree = parser.parse(text);
  try {
    return checkGates(extractGates(tree.rootNode), { db, toolchain, toolchainOrigin: 'minimum rustc of this kernel tree', text, kernel });
  } finally {
    tree.delete();
  }
}

/** code, severity, message and the flagged text of each finding. */
function summary(text: string, findings: Finding[]): [string, string, string, string][] {
  return findings.map((f) => [f.code, f.severity, f.message, text.slice(f.span.start, f.span.end)]);
}

function fixed(text: string, finding: Finding | undefined, index = 0): string {
  const fix = finding?.fixes?.[index];
  assert.ok(fix, 'expected a fix');
  return applyEdits(text, fix.edits);
}

describe('features/checkGates', () => {
  it('reports nothing for a gate that is simply unstable', () => {
    assert.deepEqual(check('#![feature(allocator_api)]\n'), []);
  });

  it('unknown-feature, with a suggestion and a fix replacing the name', () => {
    const text = '#![feature(allocatr_api, zzz_nothing_like_it)]\n';
    const findings = check(text);
    assert.deepEqual(summary(text, findings), [
      ['unknown-feature', 'error', 'unknown feature `allocatr_api`; did you mean `allocator_api`?', 'allocatr_api'],
      ['unknown-feature', 'error', 'unknown feature `zzz_nothing_like_it`', 'zzz_nothing_like_it'],
    ]);
    assert.deepEqual(findings[0]!.data, { feature: 'allocatr_api' });
    assert.equal(findings[0]!.fixes![0]!.title, 'Replace with `allocator_api`');
    assert.equal(fixed(text, findings[0]), '#![feature(allocator_api, zzz_nothing_like_it)]\n');
    assert.equal(fixed(text, findings[1]), '#![feature(allocatr_api)]\n');
  });

  it('removed-feature with version and reason; the fix removes the whole attribute line', () => {
    const text = '#![no_std]\n#![feature(box_syntax)]\nfn f() {}\n';
    const findings = check(text);
    assert.deepEqual(summary(text, findings), [['removed-feature', 'error', 'feature `box_syntax` has been removed in 1.70.0: replaced with `#[rustc_box]`', 'box_syntax']]);
    assert.equal(fixed(text, findings[0]), '#![no_std]\nfn f() {}\n');
  });

  it('warns when a gate is removed only by toolchains newer than the minimum', () => {
    const text = '#![feature(late_removal)]\n';
    assert.deepEqual(summary(text, check(text)), [
      ['removed-feature', 'warning', 'feature `late_removal` was removed in 1.90.0: superseded; toolchains from 1.90.0 on reject this gate (judged at rustc 1.85.0: minimum rustc of this kernel tree)', 'late_removal'],
    ]);
  });

  it('incomplete-feature and internal-feature, as rustc words them', () => {
    const text = '#![feature(generic_const_exprs, core_intrinsics)]\n';
    assert.deepEqual(summary(text, check(text)), [
      ['incomplete-feature', 'warning', 'the feature `generic_const_exprs` is incomplete and may not be safe to use and/or cause compiler crashes', 'generic_const_exprs'],
      ['internal-feature', 'warning', 'the feature `core_intrinsics` is internal to the compiler or standard library', 'core_intrinsics'],
    ]);
  });

  it('stable-feature: hint when stable at the toolchain, information when only later', () => {
    const text = '#![feature(lint_reasons, asm_goto)]\n';
    const findings = check(text);
    assert.deepEqual(summary(text, findings), [
      ['stable-feature', 'hint', 'the feature `lint_reasons` has been stable since 1.81.0 and no longer requires an attribute (judged at rustc 1.85.0: minimum rustc of this kernel tree)', 'lint_reasons'],
      ['stable-feature', 'information', 'the feature `asm_goto` is stable since 1.87.0; the gate is still needed until the minimum rustc reaches 1.87.0 (judged at rustc 1.85.0: minimum rustc of this kernel tree)', 'asm_goto'],
    ]);
    assert.equal(findings[0]!.fixes![0]!.preferred, true);
    assert.equal(fixed(text, findings[0]), '#![feature(asm_goto)]\n');
    assert.equal(findings[1]!.fixes, undefined);
    // At 1.87.0 both are removable.
    const later = check(text, undefined, '1.87.0');
    assert.deepEqual(later.map((f) => f.severity), ['hint', 'hint']);
    assert.equal(fixed(text, later[1]), '#![feature(lint_reasons)]\n');
  });

  it('duplicate-feature, across attributes, pointing at the first', () => {
    const text = '#![feature(allocator_api)]\n#![feature(asm_goto, allocator_api)]\n';
    const findings = check(text);
    const dup = findings.find((f) => f.code === 'duplicate-feature')!;
    assert.equal(dup.message, 'the feature `allocator_api` has already been enabled');
    assert.equal(dup.severity, 'error');
    assert.equal(dup.span.start, 48);
    assert.deepEqual(dup.related, [{ span: { start: 11, end: 24 }, message: 'first enabled here' }]);
    assert.equal(fixed(text, dup), '#![feature(allocator_api)]\n#![feature(asm_goto)]\n');
  });

  it('does not call gates under different cfg_attr conditions duplicates', () => {
    const text = '#![cfg_attr(CONFIG_A, feature(allocator_api))]\n#![cfg_attr(not(CONFIG_A), feature(allocator_api))]\n';
    assert.deepEqual(check(text), []);
  });

  it('skips gates whose cfg_attr is false for the crate, keeps unknown ones', () => {
    const text = [
      '#![cfg_attr(not(CONFIG_RUSTC_HAS_COERCE_POINTEE), feature(box_syntax))]',
      '#![cfg_attr(CONFIG_RUSTC_HAS_COERCE_POINTEE, feature(lint_reasons))]',
      '#![cfg_attr(weird(CONFIG_X), feature(generic_const_exprs))]',
      '',
    ].join('\n');
    const kernel: KernelFileContext = { facts: { root: '/k', problems: [] }, fileClass: 'kernel-crate', cfg: new Set(['CONFIG_RUSTC_HAS_COERCE_POINTEE']) };
    assert.deepEqual(check(text, kernel).map((f) => f.code), ['stable-feature', 'incomplete-feature']);
    // cfg unknown: every gate counts.
    assert.deepEqual(check(text).map((f) => f.code), ['removed-feature', 'stable-feature', 'incomplete-feature']);
  });

  it('removal fixes for names inside cfg_attr lists give exact text', () => {
    const text = '#![cfg_attr(CONFIG_X, feature(lint_reasons), feature(allocator_api))]\n#![cfg_attr(CONFIG_Y, feature(box_syntax))]\n';
    const [stable, removed] = check(text);
    assert.equal(fixed(text, stable), '#![cfg_attr(CONFIG_X, feature(allocator_api))]\n#![cfg_attr(CONFIG_Y, feature(box_syntax))]\n');
    assert.equal(fixed(text, removed), '#![cfg_attr(CONFIG_X, feature(lint_reasons), feature(allocator_api))]\n');
  });
});
