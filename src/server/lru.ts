/**
 * A small least-recently-used map that calls `dispose` on what it evicts: parse trees live in
 * wasm memory, which the garbage collector never frees.
 */
export class DisposingLru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly dispose: (key: K, value: V) => void,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`LRU capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores `value` as most recently used, evicting (and disposing) the oldest entries over capacity. */
  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined && old !== value) this.dispose(key, old);
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      this.dispose(oldestKey, oldest);
    }
  }

  /** Removes and disposes `key`'s value. */
  delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.dispose(key, value);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }
}
