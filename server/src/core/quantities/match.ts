// Pairs the quantities of an English line with those of its Chinese line.
// Three passes: (1) pairs that agree — equal values, the same value at another
// scale (500 million = 5亿), a right unit conversion, a value inside what an
// approximation word allows; (2) the leftovers of one kind paired in order as
// disagreements (a different value, a wrong conversion, another date); (3) what
// is still alone is missing on the other side. Only numbers written in digits
// (strong evidence) are reported as missing: a number word alone is often an
// article or an idiom.

import type { LineRec } from '../document';
import type { PairInput } from '../rule';
import { extractChinese } from './zh';
import { extractEnglish } from './en';
import type { DateParts, Quantity } from './types';
import { convert, toBase, unitDef, withinPrecision } from './units';

export type MatchStatus =
  | 'equal' // the same value
  | 'approx' // agrees within rounding or what an approximation word allows
  | 'converted' // a right unit conversion
  | 'ambiguous' // a Chinese "上涨了N倍" read as ×N to match the English
  | 'qualifier' // same date, a relative qualifier added or dropped
  | 'different' // the same kind of quantity with another value
  | 'conversion' // a wrong unit conversion
  | 'missing' // in the English only
  | 'extra'; // in the Chinese only

export type NumberRuleId = 'number-mismatch' | 'unit-conversion' | 'date-mismatch' | 'multiplier-ambiguity';

export interface MatchItem {
  status: MatchStatus;
  /** The readings compared (an alternative reading when that is what matched). */
  en?: Quantity;
  zh?: Quantity;
  /** For conversions: the English value converted into the Chinese unit. */
  converted?: { value: number; from: string; to: string };
  /** Which rule reports (or explains) this item. */
  rule: NumberRuleId;
}

export interface MatchResult {
  items: MatchItem[];
}

export interface MatchOptions {
  /** Relative tolerance of conversions and roundings (default 0.02). */
  tolerance: number;
}

const MAX_PRODUCT = 4096;

/** Quantities of one line, memoised on the line record (shared by all four rules). */
const NO_QUANTITIES: readonly Quantity[] = Object.freeze([]);
const NO_ITEMS: MatchResult = Object.freeze({ items: Object.freeze([]) as unknown as MatchItem[] });

/**
 * The quantities of the last English and the last Chinese record asked for. The four rules of
 * a pair ask for its match one after the other (the checker runs a pair's rules together),
 * so a cache of one pair serves them; nothing else reads quantities. Memoised on every line
 * until the check (or, in the CLI's long check, the next 4,096 pairs) was done, they lived
 * long enough for the young generation's collections to copy them, and every line took a
 * Map for them: now they die young. Extraction is a pure function of the line's text (and
 * its kind, itself one of its text), and a record's text never changes, so a value from this
 * cache is the value a fresh extraction gives.
 */
let lastEnRec: LineRec | undefined;
let lastEnQs: readonly Quantity[] = NO_QUANTITIES;
let lastZhRec: LineRec | undefined;
let lastZhQs: readonly Quantity[] = NO_QUANTITIES;

export function quantitiesOf(rec: LineRec): readonly Quantity[] {
  if (rec === lastEnRec) return lastEnQs;
  if (rec === lastZhRec) return lastZhQs;
  let qs: readonly Quantity[];
  const zh = rec.kind === 'zh';
  try {
    const found = zh ? extractChinese(rec.text) : extractEnglish(rec.text);
    // lines without a quantity share one empty list
    qs = found.length ? found : NO_QUANTITIES;
  } catch {
    qs = NO_QUANTITIES;
  }
  if (zh) (lastZhRec = rec), (lastZhQs = qs);
  else (lastEnRec = rec), (lastEnQs = qs);
  return qs;
}

/** A pair's match with what it was made for. */
interface MatchCache extends MatchResult {
  en: LineRec;
  zh: LineRec;
  tol: number;
}

/** The last pair's match (see quantitiesOf: the four rules of a pair ask for it in turn). */
let lastMatch: MatchCache | undefined;

