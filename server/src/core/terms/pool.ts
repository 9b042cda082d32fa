// Small typed arrays kept for the life of a line record (the candidate numbers and spans
// of a line's renderings, the terms of a line: three per pair of a book), cut from shared
// chunks. A typed array with its own buffer costs, besides its numbers, an ArrayBuffer
// object and a native backing store (about 250 bytes with malloc's overhead, as much as
// the numbers of a news line); a view of a chunk costs only the view. A chunk lives while
// one of its views does: the lists of a replaced line stay there until the chunk's other
// lists go too, a few hundred bytes per edit at most (a chunk holds the lists of ~200 lines).
// Lists whose numbers all fit in 16 bits (those of a line shorter than a few thousand
// characters, most of a book's) take half the room, in chunks of their own (pooledNumbers).

const CHUNK = 1 << 14; // numbers (64 KB of Int32, 32 KB of Uint16)
/** Lists longer than this get a buffer of their own (a long line's would waste a chunk). */
const MAX_POOLED = CHUNK >> 3;
const EMPTY = new Int32Array(0);

/** A list of numbers kept with a line: 16-bit ones when they all fit (pooledNumbers). */
export type Numbers = Int32Array | Uint16Array;

let chunk = new Int32Array(CHUNK);
let used = 0;
let chunk16 = new Uint16Array(CHUNK);
let used16 = 0;

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

/** Whether every number of `src` is an unsigned 16-bit one. */
function fits16(src: readonly number[]): boolean {
  for (let i = 0; i < src.length; i++) if (src[i] >>> 16 !== 0) return false;
  return true;
}

/**
 * A copy of `src`, as a Uint16Array when every number fits in 16 bits (else an Int32Array),
 * `keep`: cut from a shared chunk (a list kept with its line), else with a buffer of its own.
 * Read it by index: both hold the same numbers.
 */
export function pooledNumbers(src: readonly number[], keep = true): Numbers {
  const n = src.length;
  if (n === 0) return EMPTY;
  if (!fits16(src)) return keep ? pooledInt32(src) : Int32Array.from(src);
  if (!keep || n > MAX_POOLED) return Uint16Array.from(src);
  if (used16 + n > CHUNK) {
    chunk16 = new Uint16Array(CHUNK);
    used16 = 0;
  }
  const out = chunk16.subarray(used16, used16 + n);
  for (let i = 0; i < n; i++) out[i] = src[i];
  used16 += n;
  return out;
}
