// Chinese side of terminology: candidate renderings of a line. Chinese has no
// spaces, so a rendering is one word of Intl.Segmenter or two or three adjacent
// words (胡佛|研究所 → 胡佛研究所), in Han script, not starting or ending with a
// function character.

import { zhTexts } from './ids';
import { pooledNumbers, type Numbers } from './pool';

export interface ZhCandidate {
  text: string;
  start: number;
  end: number;
  /** One word of the segmenter (not a join of words). */
  word: boolean;
}

/** Two-character function words that are never a term's rendering. */
export const FUNCTION_WORDS = new Set(
  '因为 所以 但是 而且 如果 虽然 尽管 以及 还是 或者 已经 正在 可以 可能 应该 需要 成为 作为 认为 称为 以为 表示 指出 进行 通过 由于 对于 关于 其中 这些 那些 这种 这个 那个 一个 一些 没有 不是 就是 也是 他们 我们 她们 它们 自己 以来 之后 之前 目前 现在 同时 此外 然而 因此 并且 不过 处于 在于 位于 等等 包括 例如 比如 之间 之中 方面 不断 一直 越来 越来越 此前 随后 最终 仍然 依然 还有 以上 以下 左右 一样 这样 那样 如何 什么 为何 为了 因而 从而 进而 只是 只有 不仅 而是 或是 便是'.split(' '),
);

/** Function characters that do not begin or end a term (particles, prepositions, conjunctions, measure words…). */
const FUNCTION_CHARS = new Set(
  '的 了 着 过 和 与 及 或 等 在 将 是 对 为 把 被 也 都 而 并 从 向 于 其 这 那 之 以 由 让 使 给 就 又 还 会 能 可 已 所 个 一 不 很 更 最 该 各 每 些 种 此 地 得 即 曾 仍 再 才 均 皆 亦 且 但 若 如 因 则 却 应 要 需 来 去 说 称 到 有 无 没 吗 呢 吧 啊 年 月 日 名 位 项 次 多 少 大 小 前 后 内 外 上 下 中'.split(' '),
);

let segmenter: Intl.Segmenter | undefined;
function seg(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}

export const MAX_CANDIDATE_LENGTH = 8;

/** Characters that never sit inside a word: the segmenter is run between them. */
const CHUNK_BREAK = /[\s，。；：！？、,.;:!?()（）“”"'‘’《》「」【】\[\]]/g;
/** Longest run handed to the segmenter at once (a run without punctuation is cut here). */
const MAX_CHUNK = 256;

/**
 * Word segments of a line, found piece by piece. V8's Intl.Segmenter slows down
 * worse than linearly on long strings (a 87,000-character line took 11 s whole,
 * 70 ms in chunks), so a line is handed over in pieces of at most MAX_CHUNK
 * characters cut after punctuation or spaces, which never fall inside a word; a run
 * without punctuation longer than that is cut every MAX_CHUNK characters from its
 * start. A news line is one piece: each call to the segmenter costs about 4 µs, so
 * cutting at every comma (as before) cost a third of the time.
 */
export function* segmentWords(text: string): Generator<{ segment: string; index: number; isWordLike: boolean }> {
  const out: { segment: string; index: number; isWordLike: boolean }[] = [];
  forEachPiece(text, (a, b) => {
    for (const s of seg().segment(text.slice(a, b))) out.push({ segment: s.segment, index: a + s.index, isWordLike: !!s.isWordLike });
  });
  yield* out;
}

/** Calls fn(start, end) for the pieces of text to segment (see segmentWords). */
function forEachPiece(text: string, fn: (start: number, end: number) => void): void {
  if (text.length <= MAX_CHUNK) {
    if (text.length) fn(0, text.length);
    return;
  }
  let piece = 0; // start of the piece being gathered
  let run = 0; // start of the current run between breaks
  const longRun = (start: number, end: number) => {
    for (let a = start; a < end; ) {
      let b = Math.min(end, a + MAX_CHUNK);
      // never cut a surrogate pair
      if (b < end && b > a && text.charCodeAt(b - 1) >= 0xd800 && text.charCodeAt(b - 1) <= 0xdbff) b--;
      fn(a, b);
      a = b;
    }
  };
  const close = (runEnd: number, next: number) => {
    // the run [run, runEnd) is followed by break characters up to next
    if (runEnd - run > MAX_CHUNK) {
      if (run > piece) fn(piece, run);
      longRun(run, runEnd);
      piece = runEnd;
    } else if (next - piece > MAX_CHUNK && run > piece) {
      fn(piece, run);
      piece = run;
    }
    run = next;
  };
  CHUNK_BREAK.lastIndex = 0;
  for (let m = CHUNK_BREAK.exec(text); m; m = CHUNK_BREAK.exec(text)) close(m.index, m.index + m[0].length);
  close(text.length, text.length);
  if (text.length > piece) fn(piece, text.length);
}

/**
 * One string object per candidate text: a book repeats the same few hundred
 * thousand texts millions of times, so this saves memory (about 30 bytes per
 * candidate) and makes the index's map lookups compare pointers. Emptied when
 * full, which only loses sharing.
 */
const interned = new Map<string, string>();
export function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size >= 200000) {
    interned.clear();
    joins.clear();
  }
  interned.set(s, s);
  return s;
}