/** The match of a pair (the last one is kept, keyed by both records and the tolerance). */
export function matchPair(input: PairInput, options: MatchOptions): MatchResult {
  const cached = lastMatch;
  if (cached && cached.en === input.en && cached.zh === input.zh && cached.tol === options.tolerance) return cached;
  const en = quantitiesOf(input.en);
  const zh = quantitiesOf(input.zh);
  const items = en.length === 0 && zh.length === 0 ? NO_ITEMS.items : matchQuantities(en, zh, options).items;
  const entry: MatchCache = { items, en: input.en, zh: input.zh, tol: options.tolerance };
  lastMatch = entry;
  return entry;
}

function stepOf(q: Quantity): number {
  return q.step ?? Math.pow(10, -q.decimals);
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** What a quantity allows, as an interval of values. */
function interval(q: Quantity, v: number, hi: number | undefined): [number, number] {
  const top = hi ?? v;
  if (q.vague) return [Math.min(v, top), Math.max(v, top)];
  switch (q.bound) {
    case 'approx':
      return [v - Math.abs(v) * 0.15, top + Math.abs(top) * 0.15];
    case 'min':
      return [v, hi !== undefined ? hi : top + Math.abs(top) * 1.0];
    case 'max':
      return [v - Math.abs(v) * 0.5, top];
    default:
      return [v, top];
  }
}

function overlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] * (1 + 1e-9) && b[0] <= a[1] * (1 + 1e-9);
}

interface Cmp {
  score: number; // 0 = same family but disagreeing; higher is better
  status: MatchStatus;
  converted?: MatchItem['converted'];
}

// The results that carry no conversion, shared (a comparison is made for every pair of
// quantities of a pair of lines; nothing changes a result once made).
const AMBIGUOUS_3: Cmp = { score: 3, status: 'ambiguous' };
const APPROX_1: Cmp = { score: 1, status: 'approx' };
const APPROX_1_5: Cmp = { score: 1.5, status: 'approx' };
const APPROX_2: Cmp = { score: 2, status: 'approx' };
const APPROX_3: Cmp = { score: 3, status: 'approx' };
const DIFFERENT_0: Cmp = { score: 0, status: 'different' };
const DIFFERENT_0_5: Cmp = { score: 0.5, status: 'different' };
const EQUAL_4: Cmp = { score: 4, status: 'equal' };

/**
 * The family a quantity is compared in (fraction ↔ percent, ordinal ↔ number), without
 * making a string: measures also need the same dimension (see sameFamily).
 */
function famOf(q: Quantity): string {
  return q.kind === 'fraction' ? 'percent' : q.kind === 'ordinal' ? 'number' : q.kind;
}

function sameFamily(a: Quantity, b: Quantity): boolean {
  const f = famOf(a);
  return f === famOf(b) && (f !== 'measure' || a.dimension === b.dimension);
}

/** The value compared: a fraction as a percentage. */
function normValue(q: Quantity): number {
  return q.kind === 'fraction' ? q.value * 100 : q.value;
}

/** The upper end compared: none for fractions and ordinals. */
function normHi(q: Quantity): number | undefined {
  return q.kind === 'fraction' || q.kind === 'ordinal' ? undefined : q.hi;
}

/** Normalised numeric value for comparison across kinds (fraction ↔ percent). */
function norm(q: Quantity): { fam: string; v: number; hi?: number } {
  switch (q.kind) {
    case 'fraction':
      return { fam: 'percent', v: q.value * 100 };
    case 'ordinal':
      return { fam: 'number', v: q.value };
    case 'number':
    case 'nines':
    case 'points':
    case 'multiplier':
    case 'duration':
    case 'percent':
      return { fam: q.kind, v: q.value, hi: q.hi };
    case 'money':
      return { fam: 'money', v: q.value, hi: q.hi };
    case 'measure':
      return { fam: 'measure:' + q.dimension, v: q.value, hi: q.hi };
    default:
      return { fam: q.kind, v: q.value, hi: q.hi };
  }
}

