import assert from 'node:assert/strict';
import { Recent } from '../../src/core/recent';

describe('Recent', () => {
  it('answers by key identity, not by equal contents', () => {
    const cache = new Recent<object, string>(2);
    const a = { id: 1 };
    cache.set(a, 'first');
    assert.equal(cache.get(a), 'first');
    assert.equal(cache.get({ id: 1 }), undefined);
  });

  it('keeps the most recently set keys only, and a key set again counts as recent', () => {
    const cache = new Recent<object, number>(2);
    const [a, b, c] = [{}, {}, {}];
    cache.set(a, 1);
    cache.set(b, 2);
    cache.set(a, 3);
    cache.set(c, 4);
    assert.equal(cache.get(a), 3);
    assert.equal(cache.get(b), undefined);
    assert.equal(cache.get(c), 4);
  });
});
