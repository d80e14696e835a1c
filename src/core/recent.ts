/**
 * Values kept for the last few keys (compared with `===`: objects by identity, strings by
 * content), for per-tree and per-text caches of the analysis. Not a WeakMap: V8's young-generation collections keep the entries of a WeakMap
 * alive until the next full collection, and these keys and values reach a whole version of a
 * document (hundreds of kB for a large file). With a WeakMap every keystroke's version went to the
 * old generation, and typing caused a full collection every hundred or so keystrokes.
 */
export class Recent<K, V> {
  private readonly entries: { readonly key: K; readonly value: V }[] = [];

  constructor(private readonly keep: number) {}

  get(key: K): V | undefined {
    for (const e of this.entries) if (e.key === key) return e.value;
    return undefined;
  }

  /** Stores `value` for `key` as the most recent entry, dropping the oldest beyond `keep`. */
  set(key: K, value: V): void {
    const at = this.entries.findIndex((e) => e.key === key);
    if (at >= 0) this.entries.splice(at, 1);
    this.entries.unshift({ key, value });
    if (this.entries.length > this.keep) this.entries.pop();
  }
}