function compareValues(a: Quantity, b: Quantity, av: number, ahi: number | undefined, bv: number, bhi: number | undefined, tol: number): Cmp {
  if (near(av, bv) && ((ahi === undefined && bhi === undefined) || (ahi !== undefined && bhi !== undefined && near(ahi, bhi)))) {
    return EQUAL_4;
  }
  // rounding to the precision written (1.23 billion ≈ 12亿)
  if (ahi === undefined && bhi === undefined && a.digits && b.digits) {
    const half = Math.max(stepOf(a), stepOf(b)) / 2;
    if (Math.abs(av - bv) <= half * (1 + 1e-9) && Math.max(stepOf(a), stepOf(b)) < Math.max(Math.abs(av), Math.abs(bv))) return APPROX_3;
  }
  if (ahi !== undefined && bhi !== undefined && !a.vague && !b.vague) {
    // two ranges: both ends must agree (to the precision written, or loosely after "about")
    const loose = a.bound !== 'exact' || b.bound !== 'exact' ? 0.15 : tol;
    const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(stepOf(a), stepOf(b)) / 2 + 1e-9 || Math.abs(x - y) <= loose * Math.max(Math.abs(x), Math.abs(y));
    return close(av, bv) && close(ahi, bhi) ? APPROX_2 : DIFFERENT_0;
  }
  if (a.bound !== 'exact' || b.bound !== 'exact' || a.vague || b.vague) {
    if (overlap(interval(a, av, ahi), interval(b, bv, bhi))) return APPROX_2;
  }
  if (ahi === undefined && bhi === undefined && (a.bound !== 'exact' || b.bound !== 'exact') && Math.abs(av - bv) <= tol * Math.max(Math.abs(av), Math.abs(bv))) {
    return APPROX_2;
  }
  return DIFFERENT_0;
}

/** How many calendar fields a date has (a relative qualifier is not one). Named loads, not d[f]: keyed loads over DATE_FIELDS were slow. */
function fieldCount(d: DateParts): number {
  return (d.year !== undefined ? 1 : 0) + (d.month !== undefined ? 1 : 0) + (d.day !== undefined ? 1 : 0) + (d.decade !== undefined ? 1 : 0) + (d.century !== undefined ? 1 : 0) + (d.weekday !== undefined ? 1 : 0);
}

/** Whether a relative qualifier only states what a bare date already implies ("this year" with a month). */
function impliedRelative(d: DateParts): boolean {
  const r = d.relative!;
  if (r.offset !== 0) return false;
  if (r.unit === 'year') return d.month !== undefined || d.day !== undefined;
  if (r.unit === 'month') return d.day !== undefined;
  if (r.unit === 'week') return d.weekday !== undefined;
  return false;
}

/** 1 when both dates have the field. */
function both(x: number | undefined, y: number | undefined): number {
  return x !== undefined && y !== undefined ? 1 : 0;
}
/** 1 when both dates have the field and it agrees. */
function same(x: number | undefined, y: number | undefined): number {
  return x !== undefined && x === y ? 1 : 0;
}

function compareDates(a: DateParts, b: DateParts): Cmp | undefined {
  // the calendar fields both dates have (shared), and how many of them agree (equal)
  const shared = both(a.year, b.year) + both(a.month, b.month) + both(a.day, b.day) + both(a.decade, b.decade) + both(a.century, b.century) + both(a.weekday, b.weekday);
  const equal = same(a.year, b.year) + same(a.month, b.month) + same(a.day, b.day) + same(a.decade, b.decade) + same(a.century, b.century) + same(a.weekday, b.weekday);
  const ra = a.relative;
  const rb = b.relative;
  if (shared === 0) {
    // a relative date against an absolute one of the same grain cannot be checked without knowing "now"
    if ((ra && !rb && fieldCount(a) === 0 && fieldCount(b) > 0) || (rb && !ra && fieldCount(b) === 0 && fieldCount(a) > 0)) {
      const r = (ra ?? rb)!;
      const other = ra ? b : a;
      if ((r.unit === 'year' && other.year !== undefined) || (r.unit === 'month' && other.month !== undefined) || (r.unit === 'day' && other.day !== undefined) || (r.unit === 'week' && other.weekday !== undefined)) {
        return APPROX_1_5;
      }
    }
    if (ra && rb && fieldCount(a) === 0 && fieldCount(b) === 0 && ra.unit === rb.unit) {
      return ra.offset === rb.offset ? EQUAL_4 : DIFFERENT_0_5;
    }
    // decade vs year inside it, century vs decade
    if (a.decade !== undefined && b.year !== undefined) return b.year >= a.decade && b.year < a.decade + 10 ? APPROX_1 : undefined;
    if (b.decade !== undefined && a.year !== undefined) return a.year >= b.decade && a.year < b.decade + 10 ? APPROX_1 : undefined;
    return undefined;
  }
  if (equal < shared) return { score: 0.5 + equal, status: 'different' };
  // same calendar fields: now the qualifiers
  if (ra && rb) {
    if (ra.unit === rb.unit && ra.offset === rb.offset) return { score: 4 + shared, status: 'equal' };
    return { score: 2 + shared, status: 'qualifier' };
  }
  if (ra || rb) {
    const d = ra ? a : b;
    // an absolute year on the other side settles the qualifier only if we knew "now": accept
    if ((ra && b.year !== undefined) || (rb && a.year !== undefined)) return { score: 3 + shared, status: 'approx' };
    if (impliedRelative(d)) return { score: 3.5 + shared, status: 'equal' };
    return { score: 2 + shared, status: 'qualifier' };
  }
  return { score: 4 + shared, status: 'equal' };
}

