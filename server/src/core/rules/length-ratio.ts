import type { LineRec, Pair } from '../document';
import { pairDelta } from '../delta';
import type { DocumentFinding, DocumentRule, RuleContext } from '../rule';
import { countScripts } from '../script';
import { lineRange } from '../text';

/** Pairs needed before the document's distribution says what is unusual. */
export const MIN_PAIRS = 16;
/** English lines shorter than this (letters and digits) are too short for a ratio to mean anything. */
export const MIN_EN_UNITS = 25;
/** Robust z-score (|x − median| / (1.4826 · MAD)) beyond which a pair is reported. */
const Z = 4;
/** …and never closer to the median than a factor of 1.8 either way (2.5 for short lines), however tight the document. */
const FLOOR = Math.log(1.8);
const SHORT_FLOOR = Math.log(2.5);
/** English lines shorter than this are "short": their ratio varies more. */
const SHORT_EN_UNITS = 60;

const BIN = 0.05;
const LO = -5;
const BINS = Math.ceil((5 - LO) / BIN);

/**
 * The length of a line in "Latin letter" units: one ideograph carries about as
 * much as three letters (the same weighting the line classifier uses), digits
 * and Latin letters count one each.
 */
function units(rec: LineRec): number {
  // not memoised: the index keeps each pair's ratio, so a line is counted once per pairing
  const c = countScripts(rec.text);
  return c.cjk * 3 + c.latin + c.digits;
}

function enUnits(p: Pair): number {
  return units(p.sourceLang === 'en' ? p.source : p.target);
}


/** ln(Chinese units / English units) of a pair, or undefined when the pair is too short to judge. */
export function logRatio(p: Pair): number | undefined {
  const en = p.sourceLang === 'en' ? p.source : p.target;
  const zh = p.sourceLang === 'en' ? p.target : p.source;
  const e = units(en);
  if (e < MIN_EN_UNITS) return undefined;
  return Math.log(Math.max(1, units(zh)) / e);
}

function binOf(x: number): number {
  return Math.min(BINS - 1, Math.max(0, Math.floor((x - LO) / BIN)));
}

/** The document's distribution of log ratios: a histogram, so median and MAD cost O(bins) whatever the size. */
class RatioIndex {
  counts = new Int32Array(BINS);
  byBin: (Set<Pair> | undefined)[] = new Array(BINS);
  ratio = new Map<Pair, number>();
  /** English length of each pair in the index (short lines get a wider margin). */
  enLength = new Map<Pair, number>();
  n = 0;

  add(p: Pair): void {
    const x = logRatio(p);
    if (x === undefined) return;
    const b = binOf(x);
    this.ratio.set(p, x);
    this.enLength.set(p, enUnits(p));
    this.counts[b]++;
    (this.byBin[b] ??= new Set()).add(p);
    this.n++;
  }

  remove(p: Pair): void {
    const x = this.ratio.get(p);
    if (x === undefined) return;
    const b = binOf(x);
    this.ratio.delete(p);
    this.enLength.delete(p);
    this.counts[b]--;
    this.byBin[b]!.delete(p);
    this.n--;
  }

  clear(): void {
    this.counts.fill(0);
    this.byBin = new Array(BINS);
    this.ratio.clear();
    this.enLength.clear();
    this.n = 0;
  }

  /** Median bin (its centre) and the MAD in bins. */
  stats(): { median: number; medianBin: number; mad: number } {
    const half = this.n / 2;
    let acc = 0;
    let m = 0;
    for (; m < BINS; m++) {
      acc += this.counts[m];
      if (acc >= half) break;
    }
    // deviations from the median bin, in bins
    let dev = 0;
    acc = this.counts[m];
    while (acc < half && dev < BINS) {
      dev++;
      if (m - dev >= 0) acc += this.counts[m - dev];
      if (m + dev < BINS) acc += this.counts[m + dev];
    }
    return { median: LO + (m + 0.5) * BIN, medianBin: m, mad: dev * BIN };
  }
}

