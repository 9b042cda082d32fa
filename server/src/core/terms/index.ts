// The document-wide term index: which pairs use which English term and which
// Chinese candidate renderings, updated by delta (pairs added and removed since
// the last check), and the analysis that finds a term rendered more than one way.
//
// Evidence is statistical and deliberately strict (precision over recall):
// a rendering belongs to a term when it occurs only in pairs where the term
// occurs; two renderings are variants of each other when they never occur in
// the same pair, have the same length and share their last character (the head
// of a Chinese noun: 正极/阴极, 电动车/机动车); a term whose pairs all share one
// exclusive rendering is consistent. Coordinated terms with the same pairs
// (“anodes and cathodes” … “cathodes and anodes”) are matched to renderings in
// order of appearance.

import type { LineRec, Pair } from '../document';
import { candidateEnd, candidateIsWord, candidateList, candidateStart, candidateText, candidateTexts, hasCandidate, renewCandidates, type CandidateList } from './chinese';
import { bucketOf, enKeys, sweepIfDead, zhTexts } from './ids';
import type { Numbers } from './pool';
import { COMMON_WORDS } from './common-words';
import { renewTerms, termEnd, termIndexOf, termIndexOfId, termKind, termList, termsOf, termStart, type TermList, type TermOccurrence } from './english';

export interface PairEntry {
  source: LineRec;
  target: LineRec;
  en: LineRec;
  zh: LineRec;
  /** The English line's terms (see TermList; their texts are slices of en.text). */
  terms: TermList;
  /** The Chinese line's candidates: their texts' numbers (ids.ts) are what the index counts by. */
  cands: CandidateList;
  /**
   * cands.data and cands.n (the candidates' numbers are its first candLen), read by the
   * loops over a term's pairs without going through the list object (a cache miss fewer
   * a pair: those loops read thousands of pairs on a keystroke).
   */
  candIds: Numbers;
  candLen: number;
  /** terms.data (the same reason: PairList.has reads it for every pair of a term). */
  termData: Numbers;
  stamp: number;
  /** Another file of the workspace (absent: the document itself). */
  path?: string;
}

/** A pair of another file, for workspace-wide consistency. */
export interface ExternalPair {
  pair: Pair;
  path: string;
}

export interface RenderingUse {
  entry: PairEntry;
  /** The rendering in the Chinese line. */
  start: number;
  end: number;
  /** The term in the English line. */
  termStart: number;
  termEnd: number;
}

export interface TermResult {
  key: string;
  /** The term as first written in the document. */
  display: string;
  pairs: number;
  /** Renderings by number of uses, most used first (only for inconsistent terms: the variants). */
  renderings: { text: string; uses: RenderingUse[] }[];
  inconsistent: boolean;
  /**
   * @internal Set when the rendering was chosen by the fast path: the first pairs (in
   * document order) whose candidates it tried. Lets stillConsistent() give exactly
   * what analyze() would.
   */
  quickFrom?: PairEntry[];
}

/** Document order of index entries: the document's own pairs first, then other files by path. */
function byPosition(a: PairEntry, b: PairEntry): number {
  const pa = a.path ?? '';
  const pb = b.path ?? '';
  return pa < pb ? -1 : pa > pb ? 1 : a.zh.line - b.zh.line;
}

/**
 * The `k` first entries of P in document order: the first k of its items known to be in
 * that order (PairList.sorted) and the k first of those after them (a linear scan of
 * those: P may hold 5000 pairs, a keystroke's edited pair is the only one after them).
 */
function firstEntries(P: PairList, k: number): PairEntry[] {
  const items = P.items;
  const s = P.pending === 0 ? Math.min(P.sorted, items.length) : 0;
  const from = s === 0 ? items : s === items.length ? items.slice(0, k) : [...items.slice(0, Math.min(k, s)), ...items.slice(s)];
  const out: PairEntry[] = [];
  for (const e of from) {
    if (out.length === k && byPosition(e, out[k - 1]) >= 0) continue;
    let i = out.length < k ? out.length : k - 1;
    out[i] = e;
    while (i > 0 && byPosition(out[i], out[i - 1]) < 0) {
      [out[i], out[i - 1]] = [out[i - 1], out[i]];
      i--;
    }
  }
  return out;
}

const QUICK_FROM = 3;
/**
 * Terms of fewer pairs than `noneByCountsFrom` are analysed again after an edit of their
 * Chinese lines (cheap: not kept in noneByCounts). Tests lower it to exercise the shortcut
 * on small documents.
 */
export const TERM_TUNING = { noneByCountsFrom: 64 };

/** Terms used in more pairs than this are not analysed (they are everywhere and rendered by context). */
export const MAX_TERM_PAIRS = 5000;
/** Candidates in more pairs than this do not trigger re-analysis of every term near them. */
const FANOUT = 64;
const BUCKET_CAP = 40;

export function enTerms(rec: LineRec): TermList {
  return rec.memo('terms.en', termList);
}

/** The candidates of a Chinese line, memoised; `compute` gives them when not yet memoised (the CLI passes segments found by another thread). */
export function zhCandidates(rec: LineRec, compute: (text: string) => CandidateList = candidateList): CandidateList {
  return rec.memo('terms.zh', compute);
}

/** How far apart (0–1, relative to line length) a term and its rendering sit in their lines. */
function placed(u: RenderingUse): number {
  const en = (u.termStart + u.termEnd) / 2 / Math.max(1, u.entry.en.text.length);
  const zh = (u.start + u.end) / 2 / Math.max(1, u.entry.zh.text.length);
  return Math.abs(en - zh);
}

/**
 * The pairs of a term, in the order they were indexed: an array (a Set cost about 30
 * bytes per pair and term, 28 terms a pair). `has` asks the pair itself, so it holds for
 * pairs of the index only (not for one removed from it). Removals are applied by
 * TermIndex.update() at its end, all at once (see compact()).
 */
export class PairList implements Iterable<PairEntry> {
  /** Pairs removed from `items` but not yet dropped from it (TermIndex.update). */
  pending = 0;
  constructor(
    readonly key: string,
    public items: PairEntry[] = [],
    /**
     * How many of the first items are known to be in document order (all after a first
     * check; a pair indexed again after an edit goes last). Edits keep the order of the
     * pairs they leave in place (lines move together), and removal keeps the order of the rest.
     */
    public sorted = 0,
  ) {}
  get size(): number {
    return this.items.length - this.pending;
  }
  /** The number of the key (ids.ts: enKeys) and the epoch it was looked up in. */
  private keyId = -1;
  private keyEpoch = -1;
  has(e: PairEntry): boolean {
    if (this.keyId < 0 || this.keyEpoch !== enKeys.epoch) {
      this.keyId = enKeys.find(this.key) ?? -1;
      this.keyEpoch = enKeys.epoch;
      if (this.keyId < 0) return false;
    }
    const d = e.termData;
    const id = this.keyId;
    for (let i = 2; i < d.length; i += 3) if (d[i] === id) return true;
    return false;
  }
  [Symbol.iterator](): Iterator<PairEntry> {
    return this.items[Symbol.iterator]();
  }
}

type CandidateRecords = Map<string, { pairs: Set<PairEntry>; uses: { entry: PairEntry; start: number; end: number; word: boolean }[] }>;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(value);
  if (s.size === 0) map.delete(key);
}

