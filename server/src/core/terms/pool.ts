// Small Int32Arrays kept for the life of a line record (the spans of a line's terms and
// candidate renderings: two per pair of a book), cut from shared chunks. A typed array
// with its own buffer costs, besides its numbers, an ArrayBuffer object and a native
// backing store (about 250 bytes with malloc's overhead, as much as the numbers of a
// news line); a view of a chunk costs only the view. A chunk lives while one of its
// views does: the lists of a replaced line stay there until the chunk's other lists go
// too, a few hundred bytes per edit at most (a chunk holds the lists of ~200 lines).

const CHUNK = 1 << 14; // numbers (64 KB)
/** Lists longer than this get a buffer of their own (a long line's would waste a chunk). */
const MAX_POOLED = CHUNK >> 3;
const EMPTY = new Int32Array(0);

let chunk = new Int32Array(CHUNK);
let used = 0;

/** A copy of `src` (all of it), as a view of a shared chunk. */
export function pooledInt32(src: readonly number[]): Int32Array {
  const n = src.length;
  if (n === 0) return EMPTY;
  if (n > MAX_POOLED) return Int32Array.from(src);
  if (used + n > CHUNK) {
    chunk = new Int32Array(CHUNK);
    used = 0;
  }
  const out = chunk.subarray(used, used + n);
  for (let i = 0; i < n; i++) out[i] = src[i];
  used += n;
  return out;
}
