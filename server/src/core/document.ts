// The document model: lines (kept across edits so that unchanged lines keep
// their cached analysis), their language, and the pairing of source lines with
// their translations.

import { classifyLine } from './script';
import { lowerBound } from './sorted';
import { splitLines } from './text';
import type { Lang, LineKind, Order, Position } from './types';

/**
 * One line of the document. A record is replaced (never mutated in its text)
 * when the line changes, so analysis cached on it stays valid while it lives.
 */
export class LineRec {
  readonly text: string;
  eol: string;
  private kindCache: LineKind | undefined;
  /** Current 0-based line number; refreshed by every pairing pass. */
  line = -1;
  /** The line's language (or blank / other), classified on first use. */
  get kind(): LineKind {
    return (this.kindCache ??= classifyLine(this.text));
  }

  /**
   * Per-line caches owned by rules and extractors (keyed by their id): the first two in
   * fields (a line has one or two: its terms or candidate renderings, and a rule's scan),
   * any more in a Map created on first use. A Map each cost about 180 bytes on most of
   * the 250,000 lines of a book.
   */
  private memoKey0: string | undefined = undefined;
  private memoValue0: unknown = undefined;
  private memoKey1: string | undefined = undefined;
  private memoValue1: unknown = undefined;
  private memoMap: Map<string, unknown> | undefined = undefined;
  /**
   * Memos of lifetime 'check' (see MemoLifetime), dropped by releaseCheckMemos().
   * @internal
   */
  checkMemoMap: Map<string, unknown> | undefined = undefined;
  /**
   * The checker's result slots for the pair this line is the source of, and for
   * the line itself (a record belongs to one document, hence to one session; a
   * field is much cheaper than a WeakMap lookup on every pair of every check).
   * @internal
   */
  pairSlot: unknown = undefined;
  /** @internal */
  lineSlot: unknown = undefined;

  constructor(text: string, eol: string) {
    this.text = text;
    this.eol = eol;
  }

  /**
   * Gives the record a string of its own with the same text. The lines of a text read
   * at once are slices of it, and keep all of it alive, in V8's two-byte form when the
   * text has any Chinese: an English line then costs two bytes a character, and the
   * text (with what V8 kept of the message it was parsed from) stays as long as any
   * line does. Copied, an English line takes one byte a character and the text can go:
   * about 190 MB less for a 100,000-pair book held by the server, for ~180 ms of
   * copying (done in prepareInSlices, in slices). Nothing observable changes: the text
   * is the same, and no memo exists yet when the server prepares the lines.
   */
  ownText(): void {
    const t = this.text;
    // (V8 copies substrings shorter than 13 characters; Buffer is Node's)
    if (t.length < 13 || typeof Buffer === 'undefined') return;
    let oneByte = true;
    for (let i = 0; i < t.length; i++)
      if (t.charCodeAt(i) > 0xff) {
        oneByte = false;
        break;
      }
    (this as { text: string }).text = oneByte ? Buffer.from(t, 'latin1').toString('latin1') : Buffer.from(t, 'utf16le').toString('utf16le');
  }

  /** Per-line scratch caches of lifetime 'check' (see MemoLifetime): dropped once the current check is done. */
  get checkCache(): Map<string, unknown> {
    let map = this.checkMemoMap;
    if (!map) {
      this.checkMemoMap = map = new Map();
      checkMemoHolders.push(this);
    }
    return map;
  }

  /** `compute(text)`, cached on the record under `key` for the given lifetime (default: the record's). */
  memo<T>(key: string, compute: (text: string) => T, lifetime: MemoLifetime = 'line'): T {
    if (lifetime === 'check') {
      const map = this.checkCache;
      const hit = map.get(key);
      if (hit !== undefined || map.has(key)) return hit as T;
      const value = compute(this.text);
      map.set(key, value);
      return value;
    }
    if (this.memoKey0 === key) return this.memoValue0 as T;
    if (this.memoKey1 === key) return this.memoValue1 as T;
    const map = this.memoMap;
    if (map) {
      const hit = map.get(key);
      if (hit !== undefined || map.has(key)) return hit as T;
    }
    const value = compute(this.text);
    // (compute may have memoised something else on this record meanwhile)
    if (this.memoKey0 === undefined) {
      this.memoKey0 = key;
      this.memoValue0 = value;
    } else if (this.memoKey1 === undefined) {
      this.memoKey1 = key;
      this.memoValue1 = value;
    } else (this.memoMap ??= new Map()).set(key, value);
    return value;
  }