interface Kept {
  en: LineRec;
  line: number;
  key: string;
  finding: DocumentFinding;
}

/**
 * A pair whose Chinese is far shorter or longer than the document's pairs
 * usually are, for its English: a truncated translation or a mis-paired line.
 * Judged against the document's own distribution (median and MAD of the log
 * ratio), kept up to date by delta.
 */
export const lengthRatio: DocumentRule = {
  id: 'length-ratio',
  scope: 'document',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    en: 'The Chinese is far shorter or longer than the document’s pairs usually are for their English (a truncated translation or a mis-paired line). Needs at least 16 pairs with lines long enough to compare.',
    zh: '中文相对英文的长度远超出本文句对的常见范围（译文被截断或句对错位）。至少需要 16 对长度足以比较的句对。',
  },
  checkDocument({ model, state }, ctx) {
    let idx = state.get('index') as RatioIndex | undefined;
    if (!idx) state.set('index', (idx = new RatioIndex()));
    const d = pairDelta(state, model);
    if (d.full) idx.clear();
    for (const p of d.removed) idx.remove(p);
    for (const p of d.added) idx.add(p);
    if (idx.n < MIN_PAIRS) return [];
    const { median, mad } = idx.stats();
    const limit = Math.max(Z * 1.4826 * mad, FLOOR);
    let kept = state.get('kept') as WeakMap<LineRec, Kept> | undefined;
    if (!kept) state.set('kept', (kept = new WeakMap()));
    const out: DocumentFinding[] = [];
    const loBin = binOf(median - limit);
    const hiBin = binOf(median + limit);
    for (let b = 0; b < BINS; b++) {
      if (b > loBin && b < hiBin) {
        b = hiBin - 1;
        continue;
      }
      const set = idx.byBin[b];
      if (!set) continue;
      for (const p of set) {
        const x = idx.ratio.get(p)!;
        if (Math.abs(x - median) <= limit) continue;
        if (Math.abs(x - median) <= SHORT_FLOOR && idx.enLength.get(p)! < SHORT_EN_UNITS) continue;
        out.push(findingFor(p, x, median, kept, ctx));
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line);
    return out;
  },
};

/** The finding for a pair, kept per Chinese line record (records outlive re-pairing) while its text, place and numbers stay. */
function findingFor(p: Pair, x: number, median: number, kept: WeakMap<LineRec, Kept>, ctx: RuleContext): DocumentFinding {
  const zh = p.sourceLang === 'en' ? p.target : p.source;
  const en = p.sourceLang === 'en' ? p.source : p.target;
  const factor = Math.exp(x - median);
  const short = factor < 1;
  const shown = short ? Math.round(factor * 100) : Math.round(factor * 10) / 10;
  const key = `${short}:${shown}:${en.line}`;
  const k = kept.get(zh);
  if (k && k.en === en && k.line === zh.line && k.key === key) return k.finding;
  const finding: DocumentFinding = {
    range: lineRange(zh.line, zh.text.length),
    message: short
      ? ctx.t(
          { en: 'The Chinese is unusually short for its English: {pct}% of the length this document’s translations usually have (truncated, or paired with the wrong line?)', zh: '中文译文相对英文异常短：仅为本文译文通常长度的 {pct}%（译文被截断，或与错误的行配对？）' },
          { pct: shown },
        )
      : ctx.t(
          { en: 'The Chinese is unusually long for its English: {x}× the length this document’s translations usually have (paired with the wrong line, or something added?)', zh: '中文译文相对英文异常长：为本文译文通常长度的 {x} 倍（与错误的行配对，或有增译？）' },
          { x: shown },
        ),
    related: [{ range: lineRange(en.line, en.text.length), message: ctx.t({ en: 'the English line', zh: '英文行' }) }],
    data: { ratio: Math.round(Math.exp(x) * 1000) / 1000, typical: Math.round(Math.exp(median) * 1000) / 1000 },
  };
  kept.set(zh, { en, line: zh.line, key, finding });
  return finding;
}
