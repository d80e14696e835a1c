import assert from 'node:assert/strict';
import { DisposingLru } from '../../src/server/lru';

describe('DisposingLru', () => {
  it('evicts the least recently used entry and disposes it', () => {
    const disposed: string[] = [];
    const lru = new DisposingLru<string, number>(2, (k, v) => disposed.push(`${k}=${v}`));
    lru.set('a', 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), 1); // a is now the most recent
    lru.set('c', 3);
    assert.deepEqual(disposed, ['b=2']);
    assert.equal(lru.has('b'), false);
    assert.equal(lru.size, 2);
  });

  it('disposes a replaced value, and on delete and clear', () => {
    const disposed: number[] = [];
    const lru = new DisposingLru<string, number>(3, (_k, v) => disposed.push(v));
    lru.set('a', 1);
    lru.set('a', 2);
    lru.set('b', 3);
    lru.delete('a');
    lru.delete('missing');
    lru.clear();
    assert.deepEqual(disposed, [1, 2, 3]);
    assert.equal(lru.size, 0);
  });

  it('rejects a capacity below one', () => {
    assert.throws(() => new DisposingLru<string, number>(0, () => undefined), RangeError);
  });
});