  /** The keys of the memos of lifetime 'line' this record holds (for tests and the benchmark). */
  memoKeys(): string[] {
    const out: string[] = [];
    if (this.memoKey0 !== undefined) out.push(this.memoKey0);
    if (this.memoKey1 !== undefined) out.push(this.memoKey1);
    if (this.memoMap) out.push(...this.memoMap.keys());
    return out;
  }
}

/**
 * How long a memo stays on its line record.
 * - 'line' (the default): as long as the record. For analysis that document rules
 *   read on every check (term extraction), or whose identity they compare.
 * - 'check': until the check that computed it is done. For analysis that only
 *   serves pair and line rules (quantities, punctuation): their results are cached
 *   by the checker with the record, so the analysis is needed again only when the
 *   pair is re-checked, and keeping it on every line of a book would hold
 *   kilobytes per line for nothing. A hover that needs it computes it again.
 */
export type MemoLifetime = 'line' | 'check';

/** Records holding memos of lifetime 'check' (in every document). */
let checkMemoHolders: LineRec[] = [];

/**
 * Drops every memo of lifetime 'check' (the checker calls it when a check is
 * done, between its slices, and every few thousand pairs of a long check).
 * Costs only the records that hold such memos.
 */
export function releaseCheckMemos(): void {
  if (checkMemoHolders.length === 0) return;
  for (const rec of checkMemoHolders) rec.checkMemoMap = undefined;
  checkMemoHolders = [];
}

/** How many records hold memos of lifetime 'check' (for tests and the benchmark). */
export function checkMemoHolderCount(): number {
  return checkMemoHolders.length;
}

export interface Pair {
  source: LineRec;
  target: LineRec;
  sourceLang: Lang;
  targetLang: Lang;
}

export interface DocumentModel {
  order: Order;
  /** How the order was chosen. */
  orderSource: 'setting' | 'detected' | 'default';
  pairs: Pair[];
  /** Lines in one language with no counterpart. */
  unpaired: LineRec[];
  /** For each line, the pair it belongs to (undefined for blank, other and unpaired lines). */
  pairOfLine: (Pair | undefined)[];
}

/**
 * How a model was derived from the one before it (set by incremental pairing):
 * pairs [pairFrom, pairFrom + removedPairs) of the previous model became
 * [pairFrom, pairFrom + addedPairs) of this one; lines before lineFrom are
 * untouched; lines from lineTo on are the previous lines moved by lineDelta; lines
 * in between are new or re-paired. Lets the checker touch only what changed.
 */
export interface ModelEdit {
  previousSerial: number;
  pairFrom: number;
  removedPairs: number;
  addedPairs: number;
  lineFrom: number;
  lineTo: number;
  lineDelta: number;
}

const serials = new WeakMap<DocumentModel, number>();
const edits = new WeakMap<DocumentModel, ModelEdit>();
let nextSerial = 1;

/** A number identifying a model object (for caches that must not keep old models alive). */
export function modelSerial(model: DocumentModel): number {
  let n = serials.get(model);
  if (n === undefined) serials.set(model, (n = nextSerial++));
  return n;
}

/** How `model` was derived from its predecessor, if it was built incrementally. */
export function modelEdit(model: DocumentModel): ModelEdit | undefined {
  return edits.get(model);
}

export interface ContentChange {
  range?: { start: Position; end: Position };
  text: string;
}

export interface PairingOptions {
  /** 'auto' detects the order from the document. */
  order: Order | 'auto';
}

/** How many content lines order detection looks at (enough evidence, bounded cost). */
const ORDER_SAMPLE = 4000;

/** Lines replaced since the model was last built: [start, end) in current numbering, and the net change in line count. */
interface DirtyWindow {
  start: number;
  end: number;
  delta: number;
}

export class ReviewDocument {
  lines: LineRec[];
  private modelCache: { key: string; model: DocumentModel; sampleEnd: number } | undefined;
  /** What changed since modelCache was built ('all' after a full replacement). */
  private dirty: DirtyWindow | 'all' | undefined;
  version = 0;
  /** True while lines of a newly read text may not be classified yet (see prepareInSlices). */
  private unclassified = false;
  /** Lines [0, preparedUpTo) went through prepareInSlices since the text was read. */
  private preparedUpTo = 0;

