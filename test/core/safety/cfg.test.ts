import { strict as assert } from 'node:assert';
import { cfgHolds, splitTopLevel } from '../../../src/core/safety/cfg';

describe('cfg predicates', () => {
  const cfg = new Set(['unix', 'feature="std"', 'target_pointer_width="64"']);

  it('evaluates names, key-value pairs and all/any/not', () => {
    assert.equal(cfgHolds('unix', cfg), true);
    assert.equal(cfgHolds('feature = "std"', cfg), true);
    assert.equal(cfgHolds('feature = "alloc"', cfg), false);
    assert.equal(cfgHolds('all(unix, not(windows))', cfg), true);
    assert.equal(cfgHolds('any(windows, target_pointer_width = "32")', cfg), false);
    assert.equal(cfgHolds('any()', cfg), false);
    assert.equal(cfgHolds('all()', cfg), true);
  });

  it('treats every predicate as true when the cfg set is unknown', () => {
    assert.equal(cfgHolds('windows', undefined), true);
  });

  it('splits at top-level commas only', () => {
    assert.deepEqual(splitTopLevel('a, b(c, d), e = "f,g"').map((s) => s.trim()), ['a', 'b(c, d)', 'e = "f,g"']);
  });
});
