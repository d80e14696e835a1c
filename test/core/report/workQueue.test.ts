import assert from 'node:assert/strict';
import { WorkQueue } from '../../../src/core/report/workQueue';

describe('report/workQueue', () => {
  it('hands out every batch index once, in order, then -1', () => {
    const q = new WorkQueue(3);
    assert.deepEqual([q.claim(), q.claim(), q.claim(), q.claim(), q.claim()], [0, 1, 2, -1, -1]);
    assert.equal(q.cancelled, false);
  });

  it('shares one counter between views of the same buffer (as another thread sees it)', () => {
    const main = new WorkQueue(4);
    const other = new WorkQueue(4, main.buffer);
    assert.deepEqual([main.claim(), other.claim(), other.claim(), main.claim(), other.claim()], [0, 1, 2, 3, -1]);
  });

  it('stops handing out batches once cancelled, in every view', () => {
    const main = new WorkQueue(5);
    const other = new WorkQueue(5, main.buffer);
    assert.equal(other.claim(), 0);
    main.cancel();
    assert.equal(other.cancelled, true);
    assert.equal(other.claim(), -1);
    assert.equal(main.claim(), -1);
  });

  it('has nothing to hand out when there are no batches', () => {
    assert.equal(new WorkQueue(0).claim(), -1);
  });
});
