// Binary search over arrays kept in order (pairs, lines, findings, preview rows).

/** First index of `arr` (ascending by `key`) whose key is >= value; arr.length when none is. */
export function lowerBound<T>(arr: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(arr[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
