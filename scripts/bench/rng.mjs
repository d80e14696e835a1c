// A small seeded PRNG (mulberry32) plus the picking helpers the corpus generator needs.
// Math.random cannot be seeded, and the corpus must be byte-identical for a given seed.

/** @param {number} seed */
export function createRng(seed) {
  let state = seed >>> 0;
  /** A float in [0, 1). */
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** @template T @param {readonly [T, number][]} weighted @returns {T} */
    weighted: (weighted) => {
      const total = weighted.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of weighted) {
        x -= w;
        if (x < 0) return v;
      }
      return weighted[weighted.length - 1][0];
    },
  };
}
