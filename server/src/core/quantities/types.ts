// Quantities: numbers, amounts, measurements, dates found in one line of text,
// normalised so that the English and Chinese renderings can be compared.
// Spans are UTF-16 offsets into the line (end exclusive).

export type Dimension = 'mass' | 'length' | 'area' | 'volume' | 'temperature' | 'speed' | 'energy' | 'power' | 'time' | 'data';

export type QuantityKind =
  | 'number' // a bare count or value ("6,000", "三位")
  | 'percent' // 15 percent, 15%, 百分之十五 (value in percent)
  | 'points' // percentage points, 个百分点
  | 'fraction' // half, a quarter, 一半, 四分之一 (value as a fraction: 0.5)
  | 'money' // value in units of `currency`
  | 'measure' // value in `unit`
  | 'duration' // value in seconds
  | 'date' // year / month / day / decade / century / weekday / relative qualifier (see `date`)
  | 'ordinal' // first, 3rd, 第三, 首
  | 'multiplier' // ×value: tripled, 3 times, 十倍, 翻一番
  | 'nines'; // "five nines" of availability, 五个九

/** How a value is bounded by the words around it. */
export type Bound = 'exact' | 'approx' | 'min' | 'max';

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** First year of a decade: 1940 for "the 1940s", "上世纪40年代". */
  decade?: number;
  /** Ordinal century: 20 for "the 20th century", "上世纪". */
  century?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  /** A relative qualifier: "last year" = {unit:'year', offset:-1}. */
  relative?: { unit: 'year' | 'month' | 'week' | 'day' | 'century'; offset: number; start: number; end: number; text: string };
}

export interface Quantity {
  kind: QuantityKind;
  /** Nominal value (for a range, its lower end). */
  value: number;
  /** Upper end of a range ("10-20", "2015-2025年"). */
  hi?: number;
  unit?: string;
  dimension?: Dimension;
  currency?: string;
  date?: DateParts;
  bound: Bound;
  /** A vague amount: dozens, 数十, 上百, billions of. Never reported on its own. */
  vague?: boolean;
  /** Written with digits (strong evidence) rather than words. */
  digits: boolean;
  /** Decimal places written in the number (precision of the value as written). */
  decimals: number;
  /** Value of one unit of the last digit written: 0.1 for "11.3", 1000 for "1.5万", 1e8 for "5亿". */
  step?: number;
  /** Span of the whole quantity (number, scale, unit) in the line. */
  start: number;
  end: number;
  /** Span of the numeral alone (what a fix replaces). */
  numStart: number;
  numEnd: number;
  text: string;
  /** Other readings of the same words ("pounds" of weight or of money; "2025" a year or a count). */
  alts?: Quantity[];
  /** For a Chinese "上涨了三倍": the readings people give it (×3 and ×4), and the phrase span. */
  increaseBy?: { n: number; verbStart: number; verbEnd: number };
}

/**
 * A new quantity with every field of Quantity, in one order, the optional ones undefined.
 * Every quantity the extractors make starts here (and their copies, made by spreading
 * one, keep its fields), so all quantities share one hidden class: the matcher and the
 * rules read them through monomorphic property loads, and setting an optional field
 * later (hi, date, unit…) neither changes the object's shape nor allocates property
 * storage. JSON.stringify leaves the undefined fields out, as before.
 */
export function newQuantity(kind: QuantityKind, value: number, bound: Bound, digits: boolean, decimals: number, start: number, end: number, numStart: number, numEnd: number, text: string): Quantity {
  return {
    kind, value, hi: undefined, unit: undefined, dimension: undefined, currency: undefined, date: undefined, bound, vague: undefined,
    digits, decimals, step: undefined, start, end, numStart, numEnd, text, alts: undefined, increaseBy: undefined,
  };
}

export function isDateKind(q: Quantity): boolean {
  return q.kind === 'date';
}