/** Compares one English reading with one Chinese reading; undefined when they are not the same sort of thing. */
function compareReadings(e: Quantity, z: Quantity, tol: number): Cmp | undefined {
  if (e.kind === 'date' || z.kind === 'date') {
    if (e.kind !== 'date' || z.kind !== 'date' || !e.date || !z.date) return undefined;
    const d = compareDates(e.date, z.date);
    // year ranges (2015-2025): the ends must agree too
    if (d && d.score >= 1 && e.hi !== undefined && z.hi !== undefined && e.hi !== z.hi) return DIFFERENT_0_5;
    return d;
  }
  // "rose 200 percent" = 增长了两倍 (an increase of two times)
  if (e.kind === 'percent' && z.kind === 'multiplier' && z.increaseBy && e.hi === undefined) {
    return near(e.value / 100, z.value) ? EQUAL_4 : undefined;
  }
  if (e.kind === 'multiplier' && z.kind === 'multiplier') {
    if (z.increaseBy) {
      if (near(e.value, z.value + 1)) return EQUAL_4;
      if (near(e.value, z.value)) return AMBIGUOUS_3;
      return DIFFERENT_0;
    }
    return compareValues(e, z, e.value, e.hi, z.value, z.hi, tol);
  }
  if (e.kind === 'measure' && z.kind === 'measure') {
    if (e.dimension !== z.dimension || !e.unit || !z.unit) return undefined;
    if (e.unit === z.unit) return compareValues(e, z, e.value, e.hi, z.value, z.hi, tol);
    // a conversion: convert the English value into the Chinese unit, judge at the precision written in Chinese
    const c = convert(e.value, e.unit, z.unit);
    if (c === undefined) return undefined;
    const converted = { value: c, from: e.unit, to: z.unit };
    const approx = z.bound !== 'exact' || e.bound !== 'exact';
    const ok = withinPrecision(c, z.value, z.decimals, tol, approx);
    if (ok && (e.hi === undefined) === (z.hi === undefined)) {
      if (e.hi !== undefined && z.hi !== undefined) {
        const ch = convert(e.hi, e.unit, z.unit)!;
        if (!withinPrecision(ch, z.hi, z.decimals, tol, approx)) return { score: 0, status: 'conversion', converted };
      }
      return { score: 3, status: 'converted', converted };
    }
    // the same digits with another unit ("25 pounds" as "25公斤") or simply a wrong number
    const be = toBase(e.value, e.unit);
    const bz = toBase(z.value, z.unit);
    if (be !== undefined && bz !== undefined && (e.vague || z.vague) && overlap(interval(e, be, undefined), interval(z, bz, undefined))) return { score: 2, status: 'approx', converted };
    return { score: 0, status: 'conversion', converted };
  }
  if (!sameFamily(e, z)) {
    // a bare number against a count-like Chinese quantity is the same family
    return undefined;
  }
  if (e.kind === 'money' && z.kind === 'money' && e.currency && z.currency && e.currency !== z.currency) {
    return DIFFERENT_0;
  }
  return compareValues(e, z, normValue(e), normHi(e), normValue(z), normHi(z), tol);
}