export class TermIndex {
  private entries = new Map<LineRec, PairEntry>();
  readonly termPairs = new Map<string, PairList>();
  /** Lists with pairs removed during this update, and those pairs (dropped at its end). */
  private toCompact = new Set<PairList>();
  private removedNow = new Set<PairEntry>();
  /**
   * For each candidate text (by its number): how many pairs have it, and while that is
   * at most FANOUT, which ones. Most candidate occurrences are of frequent texts (表示,
   * 公司), for which a set of pairs would cost an entry per occurrence and is never read:
   * exclusivity needs only the count (see exclusiveIn). A text's set is dropped (null)
   * when its count passes FANOUT and rebuilt from the entries if it falls back and is asked for.
   */
  private candCount = new Int32Array(256);
  /** candCount, for ids.ts to unpin this index's numbers when it is collected. */
  private pinsHeld = { counts: this.candCount };
  /** For each English key (by its number, ids.ts: enKeys): how many pairs have it (pinned while positive). */
  private keyCount = new Int32Array(256);
  private keysHeld = { counts: this.keyCount };
  private candMembers: (PairEntry[] | null | undefined)[] = [];
  private results = new Map<string, TermResult>();
  private dirty = new Set<string>();
  /** Rendering text → terms whose result uses it (to re-analyse them when it moves). */
  private renderingTerms = new Map<string, Set<string>>();
  private inconsistentKeys = new Set<string>();
  private stamp = 0;
  private bulk = false;
  /** The sweeps of the text numbers (ids.ts) seen: noneByCounts keeps numbers, dropped after one. */
  private epochSeen = zhTexts.epoch;
  /**
   * Terms whose last analysis found nothing without looking at where words sit in
   * their lines (see stillNone): the Chinese lines of the first pairs it read.
   */
  private noneBasis = new Map<string, LineRec[]>();
  /**
   * Terms (of many pairs, not names) whose last analysis found nothing without looking at
   * positions: no exclusive text in every pair, and no bucket of possible variants (same
   * length and last character) that could cover 80% of the pairs or, in those that could,
   * no two members apart (see stillNoneAfterZhEdit).
   * `frequent`: the texts exclusive to the term then in more than FANOUT / 2 of its pairs,
   * each with whether one of its uses is a word (or has been since: true stays true);
   * whether a text of more than FANOUT pairs is exclusive is not known without a pass
   * over the pairs. `edits`: the Chinese-line edits kept since (each moves a count by one
   * at most, so after FANOUT / 2 of them a text outside `frequent` could pass FANOUT).
   * `witnesses`: when buckets could hold variants, a pair showing, for each two of their
   * members, that they are not apart (see notApart).
   */
  private noneByCounts = new Map<string, NoneByCounts>();
  private lastNoneByCounts: NoneByCounts | undefined;
  /** The candidate texts (numbers) of this index's pairs, by bucketOf(text): the possible variants of each other. */
  private buckets = new Map<number, number[]>();
  private positionsUsed = false;
  /** For each term, the pair its display text was taken from. */
  private displayFrom = new Map<string, PairEntry>();
  /** Pairs of other files in the index. */
  private externalEntries = 0;
  private lastNoneBasis: LineRec[] | undefined;
  /** For the changes since the last refresh: each added pair with the removed pair it replaces (same Chinese line), or null. */
  private replacements: Map<PairEntry, PairEntry> | null | undefined;
  private scratch = { gen: new Int32Array(256), inP: new Int32Array(256), ex: new Int8Array(256), word: new Uint8Array(256), nextGen: 0, chosen: new Int32Array(256), nextChosen: 0 };
  /** Pairs added and removed since the last refresh (for cheap re-analysis of consistent terms). */
  private addedSince = new Set<PairEntry>();
  private removedSince = new Set<PairEntry>();
  /** Pairs added and removed by the last update (for tests and the benchmark). */
  lastDelta = { added: 0, removed: 0 };
  /**
   * Terms the last refresh analysed in full, and those whose result it kept from the changed
   * pairs alone (of them, `keptZh` after an edit of a Chinese line: stillNoneAfterZhEdit) (for tests and the benchmark).
   */
  lastRefresh = { analysed: 0, kept: 0, keptZh: 0 };

  constructor() {
    zhTexts.unpinWhenCollected(this, this.pinsHeld);
    enKeys.unpinWhenCollected(this, this.keysHeld);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Brings the index up to date with the document's pairs (and those of other
   * files, for workspace consistency): only changed pairs are (re)indexed.
   */
  update(pairs: readonly Pair[], external: readonly ExternalPair[] = []): void {
    const stamp = ++this.stamp;
    const n = { added: 0, removed: 0 };
    // building from scratch: every term is analysed once at the end, no need to trace what each pair touches
    this.bulk = this.entries.size === 0;
    for (const pair of pairs) this.visit(pair, undefined, stamp, n);
    for (const x of external) this.visit(x.pair, x.path, stamp, n);
    if (this.entries.size > pairs.length + external.length) {
      for (const e of [...this.entries.values()]) {
        if (e.stamp !== stamp) {
          this.remove(e);
          n.removed++;
        }
      }
    }
    this.settleRemovals();
    if (this.bulk) for (const [key, list] of this.termPairs) {
      this.dirty.add(key);
      // (lists grown by push have room to grow: after a first check keep them exactly as long)
      if (list.items.length > 16) list.items = list.items.slice();
    }
    this.bulk = false;
    this.lastDelta = n;
  }

  /**
   * The end of every update: drops the pairs removed during it from their terms' lists
   * (removal leaves them there until now, so that a list is filtered once however many of
   * its pairs went).
   */
  private settleRemovals(): void {
    // a keystroke removes one pair: taken out where it is (the same order as filtering, without a call per pair)
    const few = this.removedNow.size <= 4 ? [...this.removedNow] : undefined;
    for (const list of this.toCompact) {
      if (few && list.pending <= few.length) {
        const items = list.items;
        for (const e of few) {
          if (!list.has(e)) continue;
          const i = items.indexOf(e);
          if (i < 0) continue;
          items.splice(i, 1);
          if (i < list.sorted) list.sorted--;
        }
      } else {
        let sorted = 0;
        list.items = list.items.filter((e, i) => {
          const keep = !this.removedNow.has(e);
          if (keep && i < list.sorted) sorted++;
          return keep;
        });
        list.sorted = sorted;
      }
      list.pending = 0;
    }
    this.toCompact.clear();
    this.removedNow.clear();
  }

  /** True when updateDelta() may be used: the index holds this document's pairs only. */
  get deltaReady(): boolean {
    return this.entries.size > 0 && this.externalEntries === 0;
  }

  /**
   * The same as update(pairs) with no other file's pairs, for a document whose pairs
   * changed from the last update's by `removed` -> `added` (pairDelta): only the changed
   * pairs are visited, not the 100,000 pairs of a book on every keystroke. In update()'s
   * order: the added pairs in document order (a re-paired pair with the same lines keeps
   * its entry), then the entries of the removed pairs that are gone.
   */
  updateDelta(removed: readonly Pair[], added: readonly Pair[]): void {
    const stamp = ++this.stamp;
    const n = { added: 0, removed: 0 };
    this.bulk = false;
    for (const pair of added) this.visit(pair, undefined, stamp, n);
    for (const pair of removed) {
      const e = this.entries.get(pair.source);
      if (e && e.stamp !== stamp && e.target === pair.target) {
        this.remove(e);
        n.removed++;
      }
    }
    this.settleRemovals();
    this.lastDelta = n;
  }

  /** Keeps (and stamps) the entry of a pair whose lines and file are unchanged, or indexes the pair anew in place of its old entry. */
  private visit(pair: Pair, path: string | undefined, stamp: number, n: { added: number; removed: number }): void {
    const e = this.entries.get(pair.source);
    if (e && e.target === pair.target && e.path === path) {
      e.stamp = stamp;
      return;
    }
    if (e) {
      this.remove(e);
      n.removed++;
    }
    this.add(pair, stamp, path);
    n.added++;
  }

