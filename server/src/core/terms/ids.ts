// Numbers for the texts of terms: one per distinct Chinese candidate text (zhTexts) and
// one per distinct English term key (enKeys), in tables of this thread (the CLI's threads
// each have their own: ids never cross a thread). A line's CandidateList and TermList hold
// the numbers of its candidates and terms, not pointers to their strings, and the term
// index counts by them without a copy of its own.
//
// Bounded: a term index pins the numbers of the texts its pairs have (pin/unpin, once per
// index and text; a collected index unpins what it pinned). Numbers nobody pins (texts of
// lines edited away, or of lists not kept) are given back by sweep() once they outnumber
// the pinned ones: their slots go to a free list and are given to new texts. A list made
// before a sweep may hold numbers given back: it is "stale" (valid) and is made again from
// its line's text before an index counts it (renewCandidates, renewTerms). `epoch` counts
// the sweeps; a list made in the current epoch is valid without a look at its numbers.

/**
 * A sweep gives back the numbers nobody pins when there are more than `sweepFrom` of them
 * and more than `deadShare` × the pinned ones. Tests lower them to sweep often.
 */
export const ID_TUNING = { sweepFrom: 1 << 16, deadShare: 1 };

/** The bucket of possible variants of a candidate text: its length and last character. */
export function bucketOf(text: string): number {
  return text.length * 0x10000 + text.charCodeAt(text.length - 1);
}

export class TextTable {
  /** The text of each number ('' for a free slot). */
  private texts: string[] = [];
  private byText = new Map<string, number>();
  /** The epoch in which each number was last given (or given back). */
  private born = new Int32Array(1024);
  /** How many term indexes pin each number. */
  private pins = new Int32Array(1024);
  /** Scratch marks by number (seenWith). */
  private marks = new Int32Array(1024);
  private nextMark = 0;
  private free: number[] = [];
  private pinned = 0;
  /** How many sweeps gave numbers back. */
  epoch = 0;
  private onSweep: (() => void)[] = [];
  private released = new FinalizationRegistry<{ counts: Int32Array }>((held) => {
    const c = held.counts;
    for (let id = 0; id < c.length; id++) if (c[id] > 0) this.unpin(id);
  });

  private grow(to: number): void {
    let len = this.born.length;
    while (len <= to) len *= 2;
    const b = new Int32Array(len);
    b.set(this.born);
    this.born = b;
    const p = new Int32Array(len);
    p.set(this.pins);
    this.pins = p;
    const m = new Int32Array(len);
    m.set(this.marks);
    this.marks = m;
  }

  /** The number of a text, given now if it has none. */
  id(text: string): number {
    const hit = this.byText.get(text);
    if (hit !== undefined) return hit;
    const id = this.free.length ? this.free.pop()! : this.texts.length;
    if (id >= this.born.length) this.grow(id);
    this.texts[id] = text;
    this.born[id] = this.epoch;
    this.byText.set(text, id);
    return id;
  }

  /** The number of a text, or undefined when it has none (never gives one). */
  find(text: string): number | undefined {
    return this.byText.get(text);
  }

  text(id: number): string {
    return this.texts[id];
  }

  /** One more than the largest number given (for arrays indexed by number). */
  capacity(): number {
    return this.texts.length;
  }

  /** A term index holds the text (its first pair with it). */
  pin(id: number): void {
    if (this.pins[id]++ === 0) this.pinned++;
  }
  /** A term index no longer holds the text (its last pair with it went). */
  unpin(id: number): void {
    if (--this.pins[id] === 0) this.pinned--;
  }

  /**
   * When `owner` (a term index) is collected, unpins the numbers `held.counts` (its counts
   * by number, replaced when they grow) says it pinned: those a count is positive for.
   */
  unpinWhenCollected(owner: object, held: { counts: Int32Array }): void {
    this.released.register(owner, held);
  }

  /** A new mark for seenWith (marks of earlier calls are then forgotten). */
  newMark(): number {
    if (this.nextMark >= 0x3fffffff) {
      this.marks.fill(0);
      this.nextMark = 0;
    }
    return ++this.nextMark;
  }
  /** Whether number `id` was already marked `mark`; marks it. */
  seenWith(id: number, mark: number): boolean {
    const seen = this.marks[id] === mark;
    this.marks[id] = mark;
    return seen;
  }

  /**
   * Whether a list made in epoch `made` still has its numbers (`a[from]`, `a[from + step]`…
   * before `end`, each the number × 2^shift plus bits): none was given back since. A list of
   * this epoch always has.
   */
  valid(a: ArrayLike<number>, made: number, from: number, end: number, step: number, shift: number): boolean {
    if (made === this.epoch) return true;
    const born = this.born;
    for (let i = from; i < end; i += step) if (born[a[i] >> shift] > made) return false;
    return true;
  }

  /** Calls fn after every sweep (caches keyed by number empty themselves). */
  afterSweep(fn: () => void): void {
    this.onSweep.push(fn);
  }

  /** How many numbers are given, and how many of them are pinned (for tests and the benchmark). */
  stats(): { given: number; pinned: number; epoch: number } {
    return { given: this.texts.length - this.free.length, pinned: this.pinned, epoch: this.epoch };
  }

  /**
   * Gives back the numbers no index pins, when they are most of those given (and more than
   * ID_TUNING.sweepFrom): called by a term index when it is up to date, so that the numbers
   * of every pair it holds are pinned. Returns whether it swept.
   */
  sweepIfDead(): boolean {
    const given = this.texts.length - this.free.length;
    if (given - this.pinned <= Math.max(ID_TUNING.sweepFrom, ID_TUNING.deadShare * this.pinned)) return false;
    this.sweep();
    return true;
  }

  /** Forgets every number, pinned or not (the memory benchmark, once nothing holds a list or an index). */
  clear(): void {
    this.texts = [];
    this.byText = new Map();
    this.born = new Int32Array(1024);
    this.pins = new Int32Array(1024);
    this.marks = new Int32Array(1024);
    this.free = [];
    this.pinned = 0;
    this.epoch++;
    for (const fn of this.onSweep) fn();
  }

  sweep(): void {
    this.epoch++;
    const { texts, pins, born } = this;
    for (let id = 0; id < texts.length; id++) {
      if (pins[id] !== 0 || texts[id] === '') continue;
      this.byText.delete(texts[id]);
      texts[id] = '';
      born[id] = this.epoch;
      this.free.push(id);
    }
    // the smallest numbers are given first (pop), so that the table stays short
    this.free.sort((a, b) => b - a);
    for (const fn of this.onSweep) fn();
  }
}

/** Chinese candidate texts (CandidateList.ids). */
export const zhTexts = new TextTable();
/** English term keys (TermList). */
export const enKeys = new TextTable();

/** Sweeps both tables if their dead numbers dominate (see TextTable.sweepIfDead); whether one swept. */
export function sweepIfDead(): boolean {
  const a = zhTexts.sweepIfDead();
  const b = enKeys.sweepIfDead();
  return a || b;
}

/** Sweeps both tables (tests). */
export function sweep(): void {
  zhTexts.sweep();
  enKeys.sweep();
}