/**
 * The number (ids.ts) of a + b, for interned a and b: looked up by the two strings (whose
 * hashes are known) instead of building the joined string of every candidate to look it
 * up. Emptied by a sweep of the numbers (it would give numbers given back).
 */
const joins = new Map<string, Map<string, number>>();
zhTexts.afterSweep(() => joins.clear());
function joinId(a: string, b: string): number {
  let m = joins.get(a);
  if (!m) {
    if (joins.size >= 200000) joins.clear();
    joins.set(a, (m = new Map()));
  }
  let j = m.get(b);
  if (j === undefined) m.set(b, (j = zhTexts.id(intern(a + b))));
  return j;
}

/**
 * Candidate renderings of a line, compactly (a book has about fifty per line), in one
 * array `data`: first `n` numbers, one per candidate: its text's number (ids.ts: zhTexts)
 * × 4, + 2 when the same text is an earlier candidate of the line too, + 1 when it is one
 * word of the segmenter (not a join of words) (read them with candidateId, candidateText,
 * candidateIsWord); then where they are (candidateStart/End): one number per candidate,
 * start × 32 + length × 2 + that bit (a candidate is at most MAX_CANDIDATE_LENGTH long),
 * or, on a line longer than CANDIDATE_TUNING.packedStart (64 million characters), two,
 * the start and end × 2 + that bit. `epoch`: when its numbers were given (see ids.ts: a
 * list made before a sweep may hold numbers given back since; renewCandidates makes it again).
 */
export interface CandidateList {
  data: Numbers;
  n: number;
  epoch: number;
}

/**
 * `packedStart`: the last start the one-number form holds (start × 32 stays a positive
 * 32-bit number). Tests lower it to exercise the two-number form.
 */
export const CANDIDATE_TUNING = { packedStart: (1 << 26) - 1 };

export function candidateCount(l: CandidateList): number {
  return l.n;
}
/** The i-th candidate's number as stored: its text's number × 4 + 2 (repeated) + 1 (a word). */
export function candidateId(l: CandidateList, i: number): number {
  return l.data[i];
}
export function candidateText(l: CandidateList, i: number): string {
  return zhTexts.text(l.data[i] >> 2);
}
/** The texts of the candidates, in order. */
export function candidateTexts(l: CandidateList): string[] {
  const out: string[] = [];
  for (let i = 0; i < l.n; i++) out.push(zhTexts.text(l.data[i] >> 2));
  return out;
}
/** The candidates' numbers as stored (candidateId), in order. */
export function candidateIds(l: CandidateList): number[] {
  return Array.from(l.data.subarray(0, l.n));
}
/** Where the candidates are, as stored (the numbers after their ids). */
export function candidateSpans(l: CandidateList): number[] {
  return Array.from(l.data.subarray(l.n));
}
/** Whether one of the candidates has this text. */
export function hasCandidate(l: CandidateList, text: string): boolean {
  const id = zhTexts.find(text);
  return id !== undefined && hasCandidateId(l, id);
}
/** Whether one of the candidates has the text numbered `id` (zhTexts.find: look it up once for many lists). */
export function hasCandidateId(l: CandidateList, id: number): boolean {
  const d = l.data;
  for (let i = 0; i < l.n; i++) if (d[i] >> 2 === id) return true;
  return false;
}
export function candidateStart(l: CandidateList, i: number): number {
  const d = l.data;
  const n = l.n;
  return d.length === 2 * n ? d[n + i] >> 5 : d[n + 2 * i];
}
export function candidateEnd(l: CandidateList, i: number): number {
  const d = l.data;
  const n = l.n;
  return d.length === 2 * n ? (d[n + i] >> 5) + ((d[n + i] >> 1) & 15) : d[n + 2 * i + 1] >> 1;
}
export function candidateIsWord(l: CandidateList, i: number): boolean {
  return (l.data[i] & 1) === 1;
}