  private add(pair: Pair, stamp: number, path?: string): void {
    const enIsSource = pair.sourceLang === 'en';
    const en = enIsSource ? pair.source : pair.target;
    const zh = enIsSource ? pair.target : pair.source;
    // (a list made before a sweep of the text numbers may hold numbers given back: made again)
    const cands = renewCandidates(zhCandidates(zh), zh.text);
    const terms = renewTerms(enTerms(en), en.text);
    const e: PairEntry = { source: pair.source, target: pair.target, en, zh, terms, cands, candIds: cands.data, candLen: cands.n, termData: terms.data, stamp, path };
    this.entries.set(pair.source, e);
    if (path !== undefined) this.externalEntries++;
    if (!this.bulk) this.addedSince.add(e);
    const d = terms.data;
    if (this.keyCount.length < enKeys.capacity()) this.growKeyCounts(enKeys.capacity());
    for (let i = 0; i < d.length; i += 3) {
      const kid = d[i + 2];
      const key = enKeys.text(kid);
      this.countKind(key, d[i + 1], 1);
      if ((d[i + 1] & 8) === 0) {
        if (++this.keyCount[kid] === 1) enKeys.pin(kid);
        const list = this.termPairs.get(key);
        if (list) {
          const items = list.items;
          // still in document order (as when a document is first indexed)
          if (list.pending === 0 && list.sorted === items.length && (items.length === 0 || byPosition(items[items.length - 1], e) < 0)) list.sorted++;
          items.push(e);
        } else this.termPairs.set(key, new PairList(key, [e], 1));
      }
    }
    const ids = cands.data;
    if (this.candCount.length < zhTexts.capacity()) this.growCounts(zhTexts.capacity());
    for (let i = 0, n = cands.n; i < n; i++) {
      const v = ids[i];
      if (v & 2) continue; // the same text twice in the line
      const id = v >> 2;
      const count = ++this.candCount[id];
      if (count === 1) {
        zhTexts.pin(id);
        const b = bucketOf(zhTexts.text(id));
        const list = this.buckets.get(b);
        if (list) list.push(id);
        else this.buckets.set(b, [id]);
      }
      const m = this.candMembers[id];
      if (count > FANOUT) this.candMembers[id] = null;
      else if (m) m.push(e);
      else if (m === undefined) this.candMembers[id] = [e];
    }
    this.touch(e);
  }

  private remove(e: PairEntry): void {
    this.entries.delete(e.source);
    if (e.path !== undefined) this.externalEntries--;
    if (!this.addedSince.delete(e)) this.removedSince.add(e);
    const d = e.terms.data;
    for (let i = 0; i < d.length; i += 3) {
      const kid = d[i + 2];
      const key = enKeys.text(kid);
      this.countKind(key, d[i + 1], -1);
      if ((d[i + 1] & 8) !== 0) continue; // once per pair
      if (--this.keyCount[kid] === 0) enKeys.unpin(kid);
      const list = this.termPairs.get(key);
      if (!list) continue;
      // the same as deleting from a Set: the key leaves the map (and comes back last) when its last pair goes
      if (list.size === 1) this.termPairs.delete(key);
      else {
        list.pending++;
        this.toCompact.add(list);
        this.removedNow.add(e);
      }
    }
    const ids = e.candIds;
    for (let i = 0, n = e.candLen; i < n; i++) {
      const v = ids[i];
      if (v & 2) continue;
      const id = v >> 2;
      const count = --this.candCount[id];
      const m = this.candMembers[id];
      if (count === 0) {
        this.candMembers[id] = undefined;
        zhTexts.unpin(id);
        const b = bucketOf(zhTexts.text(id));
        const list = this.buckets.get(b)!;
        if (list.length === 1) this.buckets.delete(b);
        else {
          // (the order of a bucket's texts does not matter: stillNoneAfterZhEdit sums and pairs them)
          list[list.indexOf(id)] = list[list.length - 1];
          list.pop();
        }
      } else if (m) m.splice(m.indexOf(e), 1);
    }
    this.touch(e);
  }

  private growCounts(to: number): void {
    this.candCount = this.pinsHeld.counts = grownCounts(this.candCount, to);
  }

  private growKeyCounts(to: number): void {
    this.keyCount = this.keysHeld.counts = grownCounts(this.keyCount, to);
  }

  /**
   * Occurrences of each term by kind, over the pairs indexed: [noun or phrase, name,
   * noun, plainly a noun (any kind but a bare noun, or a nounish one)]. analyze() reads
   * whether each is non-zero instead of walking every term of every pair of the term.
   */
  private kinds = new Map<string, Int32Array>();
  /** `v`: the second span word of the occurrence in its TermList (kind, and whether plainly a noun). */
  private countKind(key: string, v: number, d: 1 | -1): void {
    let k = this.kinds.get(key);
    if (!k) this.kinds.set(key, (k = new Int32Array(4)));
    const kind = termKindOf(v);
    if (kind === 'noun' || kind === 'phrase') k[0] += d;
    if (kind === 'name') k[1] += d;
    if (kind === 'noun') k[2] += d;
    if (kind !== 'noun' || (v & 4) !== 0) k[3] += d;
    if (d < 0 && k[0] === 0 && k[1] === 0 && k[2] === 0 && k[3] === 0) this.kinds.delete(key);
  }

  /** The pairs that have candidate text `id`, for a text in at most FANOUT pairs. */
  private membersOf(id: number): readonly PairEntry[] {
    const m = this.candMembers[id];
    if (m) return m;
    const out: PairEntry[] = [];
    if (m === null) {
      // dropped when the text was frequent: gather them again (rare: a frequent text became rare)
      for (const e of this.entries.values()) {
        const ids = e.candIds;
        for (let i = 0, n = e.candLen; i < n; i++)
          if (ids[i] >> 2 === id) {
            out.push(e);
            break;
          }
      }
      this.candMembers[id] = out;
    }
    return out;
  }

  /**
   * Exclusivity of every candidate text of P at once (a text is exclusive when every
   * pair that has it as a candidate is in P): one pass counts, for each text, the pairs
   * of P that have it; it is exclusive when that is all the pairs that have it. Also
   * gives the texts in the order they are first met, and whether one of their uses is a
   * single word. Valid until the next call.
   */
  private exclusiveIn(P: PairList): { is: (id: number) => boolean; pairs: (id: number) => number; word: (id: number) => boolean; order: number[] } {
    const sc = this.scratch;
    const size = zhTexts.capacity();
    if (sc.gen.length < size) {
      const len = Math.max(size, sc.gen.length * 2);
      sc.gen = new Int32Array(len);
      sc.inP = new Int32Array(len);
      sc.ex = new Int8Array(len);
      sc.word = new Uint8Array(len);
      sc.nextGen = 0;
    }
    if (sc.nextGen > 0x3fffffff) {
      sc.gen.fill(0);
      sc.nextGen = 0;
    }
    const g = ++sc.nextGen;
    const { gen, inP, ex, word } = sc;
    const order: number[] = [];
    for (const e of P) {
      const ids = e.candIds;
      for (let i = 0, n = e.candLen; i < n; i++) {
        const v = ids[i];
        const id = v >> 2;
        if (gen[id] !== g) {
          gen[id] = g;
          inP[id] = 0;
          ex[id] = 0;
          word[id] = 0;
          order.push(id);
        }
        word[id] |= v & 1;
        // a text counts once per pair (its first candidate in the line)
        inP[id] += ((v >> 1) & 1) ^ 1;
      }
    }
    return {
      is: (id: number): boolean => {
        if (gen[id] !== g) return false;
        if (ex[id] === 0) ex[id] = inP[id] === this.candCount[id] ? 1 : 2;
        return ex[id] === 1;
      },
      pairs: (id: number) => (gen[id] === g ? inP[id] : 0),
      word: (id: number) => gen[id] === g && word[id] === 1,
      order,
    };
  }

  private dirtyKeys(l: TermList): void {
    const d = l.data;
    for (let i = 2; i < d.length; i += 3) this.dirty.add(enKeys.text(d[i]));
  }

  /** Marks the terms whose analysis may change with this pair. */
  private touch(e: PairEntry): void {
    if (this.bulk) return;
    this.dirtyKeys(e.terms);
    const ids = e.candIds;
    for (let i = 0, n = e.candLen; i < n; i++) {
      const id = ids[i] >> 2;
      const count = this.candCount[id];
      if (count > 0 && count <= FANOUT) for (const p of this.membersOf(id)) this.dirtyKeys(p.terms);
      const users = this.renderingTerms.get(zhTexts.text(id));
      if (users) for (const k of users) this.dirty.add(k);
    }
  }

