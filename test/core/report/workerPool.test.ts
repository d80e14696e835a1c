import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { endIdleWorkers, returnWorkers, takeWorkers } from '../../../src/core/report/workerPool';

/** A worker that stays alive until ended, like a report worker waiting for its next job. */
const idleWorker = (): Worker => new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true });

describe('report/workerPool', () => {
  // The pool is per process: other tests' report workers may be idle in it.
  beforeEach(() => endIdleWorkers());
  afterEach(() => endIdleWorkers());

  it('starts new workers when none are idle, and hands returned ones out again first', () => {
    let started = 0;
    const start = (): Worker => (started++, idleWorker());
    const first = takeWorkers(2, start);
    assert.equal(started, 2);
    returnWorkers(first);
    const again = takeWorkers(3, start);
    assert.equal(started, 3);
    assert.deepEqual(again.slice(0, 2), first);
    returnWorkers(again);
  });

  it('ends idle workers on request', async () => {
    const [w] = takeWorkers(1, idleWorker);
    const exited = once(w!, 'exit');
    returnWorkers([w!]);
    await endIdleWorkers();
    await exited;
    const next = takeWorkers(1, idleWorker);
    assert.notEqual(next[0], w);
    returnWorkers(next);
  });

  it('drops an idle worker that dies instead of handing it out', async () => {
    const [w] = takeWorkers(1, idleWorker);
    returnWorkers([w!]);
    const exited = once(w!, 'exit');
    await w!.terminate();
    await exited;
    const next = takeWorkers(1, idleWorker);
    assert.notEqual(next[0], w);
    returnWorkers(next);
  });
});