/**
 * The list of `text` (its line) with numbers of now: made again in place when a sweep gave
 * back one of its numbers since it was made (a term index calls it before counting it).
 */
export function renewCandidates(l: CandidateList, text: string): CandidateList {
  if (zhTexts.valid(l.data, l.epoch, 0, l.n, 1, 2)) return l;
  const fresh = candidateList(text);
  l.data = fresh.data;
  l.n = fresh.n;
  l.epoch = fresh.epoch;
  return l;
}

/** Candidate renderings of a Chinese line (distinct by position; the same text may appear twice). */
export function chineseCandidates(text: string): ZhCandidate[] {
  const l = candidateList(text, false);
  const out: ZhCandidate[] = [];
  for (let i = 0; i < l.n; i++) out.push({ text: candidateText(l, i), start: candidateStart(l, i), end: candidateEnd(l, i), word: candidateIsWord(l, i) });
  return out;
}

/** The word segments of a line as parallel arrays (a break has the text ''), reused between calls. */
const wText: string[] = [];
const wStart: number[] = [];
const wEnd: number[] = [];
/** Per word: 1 = Han only, 2 = also a single function character (的, 和). */
const wFlags: number[] = [];
const spanScratch: number[] = [];
const packScratch: number[] = [];

const idScratch: number[] = [];

/**
 * chineseCandidates, as a CandidateList. `keep`: the list is kept with the line (a memo):
 * its arrays are made exactly as long as needed and its spans cut from a shared chunk
 * (see pool.ts); a list used once (chineseCandidates) gets arrays of its own.
 */
export function candidateList(text: string, keep = true): CandidateList {
  let nw = 0;
  forEachPiece(text, (a, b) => {
    for (const s of seg().segment(text.slice(a, b))) {
      const start = a + s.index;
      const w = s.segment;
      wStart[nw] = start;
      wEnd[nw] = start + w.length;
      // a break has no text; the words of candidates are interned (a line's candidates are joins of them)
      const f = s.isWordLike && hanIn(w, 0, w.length) ? (w.length === 1 && FUNCTION_CHARS.has(w) ? 3 : 1) : 0;
      wFlags[nw] = f;
      wText[nw] = f === 0 ? '' : intern(w);
      nw++;
    }
  });
  return buildList(nw, keep);
}

/**
 * The segmenter's words of `text` (what candidateList asks Intl.Segmenter for), written to
 * `out` from `at` on, one value per word: its end × 2, plus 1 when it is word-like. The
 * words tile the line (each starts where the one before ends, the first at 0), so their
 * ends say everything. `out` needs room for text.length values. Returns the position after
 * the last value written. The CLI's threads segment lines for each other with this.
 */
export function writeSegments(text: string, out: Int32Array, at: number): number {
  let k = at;
  forEachPiece(text, (a, b) => {
    for (const s of seg().segment(text.slice(a, b))) out[k++] = (a + s.index + s.segment.length) * 2 + (s.isWordLike ? 1 : 0);
  });
  return k;
}

/**
 * candidateList(text) from the words that writeSegments wrote for it (`segs[from..to)`),
 * without calling the segmenter: the same list. Undefined when the values are not words of
 * this text (they do not tile it).
 */
