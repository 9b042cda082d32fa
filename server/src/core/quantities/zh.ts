// Chinese quantity extraction: Arabic and full-width digits, Chinese numerals
// (零〇一二两三…十百千万亿), mixed forms (5亿, 1.5万), approximation words
// (约, 近, 超过, 以上, 多, 余), percent, multipliers (十倍, 翻一番), money,
// units, dates (N年N月N日, 上世纪40年代, 去年), ordinals (第N, 首).
// One left-to-right pass; every look-around is a bounded number of characters.

import { newQuantity, type Bound, type DateParts, type Quantity } from './types';
import { ZH_UNIT_WORDS, unitDef } from './units';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
const MAX_DIGITS = 18;

function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}
function digitVal(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 48;
}
function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// The tables by code unit: looking up text[i] would make a string for every Chinese
// character read (all are BMP characters: a surrogate is in none of them).
const byCode = (r: Record<string, number>): ReadonlyMap<number, number> => new Map(Object.entries(r).map(([k, v]) => [k.charCodeAt(0), v]));
const DIGIT_BY_CODE = byCode(DIGIT);
const UNIT_BY_CODE = byCode(UNIT);
const BIG_BY_CODE = byCode(BIG);

/** Value of a run of Chinese numerals ("三十五", "一亿五千万", "二〇二四"); NaN if malformed. */
export function chineseNumeralValue(s: string): number {
  return numeralValue(s, 0, s.length);
}

/** chineseNumeralValue of s[from, to), read in place (readNumber tries ever shorter runs of a line). */
function numeralValue(s: string, from: number, to: number): number {
  if (to <= from) return NaN;
  // digit-by-digit form: 二〇二四 (years), no 十百千万亿
  let plain = true;
  for (let k = from; k < to; k++) if (DIGIT_BY_CODE.get(s.charCodeAt(k)) === undefined) plain = false;
  if (plain) {
    let v = 0;
    let liang = false;
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      v = v * 10 + DIGIT_BY_CODE.get(c)!;
      if (c === 0x4e24 /* 两 */) liang = true;
    }
    // 两 alone is 2; in a digit-by-digit number it is no digit
    return to - from > 1 && liang ? NaN : v;
  }
  let result = 0;
  let section = 0;
  let num = -1;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    const digit = DIGIT_BY_CODE.get(c);
    const unit = UNIT_BY_CODE.get(c);
    if (digit !== undefined) {
      if (num > 0) return NaN; // two digits in a row without a unit: 三五
      num = digit;
    } else if (unit !== undefined) {
      section += (num < 0 ? 1 : num) * unit;
      num = -1;
    } else if (c === 0x4e07 /* 万 */) {
      section = (section + Math.max(num, 0)) * 1e4;
      result += section;
      section = 0;
      num = -1;
    } else if (c === 0x4ebf /* 亿 */) {
      result = (result + section + Math.max(num, 0)) * 1e8;
      section = 0;
      num = -1;
    } else return NaN;
  }
  return result + section + Math.max(num, 0);
}

