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

export function quantitiesOf(rec: LineRec): readonly Quantity[] {
  // lifetime 'check': only the four rules of one pair check read it (their results are cached)
  return rec.memo(
    'quantities',
    (text) => {
      try {
        const qs = rec.kind === 'zh' ? extractChinese(text) : extractEnglish(text);
        // lines without a quantity share one empty list (less to keep per line in a large document)
        return qs.length ? qs : NO_QUANTITIES;
      } catch {
        return NO_QUANTITIES;
      }
    },
    'check',
  );
}

interface MatchCache {
  zh: LineRec;
  tol: number;
  result: MatchResult;
}

/** The match of a pair, cached on the English line record (keyed by the Chinese record and tolerance). */
export function matchPair(input: PairInput, options: MatchOptions): MatchResult {
  const cached = input.en.checkCache.get('quantities.match') as MatchCache | undefined;
  if (cached && cached.zh === input.zh && cached.tol === options.tolerance) return cached.result;
  const en = quantitiesOf(input.en);
  const zh = quantitiesOf(input.zh);
  const result = en.length === 0 && zh.length === 0 ? NO_ITEMS : matchQuantities(en, zh, options);
  input.en.checkCache.set('quantities.match', { zh: input.zh, tol: options.tolerance, result } satisfies MatchCache);
  return result;
}

function readings(q: Quantity): Quantity[] {
  return q.alts && q.alts.length ? [q, ...q.alts] : [q];
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
    return { score: 4, status: 'equal' };
  }
  // rounding to the precision written (1.23 billion ≈ 12亿)
  if (ahi === undefined && bhi === undefined && a.digits && b.digits) {
    const half = Math.max(stepOf(a), stepOf(b)) / 2;
    if (Math.abs(av - bv) <= half * (1 + 1e-9) && Math.max(stepOf(a), stepOf(b)) < Math.max(Math.abs(av), Math.abs(bv))) return { score: 3, status: 'approx' };
  }
  if (ahi !== undefined && bhi !== undefined && !a.vague && !b.vague) {
    // two ranges: both ends must agree (to the precision written, or loosely after "about")
    const loose = a.bound !== 'exact' || b.bound !== 'exact' ? 0.15 : tol;
    const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(stepOf(a), stepOf(b)) / 2 + 1e-9 || Math.abs(x - y) <= loose * Math.max(Math.abs(x), Math.abs(y));
    return close(av, bv) && close(ahi, bhi) ? { score: 2, status: 'approx' } : { score: 0, status: 'different' };
  }
  if (a.bound !== 'exact' || b.bound !== 'exact' || a.vague || b.vague) {
    if (overlap(interval(a, av, ahi), interval(b, bv, bhi))) return { score: 2, status: 'approx' };
  }
  if (ahi === undefined && bhi === undefined && (a.bound !== 'exact' || b.bound !== 'exact') && Math.abs(av - bv) <= tol * Math.max(Math.abs(av), Math.abs(bv))) {
    return { score: 2, status: 'approx' };
  }
  return { score: 0, status: 'different' };
}

