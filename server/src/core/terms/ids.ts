// Numbers for candidate texts (the Chinese renderings of terms): one per distinct text,
// in a table of this thread (the CLI's threads each have their own: ids never cross a
// thread). A line's CandidateList holds the numbers of its candidates, not pointers to
// their strings, and the term index counts by them without a copy of its own.
//
// Bounded: a term index pins the numbers of the texts its pairs have (pin/unpin, once
// per index and text). Numbers nobody pins (texts of lines edited away, or of lists not
// kept) are given back by sweep() once they outnumber the pinned ones: their slots go to
// a free list and are given to new texts. A list made before a sweep may hold numbers it
// gave back: it is "stale" (listValid) and is made again from its line's text before an
// index counts it (chinese.ts, renewCandidates). `epoch` counts the sweeps; a list made
// in the current epoch is valid without a look at its numbers.

/**
 * A sweep gives back the numbers nobody pins when there are more than `sweepFrom` of them
 * and more than `deadShare` × the pinned ones. Tests lower them to sweep often.
 */
export const ID_TUNING = { sweepFrom: 1 << 16, deadShare: 1 };

/** The text of each number ('' for a free slot). */
const texts: string[] = [];
const byText = new Map<string, number>();
/** The epoch in which each number was last given (or given back). */
let born = new Int32Array(1024);
/** How many term indexes pin each number. */
let pins = new Int32Array(1024);
/** Scratch marks by number (seenWith). */
let marks = new Int32Array(1024);
let nextMark = 0;
const free: number[] = [];
let pinned = 0;
let epoch = 0;
/** Candidate texts by bucketOf (length and last character): the possible variants of each other. */
const buckets = new Map<number, number[]>();
const onSweep: (() => void)[] = [];

/** The bucket of possible variants of a candidate text: its length and last character. */
export function bucketOf(text: string): number {
  return text.length * 0x10000 + text.charCodeAt(text.length - 1);
}

function grow(to: number): void {
  let len = born.length;
  while (len <= to) len *= 2;
  const b = new Int32Array(len);
  b.set(born);
  born = b;
  const p = new Int32Array(len);
  p.set(pins);
  pins = p;
  const m = new Int32Array(len);
  m.set(marks);
  marks = m;
}

/** The number of a text, given now if it has none. */
export function textId(text: string): number {
  const hit = byText.get(text);
  if (hit !== undefined) return hit;
  const id = free.length ? free.pop()! : texts.length;
  if (id >= born.length) grow(id);
  texts[id] = text;
  born[id] = epoch;
  byText.set(text, id);
  const b = bucketOf(text);
  const list = buckets.get(b);
  if (list) list.push(id);
  else buckets.set(b, [id]);
  return id;
}

/** The number of a text, or undefined when it has none (never gives one). */
export function findTextId(text: string): number | undefined {
  return byText.get(text);
}

export function textOf(id: number): string {
  return texts[id];
}

/** One more past the largest number given (for arrays indexed by number). */
export function idCapacity(): number {
  return texts.length;
}

/** The numbers of the texts of this bucket (of every text given, pinned or not). */
export function bucketIds(b: number): readonly number[] | undefined {
  return buckets.get(b);
}

export function currentEpoch(): number {
  return epoch;
}

/** A term index holds the text (its first pair with it). */
export function pin(id: number): void {
  if (pins[id]++ === 0) pinned++;
}
/** A term index no longer holds the text (its last pair with it went). */
export function unpin(id: number): void {
  if (--pins[id] === 0) pinned--;
}

/**
 * A term index that is collected (its document closed) still pinned the numbers its
 * counts say: they are unpinned then. `held.counts`: the index's counts by number
 * (replaced when they grow).
 */
const released = new FinalizationRegistry<{ counts: Int32Array }>((held) => {
  const c = held.counts;
  for (let id = 0; id < c.length; id++) if (c[id] > 0) unpin(id);
});
export function unpinWhenCollected(owner: object, held: { counts: Int32Array }): void {
  released.register(owner, held);
}

/** A new mark for seenWith (marks of earlier calls are then forgotten). */
export function newMark(): number {
  if (nextMark >= 0x3fffffff) {
    marks.fill(0);
    nextMark = 0;
  }
  return ++nextMark;
}
/** Whether number `id` was already marked `mark`; marks it. */
export function seenWith(id: number, mark: number): boolean {
  const seen = marks[id] === mark;
  marks[id] = mark;
  return seen;
}

/**
 * Whether a list made in epoch `made` still has its numbers (`ids`, as id × 4 + bits):
 * none was given back since. A list of this epoch always has.
 */
export function listValid(ids: Int32Array, made: number): boolean {
  if (made === epoch) return true;
  for (let i = 0; i < ids.length; i++) if (born[ids[i] >> 2] > made) return false;
  return true;
}

/** Calls fn after every sweep (caches keyed by number empty themselves). */
export function afterSweep(fn: () => void): void {
  onSweep.push(fn);
}

/** How many numbers are given, and how many of them are pinned (for tests and the benchmark). */
export function idStats(): { given: number; pinned: number; epoch: number } {
  return { given: texts.length - free.length, pinned, epoch };
}

/**
 * Gives back the numbers no index pins, when they are most of those given (and more than
 * ID_TUNING.sweepFrom): called by a term index when it is up to date, so that the numbers
 * of every pair it holds are pinned. Returns whether it swept.
 */
export function sweepIfDead(): boolean {
  const given = texts.length - free.length;
  if (given - pinned <= Math.max(ID_TUNING.sweepFrom, ID_TUNING.deadShare * pinned)) return false;
  sweep();
  return true;
}

export function sweep(): void {
  epoch++;
  for (let id = 0; id < texts.length; id++) {
    if (pins[id] !== 0 || texts[id] === '') continue;
    byText.delete(texts[id]);
    texts[id] = '';
    born[id] = epoch;
    free.push(id);
  }
  // the smallest numbers are given first (pop), so that the table stays short
  free.sort((a, b) => b - a);
  for (const [b, list] of buckets) {
    const kept = list.filter((id) => texts[id] !== '');
    if (kept.length) buckets.set(b, kept);
    else buckets.delete(b);
  }
  for (const fn of onSweep) fn();
}