const CLASSIFIER_CHARS = '个位名种家座项次台辆架艘件条只头人张所枚颗批份篇本套户起场栋片层部支组处间笔轮届款门对双封首句页点块例宗国地岁倍分';
const MONEY: [string, string][] = [
  ['美元', 'USD'], ['美金', 'USD'], ['人民币', 'CNY'], ['元人民币', 'CNY'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['港元', 'HKD'],
  ['港币', 'HKD'], ['澳元', 'AUD'], ['加元', 'CAD'], ['新台币', 'TWD'], ['卢布', 'RUB'], ['块钱', 'CNY'], ['元', 'CNY'],
];
const DURATIONS: [string, string, number][] = [
  ['个小时', 'hour', 3600], ['小时', 'hour', 3600], ['个钟头', 'hour', 3600], ['分钟', 'minute', 60], ['秒钟', 'second', 1], ['秒', 'second', 1],
  ['天', 'day', 86400], ['个星期', 'week', 604800], ['星期', 'week', 604800], ['周', 'week', 604800], ['个月', 'month', 2629800],
  ['个世纪', 'century', 3155760000], ['年', 'year', 31557600],
];
const RELATIVE: [string, 'year' | 'month' | 'week' | 'day', number][] = [
  ['去年', 'year', -1], ['今年', 'year', 0], ['明年', 'year', 1], ['前年', 'year', -2], ['后年', 'year', 2], ['本年', 'year', 0],
  ['上个月', 'month', -1], ['上月', 'month', -1], ['本月', 'month', 0], ['这个月', 'month', 0], ['下个月', 'month', 1], ['下月', 'month', 1], ['当月', 'month', 0],
  ['上周', 'week', -1], ['上星期', 'week', -1], ['上个星期', 'week', -1], ['本周', 'week', 0], ['这周', 'week', 0], ['下周', 'week', 1], ['下星期', 'week', 1], ['下个星期', 'week', 1],
  ['昨天', 'day', -1], ['今天', 'day', 0], ['明天', 'day', 1], ['前天', 'day', -2], ['后天', 'day', 2], ['昨日', 'day', -1], ['今日', 'day', 0], ['明日', 'day', 1],
];
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const INCREASE_VERBS = ['上涨', '增长', '增加', '提高', '提升', '上升', '扩大', '涨', '增', '升'];
const ALL_WORDS = ['所有', '全部', '全体', '一切'];

/**
 * A set of BMP code units as a table indexed by the code unit: one load per character
 * of the line instead of a hash lookup (charCodeAt past the end gives NaN, which is in
 * no set).
 */
function charTable(chars: string): { has(c: number): boolean } {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return { has: (c: number) => t[c] === 1 };
}
const NUMERAL = charTable(NUMERAL_CHARS);
/** The first code units of MONEY's and DURATIONS' words: where neither list can match, its loop is skipped. */
const MONEY_FIRST = charTable(MONEY.map(([w]) => w[0]).join(''));
const DURATION_FIRST = charTable(DURATIONS.map(([w]) => w[0]).join(''));
/** Classifiers (个, 位, 种 …), by code unit: no one-character string per look. */
const CLASSIFIERS = charTable(CLASSIFIER_CHARS);
/** The light words boundAround skips between a qualifier and its number (约达6000, 超过了). */
const LIGHT = charTable('达了为是有');
/** Code units that can begin a quantity (digits, numerals, and the first characters of the words read). */
const START = charTable('0123456789０１２３４５６７８９' + NUMERAL_CHARS + '去今明前后本上这下当昨星礼周百所全一翻第首数几上成半');

const REL_BY_FIRST: ReadonlyMap<number, typeof RELATIVE> = (() => {
  const m = new Map<number, typeof RELATIVE>();
  for (const e of RELATIVE) {
    const c = e[0].charCodeAt(0);
    m.set(c, [...(m.get(c) ?? []), e]);
  }
  return m;
})();
const BOUND_WORDS: [string, Bound][] = [
  ['不超过', 'max'], ['最高', 'max'], ['最多', 'max'], ['不到', 'max'], ['少于', 'max'], ['低于', 'max'], ['至多', 'max'], ['高达', 'max'],
  ['超过', 'min'], ['多于', 'min'], ['高于', 'min'], ['至少', 'min'], ['不少于', 'min'], ['逾', 'min'], ['超', 'min'],
  ['大约', 'approx'], ['大概', 'approx'], ['约', 'approx'], ['将近', 'approx'], ['接近', 'approx'], ['近', 'approx'], ['差不多', 'approx'], ['几乎', 'approx'],
];
const BOUND_LAST: ReadonlySet<number> = new Set(BOUND_WORDS.map(([w]) => w.charCodeAt(w.length - 1)));
const NO_UNITS: readonly [string, string][] = [];
/** Unit names by their first code unit, longest first. */
const UNITS_BY_FIRST: ReadonlyMap<number, [string, string][]> = (() => {
  const m = new Map<number, [string, string][]>();
  for (const e of ZH_UNIT_WORDS) {
    const c = e[0].charCodeAt(0);
    const list = m.get(c) ?? [];
    list.push(e);
    m.set(c, list);
  }
  return m;
})();

/** DIGIT, UNIT and BIG of the character at p (undefined for another character or past the end). */
function digitAt(p: number): number | undefined {
  return DIGIT_BY_CODE.get(text.charCodeAt(p));
}
function unitAt(p: number): number | undefined {
  return UNIT_BY_CODE.get(text.charCodeAt(p));
}
function bigAt(p: number): number | undefined {
  return BIG_BY_CODE.get(text.charCodeAt(p));
}

/**
 * Whether the code unit at p is ch (a one-character string). Compares code units: text[p]
 * would make a new string for every Chinese character looked at.
 */
function isAt(p: number, ch: string): boolean {
  return text.charCodeAt(p) === ch.charCodeAt(0);
}

function startsWithAt(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i);
}

/*
 * The state of the line being read. It lives in module variables, set by
 * extractChinese, rather than in closures made for every line (seven a line were a
 * measurable share of the extraction and of its garbage). Extraction is synchronous and
 * never re-entered, so one state is enough.
 */
let text = '';
let n = 0;
let out: Quantity[] = [];

function boundAround(start: number, end: number): { bound: Bound; start: number; end: number } {
  let s = start;
  // skip light words between qualifier and number: 约达6000, 超过了
  let k = s;
  for (let skip = 0; skip < 2 && k > 0 && LIGHT.has(text.charCodeAt(k - 1)); skip++) k--;
  let bound: Bound = 'exact';
  if (k > 0 && BOUND_LAST.has(text.charCodeAt(k - 1))) {
    for (let ti = 0; ti < BOUND_WORDS.length; ti++) {
      const e = BOUND_WORDS[ti];
      const w = e[0];
      const b = e[1];
      if (k >= w.length && text.startsWith(w, k - w.length)) {
        bound = b;
        s = k - w.length;
        break;
      }
    }
  }
  let e = end;
  // (read in place: a two-character slice per quantity was garbage)
  if (text.startsWith('以上', e) || text.startsWith('多', e)) {
    if (bound === 'exact') bound = 'min';
  } else if (text.startsWith('以下', e) || text.startsWith('以内', e)) {
    if (bound === 'exact') bound = 'max';
  } else if (text.startsWith('左右', e) || text.startsWith('上下', e)) {
    bound = 'approx';
    e += 2;
  }
  return { bound, start: s, end: e };
}