  /** Re-analyses the terms touched since the last call; returns the keys of inconsistent terms. */
  refresh(): ReadonlySet<string> {
    if (this.dirty.size) this.lastRefresh = { analysed: 0, kept: 0, keptZh: 0 };
    if (this.epochSeen !== zhTexts.epoch) {
      this.noneByCounts.clear();
      this.epochSeen = zhTexts.epoch;
    }
    for (const key of this.dirty) {
      const old = this.results.get(key);
      if (old) for (const r of old.renderings) removeFrom(this.renderingTerms, r.text, key);
      let res: TermResult | undefined;
      if (this.termPairs.has(key)) {
        res = old && (this.stillConsistent(key, old) ?? this.stillNone(key, old));
        if (!res && old) {
          res = this.stillNoneAfterZhEdit(key, old);
          if (res) this.lastRefresh.keptZh++;
        }
        if (res) {
          this.lastRefresh.kept++;
          if (res.renderings.length) {
            this.noneBasis.delete(key);
            this.noneByCounts.delete(key);
          }
        } else {
          this.lastRefresh.analysed++;
          res = this.analyze(key);
          if (this.lastNoneBasis) this.noneBasis.set(key, this.lastNoneBasis);
          else this.noneBasis.delete(key);
          if (this.lastNoneBasis && this.lastNoneByCounts) this.noneByCounts.set(key, this.lastNoneByCounts);
          else this.noneByCounts.delete(key);
        }
      } else {
        this.noneBasis.delete(key);
        this.noneByCounts.delete(key);
      }
      if (res) {
        this.results.set(key, res);
        for (const r of res.renderings) addTo(this.renderingTerms, r.text, key);
      } else this.results.delete(key);
      if (res?.inconsistent) this.inconsistentKeys.add(key);
      else this.inconsistentKeys.delete(key);
    }
    this.dirty.clear();
    this.addedSince.clear();
    this.removedSince.clear();
    this.replacements = undefined;
    this.zhEdit = undefined;
    // every pair indexed has its texts' numbers pinned: those nobody pins may be given back
    if (sweepIfDead()) {
      this.noneByCounts.clear();
      this.epochSeen = zhTexts.epoch;
    }
    return this.inconsistentKeys;
  }

  /**
   * A term found consistent (one exclusive rendering R in all its pairs) stays so
   * when every pair added since contains R if it has the term, and has the term if
   * it contains R: then only the changed pairs are looked at, not all the term's pairs.
   */
  private stillConsistent(key: string, old: TermResult): TermResult | undefined {
    if (old.inconsistent || old.renderings.length !== 1 || !old.quickFrom) return undefined;
    const R = old.renderings[0].text;
    const P = this.termPairs.get(key)!;
    if (P.size < 2 || P.size > MAX_TERM_PAIRS) return undefined;
    if (this.addedSince.size + this.removedSince.size > 64) return undefined;
    for (const e of this.addedSince) {
      const hasTerm = P.has(e);
      if (hasTerm && !e.zh.text.includes(R)) return undefined;
      if (!hasTerm && hasCandidate(e.cands, R)) return undefined;
      // a name takes the slow path (spelling variants) in analyze()
      if (hasTerm && hasKind(e.terms, key, 'name')) return undefined;
    }
    // analyze() tries the candidates of the first pairs: they must be the same pairs
    const first = firstEntries(P, QUICK_FROM);
    if (first.length !== old.quickFrom.length || first.some((e, i) => e !== old.quickFrom![i])) return undefined;
    // a longer candidate analyze() tried before R may qualify now: when a pair that lacked it
    // left, or a pair outside the term that had it (so it was not exclusive) left
    const tried = first.flatMap((e) => candidateTexts(e.cands)).sort((a, b) => b.length - a.length);
    const exclusiveP: LazyExclusive = {};
    for (const c of tried) {
      if (c.length <= R.length) break;
      let changed = false;
      for (const e of this.removedSince) {
        const hadTerm = termIndexOf(e.terms, key) >= 0;
        if (hadTerm ? !e.zh.text.includes(c) : hasCandidate(e.cands, c)) changed = true;
      }
      if (!changed) continue;
      let all = this.isExclusive(zhTexts.find(c)!, P, exclusiveP);
      if (all) for (const e of P) if (!e.zh.text.includes(c)) { all = false; break; }
      if (all) return undefined;
    }
    return { ...old, display: this.keptDisplay(key, old, P), pairs: P.size, renderings: [this.lazyRendering(key, R, P)] };
  }

  /**
   * A term found to have no rendering, by an analysis that never looked at where
   * words sit in their lines (only at which pairs hold which candidate texts), keeps
   * that result when every pair changed since was replaced by one with the same
   * Chinese line (an edit of the English line) that has this term the same way
   * (same occurrences' kinds), and the first pairs read are the same: the analysis
   * would then see the same sets, and find nothing again. This saves re-analysing
   * the thousands of pairs of a frequent term on every keystroke.
   */
  private stillNone(key: string, old: TermResult): TermResult | undefined {
    if (old.inconsistent || old.renderings.length !== 0) return undefined;
    const basis = this.noneBasis.get(key);
    const P = this.termPairs.get(key);
    if (!basis || !P || P.size !== old.pairs) return undefined;
    const repl = this.replacementsSince();
    if (!repl) return undefined;
    for (const [added, removed] of repl) if (!sameUse(added, removed, key)) return undefined;
    if (!this.firstStill(P, basis)) {
      const first = firstEntries(P, basis.length);
      if (first.length !== basis.length || first.some((e, i) => e.zh !== basis[i])) return undefined;
    }
    return { ...old, display: this.keptDisplay(key, old, P), pairs: P.size };
  }

  /**
   * True when the first pairs of P in document order (firstEntries) certainly still have
   * the Chinese lines `basis`, as they had when the term was last looked at, without a scan
   * of P (thousands of pairs for a frequent term, on every keystroke): no pair removed since
   * had one of those lines, and every pair of P added since comes after the last of them.
   * (Edits keep the order of the lines they do not touch.) False: scan.
   */
  private firstStill(P: PairList, basis: readonly LineRec[]): boolean {
    if (this.externalEntries > 0 || basis.length === 0 || this.addedSince.size + this.removedSince.size > 64) return false;
    for (const e of this.removedSince) if (basis.includes(e.zh)) return false;
    const last = basis[basis.length - 1].line;
    for (const e of this.addedSince) if (e.zh.line <= last && P.has(e)) return false;
    return true;
  }