export function candidateListFromSegments(text: string, segs: Int32Array, from: number, to: number, keep = true): CandidateList | undefined {
  if (to < from || to > segs.length) return undefined;
  let nw = 0;
  let start = 0;
  let k = from;
  for (; k < to; k++) {
    const v = segs[k];
    const end = v >> 1;
    if (end <= start || end > text.length) break;
    wStart[nw] = start;
    wEnd[nw] = end;
    const f = (v & 1) === 1 && hanIn(text, start, end) ? (end - start === 1 && FUNCTION_CHARS.has(text[start]) ? 3 : 1) : 0;
    wFlags[nw] = f;
    wText[nw] = f === 0 ? '' : intern(text.slice(start, end));
    nw++;
    start = end;
  }
  if (k !== to || start !== text.length) {
    for (let i = 0; i < nw; i++) wText[i] = '';
    return undefined;
  }
  return buildList(nw, keep);
}

/** text[start, end) is Han script only: /^(?:[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff])+$/ */
function hanIn(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) continue;
    if (c >= 0xd840 && c <= 0xd87f && k + 1 < end) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        k++;
        continue;
      }
    }
    return false;
  }
  return true;
}

/** The candidates of the `nw` words in wStart/wEnd/wFlags/wText (candidateList's second half; `keep` as there). */
function buildList(nw: number, keep: boolean): CandidateList {
  const ids = idScratch;
  ids.length = 0;
  spanScratch.length = 0;
  const mark = zhTexts.newMark();
  for (let i = 0; i < nw; i++) {
    if (wFlags[i] === 0) continue;
    // a candidate neither starts nor ends with a function character (FUNCTION_CHARS are single words)
    if (wFlags[i] === 3) continue;
    let joined = '';
    let joinedId = -1;
    for (let j = i; j < Math.min(nw, i + 3); j++) {
      const f = wFlags[j];
      if (f === 0) break;
      if (j > i && wStart[j] !== wEnd[j - 1]) break;
      const w = wText[j];
      if (j === i) {
        joined = w;
        joinedId = -1;
      } else {
        joinedId = joinId(joined, w);
        joined = zhTexts.text(joinedId);
      }
      if (joined.length > MAX_CANDIDATE_LENGTH) break;
      // a single one-character word is no candidate
      if (joined.length < 2 || (j === i && w.length === 1)) continue;
      if (f === 3) continue;
      // a function word inside a join (…和…, …的…) makes it a phrase, not a term
      let inner = false;
      for (let k = i + 1; k < j; k++) if (wFlags[k] === 3) inner = true;
      if (inner) continue;
      if (j === i && FUNCTION_WORDS.has(joined)) continue;
      const id = joinedId >= 0 ? joinedId : zhTexts.id(joined);
      ids.push(id * 4 + (zhTexts.seenWith(id, mark) ? 2 : 0) + (j === i ? 1 : 0));
      spanScratch.push(wStart[i], wEnd[j] * 2 + (j === i ? 1 : 0));
    }
  }
  // do not keep the line's segments alive
  for (let i = 0; i < nw; i++) wText[i] = '';
  // one number per candidate when the starts fit (they grow: the last one is the largest)
  let spans = spanScratch;
  const n = ids.length;
  if (n > 0 && spanScratch[2 * n - 2] <= CANDIDATE_TUNING.packedStart) {
    spans = packScratch;
    spans.length = n;
    for (let i = 0; i < n; i++) {
      const start = spanScratch[2 * i];
      const end = spanScratch[2 * i + 1] >> 1;
      spans[i] = start * 32 + (end - start) * 2 + (spanScratch[2 * i + 1] & 1);
    }
  }
  // ids then spans, in one array (a view each cost about 90 bytes a line); 16-bit numbers
  // when they all fit (a line shorter than 2,048 characters, ids of the first 16,384 texts)
  for (let i = 0; i < spans.length; i++) ids.push(spans[i]);
  const out = { data: pooledNumbers(ids, keep), n, epoch: zhTexts.epoch };
  ids.length = 0;
  return out;
}
