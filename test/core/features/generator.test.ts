import assert from 'node:assert/strict';
import { makeRecord, type Evidence } from '../../../src/core/features/generator';

const EVIDENCE: Evidence = {
  book: new Map([
    ['asm_goto_with_outputs', { name: 'asm_goto_with_outputs', kind: 'lang', slug: 'asm-goto-with-outputs', trackingIssue: 119364, description: 'Label and output operands together.' }],
    ['allocator_api', { name: 'allocator_api', kind: 'lib', slug: 'allocator-api', trackingIssue: 32838 }],
  ]),
  library: new Map([
    ['ptr_as_uninit', { trackingIssue: 75402 }],
    ['allocator_api', { trackingIssue: 1 }],
  ]),
  driver: new Set(['asm_goto_with_outputs', 'staged_api', 'ptr_as_uninit']),
};

describe('features/generator makeRecord', () => {
  it('combines rustc verdict, kind and the unstable book page (facts only, not its prose)', () => {
    assert.deepEqual(makeRecord('asm_goto_with_outputs', { verdict: { status: 'unstable' }, kind: 'lang' }, EVIDENCE, undefined), {
      name: 'asm_goto_with_outputs',
      kind: 'lang',
      status: 'unstable',
      trackingIssue: 119364,
      links: {
        trackingIssue: 'https://github.com/rust-lang/rust/issues/119364',
        unstableBook: 'https://doc.rust-lang.org/nightly/unstable-book/language-features/asm-goto-with-outputs.html',
      },
    });
  });

  it('prefers the book tracking issue, then rustdoc, then rustc', () => {
    assert.equal(makeRecord('allocator_api', { verdict: { status: 'unstable' }, kind: 'lib' }, EVIDENCE, undefined)?.trackingIssue, 32838);
    assert.equal(makeRecord('ptr_as_uninit', { verdict: { status: 'unstable' }, kind: 'lib' }, EVIDENCE, undefined)?.trackingIssue, 75402);
    assert.equal(makeRecord('gce', { verdict: { status: 'incomplete', trackingIssue: 76560 }, kind: 'lang' }, EVIDENCE, undefined)?.trackingIssue, 76560);
  });

  it('keeps since for stable and removed, adds the release link and kernel note', () => {
    const r = makeRecord('asm_goto', { verdict: { status: 'stable', since: '1.87.0' }, kind: 'lang' }, EVIDENCE, { allowed: true });
    assert.deepEqual(r, { name: 'asm_goto', kind: 'lang', status: 'stable', since: '1.87.0', links: { release: 'https://github.com/rust-lang/rust/releases/tag/1.87.0' }, kernel: { allowed: true } });
    const gone = makeRecord('box_syntax', { verdict: { status: 'removed', since: '1.70.0', reason: 'replaced' }, kind: 'lang' }, EVIDENCE, undefined);
    assert.deepEqual(gone, { name: 'box_syntax', kind: 'lang', status: 'removed', since: '1.70.0', reason: 'replaced', links: {} });
  });

  it('falls back on where the name was seen when rustc could not say the kind', () => {
    assert.equal(makeRecord('staged_api', { verdict: { status: 'internal' } }, EVIDENCE, undefined)?.kind, 'lang');
    assert.equal(makeRecord('ptr_as_uninit', { verdict: { status: 'unstable' } }, EVIDENCE, undefined)?.kind, 'lib');
    assert.equal(makeRecord('allocator_api', { verdict: { status: 'unstable' } }, EVIDENCE, undefined)?.kind, 'lib');
    assert.equal(makeRecord('nope', { verdict: { status: 'unknown' } }, EVIDENCE, undefined), undefined);
  });
});
