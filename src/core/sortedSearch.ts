/** Binary search over sorted numbers (offsets, line numbers). */

/** Index of the first value >= `at` in `sorted` (ascending); `sorted.length` when there is none. */
export function firstAtLeast(sorted: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