function dateFields(d: DateParts): (keyof DateParts)[] {
  const out: (keyof DateParts)[] = [];
  for (const k of ['year', 'month', 'day', 'decade', 'century', 'weekday'] as const) if (d[k] !== undefined) out.push(k);
  return out;
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

function compareDates(a: DateParts, b: DateParts): Cmp | undefined {
  const fa = dateFields(a);
  const fb = dateFields(b);
  let shared = 0;
  let equal = 0;
  for (const k of fa) {
    if (b[k] === undefined) continue;
    shared++;
    if (a[k] === b[k]) equal++;
  }
  const ra = a.relative;
  const rb = b.relative;
  if (shared === 0) {
    // a relative date against an absolute one of the same grain cannot be checked without knowing "now"
    if ((ra && !rb && fa.length === 0 && fb.length > 0) || (rb && !ra && fb.length === 0 && fa.length > 0)) {
      const r = (ra ?? rb)!;
      const other = ra ? b : a;
      if ((r.unit === 'year' && other.year !== undefined) || (r.unit === 'month' && other.month !== undefined) || (r.unit === 'day' && other.day !== undefined) || (r.unit === 'week' && other.weekday !== undefined)) {
        return { score: 1.5, status: 'approx' };
      }
    }
    if (ra && rb && fa.length === 0 && fb.length === 0 && ra.unit === rb.unit) {
      return ra.offset === rb.offset ? { score: 4, status: 'equal' } : { score: 0.5, status: 'different' };
    }
    // decade vs year inside it, century vs decade
    if (a.decade !== undefined && b.year !== undefined) return b.year >= a.decade && b.year < a.decade + 10 ? { score: 1, status: 'approx' } : undefined;
    if (b.decade !== undefined && a.year !== undefined) return a.year >= b.decade && a.year < b.decade + 10 ? { score: 1, status: 'approx' } : undefined;
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
    if (d && d.score >= 1 && e.hi !== undefined && z.hi !== undefined && e.hi !== z.hi) return { score: 0.5, status: 'different' };
    return d;
  }
  // "rose 200 percent" = 增长了两倍 (an increase of two times)
  if (e.kind === 'percent' && z.kind === 'multiplier' && z.increaseBy && e.hi === undefined) {
    return near(e.value / 100, z.value) ? { score: 4, status: 'equal' } : undefined;
  }
  if (e.kind === 'multiplier' && z.kind === 'multiplier') {
    if (z.increaseBy) {
      if (near(e.value, z.value + 1)) return { score: 4, status: 'equal' };
      if (near(e.value, z.value)) return { score: 3, status: 'ambiguous' };
      return { score: 0, status: 'different' };
    }
    return compareValues(e, z, e.value, e.hi, z.value, z.hi, tol);
  }
  const ne = norm(e);
  const nz = norm(z);
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
  if (ne.fam !== nz.fam) {
    // a bare number against a count-like Chinese quantity is the same family
    return undefined;
  }
  if (e.kind === 'money' && z.kind === 'money' && e.currency && z.currency && e.currency !== z.currency) {
    return { score: 0, status: 'different' };
  }
  return compareValues(e, z, ne.v, ne.hi, nz.v, nz.hi, tol);
}

function best(e: Quantity, z: Quantity, tol: number): { cmp: Cmp; e: Quantity; z: Quantity } | undefined {
  let out: { cmp: Cmp; e: Quantity; z: Quantity } | undefined;
  for (const re of readings(e)) {
    for (const rz of readings(z)) {
      const c = compareReadings(re, rz, tol);
      if (!c) continue;
      // the primary readings win ties
      const s = c.score - (re === e ? 0 : 0.01) - (rz === z ? 0 : 0.01);
      if (!out || s > out.cmp.score) out = { cmp: { ...c, score: s }, e: re, z: rz };
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

export function matchQuantities(en: readonly Quantity[], zh: readonly Quantity[], options: MatchOptions): MatchResult {
  const tol = options.tolerance;
  const items: MatchItem[] = [];
  const usedE = new Array<boolean>(en.length).fill(false);
  const usedZ = new Array<boolean>(zh.length).fill(false);

  if (en.length * zh.length <= MAX_PRODUCT) {
    // pass 1: agreements, best first, ties broken by position in the line
    const cands: { i: number; j: number; s: number; d: number; e: Quantity; z: Quantity; cmp: Cmp }[] = [];
    for (let i = 0; i < en.length; i++) {
      for (let j = 0; j < zh.length; j++) {
        const b = best(en[i], zh[j], tol);
        if (!b) continue;
        const d = Math.abs(i / Math.max(1, en.length) - j / Math.max(1, zh.length));
        cands.push({ i, j, s: b.cmp.score, d, e: b.e, z: b.z, cmp: b.cmp });
      }
    }
    cands.sort((x, y) => y.s - x.s || x.d - y.d);
    for (const c of cands) {
      if (c.s < 1 || usedE[c.i] || usedZ[c.j]) continue;
      usedE[c.i] = usedZ[c.j] = true;
      items.push({ status: c.cmp.status, en: c.e, zh: c.z, converted: c.cmp.converted, rule: ruleFor(c.cmp.status, c.e, c.z) });
    }
    // pass 2: disagreements of the same family, in line order
    for (const c of cands.sort((x, y) => x.i - y.i || x.j - y.j)) {
      if (usedE[c.i] || usedZ[c.j]) continue;
      const e = en[c.i];
      const z = zh[c.j];
      if (e.vague || z.vague) continue;
      const datesShare = c.e.kind === 'date' && c.z.kind === 'date' && c.cmp.score >= 0.5;
      if (!strong(e) && !strong(z) && !datesShare) {
        // two number words that differ ("three people" / 四位) are still worth a look
        if (!(e.kind === z.kind && ((e.value >= 2 && z.value >= 2 && e.kind !== 'ordinal' && e.kind !== 'date') || e.kind === 'fraction'))) continue;
      }
      // a bound ("more than 10") against a different exact number is a real difference too
      usedE[c.i] = usedZ[c.j] = true;
      const status: MatchStatus = c.cmp.status === 'conversion' ? 'conversion' : c.cmp.status === 'qualifier' ? 'qualifier' : 'different';
      items.push({ status, en: c.e, zh: c.z, converted: c.cmp.converted, rule: ruleFor(status, c.e, c.z) });
    }
  } else {
    // very long lines: exact agreements by value only (linear)
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
      items.push({ status: 'equal', en: e, zh: zh[j], rule: ruleFor('equal', e, zh[j]) });
    });
  }
  // pass 3: alone
  const relUnits = (qs: readonly Quantity[]) => new Set(qs.filter((q) => q.kind === 'date' && q.date?.relative).map((q) => q.date!.relative!.unit));
  const enRel = relUnits(en);
  const zhRel = relUnits(zh);
  for (let i = 0; i < en.length; i++) {
    if (usedE[i]) continue;
    const e = en[i];
    if (e.kind === 'date' && e.date?.relative && dateFields(e.date).length === 0) {
      if (e.date.relative.offset !== 0 && !zhRel.has(e.date.relative.unit)) items.push({ status: 'qualifier', en: e, rule: 'date-mismatch' });
      continue;
    }
    if (reportableAlone(e)) items.push({ status: 'missing', en: e, rule: ruleFor('missing', e, undefined) });
  }
  for (let j = 0; j < zh.length; j++) {
    if (usedZ[j]) continue;
    const z = zh[j];
    if (z.kind === 'date' && z.date?.relative && dateFields(z.date).length === 0) {
      if (z.date.relative.offset !== 0 && !enRel.has(z.date.relative.unit)) items.push({ status: 'qualifier', zh: z, rule: 'date-mismatch' });
      continue;
    }
    if (reportableAlone(z)) items.push({ status: 'extra', zh: z, rule: ruleFor('extra', undefined, z) });
  }
  return { items };
}

export { unitDef };