  /**
   * A term of many pairs found to have no rendering from the counts alone (noneByCounts),
   * after an edit of one pair's Chinese line (the same English line: the same terms, the
   * same pairs of every term). Only the texts of the old and new lines change: how many
   * of the term's pairs have them (by one), whether they are exclusive to it, whether one
   * of their uses is a word. So only their buckets can come to hold a family of variants,
   * and only a text of the new line can come to be in every pair; when none can (counted
   * generously: every exclusive text of the bucket, word or not, however many), the
   * analysis would find nothing again. Exact, or undefined (then analyze()).
   */
  private stillNoneAfterZhEdit(key: string, old: TermResult): TermResult | undefined {
    const byCounts = this.noneByCounts.get(key);
    if (old.inconsistent || old.renderings.length !== 0 || !byCounts || byCounts.edits >= FANOUT >> 1) return undefined;
    const basis = this.noneBasis.get(key);
    const P = this.termPairs.get(key);
    if (!basis || !P || P.size !== old.pairs) return undefined;
    const edit = this.zhEditSince();
    if (!edit) return undefined;
    const n = P.size;
    // too few or too many pairs to be analysed: the same number of pairs, the same result
    if (n < 2 || n > MAX_TERM_PAIRS) return { ...old, display: this.keptDisplay(key, old, P), pairs: n };
    // the first pairs, whose candidates the fast path tries, are the same (their Chinese lines too)
    const first = firstEntries(P, basis.length);
    if (first.length !== basis.length || first.some((e, i) => e.zh !== basis[i])) return undefined;
    const { frequent } = byCounts;
    const inP = P.has(edit.added);
    if (inP) {
      // a text of the new line only now in one more pair: in every pair?
      for (const id of edit.fresh) if (this.candCount[id] === n) return undefined;
      // the fast path: a text of the first pairs now in the edited line's text, and not before,
      // and so perhaps in every pair's (the others' lines and every text's exclusivity are the same)
      const a = edit.added.zh.text;
      const r = edit.removed.zh.text;
      for (const e of first)
        for (let i = 0; i < e.cands.n; i++) {
          const c = candidateText(e.cands, i);
          if (a.includes(c) && !r.includes(c) && inEveryLine(P, c)) return undefined;
        }
      // a use in the new line as a word
      const ids = edit.added.cands.data;
      for (let i = 0, n = edit.added.cands.n; i < n; i++) if (ids[i] & 1 && frequent.get(ids[i] >> 2) === false) frequent.set(ids[i] >> 2, true);
    } else {
      // a text of the old line only, in one pair fewer outside the term, may have become exclusive to it
      for (const id of edit.gone) {
        const count = this.candCount[id];
        if (count === 0 || count > n) continue;
        if (count > FANOUT) return undefined;
        let all = true;
        for (const p of this.membersOf(id)) if (!P.has(p)) { all = false; break; }
        if (all) return undefined;
      }
    }
    // the buckets the changed texts are in: could one hold a family of variants now?
    // (when one could by its counts: only if two of its members are now apart)
    for (const b of edit.buckets) {
      const list = this.buckets.get(b);
      if (!list) continue;
      const members: number[] = [];
      let total = 0;
      for (const id of list) {
        const c = this.asVariant(id, P, frequent);
        if (c === 0) continue;
        members.push(id);
        total += c;
      }
      if (members.length < 2 || total < 0.8 * n) continue;
      if (!byCounts.witnesses || members.length > BUCKET_CAP || !this.notApart(members, byCounts.witnesses, inP ? edit.added : undefined)) return undefined;
    }
    byCounts.edits++;
    return { ...old, display: this.keptDisplay(key, old, P), pairs: n };
  }

