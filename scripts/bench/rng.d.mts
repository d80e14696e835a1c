// Types for rng.mjs, so the TypeScript tests use the same seeded generator as the corpus and bench.
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  weighted<T>(weighted: readonly (readonly [T, number])[]): T;
}

export function createRng(seed: number): Rng;