interface Cand {
  i: number;
  j: number;
  /** The score of the best pair of readings (primary readings win ties). */
  s: number;
  d: number;
  e: Quantity;
  z: Quantity;
  cmp: Cmp;
}

/**
 * The best pair of readings of e and z (each itself, then its alternatives) as a
 * candidate for positions i, j, or undefined when no reading of one compares with a
 * reading of the other. One object per candidate, none per pair of readings tried.
 */
function best(e: Quantity, z: Quantity, tol: number, i: number, j: number, d: number): Cand | undefined {
  let out: Cand | undefined;
  const ne = e.alts ? e.alts.length : 0;
  const nz = z.alts ? z.alts.length : 0;
  for (let a = -1; a < ne; a++) {
    const re = a < 0 ? e : e.alts![a];
    for (let b = -1; b < nz; b++) {
      const rz = b < 0 ? z : z.alts![b];
      const c = compareReadings(re, rz, tol);
      if (!c) continue;
      // the primary readings win ties
      const s = c.score - (a < 0 ? 0 : 0.01) - (b < 0 ? 0 : 0.01);
      if (!out) out = { i, j, s, d, e: re, z: rz, cmp: c };
      else if (s > out.s) {
        out.s = s;
        out.e = re;
        out.z = rz;
        out.cmp = c;
      }
    }
  }
  return out;
}

function ruleFor(status: MatchStatus, e: Quantity | undefined, z: Quantity | undefined): NumberRuleId {
  const q = e ?? z!;
  if ((e && e.kind === 'date') || (z && z.kind === 'date')) return 'date-mismatch';
  if (status === 'ambiguous') return 'multiplier-ambiguity';
  if (status === 'conversion' || status === 'converted') return 'unit-conversion';
  return 'number-mismatch';
}

/** Worth reporting when alone or when it disagrees with a word number: digits, or a clear number word. */
function strong(q: Quantity): boolean {
  if (q.vague) return false;
  if (q.digits) return true;
  return false;
}

function reportableAlone(q: Quantity): boolean {
  if (!strong(q)) return false;
  // a relative-only date is reported through the qualifier logic, a bare ordinal number is weak
  return true;
}

/** Whether some date of the line has a relative qualifier of this unit (asked only for a lone relative date). */
function hasRelative(qs: readonly Quantity[], unit: string): boolean {
  for (const q of qs) if (q.kind === 'date' && q.date?.relative && q.date.relative.unit === unit) return true;
  return false;
}

/** Best first, ties by distance in the line: the order a stable sort by (score desc, d asc) gives. */
function rankCands(a: Cand[]): Cand[] {
  if (a.length > 32) return a.sort(byRank);
  // a pair has a handful of candidates: an insertion sort in place (stable, like Array#sort) makes no garbage
  for (let k = 1; k < a.length; k++) {
    const x = a[k];
    let m = k - 1;
    while (m >= 0 && byRank(a[m], x) > 0) {
      a[m + 1] = a[m];
      m--;
    }
    a[m + 1] = x;
  }
  return a;
}

function byRank(x: Cand, y: Cand): number {
  return y.s - x.s || x.d - y.d;
}

export function matchQuantities(en: readonly Quantity[], zh: readonly Quantity[], options: MatchOptions): MatchResult {
  // every item has the same fields (en, zh, converted possibly undefined): one shape for the rules to read
  const items: MatchItem[] = [];
  const usedE = new Array<boolean>(en.length).fill(false);
  const usedZ = new Array<boolean>(zh.length).fill(false);
  // the passes are functions of their own: small enough for the optimising compiler to take on early
  if (en.length * zh.length <= MAX_PRODUCT) pairUp(en, zh, options.tolerance, items, usedE, usedZ);
  else pairByValue(en, zh, items, usedE, usedZ);
  alone(en, zh, items, usedE, usedZ);
  return { items };
}

