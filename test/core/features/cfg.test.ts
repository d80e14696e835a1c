import assert from 'node:assert/strict';
import { evaluateCfg } from '../../../src/core/features/cfg';

const CFG = new Set(['CONFIG_X', 'CONFIG_RUSTC_HAS_COERCE_POINTEE', 'target_arch="x86_64"', 'CONFIG_Y="y"']);

describe('features/cfg', () => {
  it('evaluates names and name = "value"', () => {
    assert.equal(evaluateCfg('CONFIG_X', CFG), true);
    assert.equal(evaluateCfg('CONFIG_NOPE', CFG), false);
    assert.equal(evaluateCfg('target_arch = "x86_64"', CFG), true);
    assert.equal(evaluateCfg('target_arch="arm"', CFG), false);
    assert.equal(evaluateCfg('CONFIG_Y = "y"', CFG), true);
  });

  it('evaluates all, any, not, nested, and the empty forms', () => {
    assert.equal(evaluateCfg('not(CONFIG_RUSTC_HAS_COERCE_POINTEE)', CFG), false);
    assert.equal(evaluateCfg('all(CONFIG_X, not(CONFIG_NOPE), any(CONFIG_NOPE, target_arch = "x86_64"))', CFG), true);
    assert.equal(evaluateCfg('any(CONFIG_NOPE, all(CONFIG_X, CONFIG_NOPE))', CFG), false);
    assert.equal(evaluateCfg('all()', CFG), true);
    assert.equal(evaluateCfg('any()', CFG), false);
    assert.equal(evaluateCfg('all(CONFIG_X,)', CFG), true);
    assert.equal(evaluateCfg('true', CFG), true);
    assert.equal(evaluateCfg('not(false)', CFG), true);
  });

  it('is undefined for text that is not a predicate', () => {
    for (const bad of ['', 'not(CONFIG_X, CONFIG_Y)', 'foo(CONFIG_X)', 'all(CONFIG_X', 'CONFIG_X CONFIG_Y', 'x = y', 'all(CONFIG_X) extra', '"str"']) {
      assert.equal(evaluateCfg(bad, CFG), undefined, bad);
    }
  });
});