  constructor(text: string) {
    this.lines = ReviewDocument.toRecords(text);
    this.unclassified = true;
  }

  private static toRecords(text: string): LineRec[] {
    const { lines, eols } = splitLines(text);
    const recs = new Array<LineRec>(lines.length);
    for (let i = 0; i < lines.length; i++) recs[i] = new LineRec(lines[i], eols[i]);
    return recs;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(): string {
    const parts = new Array<string>(this.lines.length * 2);
    for (let i = 0; i < this.lines.length; i++) {
      parts[2 * i] = this.lines[i].text;
      parts[2 * i + 1] = this.lines[i].eol;
    }
    return parts.join('');
  }

  lineText(line: number): string {
    return this.lines[line]?.text ?? '';
  }

  /**
   * Applies LSP-style content changes in order. Only the lines an edit touches are
   * replaced; every other LineRec (and its cached analysis) survives.
   */
  applyChanges(changes: readonly ContentChange[]): void {
    for (const change of changes) {
      if (!change.range) {
        this.lines = ReviewDocument.toRecords(change.text);
        this.unclassified = true;
        this.preparedUpTo = 0;
        this.dirty = 'all';
        continue;
      }
      this.applyRangeEdit(change.range.start, change.range.end, change.text);
    }
    this.version++;
  }

  /** Records that lines [at, at+removed) were replaced by `inserted` new records. */
  private markDirty(at: number, removed: number, inserted: number): void {
    if (this.dirty === 'all') return;
    const d = inserted - removed;
    if (!this.dirty) {
      this.dirty = { start: at, end: at + inserted, delta: d };
      return;
    }
    // Map the earlier window through this edit, then take the union with the edited lines.
    const w = this.dirty;
    const map = (p: number): number => (p <= at ? p : p >= at + removed ? p + d : at + inserted);
    this.dirty = { start: Math.min(map(w.start), at), end: Math.max(map(w.end), at + inserted), delta: w.delta + d };
  }

  private clamp(p: Position): { line: number; character: number } {
    const last = this.lines.length - 1;
    if (p.line > last) return { line: last, character: this.lines[last].text.length };
    const line = Math.max(0, p.line);
    const character = Math.max(0, Math.min(p.character, this.lines[line].text.length));
    return { line, character };
  }

  private applyRangeEdit(startPos: Position, endPos: Position, text: string): void {
    let start = this.clamp(startPos);
    const end = this.clamp(endPos);
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) return;
    // A lone CR ending the previous line could merge with a LF the edit inserts:
    // take that CR into the edited region so the split below sees it.
    if (start.character === 0 && start.line > 0 && this.lines[start.line - 1].eol === '\r') {
      start = { line: start.line - 1, character: this.lines[start.line - 1].text.length };
      text = '\r' + text;
    }
    const first = this.lines[start.line];
    const last = this.lines[end.line];
    const merged = first.text.slice(0, start.character) + text + last.text.slice(end.character) + last.eol;
    const recs = fixTail(ReviewDocument.toRecords(merged), last.eol);
    const removed = end.line - start.line + 1;
    if (recs.length < 10000) this.lines.splice(start.line, removed, ...recs);
    else this.lines = this.lines.slice(0, start.line).concat(recs, this.lines.slice(start.line + removed));
    this.markDirty(start.line, removed, recs.length);
    // the lines from the edit on are prepared again (the earlier ones are the same records)
    if (start.line < this.preparedUpTo) this.preparedUpTo = start.line;
  }

  /**
   * Classifies the lines of a newly read text, yielding whenever `sliceOver()`
   * says so: the first check of a 100,000-pair book spends a few hundred
   * milliseconds here, and a server answers requests in between. Later calls
   * (after edits) return at once. Not needed for correctness: lines classify
   * themselves on first use. A check abandoned for an edit starts again where this
   * stopped, or at the edited line if that comes before: the lines before it are not
   * copied again (about 30 ms per 20,000 pairs each time).
   */
  *prepareInSlices(sliceOver: () => boolean): Generator<void, void> {
    if (!this.unclassified) return;
    const lines = this.lines;
    for (let i = this.preparedUpTo; i < lines.length; ) {
      lines[i].ownText();
      void lines[i].kind;
      this.preparedUpTo = ++i;
      if ((i & 1023) === 0 && sliceOver()) {
        yield;
        if (this.lines !== lines) return; // replaced meanwhile: the caller abandons too
        i = this.preparedUpTo; // an edit meanwhile (spliced in place) moves it back
      }
    }
    if (this.lines === lines) this.unclassified = false;
  }