  /**
   * No two of the texts (the members, or more, of a bucket of possible variants) are apart
   * (analyzeTerm: each is in the Chinese line of a pair where the other is a candidate),
   * shown by a witness pair for each two that differ before their last character: the one
   * the last analysis found (valid while that pair is indexed: its lines and the term's
   * pairs are the same), or `added`, the edited pair when it is a pair of the term. False
   * when one lacks a witness.
   */
  private notApart(members: number[], witnesses: Map<string, PairEntry>, added: PairEntry | undefined): boolean {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const x = zhTexts.text(members[i]);
        const y = zhTexts.text(members[j]);
        if (x[x.length - 2] === y[y.length - 2]) continue; // never a family edge
        const k = witnessKey(x, y);
        const w = witnesses.get(k);
        if (w && this.entries.get(w.source) === w) continue;
        if (!added || !witnesses2(added, x, y)) return false;
        witnesses.set(k, added);
      }
    return true;
  }

  /**
   * At most how many pairs of P have candidate text `id` when it could be a member of a
   * family of variants (exclusive to P, and one of its uses in P a word), else 0: exact
   * for a text of at most FANOUT pairs; for a more frequent one, from `frequent` (see
   * noneByCounts).
   */
  private asVariant(id: number, P: PairList, frequent: Map<number, boolean>): number {
    // (the counts grow with the texts this index has: a number past them counts 0)
    const count = this.candCount[id] | 0;
    if (count === 0 || count > P.size) return 0;
    if (count > FANOUT) return frequent.get(id) ? count : 0;
    let word = false;
    for (const p of this.membersOf(id)) {
      if (!P.has(p)) return 0;
      const ids = p.candIds;
      if (!word) for (let i = 0, n = p.candLen; i < n; i++) if (ids[i] >> 2 === id && ids[i] & 1) { word = true; break; }
    }
    return word ? count : 0;
  }

  /** For the changes since the last refresh: one pair whose Chinese line alone changed, with the numbers of the texts only its new (fresh) or old (gone) line has. */
  private zhEdit: { added: PairEntry; removed: PairEntry; fresh: number[]; gone: number[]; buckets: number[] } | null | undefined;
  private zhEditSince(): { added: PairEntry; removed: PairEntry; fresh: number[]; gone: number[]; buckets: number[] } | null {
    if (this.zhEdit !== undefined) return this.zhEdit;
    this.zhEdit = null;
    if (this.addedSince.size !== 1 || this.removedSince.size !== 1) return null;
    const added = this.addedSince.values().next().value as PairEntry;
    const removed = this.removedSince.values().next().value as PairEntry;
    if (added.en !== removed.en || added.terms !== removed.terms || added.path !== removed.path || added.path !== undefined) return null;
    // (the removed pair's numbers are still given: numbers are given back only after a refresh)
    const oldIds = new Set<number>();
    for (let i = 0; i < removed.cands.n; i++) oldIds.add(removed.cands.data[i] >> 2);
    const newIds = new Set<number>();
    for (let i = 0; i < added.cands.n; i++) newIds.add(added.cands.data[i] >> 2);
    const fresh = [...newIds].filter((id) => !oldIds.has(id));
    const gone = [...oldIds].filter((id) => !newIds.has(id));
    const buckets = new Set<number>();
    for (const id of newIds) buckets.add(bucketOf(zhTexts.text(id)));
    for (const id of gone) buckets.add(bucketOf(zhTexts.text(id)));
    return (this.zhEdit = { added, removed, fresh, gone, buckets: [...buckets] });
  }

  private replacementsSince(): Map<PairEntry, PairEntry> | null {
    if (this.replacements !== undefined) return this.replacements;
    this.replacements = null;
    if (this.addedSince.size !== this.removedSince.size || this.addedSince.size > 64) return null;
    const byZh = new Map<LineRec, PairEntry[]>();
    for (const e of this.removedSince) {
      const list = byZh.get(e.zh);
      if (list) list.push(e);
      else byZh.set(e.zh, [e]);
    }
    const out = new Map<PairEntry, PairEntry>();
    for (const e of this.addedSince) {
      const o = byZh.get(e.zh)?.pop();
      if (!o || o.cands !== e.cands || o.path !== e.path) return null;
      out.set(e, o);
    }
    return (this.replacements = out);
  }

  /** The term as first written in the document (and the pair it was taken from). */
  private displayOf(key: string, P: PairList): string {
    let display = key;
    let firstLine = Infinity;
    let first: PairEntry | undefined;
    for (const e of P) {
      if (e.en.line < firstLine) {
        firstLine = e.en.line;
        first = e;
        const i = termIndexOf(e.terms, key);
        if (i < 0) display = key;
        else {
          const kind = termKind(e.terms, i);
          const text = e.en.text.slice(termStart(e.terms, i), termEnd(e.terms, i));
          display = kind === 'noun' || kind === 'phrase' ? text.toLowerCase() : text;
        }
      }
    }
    if (first) this.displayFrom.set(key, first);
    else this.displayFrom.delete(key);
    return display;
  }

  /**
   * The display text of a kept result: unchanged while the pair it came from is still
   * a pair of the term and no pair added since comes before it (lines of the document
   * move together, so their order holds); recomputed otherwise, and always when other
   * files' pairs are indexed (their lines do not move with this document's).
   */
  private keptDisplay(key: string, old: TermResult, P: PairList): string {
    const from = this.displayFrom.get(key);
    if (!from || this.entries.get(from.source) !== from || !P.has(from) || this.externalEntries > 0) return this.displayOf(key, P);
    for (const e of this.addedSince) if (e.en.line < from.en.line && P.has(e)) return this.displayOf(key, P);
    return old.display;
  }

  /** A consistent rendering: its uses (one per pair) are listed only when asked for (hover, terms view). */
  private lazyRendering(key: string, text: string, P: PairList): { text: string; uses: RenderingUse[] } {
    let uses: RenderingUse[] | undefined;
    const self = this;
    return {
      text,
      get uses(): RenderingUse[] {
        if (!uses) {
          uses = [];
          for (const e of P) {
            const start = e.zh.text.indexOf(text);
            if (start >= 0) uses.push(self.use({ entry: e, start, end: start + text.length }, key));
          }
          uses.sort((a, b) => a.entry.zh.line - b.entry.zh.line);
        }
        return uses;
      },
    };
  }

  result(key: string): TermResult | undefined {
    if (this.dirty.size) this.refresh();
    return this.results.get(key) ?? (this.termPairs.has(key) ? this.analyze(key) : undefined);
  }

  /** How many pairs of the index have the candidate text (0 for a text never seen). */
  candidateCount(text: string): number {
    const id = zhTexts.find(text);
    return id === undefined ? 0 : this.candCount[id] | 0;
  }

  /** Every term used in two pairs or more, with its renderings (for the terms view). */
  allTerms(): TermResult[] {
    this.refresh();
    const out: TermResult[] = [];
    for (const [key, ps] of this.termPairs) if (ps.size >= 2) out.push(this.results.get(key) ?? this.analyze(key));
    return out;
  }

  /** Candidate text `id`, which some pair of P has, occurs only in pairs of P (`exclusive` computes it for frequent texts). */
  private isExclusive(id: number, P: PairList, exclusive: LazyExclusive): boolean {
    const count = this.candCount[id];
    if (count === 0 || count > P.size) return false;
    // once the counts of P are known, they answer for every text
    if (exclusive.value) return exclusive.value.is(id);
    if (count > FANOUT) return (exclusive.value = this.exclusiveIn(P)).is(id);
    for (const p of this.membersOf(id)) if (!P.has(p)) return false;
    return true;
  }

  analyze(key: string): TermResult {
    this.positionsUsed = false;
    const res = this.analyzeTerm(key);
    this.lastNoneBasis = undefined;
    if (!res.inconsistent && res.renderings.length === 0 && !this.positionsUsed) {
      // the first pairs in document order, as analyzeTerm() reads them
      this.lastNoneBasis = this.lastFirst.map((e) => e.zh);
    } else this.lastNoneByCounts = undefined;
    this.lastFirst = [];
    return res;
  }

  /** The first pairs (QUICK_FROM, in document order) of the term analyzeTerm() last read. */
  private lastFirst: PairEntry[] = [];

  /** The term's pairs in document order: the index's own set when it is in that order already (as after a first check), else a sorted copy. */
  private inOrder(key: string): PairList {
    const S = this.termPairs.get(key);
    if (!S) return new PairList(key);
    const items = S.items;
    if (S.pending === 0 && S.sorted === items.length) return S;
    for (let i = 1; i < items.length; i++) if (byPosition(items[i - 1], items[i]) >= 0) return new PairList(key, [...items].sort(byPosition), items.length);
    return S;
  }

  private analyzeTerm(key: string): TermResult {
    this.lastNoneByCounts = undefined;
    // In document order: the choices below (first pairs tried, ties between candidates and
    // families) must not depend on the order in which edits added the pairs to the index,
    // or an incremental check would disagree with a fresh one.
    const P = this.inOrder(key);
    const n = P.size;
    const quickFrom: PairEntry[] = [];
    for (const e of P) {
      if (quickFrom.length === QUICK_FROM) break;
      quickFrom.push(e);
    }
    this.lastFirst = quickFrom;
    const display = this.displayOf(key, P);
    const none: TermResult = { key, display, pairs: n, renderings: [], inconsistent: false };
    if (n < 2 || n > MAX_TERM_PAIRS) {
      this.lastNoneByCounts = { frequent: new Map(), edits: 0 };
      return none;
    }
    // a lower-case word counts as a term only where it is plainly a noun somewhere (cathodes, the cathode)
    const kinds = this.kinds.get(key);
    const lowerCase = !!kinds && kinds[0] > 0;
    const isName = !!kinds && kinds[1] > 0;
    const kindNoun = !!kinds && kinds[2] > 0;
    const noun = !!kinds && kinds[3] > 0;
    const variantsAllowed = noun || !kindNoun;
    // general vocabulary (project, director) is rendered by context: it needs repeated evidence
    const general = lowerCase && key.split(' ').some((w) => COMMON_WORDS.has(w));

    // fast path: a rendering of the first pair that occurs in every pair of the term and nowhere else
    // (segmentation depends on context, so coverage is tested on the text itself)
    const firstCands: string[] = [];
    for (const e of quickFrom) for (let i = 0; i < e.cands.n; i++) firstCands.push(candidateText(e.cands, i));
    let quick: string | undefined;
    const exclusiveP: LazyExclusive = {};
    const tried = new Set<string>();
    if (isName) tried.add('\u0000'); // names look for spelling variants first (below)
    for (const c of firstCands.sort((a, b) => b.length - a.length)) {
      if (isName || tried.has(c)) continue;
      tried.add(c);
      if (quick && c.length <= quick.length) break;
      if (!this.isExclusive(zhTexts.find(c)!, P, exclusiveP)) continue;
      let all = true;
      for (const e of P) if (!e.zh.text.includes(c)) { all = false; break; }
      if (all) quick = c;
    }
    // (a copy of P when it is the index's own set: the uses are listed later, from the pairs of now)
    if (quick) return { ...none, renderings: [this.lazyRendering(key, quick, P === this.termPairs.get(key) ? new PairList(key, [...P.items]) : P)], quickFrom };
    // exclusive candidates: renderings that occur only where the term does
    const exclusive = (exclusiveP.value ??= this.exclusiveIn(P));
    // The uses of every exclusive text are gathered only for the texts the steps below
    // can use: a text in every pair (consistent), or the members of a family of variants
    // that could account for 80% of the pairs; counts decide that without them. Names
    // first look for spelling variants among all their exclusive texts of 3 characters or more.
    const exIds = exclusive.order.filter(exclusive.is);
    let bestId = -1;
    for (const id of exIds) if (exclusive.pairs(id) === n && (bestId < 0 || zhTexts.text(id).length > zhTexts.text(bestId).length)) bestId = id;
    const needed: number[] = [];
    if (bestId >= 0) needed.push(bestId);
    else if (variantsAllowed) {
      const buckets = new Map<string, number[]>();
      for (const id of exIds) {
        if (!exclusive.word(id)) continue;
        const text = zhTexts.text(id);
        const b = `${text.length}:${text[text.length - 1]}`;
        const list = buckets.get(b);
        if (list) list.push(id);
        else buckets.set(b, [id]);
      }
      for (const list of buckets.values()) {
        if (list.length < 2 || list.length > BUCKET_CAP) continue;
        let total = 0;
        for (const id of list) total += exclusive.pairs(id);
        if (total >= 0.8 * n) needed.push(...list);
      }
    }
    // for stillNoneAfterZhEdit (analyze() drops it unless the result is none without positions);
    // with buckets that could hold variants, the family step below adds why none did (witnesses)
    const witnesses = needed.length > 0 && bestId < 0 ? new Map<string, PairEntry>() : undefined;
    if (!isName && n >= TERM_TUNING.noneByCountsFrom) {
      const frequent = new Map<number, boolean>();
      for (const id of exIds) if (exclusive.pairs(id) > FANOUT >> 1) frequent.set(id, exclusive.word(id));
      this.lastNoneByCounts = { frequent, edits: 0, witnesses };
    }
    if (!isName && needed.length === 0) return none;
    let cands: CandidateRecords;
    if (isName) {
      const both = this.newChoice();
      const chosen = this.scratch.chosen;
      for (const id of needed) chosen[id] = both;
      // the exclusive texts of 3 characters or more by length (in the order they are met), and of
      // them only those nameVariants() can pair (one character apart, in a group it reads) need their uses
      const byLen = new Map<number, string[]>();
      for (const id of exIds) {
        const text = zhTexts.text(id);
        if (text.length < 3) continue;
        const list = byLen.get(text.length);
        if (list) list.push(text);
        else byLen.set(text.length, [text]);
      }
      for (const list of byLen.values()) {
        if (list.length < 2 || list.length > BUCKET_CAP) continue;
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++)
            if (oneApart(list[i], list[j])) chosen[zhTexts.find(list[i])!] = chosen[zhTexts.find(list[j])!] = both;
      }
      const all = this.records(P, both);
      const variant = this.nameVariants(key, P, all, none, byLen);
      if (variant) return variant;
      if (needed.length === 0) return none;
      const neededText = new Set(needed.map((id) => zhTexts.text(id)));
      cands = new Map();
      for (const [text, rec] of all) if (neededText.has(text)) cands.set(text, rec);
    } else {
      const mark = this.newChoice();
      const chosen = this.scratch.chosen;
      for (const id of needed) chosen[id] = mark;
      cands = this.records(P, mark);
    }
    // one exclusive rendering in every pair: consistent
    let best: string | undefined;
    for (const [text, rec] of cands) if (rec.pairs.size === n && (!best || text.length > best.length)) best = text;
    if (best) {
      return { ...none, renderings: [{ text: best, uses: [...cands.get(best)!.uses].map((u) => this.use(u, key)) }] };
    }

    if (!variantsAllowed) return none;
    // variants: single words of the same length that share only their last character, never in the same pair
    const buckets = new Map<string, string[]>();
    for (const [text, rec] of cands) {
      if (!rec.uses.some((u) => u.word)) continue;
      const b = `${text.length}:${text[text.length - 1]}`;
      const list = buckets.get(b) ?? [];
      list.push(text);
      buckets.set(b, list);
    }
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      while (parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    for (const list of buckets.values()) {
      if (list.length < 2 || list.length > BUCKET_CAP) continue;
      // a family must account for 80% of the term's pairs: skip buckets that cannot
      let total = 0;
      for (const x of list) total += cands.get(x)!.pairs.size;
      if (total < 0.8 * n) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const x = list[i];
          const y = list[j];
          if (x[x.length - 2] === y[y.length - 2]) continue; // common suffix longer than one character
          // apart: never in the same pair (a pair with one as candidate and the other in its line is a witness)
          const w = witnessOf(cands.get(x)!.pairs, y) ?? witnessOf(cands.get(y)!.pairs, x);
          if (w) {
            witnesses?.set(witnessKey(x, y), w);
            continue;
          }
          if (!parent.has(x)) parent.set(x, x);
          if (!parent.has(y)) parent.set(y, y);
          parent.set(find(x), find(y));
        }
      }
    }
    const families = new Map<string, string[]>();
    for (const x of parent.keys()) {
      const r = find(x);
      families.set(r, [...(families.get(r) ?? []), x]);
    }
    let bestResult: TermResult | undefined;
    for (const members of families.values()) {
      const renderings = this.assign(key, P, members, cands);
      if (renderings.length < 2) continue;
      renderings.sort((a, b) => b.uses.length - a.uses.length || a.uses[0].entry.zh.line - b.uses[0].entry.zh.line);
      // with three pairs or more, one rendering must be established by repetition
      if ((n >= 3 || general) && renderings[0].uses.length < 2) continue;
      // weak evidence (every rendering used once): each must sit where the term sits
      if (renderings[0].uses.length < 2 && !renderings.every((r) => r.uses.every((u) => placed(u) <= 0.3))) continue;
      const covered = renderings.reduce((s, r) => s + r.uses.length, 0);
      // the variants together must account for (nearly) every pair of the term
      if (covered < 0.8 * n) continue;
      if (!bestResult || covered > bestResult.renderings.reduce((s, r) => s + r.uses.length, 0)) bestResult = { ...none, renderings, inconsistent: true };
    }
    return bestResult ?? none;
  }

  /** Starts a choice of candidate texts for records(): returns its mark (choose(id) puts a text in it). */
  private newChoice(): number {
    const sc = this.scratch;
    if (sc.chosen.length < zhTexts.capacity()) {
      sc.chosen = new Int32Array(Math.max(zhTexts.capacity(), sc.chosen.length * 2));
      sc.nextChosen = 0;
    }
    if (sc.nextChosen > 0x3fffffff) {
      sc.chosen.fill(0);
      sc.nextChosen = 0;
    }
    return ++sc.nextChosen;
  }

  /** The pairs and uses of the candidate texts chosen (marked `mark` in scratch.chosen), in the order they are first met in P. */
  private records(P: PairList, mark: number): CandidateRecords {
    const cands: CandidateRecords = new Map();
    const chosen = this.scratch.chosen;
    for (const e of P) {
      const ids = e.candIds;
      for (let i = 0, n = e.candLen; i < n; i++) {
        if (chosen[ids[i] >> 2] !== mark) continue;
        const text = zhTexts.text(ids[i] >> 2);
        let rec = cands.get(text);
        if (!rec) cands.set(text, (rec = { pairs: new Set(), uses: [] }));
        rec.pairs.add(e);
        rec.uses.push({ entry: e, start: candidateStart(e.cands, i), end: candidateEnd(e.cands, i), word: candidateIsWord(e.cands, i) });
      }
    }
    return cands;
  }

  /**
   * Names rendered two ways that differ in one character (吉拉德/吉拉尔,
   * 胡佛研究所/胡佛研究院), never in the same pair: the shortest such family wins.
   */
  /** `byLen`: the term's exclusive texts of 3 characters or more by length, in the order they are met in P; `cands` has those that differ from another of the same length in one character. */
  private nameVariants(
    key: string,
    P: PairList,
    cands: Map<string, { pairs: Set<PairEntry>; uses: { entry: PairEntry; start: number; end: number; word: boolean }[] }>,
    none: TermResult,
    byLen: Map<number, string[]>,
  ): TermResult | undefined {
    const n = P.size;
    for (const len of [...byLen.keys()].sort((a, b) => a - b)) {
      const list = byLen.get(len)!;
      if (list.length < 2 || list.length > BUCKET_CAP) continue;
      const parent = new Map<string, string>();
      const find = (x: string): string => {
        while (parent.get(x) !== x) x = parent.get(x)!;
        return x;
      };
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const x = list[i];
          const y = list[j];
          if (!oneApart(x, y)) continue;
          const apart = [...cands.get(x)!.pairs].every((e) => !e.zh.text.includes(y)) && [...cands.get(y)!.pairs].every((e) => !e.zh.text.includes(x));
          if (!apart) continue;
          if (!parent.has(x)) parent.set(x, x);
          if (!parent.has(y)) parent.set(y, y);
          parent.set(find(x), find(y));
        }
      const families = new Map<string, string[]>();
      for (const x of parent.keys()) families.set(find(x), [...(families.get(find(x)) ?? []), x]);
      for (const members of families.values()) {
        // widen every use by the Han characters that precede all of them (研究所/研究院 → 胡佛研究所/胡佛研究院)
        const assigned = this.assign(key, P, members, cands);
        const all = assigned.flatMap((r) => r.uses);
        let widen = 0;
        while (widen < 6 && all.length > 0) {
          const ch = all[0].entry.zh.text[all[0].start - widen - 1];
          if (!ch || !/[\u3400-\u9fff]/.test(ch) || !all.every((u) => u.entry.zh.text[u.start - widen - 1] === ch)) break;
          widen++;
        }
        const grouped = new Map<string, RenderingUse[]>();
        for (const u of all) {
          const text = u.entry.zh.text.slice(u.start - widen, u.end);
          grouped.set(text, [...(grouped.get(text) ?? []), { ...u, start: u.start - widen }]);
        }
        const renderings = [...grouped].map(([text, uses]) => ({ text, uses }));
        if (renderings.length < 2) continue;
        renderings.sort((a, b) => b.uses.length - a.uses.length || a.uses[0].entry.zh.line - b.uses[0].entry.zh.line);
        if (n >= 3 && renderings[0].uses.length < 2) continue;
        const covered = renderings.reduce((sum, r) => sum + r.uses.length, 0);
        if (covered < 0.8 * n) continue;
        return { ...none, renderings, inconsistent: true };
      }
    }
    return undefined;
  }

  private use(u: { entry: PairEntry; start: number; end: number }, key: string): RenderingUse {
    const terms = u.entry.terms;
    const i = termIndexOf(terms, key);
    return { entry: u.entry, start: u.start, end: u.end, termStart: i < 0 ? 0 : termStart(terms, i), termEnd: i < 0 ? 0 : termEnd(terms, i) };
  }

  /** Which member of a family renders the term in each of its pairs. */
  private assign(
    key: string,
    P: PairList,
    members: string[],
    cands: Map<string, { pairs: Set<PairEntry>; uses: { entry: PairEntry; start: number; end: number }[] }>,
  ): { text: string; uses: RenderingUse[] }[] {
    this.positionsUsed = true;
    const byEntry = new Map<PairEntry, { text: string; start: number; end: number }[]>();
    for (const m of members) for (const u of cands.get(m)!.uses) byEntry.set(u.entry, [...(byEntry.get(u.entry) ?? []), { text: m, start: u.start, end: u.end }]);
    const out = new Map<string, RenderingUse[]>();
    const samePairs = new Map<string, boolean>();
    for (const [e, usesRaw] of byEntry) {
      // drop a use nested in a longer one at the same spot
      const uses = usesRaw.sort((a, b) => a.start - b.start);
      const terms = termsOf(e.terms, e.en.text);
      const occ = terms.find((t) => t.key === key);
      if (!occ) continue;
      // coordinated terms with the same pairs, near each other (“anodes and cathodes”)
      const chain = this.siblings(terms, occ, P, samePairs);
      let pick: { text: string; start: number; end: number } | undefined;
      if (chain.length === uses.length) pick = uses[chain.indexOf(occ)];
      else if (uses.length === 1 && chain.length === 1) pick = uses[0];
      else {
        const rel = occ.start / Math.max(1, e.en.text.length);
        pick = [...uses].sort((a, b) => Math.abs(a.start / e.zh.text.length - rel) - Math.abs(b.start / e.zh.text.length - rel))[0];
      }
      if (!pick) continue;
      const relEn = (occ.start + occ.end) / 2 / Math.max(1, e.en.text.length);
      const relZh = (pick.start + pick.end) / 2 / Math.max(1, e.zh.text.length);
      if (Math.abs(relEn - relZh) > 0.5) continue;
      const list = out.get(pick.text) ?? [];
      list.push({ entry: e, start: pick.start, end: pick.end, termStart: occ.start, termEnd: occ.end });
      out.set(pick.text, list);
    }
    return [...out].map(([text, uses]) => ({ text, uses: uses.sort((a, b) => a.entry.zh.line - b.entry.zh.line) }));
  }

  /** `terms`: the terms of the pair's English line, occ one of them. */
  /** `samePairs`: for the other terms met so far, whether they have exactly the pairs P (the same for every pair of one assign()). */
  private siblings(terms: TermOccurrence[], occ: TermOccurrence, P: PairList, samePairs: Map<string, boolean>): TermOccurrence[] {
    const same = (t: TermOccurrence) => {
      if (t.key === occ.key) return true;
      if (t.kind === 'phrase' || occ.kind === 'phrase') return false;
      let r = samePairs.get(t.key);
      if (r === undefined) {
        const q = this.termPairs.get(t.key);
        r = !!q && q.size === P.size;
        if (r) for (const p of q!) if (!P.has(p)) { r = false; break; }
        samePairs.set(t.key, r);
      }
      return r;
    };
    const list = terms.filter((t) => t.kind !== 'phrase' && same(t)).sort((a, b) => a.start - b.start);
    // the run of siblings around occ, each within a short gap of the next
    let i = list.indexOf(occ);
    if (i < 0) return [occ];
    let lo = i;
    let hi = i;
    while (lo > 0 && list[lo].start - list[lo - 1].end <= 12) lo--;
    while (hi + 1 < list.length && list[hi + 1].start - list[hi].end <= 12) hi++;
    i = 0;
    return list.slice(lo, hi + 1);
  }
}


