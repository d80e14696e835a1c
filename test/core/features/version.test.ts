import assert from 'node:assert/strict';
import { compareVersions, isVersion, normalizeVersion, parseVersion, reachedBy } from '../../../src/core/features/version';

describe('features/version', () => {
  it('parses two- and three-part versions', () => {
    assert.deepEqual(parseVersion('1.85'), { major: 1, minor: 85, patch: 0 });
    assert.deepEqual(parseVersion(' 1.85.2 '), { major: 1, minor: 85, patch: 2 });
    assert.equal(parseVersion('1.85.0-nightly'), undefined);
    assert.equal(parseVersion('v1.85'), undefined);
  });

  it('resolves CURRENT_RUSTC_VERSION only when told the current version', () => {
    assert.equal(parseVersion('CURRENT_RUSTC_VERSION'), undefined);
    assert.deepEqual(parseVersion('CURRENT_RUSTC_VERSION', '1.95.0'), { major: 1, minor: 95, patch: 0 });
    assert.equal(normalizeVersion('CURRENT_RUSTC_VERSION', '1.95'), '1.95.0');
  });

  it('compares numerically, not as text', () => {
    assert.ok(compareVersions('1.9.0', '1.10.0') < 0);
    assert.equal(compareVersions('1.85', '1.85.0'), 0);
    assert.ok(compareVersions('1.87.0', '1.85.0') > 0);
    assert.throws(() => compareVersions('x', '1.0.0'), /not a version: "x"/);
  });

  it('tells whether a version is reached by a toolchain', () => {
    assert.equal(reachedBy('1.79.0', '1.85.0'), true);
    assert.equal(reachedBy('1.85.0', '1.85'), true);
    assert.equal(reachedBy('1.87.0', '1.85.0'), false);
    assert.equal(isVersion('1.2.3'), true);
    assert.equal(isVersion('1'), false);
    assert.equal(normalizeVersion('1.85'), '1.85.0');
  });
});
