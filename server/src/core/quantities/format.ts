// Writing values back: a value in Chinese form (2400, 1.2亿, 三) or English form
// (2,400, 120 million, three), for messages and quick fixes.

import type { DateParts, Quantity } from './types';
import { unitDef } from './units';

const ZH_DIGITS = '零一二三四五六七八九';
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** Plain decimal notation without exponent, trimmed ("0.1", "12.5", "1200000"). */
export function plain(v: number, maxDecimals = 6): string {
  if (!Number.isFinite(v)) return String(v);
  // toFixed writes 1e21 and above in exponent notation, which no line reads back as that number
  if (Math.abs(v) >= 1e21) return BigInt(Math.round(v)).toString();
  let s = v.toFixed(maxDecimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** 2400 → "2,400" */
export function withCommas(v: number): string {
  const s = plain(v);
  const [int, dec] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (dec ? '.' + dec : '');
}

/** Chinese numerals for an integer 0 ≤ n < 100000000 ("三", "十二", "二十五", "三百零五"). */
export function zhNumeral(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return undefined;
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? ZH_DIGITS[n % 10] : '');
  const units = ['', '十', '百', '千'];
  const four = (m: number): string => {
    let s = '';
    let zero = false;
    for (let k = 3; k >= 0; k--) {
      const d = Math.floor(m / Math.pow(10, k)) % 10;
      if (d === 0) {
        if (s) zero = true;
        continue;
      }
      if (zero) s += '零';
      zero = false;
      s += ZH_DIGITS[d] + units[k];
    }
    return s;
  };
  if (n < 1e4) return four(n);
  const hi = Math.floor(n / 1e4);
  const lo = n % 1e4;
  return four(hi) + '万' + (lo ? (lo < 1000 ? '零' : '') + four(lo) : '');
}

/** A value written the Chinese way, in the style of `like` (digits or numerals, with 万/亿 when it used them). */
export function zhValue(v: number, like?: Quantity, lineText?: string): string {
  const words = like && !like.digits;
  if (words && Number.isInteger(v) && v >= 0 && v < 1e4) {
    const z = zhNumeral(v);
    if (z) return v === 2 && lineText && like && /[个位名种家座项次台辆架艘件条只头人张倍]/.test(lineText[like.numEnd] ?? '') ? '两' : z;
  }
  const a = Math.abs(v);
  const usedScale = like && lineText ? /[万亿]$/.test(lineText.slice(like.numStart, like.numEnd)) : false;
  // digits written without 万/亿 stay that way; otherwise the usual Chinese grouping
  const free = !like || usedScale || !like.digits;
  if (free && a >= 1e8 && (usedScale || a % 1e8 === 0 || a >= 1e9)) return plain(roundTo(v / 1e8)) + '亿';
  if (free && a >= 1e4 && (usedScale || a >= 1e5) && a % 100 === 0) return plain(roundTo(v / 1e4)) + '万';
  return plain(v);
}

function roundTo(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A value written the English way, in the style of `like` (a scale word when it used one, words for small counts). */
export function enValue(v: number, like?: Quantity, lineText?: string): string {
  const text = like && lineText ? lineText.slice(like.numStart, like.numEnd).toLowerCase() : '';
  if (like && !like.digits && Number.isInteger(v) && v >= 0 && v <= 20) return EN_WORDS[v];
  const a = Math.abs(v);
  if (a >= 1e9 && (a % 1e7 === 0) && (text.includes('billion') || a >= 1e9)) return plain(roundTo(v / 1e9)) + ' billion';
  if (a >= 1e6 && (a % 1e4 === 0)) return plain(roundTo(v / 1e6)) + ' million';
  return withCommas(v);
}

/** A short description of a quantity's value for messages: "25 lb", "$500 million", "×3". */
export function describe(q: Quantity): string {
  return q.text.trim();
}

export function unitLabel(id: string, lang: 'en' | 'zh'): string {
  const u = unitDef(id);
  if (!u) return id;
  return lang === 'zh' ? u.zh : u.symbol;
}

/** "25 lb = 11.34 kg" */
export function conversionText(value: number, from: string, converted: number, to: string): string {
  const shown = Math.abs(converted) >= 1e4 ? Math.round(converted) : Number(converted.toPrecision(4));
  return `${plain(value)} ${unitLabel(from, 'en')} = ${plain(shown, 4)} ${unitLabel(to, 'en')}`;
}

const ZH_REL: Record<string, Record<number, string>> = {
  year: { [-2]: '前年', [-1]: '去年', 0: '今年', 1: '明年', 2: '后年' },
  month: { [-1]: '上个月', 0: '本月', 1: '下个月' },
  week: { [-1]: '上周', 0: '本周', 1: '下周' },
  day: { [-2]: '前天', [-1]: '昨天', 0: '今天', 1: '明天', 2: '后天' },
};
const EN_REL: Record<string, Record<number, string>> = {
  year: { [-2]: 'the year before last', [-1]: 'last year', 0: 'this year', 1: 'next year' },
  month: { [-1]: 'last month', 0: 'this month', 1: 'next month' },
  week: { [-1]: 'last week', 0: 'this week', 1: 'next week' },
  day: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
  century: { [-1]: 'last century', 0: 'this century' },
};

export function relativeZh(unit: string, offset: number): string | undefined {
  return ZH_REL[unit]?.[offset];
}
export function relativeEn(unit: string, offset: number): string | undefined {
  return EN_REL[unit]?.[offset];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date in Chinese form: 2025年10月9日, 上世纪40年代. */
export function zhDate(d: DateParts): string | undefined {
  if (d.decade !== undefined || d.century !== undefined || d.weekday !== undefined) return undefined;
  let s = '';
  if (d.year !== undefined) s += d.year + '年';
  if (d.month !== undefined) s += d.month + '月';
  if (d.day !== undefined) s += d.day + '日';
  return s || undefined;
}

/** A date in English form: October 9, 2025. */
export function enDate(d: DateParts): string | undefined {
  if (d.decade !== undefined || d.century !== undefined || d.weekday !== undefined) return undefined;
  const parts: string[] = [];
  if (d.month !== undefined) parts.push(MONTH_NAMES[d.month - 1] + (d.day !== undefined ? ' ' + d.day : ''));
  else if (d.day !== undefined) return undefined;
  if (d.year !== undefined) parts.push(String(d.year));
  return parts.join(d.day !== undefined ? ', ' : ' ') || undefined;
}