function mk(kind: Quantity['kind'], value: number, s: number, e: number, ns: number, ne: number, extra?: Partial<Quantity>): Quantity {
  // no text yet: push() sets it once the span is final (every quantity made here is pushed or dropped)
  const q = newQuantity(kind, value, 'exact', false, 0, s, e, ns, ne, '');
  // extra only sets fields q already has (its shape stays that of every quantity)
  if (extra) Object.assign(q, extra);
  return q;
}

/** Reads a number (digits, Chinese numerals, mixed) at i. */
function readNumber(p: number): { value: number; end: number; digits: boolean; decimals: number; raw: string; vague?: [number, number]; plainDigits: boolean } | undefined {
  const c = text.charCodeAt(p);
  if (isDigitCode(c)) {
    // the integer part's value by arithmetic (exact up to 15 digits); Number() of the digits
    // written out only for decimals and longer runs. raw is '' (callers read it for numerals only)
    let j = p;
    let intDigits = 0;
    let v = 0;
    while (j < n) {
      const cj = text.charCodeAt(j);
      if (isDigitCode(cj)) {
        v = v * 10 + digitVal(cj);
        intDigits++;
        j++;
      } else if ((cj === 44 || cj === 0xff0c) && isDigitCode(text.charCodeAt(j + 1)) && isDigitCode(text.charCodeAt(j + 2)) && isDigitCode(text.charCodeAt(j + 3)) && !isDigitCode(text.charCodeAt(j + 4))) {
        j++;
      } else break;
    }
    let decimals = 0;
    const dc = text.charCodeAt(j);
    if ((dc === 46 || dc === 0xff0e) && isDigitCode(text.charCodeAt(j + 1))) {
      j++;
      while (j < n && isDigitCode(text.charCodeAt(j))) {
        decimals++;
        j++;
      }
    }
    if (intDigits > MAX_DIGITS) return { value: NaN, end: j, digits: true, decimals, raw: '', plainDigits: true };
    if (decimals === 0 && intDigits <= 15) return { value: v, end: j, digits: true, decimals, raw: '', plainDigits: true };
    // ASCII digits and the point, group separators left out: what Number() reads
    let s = '';
    for (let k = p; k < j; k++) {
      const ck = text.charCodeAt(k);
      if (isDigitCode(ck)) s += String(digitVal(ck));
      else if (ck === 46 || ck === 0xff0e) s += '.';
    }
    return { value: Number(s), end: j, digits: true, decimals, raw: '', plainDigits: true };
  }
  if (NUMERAL.has(text.charCodeAt(p))) {
    let j = p;
    while (j < n && NUMERAL.has(text.charCodeAt(j)) && j - p < 24) j++;
    // a numeral run that ends in 万/亿 and goes on with 多 etc. is fine; trailing 万 of 千万 etc. parsed by value
    let v = numeralValue(text, p, j);
    let end = j;
    // "两" alone is fine; "一" alone handled by caller
    if (Number.isNaN(v)) {
      // try shorter (e.g. 三十一 then noise)
      while (end > p + 1 && Number.isNaN(v)) {
        end--;
        v = numeralValue(text, p, end);
      }
      if (Number.isNaN(v)) return undefined;
    }
    let plain = true;
    for (let k = p; k < end; k++) if (digitAt(k) === undefined) plain = false;
    return { value: v, end, digits: false, decimals: 0, raw: text.slice(p, end), plainDigits: plain };
  }
  return undefined;
}

function push(q: Quantity): void {
  q.text = text.slice(q.start, q.end);
  out.push(q);
}

/** After a month number at p (pointing at 月): read 日/号 and build the date. */
function dateFrom(startQ: number, numStart: number, parts: DateParts, p: number): number {
  let e = p;
  const d = readNumber(e);
  if (d && d.decimals === 0 && d.value >= 1 && d.value <= 31 && (isAt(d.end, '日') || isAt(d.end, '号'))) {
    parts.day = d.value;
    e = d.end + 1;
  }
  push(mk('date', parts.month ?? parts.year ?? 0, startQ, e, numStart, e, { date: parts, digits: true }));
  return e;
}


/**
 * Reads what follows a number and pushes the quantity; returns the index after it,
 * or -1 when the number was not taken (a Chinese numeral with nothing after it).
 */
