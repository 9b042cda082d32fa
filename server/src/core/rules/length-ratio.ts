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
 * and Latin letters count one each. Not memoised: the index counts a line once
 * per pairing (and again only when the pair leaves it).
 */
function units(text: string): number {
  const c = countScripts(text);
  return c.cjk * 3 + c.latin + c.digits;
}

interface Measure {
  /** ln(Chinese units / English units). */
  x: number;
  /** English units. */
  en: number;
}

/** A pair's measure, or undefined when its English is too short to judge. */
function measure(p: Pair): Measure | undefined {
  const en = p.sourceLang === 'en' ? p.source : p.target;
  const zh = p.sourceLang === 'en' ? p.target : p.source;
  if (en.text.length < MIN_EN_UNITS) return undefined; // fewer characters than the units needed
  const e = units(en.text);
  if (e < MIN_EN_UNITS) return undefined;
  return { x: Math.log(Math.max(1, units(zh.text)) / e), en: e };
}

/** ln(Chinese units / English units) of a pair, or undefined when the pair is too short to judge. */
export function logRatio(p: Pair): number | undefined {
  return measure(p)?.x;
}

function binOf(x: number): number {
  return Math.min(BINS - 1, Math.max(0, Math.floor((x - LO) / BIN)));
}

/** Pairs nearer than this to the centre cannot be reported (FLOOR − DRIFT ≥ NEAR) and are only counted. */
const NEAR = 0.4;
/** How far the median may move from the centre before the far pairs are collected again. */
const DRIFT = FLOOR - NEAR;

/**
 * The document's distribution of log ratios: a histogram, so median and MAD
 * cost O(bins) whatever the size, plus the few pairs far enough from the centre
 * to be reported one day. A pair is measured again when it leaves (its lines
 * are immutable records), so nothing is stored for the ordinary pairs.
 */
class RatioIndex {
  counts = new Int32Array(BINS);
  far = new Map<Pair, Measure>();
  n = 0;
  center = 0;

  add(p: Pair): void {
    const m = measure(p);
    if (!m) return;
    this.counts[binOf(m.x)]++;
    this.n++;
    if (Math.abs(m.x - this.center) > NEAR) this.far.set(p, m);
  }

  remove(p: Pair): void {
    const m = measure(p);
    if (!m) return;
    this.counts[binOf(m.x)]--;
    this.n--;
    this.far.delete(p);
  }

  /** Rebuilds from all pairs: histogram first, then the far pairs around its median. */
  rebuild(pairs: readonly Pair[]): void {
    this.counts.fill(0);
    this.far.clear();
    this.n = 0;
    const ms: (Measure | undefined)[] = new Array(pairs.length);
    for (let i = 0; i < pairs.length; i++) {
      const m = (ms[i] = measure(pairs[i]));
      if (!m) continue;
      this.counts[binOf(m.x)]++;
      this.n++;
    }
    this.center = this.stats().median;
    for (let i = 0; i < pairs.length; i++) {
      const m = ms[i];
      if (m && Math.abs(m.x - this.center) > NEAR) this.far.set(pairs[i], m);
    }
  }

  /** Median bin (its centre) and the MAD in bins. */
  stats(): { median: number; mad: number } {
    const half = this.n / 2;
    let acc = 0;
    let m = 0;
    for (; m < BINS - 1; m++) {
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
    return { median: LO + (m + 0.5) * BIN, mad: dev * BIN };
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
    if (d.full) idx.rebuild(model.pairs);
    else {
      for (const p of d.removed) idx.remove(p);
      for (const p of d.added) idx.add(p);
    }
    if (idx.n < MIN_PAIRS) return [];
    let { median, mad } = idx.stats();
    // the document changed a lot (or was small at first): collect the far pairs around the new median
    if (Math.abs(median - idx.center) > DRIFT) {
      idx.rebuild(model.pairs);
      ({ median, mad } = idx.stats());
    }
    const limit = Math.max(Z * 1.4826 * mad, FLOOR);
    let kept = state.get('kept') as WeakMap<LineRec, Kept> | undefined;
    if (!kept) state.set('kept', (kept = new WeakMap()));
    const out: DocumentFinding[] = [];
    for (const [p, m] of idx.far) {
      const dev = Math.abs(m.x - median);
      if (dev <= limit) continue;
      if (dev <= SHORT_FLOOR && m.en < SHORT_EN_UNITS) continue;
      out.push(findingFor(p, m.x, median, kept, ctx));
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
  const ratio = Math.round(Math.exp(x) * 1000) / 1000;
  const typical = Math.round(Math.exp(median) * 1000) / 1000;
  // (the data names the document's typical ratio: a kept finding whose message still reads
  // the same must not carry the typical ratio of an earlier check)
  const key = `${short}:${shown}:${en.line}:${ratio}:${typical}`;
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
    data: { ratio, typical },
  };
  kept.set(zh, { en, line: zh.line, key, finding });
  return finding;
}