/** What the last analysis of a term that found nothing without positions keeps for stillNoneAfterZhEdit (see TermIndex.noneByCounts). */
interface NoneByCounts {
  frequent: Map<number, boolean>;
  edits: number;
  witnesses?: Map<string, PairEntry>;
}

function witnessKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/** Two texts of the same length that differ in exactly one character. */
function oneApart(x: string, y: string): boolean {
  let diff = 0;
  for (let k = 0; k < x.length && diff < 2; k++) if (x[k] !== y[k]) diff++;
  return diff === 1;
}

/** Every pair's Chinese line contains `text`. */
function inEveryLine(P: Iterable<PairEntry>, text: string): boolean {
  for (const e of P) if (!e.zh.text.includes(text)) return false;
  return true;
}

/** The first of the pairs whose Chinese line contains `text`. */
function witnessOf(pairs: Iterable<PairEntry>, text: string): PairEntry | undefined {
  for (const e of pairs) if (e.zh.text.includes(text)) return e;
  return undefined;
}

/** The pair has candidate x and y in its Chinese line, or candidate y and x. */
function witnesses2(e: PairEntry, x: string, y: string): boolean {
  return (hasCandidate(e.cands, x) && e.zh.text.includes(y)) || (hasCandidate(e.cands, y) && e.zh.text.includes(x));
}