function suffixAndPush(q: Quantity, p: number, yearDigits: boolean, standalone = false): number {
  // three functions in turn (counts and money, dates, measures), each small enough for
  // the optimising compiler: as one, it took 140 ms a compilation on a first check
  const j = p;
  const numerals = !q.digits;
  // 五个九 (five nines)
  if (numerals && isAt(j, '个') && isAt(j + 1, '九') && !NUMERAL.has(text.charCodeAt(j + 2))) {
    q.kind = 'nines';
    q.end = j + 2;
    q.alts = [{ ...q, kind: 'percent', value: 100 - Math.pow(10, 2 - q.value), decimals: Math.max(0, q.value - 2), alts: undefined }];
    return finish(q, j + 2);
  }
  // percent
  if (isAt(j, '%') || isAt(j, '％')) {
    q.kind = 'percent';
    q.end = j + 1;
    // 10%到15%, 10%-15%
    const r = text[j + 1];
    if (q.hi === undefined && (r === '至' || r === '到' || r === '-' || r === '–' || r === '~' || r === '～')) {
      const h = readNumber(j + 2);
      if (h && Number.isFinite(h.value) && h.value > q.value && (isAt(h.end, '%') || isAt(h.end, '％'))) {
        q.hi = h.value;
        q.end = h.end + 1;
        q.numEnd = h.end;
      }
    }
    return finish(q, q.end);
  }
  if (isAt(j, '成') && q.hi === undefined && q.value <= 10 && !'立为功本员果绩就'.includes(text[j + 1] ?? '')) {
    q.kind = 'percent';
    q.value *= 10;
    q.step = 10;
    q.end = j + 1;
    return finish(q, j + 1);
  }
  if (startsWithAt(text, j, '个百分点') || startsWithAt(text, j, '百分点')) {
    const l = isAt(j, '个') ? 4 : 3;
    q.kind = 'points';
    q.end = j + l;
    return finish(q, j + l);
  }
  // multiplier: 十倍, 上涨了三倍
  if (isAt(j, '倍') || startsWithAt(text, j, '多倍')) {
    const l = isAt(j, '倍') ? 1 : 2;
    q.kind = 'multiplier';
    q.end = j + l;
    // "上涨了三倍": 了 right before the number, an increase verb before that
    const s = q.numStart;
    if (isAt(s - 1, '了')) {
      for (let ti = 0; ti < INCREASE_VERBS.length; ti++) {
        const v = INCREASE_VERBS[ti];
        if (text.startsWith(v, s - 1 - v.length)) {
          q.increaseBy = { n: q.value, verbStart: s - 1 - v.length, verbEnd: s };
          break;
        }
      }
    }
    return finish(q, j + l);
  }
  // money: 5亿美元, 人民币100元, 100元人民币 (no word can match when its first character is not here)
  if (MONEY_FIRST.has(text.charCodeAt(j))) for (let ti = 0; ti < MONEY.length; ti++) {
    const e = MONEY[ti];
    const w = e[0];
    const cur = e[1];
    if (startsWithAt(text, j, w)) {
      q.kind = 'money';
      q.currency = cur;
      let e = j + w.length;
      if (w === '元' && startsWithAt(text, e, '人民币')) e += 3;
      if (w === '元' && text.slice(Math.max(0, q.start - 3), q.start) === '人民币') q.start -= 3;
      q.end = e;
      return finish(q, e);
    }
  }
  return dateSuffix(q, p, yearDigits, standalone);
}

/** suffixAndPush, continued: decades, centuries, years, months and days. */
function dateSuffix(q: Quantity, p: number, yearDigits: boolean, standalone: boolean): number {
  const j = p;
  // 40年代, 1940年代
  if (startsWithAt(text, j, '年代') && q.decimals === 0 && q.value % 10 === 0) {
    q.kind = 'date';
    if (q.value >= 1000) q.date = { decade: q.value };
    else if (q.value < 100) {
      q.date = { decade: 1900 + q.value };
      // 二十世纪八十年代: the century is named just before
      if (q.start >= 4 && text.startsWith('二十世纪', q.start - 4)) q.start -= 4;
      if (q.value < 30) q.alts = [{ ...q, date: { decade: 2000 + q.value }, alts: undefined }];
    } else return -1;
    q.end = j + 2;
    return finish(q, j + 2);
  }
  // N世纪
  if (isAt(j, '世') && isAt(j + 1, '纪') && q.decimals === 0) {
    q.kind = 'date';
    q.date = { century: q.value };
    q.end = j + 2;
    const d = readNumber(j + 2);
    if (d && d.decimals === 0 && d.value % 10 === 0 && d.value < 100 && startsWithAt(text, d.end, '年代')) {
      q.date = { decade: (q.value - 1) * 100 + d.value };
      q.end = d.end + 2;
    }
    return finish(q, q.end);
  }
  // years: 2024年 (and 2024年10月9日), 二〇二四年; otherwise N年 is a duration
  // (a year written digit by digit has four: 五二〇二四年 is no year; the fix that wrote 52024
  // in the English was read back as a number and the finding moved on to the next date)
  if (isAt(j, '年') && q.decimals === 0 && ((q.digits && q.value >= 1000 && q.value <= 2199) || (yearDigits && q.value >= 1000 && q.value <= 2199 && q.numEnd - q.numStart === 4))) {
    const parts: DateParts = { year: q.value };
    let e = j + 1;
    const m = readNumber(e);
    if (m && m.decimals === 0 && m.value >= 1 && m.value <= 12 && isAt(m.end, '月')) {
      parts.month = m.value;
      q.kind = 'date';
      q.date = parts;
      const end = dateFrom(q.start, q.numStart, parts, m.end + 1);
      const last = out[out.length - 1];
      last.bound = boundAround(q.start, q.end).bound;
      if (q.hi !== undefined) last.hi = q.hi;
      return end;
    }
    q.kind = 'date';
    q.date = parts;
    q.end = e;
    return finish(q, e);
  }
  // months and days: 10月9日, 10月; N个月 is a duration (below)
  if (isAt(j, '月') && q.decimals === 0 && q.value >= 1 && q.value <= 12 && q.hi === undefined) {
    q.kind = 'date';
    const parts: DateParts = { month: q.value };
    q.date = parts;
    let e = j + 1;
    if (isAt(e, '份')) e++;
    const end = dateFrom(q.start, q.numStart, parts, e);
    return end;
  }
  if ((isAt(j, '日') || isAt(j, '号')) && q.decimals === 0 && q.value >= 1 && q.value <= 31 && q.digits) {
    q.kind = 'date';
    q.date = { day: q.value };
    q.end = j + 1;
    return finish(q, j + 1);
  }
  return measureSuffix(q, p, yearDigits, standalone);
}

