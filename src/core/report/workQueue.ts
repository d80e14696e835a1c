/**
 * The batches of a parallel report scan, claimed through one counter in shared memory: every
 * thread (workers and, when it helps, the main thread) takes the next batch the moment it is free,
 * with no round trip through the main thread's event loop, and a shared flag stops them all.
 */

const NEXT = 0;
const CANCELLED = 1;

export class WorkQueue {
  private readonly cells: Int32Array;

  /** A new queue of `length` batches, or a view of one another thread created (`buffer`). */
  constructor(
    readonly length: number,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.cells = new Int32Array(buffer);
  }

  /** The next batch index, or -1 when all are taken or the scan was cancelled. */
  claim(): number {
    if (Atomics.load(this.cells, CANCELLED)) return -1;
    const i = Atomics.add(this.cells, NEXT, 1);
    return i < this.length ? i : -1;
  }

  cancel(): void {
    Atomics.store(this.cells, CANCELLED, 1);
  }

  get cancelled(): boolean {
    return Atomics.load(this.cells, CANCELLED) !== 0;
  }
}