  /**
   * The pairing of the current text, cached until the next edit or option change.
   * After an edit only the stretch between the nearest translation lines around
   * the edited lines is paired again; the rest of the previous model is reused.
   */
  model(options: PairingOptions): DocumentModel {
    const key = options.order;
    const cache = this.modelCache;
    if (cache && cache.key === key && !this.dirty) return cache.model;
    let built: { model: DocumentModel; sampleEnd: number } | undefined;
    if (cache && cache.key === key && this.dirty !== 'all' && this.dirty) built = updateModel(this.lines, cache.model, cache.sampleEnd, this.dirty, options);
    built ??= buildModelWithSample(this.lines, options);
    this.modelCache = { key, model: built.model, sampleEnd: built.sampleEnd };
    this.dirty = undefined;
    return built.model;
  }
}

/**
 * Splitting "…text" + eol yields a trailing empty line when eol is non-empty:
 * that empty piece is the start of the next, untouched line, so drop it.
 */
function fixTail(recs: LineRec[], lastEol: string): LineRec[] {
  if (lastEol !== '' && recs.length > 1 && recs[recs.length - 1].text === '' && recs[recs.length - 1].eol === '') recs.pop();
  return recs;
}

function pairWith(lines: LineRec[], sourceLang: Lang): { pairs: Pair[]; unpaired: LineRec[] } {
  const targetLang: Lang = sourceLang === 'en' ? 'zh' : 'en';
  const pairs: Pair[] = [];
  const unpaired: LineRec[] = [];
  let pending: LineRec | undefined;
  for (const rec of lines) {
    const kind = rec.kind;
    if (kind === 'blank' || kind === 'other') continue;
    if (kind === sourceLang) {
      if (pending) unpaired.push(pending);
      pending = rec;
    } else {
      if (pending) {
        pairs.push({ source: pending, target: rec, sourceLang, targetLang });
        pending = undefined;
      } else unpaired.push(rec);
    }
  }
  if (pending) unpaired.push(pending);
  return { pairs, unpaired };
}

/** Tokens a translation carries over unchanged: digit runs and Latin words of 2+ letters. */
function anchors(rec: LineRec): Set<string> {
  return rec.memo('anchors', (text) => {
    const set = new Set<string>();
    const re = /[0-9]+|[A-Za-z][A-Za-z]+/g;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(text)) && count < 200) {
      count++;
      const tok = m[0];
      // Latin words inside an English line are everywhere; only keep names (capitalised)
      if (/^[0-9]/.test(tok) || /^[A-Z]/.test(tok)) set.add(tok.toLowerCase());
    }
    return set;
  });
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/**
 * Chooses the pairing order from evidence: how many pairs each order makes, and
 * how many anchors (numbers, names) the paired lines share. A translation shares
 * its source's anchors; the line after the translation usually does not.
 */
function detectOrder(lines: LineRec[]): { order: Order; source: 'detected' | 'default'; sampleEnd: number } {
  const sample: LineRec[] = [];
  // Index of the last line the sample depends on (an edit after it cannot change the verdict).
  let sampleEnd = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const rec = lines[i];
    if (rec.kind === 'en' || rec.kind === 'zh') sample.push(rec);
    if (sample.length >= ORDER_SAMPLE) {
      sampleEnd = i;
      break;
    }
  }
  const score = (sourceLang: Lang): number => {
    const { pairs, unpaired } = pairWith(sample, sourceLang);
    let s = 0;
    for (const p of pairs) s += 1 + 2 * overlap(anchors(p.source), anchors(p.target));
    return s - unpaired.length;
  };
  const enFirst = score('en');
  const zhFirst = score('zh');
  if (enFirst > zhFirst) return { order: 'en-zh', source: 'detected', sampleEnd };
  if (zhFirst > enFirst) return { order: 'zh-en', source: 'detected', sampleEnd };
  return { order: 'en-zh', source: 'default', sampleEnd };
}

export function buildModel(lines: LineRec[], options: PairingOptions): DocumentModel {
  return buildModelWithSample(lines, options).model;
}