/** suffixAndPush, continued: durations, temperatures, units, classifiers, a bare number. */
function measureSuffix(q: Quantity, p: number, yearDigits: boolean, standalone: boolean): number {
  const j = p;
  // durations: 72小时, 五年, 3个月, 两周
  if (DURATION_FIRST.has(text.charCodeAt(j))) for (let ti = 0; ti < DURATIONS.length; ti++) {
    const e = DURATIONS[ti];
    const w = e[0];
    const unit = e[1];
    const secs = e[2];
    if (startsWithAt(text, j, w)) {
      if (w === '周' && (startsWithAt(text, j, '周年') || startsWithAt(text, j, '周边'))) continue;
      if (w === '年' && (isAt(j + 1, '级') || isAt(j + 1, '底'))) continue;
      q.kind = 'duration';
      q.unit = unit;
      q.value *= secs;
      if (q.hi !== undefined) q.hi *= secs;
      q.end = j + w.length;
      if (isAt(q.end, '半') && (w === '年' || w === '个月' || w === '小时' || w === '个小时' || w === '天')) {
        q.value += secs / 2;
        q.end++;
      }
      return finish(q, q.end);
    }
  }
  if (startsWithAt(text, j, '分钟')) {
    q.kind = 'duration';
    q.value *= 60;
    q.end = j + 2;
    return finish(q, j + 2);
  }
  // temperatures written with the scale first: 华氏92度, 摄氏33度 (the usual forms; 92华氏度 is matched below)
  if (isAt(j, '度') && q.numStart >= 2 && isAt(q.numStart - 1, '氏') && (isAt(q.numStart - 2, '华') || isAt(q.numStart - 2, '摄'))) {
    const id = isAt(q.numStart - 2, '华') ? 'F' : 'C';
    const u = unitDef(id);
    if (u) {
      q.kind = 'measure';
      q.unit = id;
      q.dimension = u.dimension;
      q.end = j + 1;
      return finish(q, j + 1);
    }
  }
  // units: 11.3公斤, 40兆瓦, 193公里; "约9.1米"; skip a classifier first (一个长约9.1米 is handled by the bound)
  let uj = j;
  if (isAt(uj, ' ')) uj++;
  const units = UNITS_BY_FIRST.get(text.charCodeAt(uj)) ?? NO_UNITS;
  for (let ti = 0; ti < units.length; ti++) {
    const e = units[ti];
    const w = e[0];
    const id = e[1];
    if (startsWithAt(text, uj, w)) {
      const u = unitDef(id);
      if (!u) continue;
      // 米 inside 米兰 / 码 in 号码 are not units after a number; 桶 needs oil context
      if (w === '桶' && !/油|原油|石油/.test(text)) continue;
      q.kind = 'measure';
      q.unit = id;
      q.dimension = u.dimension;
      q.end = uj + w.length;
      return finish(q, uj + w.length);
    }
  }
  // 时速60英里 handled as length; 度 alone is ambiguous and left alone
  // counts with a classifier: 三位, 十多位, 6000种, 1亿个
  // clock times (9点30分, 9点半, 9点钟) are left alone, as "9:30" is in English
  if (isAt(j, '点') && (isAt(j + 1, '半') || isAt(j + 1, '钟') || (isDigitCode(text.charCodeAt(j + 1)) || NUMERAL.has(text.charCodeAt(j + 1))))) {
    let k = j + 1;
    while (k < n && (isDigitCode(text.charCodeAt(k)) || NUMERAL.has(text.charCodeAt(k)))) k++;
    return isAt(k, '分') || isAt(j + 1, '半') || isAt(j + 1, '钟') ? k + 1 : -1;
  }
  if (CLASSIFIERS.has(text.charCodeAt(j)) || (isAt(j, '余') && CLASSIFIERS.has(text.charCodeAt(j + 1)))) {
    if (!q.digits && q.value === 1 && q.hi === undefined) return -1; // 一个, 一次: an article more than a count
    if (isAt(j, '分') && !q.digits) return -1; // 十分 (very)
    if (isAt(j, '点') && !q.digits) return -1; // 一点
    q.end = j;
    if (isAt(j, '岁')) q.end = j + 1;
    return finish(q, j);
  }
  if (q.digits) {
    // a bare number; a four-digit integer may be a year (《2025国防授权法》)
    if (q.decimals === 0 && q.value >= 1000 && q.value <= 2199 && q.numEnd - q.numStart === 4) {
      q.alts = [{ ...q, kind: 'date', date: { year: q.value }, alts: undefined }];
    }
    return finish(q, j);
  }
  if ((yearDigits && q.value >= 1000) || standalone) return finish(q, j);
  // a Chinese numeral with nothing after it: 一些, 一直, 三角 — not a quantity
  return -1;
}