/** The two pairs have the term the same way: the same number of occurrences, of the same kinds. */
function sameUse(a: PairEntry, b: PairEntry, key: string): boolean {
  const x = a.terms.data;
  const y = b.terms.data;
  const id = enKeys.find(key);
  let j = 2;
  for (let i = 2; i < x.length; i += 3) {
    if (x[i] !== id) continue;
    while (j < y.length && y[j] !== id) j += 3;
    // kind and whether plainly a noun (0 for other kinds)
    if (j >= y.length || (x[i - 1] & 7) !== (y[j - 1] & 7)) return false;
    j += 3;
  }
  while (j < y.length && y[j] !== id) j += 3;
  return j >= y.length;
}

/** The exclusivity counts of a term's pairs (TermIndex.exclusiveIn), computed when first needed. */
interface LazyExclusive {
  value?: { is: (id: number) => boolean; pairs: (id: number) => number; word: (id: number) => boolean; order: number[] };
}

/** The kind of a term occurrence from the second span word of its TermList. */
function termKindOf(v: number): TermOccurrence['kind'] {
  return (v & 3) === 0 ? 'acronym' : (v & 3) === 1 ? 'name' : (v & 3) === 2 ? 'noun' : 'phrase';
}

/** Whether the list has the term `key` as an occurrence of this kind. */
function hasKind(l: TermList, key: string, kind: TermOccurrence['kind']): boolean {
  const id = enKeys.find(key);
  const d = l.data;
  for (let i = 0; i < d.length / 3; i++) if (d[3 * i + 2] === id && termKind(l, i) === kind) return true;
  return false;
}

/** `counts` copied into an array at least `to` long (doubling its length). */
function grownCounts(counts: Int32Array, to: number): Int32Array<ArrayBuffer> {
  let len = counts.length;
  while (len < to) len *= 2;
  const out = new Int32Array(len);
  out.set(counts);
  return out;
}