function buildModelWithSample(lines: LineRec[], options: PairingOptions): { model: DocumentModel; sampleEnd: number } {
  for (let i = 0; i < lines.length; i++) lines[i].line = i;
  let order: Order;
  let orderSource: DocumentModel['orderSource'];
  let sampleEnd = -1;
  if (options.order === 'auto') {
    const d = detectOrder(lines);
    order = d.order;
    orderSource = d.source;
    sampleEnd = d.sampleEnd;
  } else {
    order = options.order;
    orderSource = 'setting';
  }
  const { pairs, unpaired } = pairWith(lines, order === 'en-zh' ? 'en' : 'zh');
  const pairOfLine = new Array<Pair | undefined>(lines.length);
  for (const p of pairs) {
    pairOfLine[p.source.line] = p;
    pairOfLine[p.target.line] = p;
  }
  return { model: { order, orderSource, pairs, unpaired, pairOfLine }, sampleEnd };
}

/**
 * A copy of `arr` with [from, to) replaced by `items`, allocated once at its final length
 * (after Enter at 100,000 pairs these arrays hold 100,000–235,000 entries: a copy that a
 * splice then grows allocated them twice). `new Array(n)` is not used: above 100,000
 * elements V8 makes it a dictionary.
 */
function replaced<T>(arr: readonly T[], from: number, to: number, items: T[]): T[] {
  const m = arr.length - (to - from) + items.length;
  const out = m <= arr.length ? arr.slice(0, m) : arr.concat(items.slice(0, m - arr.length));
  for (let i = 0; i < items.length; i++) out[from + i] = items[i];
  if (items.length !== to - from) for (let i = to, o = from + items.length; i < arr.length; i++, o++) out[o] = arr[i];
  return out;
}

const sourceLine = (p: Pair): number => p.source.line;
const recLine = (r: LineRec): number => r.line;

/**
 * Re-pairs only around an edit. Pairing is a left-to-right scan whose state is
 * empty right after every translation-language line, so the scan restarts after
 * the last such line before the edit and stops after the first one at or after
 * the edit's end; everything outside is the previous model, reused. The new
 * model gets fresh arrays (an earlier model a caller still holds stays intact).
 * Returns undefined when a full build is needed (the detected order changed).
 */
function updateModel(
  lines: LineRec[],
  old: DocumentModel,
  oldSampleEnd: number,
  dirty: DirtyWindow,
  options: PairingOptions,
): { model: DocumentModel; sampleEnd: number } | undefined {
  let sampleEnd = oldSampleEnd;
  if (options.order === 'auto' && dirty.start <= oldSampleEnd) {
    const d = detectOrder(lines);
    if (d.order !== old.order || d.source !== old.orderSource) return undefined;
    sampleEnd = d.sampleEnd;
  }
  const sourceLang: Lang = old.order === 'en-zh' ? 'en' : 'zh';
  const targetLang: Lang = sourceLang === 'en' ? 'zh' : 'en';
  const n = lines.length;
  let p = Math.min(dirty.start, n);
  while (p > 0 && lines[p - 1].kind !== targetLang) p--;
  let q = Math.min(dirty.end, n);
  while (q < n && lines[q].kind !== targetLang) q++;
  if (q < n) q++; // include that translation line
  const qOld = q - dirty.delta;

  // Old entries of the region, found by their old line numbers (not yet renumbered).
  const pLo = lowerBound(old.pairs, p, sourceLine);
  const pHi = lowerBound(old.pairs, qOld, sourceLine);
  const uLo = lowerBound(old.unpaired, p, recLine);
  const uHi = lowerBound(old.unpaired, qOld, recLine);

  const renumberTo = dirty.delta !== 0 ? n : q;
  for (let i = p; i < renumberTo; i++) lines[i].line = i;

  const region = pairWith(lines.slice(p, q), sourceLang);
  const slots = new Array<Pair | undefined>(q - p);
  for (const pr of region.pairs) {
    slots[pr.source.line - p] = pr;
    slots[pr.target.line - p] = pr;
  }
  const model: DocumentModel = {
    order: old.order,
    orderSource: old.orderSource,
    pairs: replaced(old.pairs, pLo, pHi, region.pairs),
    unpaired: replaced(old.unpaired, uLo, uHi, region.unpaired),
    pairOfLine: replaced(old.pairOfLine, p, qOld, slots),
  };
  edits.set(model, {
    previousSerial: modelSerial(old),
    pairFrom: pLo,
    removedPairs: pHi - pLo,
    addedPairs: region.pairs.length,
    lineFrom: p,
    lineTo: q,
    lineDelta: dirty.delta,
  });
  return { model, sampleEnd };
}