function finish(q: Quantity, e: number): number {
  const b = boundAround(q.start, q.end);
  if (q.bound === 'exact') q.bound = b.bound;
  if (b.bound !== 'exact') {
    q.start = Math.min(q.start, b.start);
    q.end = Math.max(q.end, b.end);
  }
  if (q.alts) for (const a of q.alts) {
    a.bound = q.bound;
    a.start = q.start;
    a.end = q.end;
  }
  push(q);
  if (q.alts) for (const a of q.alts) a.text = q.text;
  return Math.max(e, q.end);
}


/**
 * A number at i (digits or numerals, c its first code unit) with what follows it:
 * pushes the quantity if there is one and returns where to read on. One function of
 * its own (not a branch of the main loop) to keep each function small enough for the
 * optimising compiler: as one loop, extractChinese took it 200 ms a compilation.
 */
function numberAt(i: number, c: number): number {
  // identifiers: Group14, A320; digits inside Latin words
  if (isDigitCode(c) && i > 0 && isLatin(text.charCodeAt(i - 1))) {
    let j = i;
    while (j < n && (isDigitCode(text.charCodeAt(j)) || isLatin(text.charCodeAt(j)))) j++;
    return j;
  }
  if (isDigitCode(c) && i > 1 && (isAt(i - 1, '-')) && isLatin(text.charCodeAt(i - 2))) {
    let j = i;
    while (j < n && isDigitCode(text.charCodeAt(j))) j++;
    return j;
  }
  const d = readNumber(i);
  if (!d) {
    return i + 1;
  }
  if (!Number.isFinite(d.value)) {
    return d.end;
  }
  // digits glued to Latin letters that are not a unit (5G, 3M, 3D) or a dotted version (3.2.1版)
  if (d.digits && isLatin(text.charCodeAt(d.end)) && !ZH_UNIT_WORDS.some(([w]) => isLatin(w.charCodeAt(0)) && text.startsWith(w, d.end) && !isLatin(text.charCodeAt(d.end + w.length)))) {
    let j = d.end;
    while (j < n && (isDigitCode(text.charCodeAt(j)) || isLatin(text.charCodeAt(j)))) j++;
    return j;
  }
  if (d.digits && (isAt(d.end, '.') || isAt(d.end, '．')) && isDigitCode(text.charCodeAt(d.end + 1))) {
    let j = d.end;
    while (j < n && (isDigitCode(text.charCodeAt(j)) || isAt(j, '.') || isAt(j, '．'))) j++;
    return j;
  }
  // a run of Chinese numerals stands alone only if it is clearly a number (三十五, 一亿五千万), not a word (千万, 万一)
  const standalone = !d.digits && d.raw.length >= 2 && DIGIT[d.raw[0]] !== undefined && /[十百千万亿]/.test(d.raw) && d.value >= 10;
  // clock times and slashed dates
  if (d.digits && (isAt(d.end, ':') || isAt(d.end, '：') || isAt(d.end, '/')) && isDigitCode(text.charCodeAt(d.end + 1))) {
    let j = d.end + 1;
    while (j < n && (isDigitCode(text.charCodeAt(j)) || isAt(j, ':') || isAt(j, '/') || isAt(j, '：'))) j++;
    return j;
  }
  let value = d.value;
  let numEnd = d.end;
  let decimals = d.decimals;
  let step = d.digits ? Math.pow(10, -d.decimals) : 1;
  // negative
  let start = i;
  if (d.digits && i > 0 && (isAt(i - 1, '-') || isAt(i - 1, '−') || isAt(i - 1, '负')) && !(i > 1 && isDigitCode(text.charCodeAt(i - 2)))) {
    value = -value;
    start = i - 1;
  } else if (i >= 2 && isAt(i - 2, '零') && isAt(i - 1, '下') && value > 0) {
    // 零下17度: below zero (the numeral, what a fix replaces, takes 零下 in: → -17.8)
    value = -value;
    start = i - 2;
  }
  // scales after digits: 5亿, 1.5万, 3千, 2万亿
  if (d.digits) {
    let k = numEnd;
    let mult = 1;
    while (k < n && (bigAt(k) !== undefined || (k === numEnd && (isAt(k, '千') || isAt(k, '百')) && !startsWithAt(text, k, '千克') && !startsWithAt(text, k, '千米') && !startsWithAt(text, k, '千瓦') && !startsWithAt(text, k, '百分')))) {
      mult *= (bigAt(k) ?? unitAt(k))!;
      k++;
    }
    value *= mult;
    numEnd = k;
    step = Math.pow(10, -d.decimals) * mult;
  }
  // 十多, 三十余, 百余
  let bound: Bound = 'exact';
  let hi: number | undefined;
  let vague = false;
  if ((isAt(numEnd, '多') || isAt(numEnd, '余') || isAt(numEnd, '来')) && numEnd > i) {
    const unitSize = value >= 10 ? Math.pow(10, Math.floor(Math.log10(Math.abs(value)))) : 1;
    bound = 'min';
    hi = value + unitSize;
    numEnd++;
    // 400多万, 20余亿
    let mult = 1;
    while (numEnd < n && bigAt(numEnd) !== undefined) {
      mult *= bigAt(numEnd)!;
      numEnd++;
    }
    if (mult > 1) {
      value *= mult;
      hi *= mult;
      step *= mult;
    }
  } else if (isAt(numEnd, '几') && !d.digits) {
    hi = value + (value >= 10 ? 9 : 1);
    bound = 'min';
    numEnd++;
  }
  // range: 2015-2025年, 10至20, 10到20
  const r = text[numEnd];
  if ((r === '-' || r === '–' || r === '—' || r === '至' || r === '到' || r === '~' || r === '～') && hi === undefined) {
    const h = readNumber(numEnd + 1);
    if (h && Number.isFinite(h.value) && h.digits === d.digits) {
      let hv = h.value;
      let k = h.end;
      let mult = 1;
      while (k < n && bigAt(k) !== undefined) {
        mult *= bigAt(k)!;
        k++;
      }
      hv *= mult;
      if (mult > 1 && value === d.value) value *= mult;
      if (hv > value) {
        hi = hv;
        numEnd = k;
        decimals = Math.max(decimals, h.decimals);
      }
    }
  }
  const q = newQuantity('number', value, bound, d.digits, decimals, start, numEnd, start, numEnd, '');
  q.step = step;
  if (hi !== undefined) q.hi = hi;
  if (vague) q.vague = true;
  // Chinese numerals need something after them to count as a quantity (一些, 一直, 十分 are words)
  const before = i;
  const e = suffixAndPush(q, numEnd, d.plainDigits && !d.digits && d.raw.length >= 2, standalone);
  if (e === -1) {
    return Math.max(numEnd, before + 1);
  }
  return Math.max(e, before + 1);
}