/** Passes 1 and 2: agreements, best first, then disagreements of the same family in line order. */
function pairUp(en: readonly Quantity[], zh: readonly Quantity[], tol: number, items: MatchItem[], usedE: boolean[], usedZ: boolean[]): void {
  // pass 1: agreements, best first, ties broken by position in the line
  const cands: Cand[] = [];
  for (let i = 0; i < en.length; i++) {
    for (let j = 0; j < zh.length; j++) {
      const b = best(en[i], zh[j], tol, i, j, Math.abs(i / Math.max(1, en.length) - j / Math.max(1, zh.length)));
      if (b) cands.push(b);
    }
  }
  const ranked = rankCands(cands.slice());
  for (const c of ranked) {
    if (c.s < 1 || usedE[c.i] || usedZ[c.j]) continue;
    usedE[c.i] = usedZ[c.j] = true;
    items.push({ status: c.cmp.status, en: c.e, zh: c.z, converted: c.cmp.converted, rule: ruleFor(c.cmp.status, c.e, c.z) });
  }
  // pass 2: disagreements of the same family, in line order
  // cands is in line order (i, then j) as made: no sort needed
  for (const c of cands) {
    if (usedE[c.i] || usedZ[c.j]) continue;
    const e = en[c.i];
    const z = zh[c.j];
    if (e.vague || z.vague) continue;
    const datesShare = c.e.kind === 'date' && c.z.kind === 'date' && c.s >= 0.5;
    if (!strong(e) && !strong(z) && !datesShare) {
      // two number words that differ ("three people" / 四位) are still worth a look
      if (!(e.kind === z.kind && ((e.value >= 2 && z.value >= 2 && e.kind !== 'ordinal' && e.kind !== 'date') || e.kind === 'fraction'))) continue;
    }
    // a bound ("more than 10") against a different exact number is a real difference too
    usedE[c.i] = usedZ[c.j] = true;
    const status: MatchStatus = c.cmp.status === 'conversion' ? 'conversion' : c.cmp.status === 'qualifier' ? 'qualifier' : 'different';
    items.push({ status, en: c.e, zh: c.z, converted: c.cmp.converted, rule: ruleFor(status, c.e, c.z) });
  }
}

/** Very long lines: exact agreements by value only (linear). */
function pairByValue(en: readonly Quantity[], zh: readonly Quantity[], items: MatchItem[], usedE: boolean[], usedZ: boolean[]): void {
  const byValue = new Map<string, number[]>();
  zh.forEach((z, j) => {
    const k = norm(z).fam + ':' + z.value;
    const list = byValue.get(k) ?? [];
    list.push(j);
    byValue.set(k, list);
  });
  const taken = new Map<string, number>();
  en.forEach((e, i) => {
    const key = norm(e).fam + ':' + e.value;
    const list = byValue.get(key);
    const at = taken.get(key) ?? 0;
    const j = list?.[at];
    if (j !== undefined) taken.set(key, at + 1);
    if (j === undefined) return;
    usedE[i] = usedZ[j] = true;
    items.push({ status: 'equal', en: e, zh: zh[j], converted: undefined, rule: ruleFor('equal', e, zh[j]) });
  });
}

/** Pass 3: what is still alone is missing on the other side (digits only), or a lone relative qualifier. */
function alone(en: readonly Quantity[], zh: readonly Quantity[], items: MatchItem[], usedE: boolean[], usedZ: boolean[]): void {
  for (let i = 0; i < en.length; i++) {
    if (usedE[i]) continue;
    const e = en[i];
    if (e.kind === 'date' && e.date?.relative && fieldCount(e.date) === 0) {
      if (e.date.relative.offset !== 0 && !hasRelative(zh, e.date.relative.unit)) items.push({ status: 'qualifier', en: e, zh: undefined, converted: undefined, rule: 'date-mismatch' });
      continue;
    }
    if (reportableAlone(e)) items.push({ status: 'missing', en: e, zh: undefined, converted: undefined, rule: ruleFor('missing', e, undefined) });
  }
  for (let j = 0; j < zh.length; j++) {
    if (usedZ[j]) continue;
    const z = zh[j];
    if (z.kind === 'date' && z.date?.relative && fieldCount(z.date) === 0) {
      if (z.date.relative.offset !== 0 && !hasRelative(en, z.date.relative.unit)) items.push({ status: 'qualifier', en: undefined, zh: z, converted: undefined, rule: 'date-mismatch' });
      continue;
    }
    if (reportableAlone(z)) items.push({ status: 'extra', en: undefined, zh: z, converted: undefined, rule: ruleFor('extra', undefined, z) });
  }
}

export { unitDef };