export function extractChinese(line: string): Quantity[] {
  text = line;
  n = line.length;
  out = [];
  let i = 0;
  const hasFraction = line.includes('分之');

  while (i < n) {
    const c = text.charCodeAt(i);
    // most characters cannot start a quantity: skip them without making a string
    if (!START.has(c)) {
      i++;
      continue;
    }
    const ch = text[i];

    // relative dates: 去年, 今年10月, 上个月, 下周二
    const rels = REL_BY_FIRST.get(c);
    if (rels) {
      let matched = false;
      for (let ti = 0; ti < rels.length; ti++) {
        const r = rels[ti];
        const w = r[0];
        const unit = r[1];
        const offset = r[2];
        if (!startsWithAt(text, i, w)) continue;
        // "上周" inside 以上周期? require the word to stand on its own: not preceded by 以
        if (i > 0 && (isAt(i - 1, '以') || isAt(i - 1, '向')) && w.startsWith('上')) break;
        const rel = { unit, offset, start: i, end: i + w.length, text: w };
        let e = i + w.length;
        const parts: DateParts = { relative: rel };
        if (unit === 'year') {
          const m = readNumber(e);
          if (m && m.decimals === 0 && m.value >= 1 && m.value <= 12 && isAt(m.end, '月') && !isAt(m.end + 1, '份') ) {
            parts.month = m.value;
            e = dateFrom(i, e, parts, m.end + 1);
            i = e;
            matched = true;
            break;
          }
          if (m && isAt(m.end, '月') && isAt(m.end + 1, '份') && m.value >= 1 && m.value <= 12) {
            parts.month = m.value;
            push(mk('date', m.value, i, m.end + 2, i, m.end + 2, { date: parts }));
            i = m.end + 2;
            matched = true;
            break;
          }
        }
        if (unit === 'week' && WEEKDAY[text[e]] !== undefined && !isAt(e, '天')) {
          parts.weekday = WEEKDAY[text[e]];
          e++;
        }
        push(mk('date', offset, i, e, i, e, { date: parts }));
        i = e;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    // weekdays: 周二, 星期五, 礼拜天
    let wd = -1;
    if (c === 0x661f || c === 0x793c || c === 0x5468) for (const w of ['星期', '礼拜', '周']) {
      if (startsWithAt(text, i, w) && WEEKDAY[text[i + w.length]] !== undefined && !(w === '周' && i > 0 && NUMERAL_CHARS.includes(text[i - 1]))) {
        const e = i + w.length + 1;
        push(mk('date', WEEKDAY[text[i + w.length]], i, e, i, e, { date: { weekday: WEEKDAY[text[i + w.length]] } }));
        wd = e;
        break;
      }
    }
    if (wd > 0) {
      i = wd;
      continue;
    }
    // 上世纪40年代, 上世纪, 本世纪
    if ((startsWithAt(text, i, '上世纪') || startsWithAt(text, i, '本世纪') || startsWithAt(text, i, '上个世纪'))) {
      const w = text.startsWith('上个世纪', i) ? '上个世纪' : text.slice(i, i + 3);
      const century = w === '本世纪' ? 21 : 20;
      const e0 = i + w.length;
      const d = readNumber(e0);
      if (d && d.decimals === 0 && d.value % 10 === 0 && d.value < 100 && startsWithAt(text, d.end, '年代')) {
        push(mk('date', (century - 1) * 100 + d.value, i, d.end + 2, e0, d.end, { date: { decade: (century - 1) * 100 + d.value }, digits: d.digits }));
        i = d.end + 2;
        continue;
      }
      push(mk('date', century, i, e0, i, e0, { date: { century } }));
      i = e0;
      continue;
    }
    // 百分之五十
    if (startsWithAt(text, i, '百分之')) {
      const d = readNumber(i + 3);
      if (d && Number.isFinite(d.value)) {
        const b = boundAround(i, d.end);
        push(mk('percent', d.value, b.start, b.end, i + 3, d.end, { digits: d.digits, decimals: d.decimals, bound: b.bound })); // numeral: 五十, not 百分之五十
        i = d.end;
        continue;
      }
      if (startsWithAt(text, i, '百分之百')) {
        push(mk('percent', 100, i, i + 4, i, i + 4));
        i += 4;
        continue;
      }
    }
    // 所有/全部 render "100 percent (of)": a weak 100%
    if (ch === '所' || ch === '全' || ch === '一') {
      const w = ALL_WORDS.find((x) => startsWithAt(text, i, x));
      if (w) {
        push(mk('percent', 100, i, i + w.length, i, i + w.length, { vague: true }));
        i += w.length;
        continue;
      }
    }
    // 一半, 半数, 三分之一
    if (startsWithAt(text, i, '一半') || startsWithAt(text, i, '半数')) {
      push(mk('fraction', 0.5, i, i + 2, i, i + 2));
      i += 2;
      continue;
    }
    if (hasFraction && (NUMERAL.has(c) || isDigitCode(c))) {
      const den = readNumber(i);
      if (den && Number.isFinite(den.value) && den.value > 0 && startsWithAt(text, den.end, '分之')) {
        const num = readNumber(den.end + 2);
        if (num && Number.isFinite(num.value)) {
          const b = boundAround(i, num.end);
          push(mk('fraction', num.value / den.value, b.start, b.end, i, num.end, { bound: b.bound, decimals: 6 }));
          i = num.end;
          continue;
        }
      }
    }
    // 半年, 半个月, 半小时
    if (ch === '半' && !(i > 0 && (NUMERAL_CHARS.includes(text[i - 1]) || isDigitCode(text.charCodeAt(i - 1)) || isAt(i - 1, '年') || isAt(i - 1, '月') || isAt(i - 1, '时') || isAt(i - 1, '天')))) {
      let hit = false;
      for (let ti = 0; ti < DURATIONS.length; ti++) {
        const e = DURATIONS[ti];
        const w = e[0];
        const unit = e[1];
        const secs = e[2];
        if (w === '周' || !startsWithAt(text, i + 1, w)) continue;
        push(mk('duration', secs / 2, i, i + 1 + w.length, i, i + 1, { unit }));
        i += 1 + w.length;
        hit = true;
        break;
      }
      if (hit) continue;
    }
    // 翻一番, 翻了两番
    if (ch === '翻') {
      let j = i + 1;
      if (isAt(j, '了')) j++;
      const d = readNumber(j);
      if (d && isAt(d.end, '番') && d.value >= 1 && d.value <= 10) {
        push(mk('multiplier', Math.pow(2, d.value), i, d.end + 1, j, d.end));
        i = d.end + 1;
        continue;
      }
    }
    // 第N, 首个
    if (ch === '第') {
      const d = readNumber(i + 1);
      if (d && Number.isFinite(d.value) && d.decimals === 0) {
        push(mk('ordinal', d.value, i, d.end, i + 1, d.end, { digits: d.digits }));
        i = d.end;
        continue;
      }
    }
    if (ch === '首' && CLASSIFIERS.has(text.charCodeAt(i + 1)) && !isAt(i + 1, '都')) {
      push(mk('ordinal', 1, i, i + 1, i, i + 1));
      i += 1;
      continue;
    }
    // vague: 数十, 几百, 上百, 数以百万计, 十多 handled below
    if ((ch === '数' || ch === '几' || ch === '上' || ch === '成') && (unitAt(i + 1) !== undefined || bigAt(i + 1) !== undefined || startsWithAt(text, i + 1, '以'))) {
      let j = i + 1;
      let lo = 0;
      let hi = 0;
      if (startsWithAt(text, j, '以') && text[j + 1] && (unitAt(j + 1) || bigAt(j + 1))) {
        // 数以百万计, 数以千计
        let k = j + 1;
        let v = 1;
        while (k < n && (unitAt(k) || bigAt(k))) {
          v *= (unitAt(k) ?? bigAt(k))!;
          k++;
        }
        if (isAt(k, '计')) {
          const q = mk('number', v, i, k + 1, i, k + 1, { hi: v * 1000, vague: true, bound: 'approx' });
          suffixAndPush(q, k + 1, false);
          i = k + 1;
          continue;
        }
      }
      if (unitAt(j) !== undefined || bigAt(j) !== undefined) {
        let v = 1;
        while (j < n && (unitAt(j) !== undefined || bigAt(j) !== undefined) && j - i < 6) {
          v *= (unitAt(j) ?? bigAt(j))!;
          j++;
        }
        // 上百 = a hundred or more; 数十/几十 = a few tens
        lo = ch === '上' || ch === '成' ? v : 2 * v;
        hi = 10 * v - 1;
        if (ch !== '上' || v >= 100) {
          const q = mk('number', lo, i, j, i, j, { hi, vague: true, bound: 'approx' });
          suffixAndPush(q, j, false);
          i = Math.max(j, q.end);
          continue;
        }
      }
    }

    if (isDigitCode(c) || NUMERAL.has(c)) {
      i = numberAt(i, c);
      continue;
    }
    i++;
  }
  return out;
}

