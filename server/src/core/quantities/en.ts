// English quantity extraction. The windows of a line around possible quantities are
// cut into tokens (digit runs, words, single symbols) by a character scan; a
// hand-written parser then
// reads numbers, number words, scales, units, currencies, ranges, qualifiers
// and dates off the token list. Every step looks at a bounded number of tokens,
// so extraction is linear in the length of the line.

import { newQuantity, type Bound, type DateParts, type Quantity } from './types';
import { EN_UNIT_PHRASES, EN_UNIT_WORDS, table, unitDef } from './units';

/**
 * One token of the window being parsed. Its text (`s`) and lower-case text (`lw`) are
 * made when first asked for: most words of a line are only tested against the words
 * the parser knows (`lex`, found by a walk of a trie while scanning), and a string for
 * each was most of the garbage the extraction made. Read only while the window is
 * parsed (the text is the line being read, the module's `text`).
 */
class Tok {
  t: 'num' | 'word' | 'sym' = 'sym';
  start = 0;
  end = 0;
  value = NaN;
  decimals = 0;
  /** A word the main loop of the parser has a use for (in LEX, any case). */
  lex = false;
  /** A word with a capital letter (else its lower-case text is its text). */
  upper = false;
  private sv: string | undefined = undefined;
  private lwv: string | undefined = undefined;
  set(t: 'num' | 'word' | 'sym', start: number, end: number, value: number, decimals: number, lex: boolean, upper = false): Tok {
    this.t = t;
    this.upper = upper;
    this.start = start;
    this.end = end;
    this.value = value;
    this.decimals = decimals;
    this.lex = lex;
    this.sv = undefined;
    this.lwv = undefined;
    return this;
  }
  get s(): string {
    return (this.sv ??= text.slice(this.start, this.end));
  }
  get lw(): string {
    return (this.lwv ??= this.upper ? this.s.toLowerCase() : this.s);
  }
}

/** Digit runs longer than this are not numbers a translator writes (IDs, hashes, noise). */
const MAX_DIGITS = 18;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Cuts text[from, to) into tokens: digit runs (with thousands groups and a
 * decimal part), runs of ASCII letters, and single symbols (a surrogate pair is
 * one symbol, so no span ever splits it). A token that starts before `to` is
 * read whole.
 */
/**
 * Token objects, reused by every window of every line: no token outlives the parse of
 * its window (quantities copy numbers and strings out of them), and a line of news has
 * about fifty.
 */
const TOK_POOL: Tok[] = [];
function tok(k: number): Tok {
  return TOK_POOL[k] ?? (TOK_POOL[k] = new Tok());
}

/** The token list of the window being parsed, reused too (its length is set to the window's count). */
const WINDOW: Tok[] = [];

function tokenize(text: string, from: number, to: number): Tok[] {
  const out = WINDOW;
  let count = 0;
  const n = text.length;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && isDigitAt(text, j)) j++;
      let grouped = false;
      if (j - i <= 3) {
        while (text.charCodeAt(j) === 44 && isDigitAt(text, j + 1) && isDigitAt(text, j + 2) && isDigitAt(text, j + 3) && !isDigitAt(text, j + 4)) {
          j += 4;
          grouped = true;
        }
      }
      const intEnd = j;
      let decimals = 0;
      if (text.charCodeAt(j) === 46 && isDigitAt(text, j + 1)) {
        let k = j + 1;
        while (k < n && isDigitAt(text, k)) k++;
        decimals = k - j - 1;
        j = k;
      }
      const intLen = grouped ? intEnd - i - Math.floor((intEnd - i) / 4) : intEnd - i;
      let value: number;
      if (intLen > MAX_DIGITS) value = NaN;
      else if (!grouped && decimals === 0 && intLen <= 15) {
        // a plain integer: its value exactly, without making its string (15 digits are below 2^53)
        value = 0;
        for (let k = i; k < j; k++) value = value * 10 + (text.charCodeAt(k) - 48);
      } else value = Number(grouped ? text.slice(i, j).replace(/,/g, '') : text.slice(i, j));
      out[count] = tok(count).set('num', i, j, value, decimals, false);
      count++;
      i = j;
      continue;
    }
    if (isLetter(c)) {
      // walk the trie of LEX while reading the word: the parser asks whether it knows it
      const lexNext = LEX_FLAT.next;
      let state = lexNext[TRIE_ROOT + (c | 32) - 97];
      let upper = c <= 90;
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isLetter(d)) break;
        if (d <= 90) upper = true;
        state = lexNext[state * 26 + (d | 32) - 97];
        j++;
      }
      out[count] = tok(count).set('word', i, j, NaN, 0, LEX_FLAT.end[state] !== 0, upper);
      count++;
      i = j;
      continue;
    }
    const e = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
    out[count] = tok(count).set('sym', i, e, NaN, 0, false);
    count++;
    i = e;
  }
  // reading past the window's tokens gives undefined, as the parser expects
  out.length = count;
  return out;
}

const SMALL: ReadonlyMap<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: ReadonlyMap<string, number> = table({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALES: ReadonlyMap<string, number> = table({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const SCALE_ABBR: ReadonlyMap<string, number> = table({ k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12 });
const VAGUE_PLURALS: ReadonlyMap<string, [number, number]> = table({
  tens: [20, 99], dozens: [24, 99], hundreds: [200, 999], thousands: [2e3, 99e3], millions: [2e6, 999e6], billions: [2e9, 999e9], trillions: [2e12, 999e12],
});
const ORDINAL_WORDS: ReadonlyMap<string, number> = table({
  first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21,
});
const MULTIPLIER_WORDS: ReadonlyMap<string, number> = table({
  twice: 2, double: 2, doubled: 2, doubles: 2, doubling: 2, triple: 3, tripled: 3, triples: 3, tripling: 3, treble: 3, trebled: 3,
  quadruple: 4, quadrupled: 4, quadruples: 4, quadrupling: 4, quintupled: 5, quintuple: 5, tenfold: 10, twofold: 2, threefold: 3,
  fourfold: 4, fivefold: 5, hundredfold: 100,
});
const MONTHS: ReadonlyMap<string, number> = table({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
const WEEKDAYS: ReadonlyMap<string, number> = table({ sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 });
const DURATION_SECONDS: ReadonlyMap<string, number> = table({
  second: 1, seconds: 1, minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86400, days: 86400, week: 604800, weeks: 604800,
  month: 2629800, months: 2629800, year: 31557600, years: 31557600, decade: 315576000, decades: 315576000, century: 3155760000, centuries: 3155760000,
});
const CURRENCY_WORDS: ReadonlyMap<string, string> = table({
  dollar: 'USD', dollars: 'USD', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY', euro: 'EUR', euros: 'EUR', yen: 'JPY', sterling: 'GBP',
  usd: 'USD', cny: 'CNY', eur: 'EUR', gbp: 'GBP', jpy: 'JPY',
});
const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = table({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '￥': 'CNY' });
const APPROX_WORDS = new Set(['about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'circa', 'approx', 'estimated', '~', '≈']);
const MIN_PHRASES: readonly string[] = ['more than', 'over', 'at least', 'above', 'exceeding', 'upwards of', 'in excess of', 'greater than', 'higher than', 'no fewer than', 'no less than'];
const MAX_PHRASES: readonly string[] = ['up to', 'as much as', 'as many as', 'less than', 'fewer than', 'under', 'below', 'at most', 'no more than', 'as high as', 'as little as', 'as few as', 'nearly', 'almost'];
// Word lists the parser tests membership in (sets made once, not an array literal per test).
/** "mid-2020s": words before a dash that do not make "X-20" an identifier. */
const PREFIX_WORDS: ReadonlySet<string> = new Set(['mid', 'pre', 'post', 'late', 'early']);
/** Words before a four-digit number that make it a year rather than a count. */
const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'since', 'by', 'until', 'from', 'of', 'before', 'after', 'during', 'through', 'till', 'circa']);
/** "a hundred", "one dozen". */
const A_SCALE_WORDS: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']);
/** Words before "May"/"March" that make them months. */
const MONTH_CONTEXT: ReadonlySet<string> = new Set(['in', 'of', 'since', 'last', 'next', 'this', 'early', 'late', 'mid', 'until', 'by', 'on', 'from', 'through', 'before', 'after', 'during', 'between', 'and']);

/** The phrases as their words, for boundBefore (no phrase has more than three). */
const MIN_PHRASE_WORDS = MIN_PHRASES.map((p) => p.split(' '));
const MAX_PHRASE_WORDS = MAX_PHRASES.map((p) => p.split(' '));
const AN_ESTIMATED = ['an', 'estimated'];
const CLOSE_TO = ['close', 'to'];
/** The last word of every phrase boundBefore tests. */
const PHRASE_LAST_WORDS: ReadonlySet<string> = new Set([...MIN_PHRASE_WORDS, ...MAX_PHRASE_WORDS, AN_ESTIMATED, CLOSE_TO].map((p) => p[p.length - 1]));

const REL_UNITS: ReadonlyMap<string, 'year' | 'month' | 'week' | 'century'> = table({ year: 'year', month: 'month', week: 'week', century: 'century' });
const REL_DAYS: ReadonlyMap<string, number> = table({ yesterday: -1, today: 0, tomorrow: 1 });

/** Every word that can start something in the main loop of the parser. */
const LEX: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...VAGUE_PLURALS.keys(), ...MULTIPLIER_WORDS.keys(), ...ORDINAL_WORDS.keys(), ...SMALL.keys(), ...TENS.keys(),
  'last', 'this', 'next', 'yesterday', 'today', 'tomorrow', 'the', 'half', 'quarter', 'decade', 'century', 'second', 'a', 'one', 'us',
]);

function cap(t: Tok | undefined): boolean {
  return !!t && t.t === 'word' && t.s.charCodeAt(0) >= 65 && t.s.charCodeAt(0) <= 90;
}

function isDash(t: Tok | undefined): boolean {
  return !!t && t.t === 'sym' && (t.s === '-' || t.s === '–' || t.s === '—' || t.s === '‑');
}

/**
 * Where a quantity may start: digits, currency symbols, and the words the
 * parser knows. Found by a character scan over a trie of those words (no
 * string is made for a word that is not one), so a line without any costs one
 * pass over its characters and only windows around the candidates are
 * tokenised.
 */
interface TrieNode {
  next: (TrieNode | undefined)[];
  /** 0 not a word; 1 any case of the first letter; 2 capitalised only; 3 needs a following unit word (last/this/next). */
  end: number;
}
function trieNode(): TrieNode {
  return { next: new Array<TrieNode | undefined>(26), end: 0 };
}
const TRIE = trieNode();
function addWords(words: string, end: number): void {
  for (const w of words.split('|')) {
    let node = TRIE;
    for (const ch of w.toLowerCase()) {
      const k = ch.charCodeAt(0) - 97;
      node = node.next[k] ??= trieNode();
    }
    node.end = end;
  }
}
addWords(
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|' +
    'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|tens|dozen|dozens|' +
    'half|quarter|decade|decades|century|centuries|twice|double|doubles|doubled|doubling|triple|triples|tripled|tripling|treble|trebled|' +
    'quadruple|quadruples|quadrupled|quadrupling|quintuple|quintupled|twofold|threefold|fourfold|fivefold|tenfold|hundredfold|' +
    'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|' +
    'yesterday|today|tomorrow',
  1,
);
addWords(
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  2,
);
addWords('last|this|next|year', 3);
const REL_FOLLOW = [' year', ' month', ' week', ' century'];

/** The first word of every unit phrase (up to its first space or dot). */
const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...EN_UNIT_PHRASES.keys()].map((p) => p.split(/[ .]/)[0]));

/** LEX as a trie, for the tokenizer (its words of letters only: "twenty-first" is no token). */
const LEX_TRIE = trieNode();
for (const word of LEX) {
  if (!/^[a-z]+$/.test(word)) continue;
  let node = LEX_TRIE;
  for (let k = 0; k < word.length; k++) node = node.next[word.charCodeAt(k) - 97] ??= trieNode();
  node.end = 1;
}

/**
 * A trie flattened for the scanners, which walk it for every word of a line: the child of
 * state s for the letter k (0 for a, 25 for z) is next[s * 26 + k], 0 when there is none;
 * state 0 has no children (a walk that left the trie stays there), the root is state 1,
 * and end[s] is the node's end mark. One typed-array load a letter instead of a property
 * load, an array load and an undefined test.
 */
interface FlatTrie {
  next: Int32Array;
  end: Uint8Array;
}
/** Where the root's row starts in FlatTrie.next. */
const TRIE_ROOT = 26;
function flatten(root: TrieNode): FlatTrie {
  const nodes: TrieNode[] = [root];
  const ids = new Map<TrieNode, number>([[root, 1]]);
  for (let k = 0; k < nodes.length; k++)
    for (const child of nodes[k].next)
      if (child && !ids.has(child)) {
        ids.set(child, nodes.length + 1);
        nodes.push(child);
      }
  const next = new Int32Array((nodes.length + 1) * 26);
  const end = new Uint8Array(nodes.length + 1);
  for (const [node, id] of ids) {
    end[id] = node.end;
    for (let k = 0; k < 26; k++) {
      const child = node.next[k];
      if (child) next[id * 26 + k] = ids.get(child)!;
    }
  }
  return { next, end };
}
const TRIE_FLAT = flatten(TRIE);
const LEX_FLAT = flatten(LEX_TRIE);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** End of the candidate nextCandidate found (its start is what it returns). */
let candEnd = 0;

/** Whether one of REL_FOLLOW (" year", " month" …) follows at j. */
function relFollows(text: string, j: number): boolean {
  for (const f of REL_FOLLOW) if (text.startsWith(f, j)) return true;
  return false;
}

/** The start of the next candidate at or after `from` (its end in candEnd), or -1. */
function nextCandidate(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      candEnd = j;
      return i;
    }
    if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0xffe5 || c === 0x2103 || c === 0x2109) {
      candEnd = i + 1;
      return i;
    }
    if (!isLetter(c)) continue;
    // a word starts here (the previous character is not a letter, since words are skipped whole)
    const upper = c <= 90;
    const next = TRIE_FLAT.next;
    let state = next[TRIE_ROOT + (c | 32) - 97];
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 97 && d <= 122) state = next[state * 26 + d - 97];
      else if (d >= 65 && d <= 90) state = 0; // "THREE", "McDonald": not a candidate
      else break;
      j++;
    }
    const end = TRIE_FLAT.end[state];
    if (end !== 0 && !(j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) {
      // last/this/next/year: compared by their length and last letter, without a string ("year" is the only four-letter one ending in r)
      const year = j - i === 4 && (text.charCodeAt(j - 1) | 32) === 114;
      if (end === 1 || (end === 2 && upper) || (end === 3 && (year ? text.startsWith(' before last', j) : relFollows(text, j)))) {
        candEnd = j;
        return i;
      }
    }
    i = j - 1;
  }
  return -1;
}

/** Characters a window reaches before and after a candidate (qualifiers before, units and ranges after). */
const BEFORE = 40;
const AFTER = 64;
const SNAP = 24;

export function extractEnglish(line: string): Quantity[] {
  // the line being read (tokens read their text from it)
  text = line;
  const out: Quantity[] = [];
  yenLine = undefined;
  let from = -1;
  let to = -1;
  let pos = 0;
  let m: number;
  while ((m = nextCandidate(text, pos)) >= 0) {
    pos = candEnd;
    let s = Math.max(0, m - BEFORE);
    let e = Math.min(text.length, candEnd + AFTER);
    // snap to spaces so no word is cut (looking a bounded distance only)
    if (s > 0) {
      let k = s;
      while (k > 0 && s - k < SNAP && text.charCodeAt(k - 1) !== 32) k--;
      s = text.charCodeAt(k - 1) === 32 || k === 0 ? k : s;
    }
    if (e < text.length) {
      let k = e;
      while (k < text.length && k - e < SNAP && text.charCodeAt(k) !== 32) k++;
      e = k;
    }
    if (from >= 0 && s <= to) to = Math.max(to, e);
    else {
      if (from >= 0) parseRange(text, tokenize(text, from, to), out);
      from = s;
      to = e;
    }
  }
  if (from >= 0) parseRange(text, tokenize(text, from, to), out);
  // windows are disjoint, but a quantity may reach past its window's end into the next one's start
  for (let k = 1; k < out.length; k++) {
    if (out[k].start < out[k - 1].end) {
      out.splice(k, 1);
      k--;
    }
  }
  return out;
}

/*
 * The parser's state while it reads one window of a line. It lives in module variables,
 * set by parseRange, rather than in closures made for every window: a line has a few
 * windows, and a dozen closures each were a measurable share of the extraction (and of
 * the garbage it leaves). Extraction is synchronous and never re-entered, so one state
 * is enough.
 */
let text = '';
let toks: Tok[] = [];
let n = 0;
let out: Quantity[] = [];
/** Whether ¥ means yen in this line (decided once per line, when first needed). */
let yenLine: boolean | undefined;

function adj(a: Tok | undefined, b: Tok | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
function w(k: number): string {
  return k >= 0 && k < n && toks[k].t === 'word' ? toks[k].lw : '';
}

/**
 * Whether the tokens right before token k read as the words of a phrase ("more than"):
 * word tokens in lower case, others as written. The same as comparing the phrase with
 * the last one, two or three tokens joined by spaces (a token has no space in it), without
 * making the joined strings.
 */
function endsWithPhrase(k: number, words: readonly string[]): boolean {
  const len = words.length;
  if (len > k) return false;
  for (let m = 0; m < len; m++) {
    const t = toks[k - len + m];
    if ((t.t === 'word' ? t.lw : t.s) !== words[m]) return false;
  }
  return true;
}

function boundBefore(k: number): Bound {
  if (k === 0) return 'exact';
  const last = toks[k - 1];
  const w1 = last.t === 'word' ? last.lw : last.s;
  // most numbers follow no qualifier: test the phrases only after one of their last words
  if (!PHRASE_LAST_WORDS.has(w1)) return APPROX_WORDS.has(w1) || w1 === 'estimated' ? 'approx' : 'exact';
  for (const p of MIN_PHRASE_WORDS) if (endsWithPhrase(k, p)) return 'min';
  for (const p of MAX_PHRASE_WORDS) if (endsWithPhrase(k, p)) return p.length === 1 && (p[0] === 'nearly' || p[0] === 'almost') ? 'approx' : 'max';
  if (APPROX_WORDS.has(w1) || w1 === 'estimated') return 'approx';
  if (endsWithPhrase(k, AN_ESTIMATED) || endsWithPhrase(k, CLOSE_TO)) return 'approx';
  return 'exact';
}

/** Parses number words starting at k: returns value and the index after them. */
function numberWords(k: number): { value: number; next: number; vague?: [number, number] } | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  let j = k;
  // "a hundred", "a dozen", "a million"
  if (w(j) === 'a' || w(j) === 'one') {
    const nx = w(j + 1);
    if (nx === 'hundred' || nx === 'thousand' || nx === 'million' || nx === 'billion' || nx === 'trillion' || nx === 'dozen') {
      current = 1;
      any = true;
      j++;
    }
  }
  for (; j < n; j++) {
    const word = w(j);
    if (!word) {
      // "twenty-one"
      if (isDash(toks[j]) && any && current % 10 === 0 && current >= 20 && adj(toks[j - 1], toks[j]) && SMALL.get(w(j + 1)) !== undefined && SMALL.get(w(j + 1))! < 10) continue;
      break;
    }
    if (SMALL.get(word) !== undefined) {
      if (any && current % 100 !== 0 && !(current % 10 === 0 && current >= 20 && SMALL.get(word)! < 10)) break;
      current += SMALL.get(word)!;
      any = true;
    } else if (TENS.get(word) !== undefined) {
      if (any && current % 100 !== 0) break;
      current += TENS.get(word)!;
      any = true;
    } else if (word === 'hundred' && any) {
      current = (current || 1) * 100;
    } else if (SCALES.get(word) !== undefined && any) {
      total += (current || 1) * SCALES.get(word)!;
      current = 0;
    } else if (word === 'dozen' && any) {
      current = (current || 1) * 12;
    } else if (word === 'and' && any && (SMALL.get(w(j + 1)) !== undefined || TENS.get(w(j + 1)) !== undefined) && (total > 0 || current >= 100)) {
      continue;
    } else break;
  }
  if (!any) return undefined;
  return { value: total + current, next: j };
}

function push(q: Quantity): void {
  out.push(q);
}

function mk(kind: Quantity['kind'], value: number, s: number, e: number, ns: number, ne: number, extra?: Partial<Quantity>): Quantity {
  const q = newQuantity(kind, value, 'exact', false, 0, s, e, ns, ne, text.slice(s, e));
  // extra only sets fields q already has (its shape stays that of every quantity)
  if (extra) Object.assign(q, extra);
  return q;
}

/** Month-led date at k ("Oct. 9, 2025", "October 2024", "October"). Returns next index or -1. */
function monthDate(k: number): number {
  const t = toks[k];
  const month = MONTHS.get(t.lw);
  if (month === undefined || !cap(t)) return -1;
  if (t.lw.length <= 4 && t.lw !== 'june' && t.lw !== 'july' && t.lw !== 'may') {
    // abbreviations need a dot or a following number
    const nx = toks[k + 1];
    if (!(nx && ((nx.s === '.' && adj(t, nx)) || nx.t === 'num'))) return -1;
  }
  if (t.lw === 'may' || t.lw === 'march') {
    const prev = w(k - 1);
    const nx = toks[k + 1];
    if (!(nx && nx.t === 'num') && !MONTH_CONTEXT.has(prev)) return -1;
  }
  let j = k + 1;
  let end = t.end;
  const abbreviation = t.lw.length <= 4 && t.lw !== 'june' && t.lw !== 'july' && t.lw !== 'may';
  if (abbreviation && toks[j] && toks[j].s === '.' && adj(t, toks[j])) {
    end = toks[j].end;
    j++;
  }
  const date: DateParts = { month };
  const dt = toks[j];
  if (dt && dt.t === 'num' && dt.decimals === 0 && dt.value >= 1 && dt.value <= 31 && !dt.s.includes(',')) {
    date.day = dt.value;
    end = dt.end;
    j++;
    // 9th
    if (toks[j] && adj(dt, toks[j]) && /^(st|nd|rd|th)$/.test(toks[j].lw)) {
      end = toks[j].end;
      j++;
    }
    if (toks[j] && toks[j].s === ',' && toks[j + 1] && toks[j + 1].t === 'num' && toks[j + 1].s.length === 4) {
      date.year = toks[j + 1].value;
      end = toks[j + 1].end;
      j += 2;
    }
  } else if (dt && dt.t === 'num' && dt.s.length === 4 && dt.decimals === 0) {
    date.year = dt.value;
    end = dt.end;
    j++;
  }
  let start = t.start;
  const prev = w(k - 1);
  if ((prev === 'last' || prev === 'next' || prev === 'this') && !date.year) {
    const rt = toks[k - 1];
    date.relative = { unit: 'year', offset: prev === 'last' ? -1 : prev === 'next' ? 1 : 0, start: rt.start, end: rt.end, text: rt.s };
    start = rt.start;
  }
  push(mk('date', month, start, end, t.start, end, { date }));
  return j;
}

/** Relative phrases: last year, this month, next week, yesterday, a year ago. */
function relative(k: number): number {
  const a = w(k);
  const b = w(k + 1);
  if ((a === 'last' || a === 'this' || a === 'next') && REL_UNITS.has(b)) {
    // "this year's", "last year" — but not "the last year" (a duration) or "last month's" is fine
    if (w(k - 1) === 'the' || w(k - 1) === 'every' || w(k - 1) === 'each') return -1;
    const s = toks[k].start;
    const e = toks[k + 1].end;
    const offset = a === 'last' ? -1 : a === 'next' ? 1 : 0;
    push(mk('date', offset, s, e, s, e, { date: { relative: { unit: REL_UNITS.get(b)!, offset, start: s, end: e, text: text.slice(s, e) } } }));
    return k + 2;
  }
  const day = REL_DAYS.get(a);
  if (day !== undefined) {
    const s = toks[k].start;
    const e = toks[k].end;
    push(mk('date', day, s, e, s, e, { date: { relative: { unit: 'day', offset: day, start: s, end: e, text: toks[k].s } } }));
    return k + 1;
  }
  if (a === 'the' && b === 'year' && w(k + 2) === 'before' && w(k + 3) === 'last') {
    const s = toks[k].start;
    const e = toks[k + 3].end;
    push(mk('date', -2, s, e, s, e, { date: { relative: { unit: 'year', offset: -2, start: s, end: e, text: text.slice(s, e) } } }));
    return k + 4;
  }
  return -1;
}

/** Suffix after a numeric value: unit, currency, percent, duration, multiplier … Returns the quantity and next index. */
function suffix(q: Quantity, j: number, currency: string | undefined, scaled: boolean): number {
  const t = toks[j];
  if (currency) {
    q.kind = 'money';
    q.currency = currency;
    // "$5 billion dollars" is rare; "US$" handled by caller
    return j;
  }
  if (!t) return j;
  // percent
  if (t.s === '%' || t.s === '％') {
    q.kind = 'percent';
    q.end = t.end;
    return j + 1;
  }
  if (t.lw === 'percent' || t.lw === 'pct' || (t.lw === 'per' && w(j + 1) === 'cent')) {
    const k = t.lw === 'per' ? j + 2 : j + 1;
    q.kind = 'percent';
    q.end = toks[k - 1].end;
    if (w(k) === 'points' || w(k) === 'point') {
      q.kind = 'points';
      q.end = toks[k].end;
      return k + 1;
    }
    return k;
  }
  if (t.lw === 'percentage' && (w(j + 1) === 'points' || w(j + 1) === 'point')) {
    q.kind = 'points';
    q.end = toks[j + 1].end;
    return j + 2;
  }
  // currency words
  if (w(j) === 'us' && (w(j + 1) === 'dollars' || w(j + 1) === 'dollar')) {
    q.kind = 'money';
    q.currency = 'USD';
    q.end = toks[j + 1].end;
    return j + 2;
  }
  if (CURRENCY_WORDS.get(w(j))) {
    q.kind = 'money';
    q.currency = CURRENCY_WORDS.get(w(j));
    q.end = t.end;
    return j + 1;
  }
  if (w(j) === 'pounds' || w(j) === 'pound') {
    const money = scaled || w(j + 1) === 'sterling' || q.decimals === 2;
    q.end = t.end;
    const weight: Partial<Quantity> = { kind: 'measure', unit: 'lb', dimension: 'mass' };
    const cash: Partial<Quantity> = { kind: 'money', currency: 'GBP' };
    Object.assign(q, money ? cash : weight);
    q.alts = [{ ...q, ...(money ? weight : cash), alts: undefined }];
    return j + 1;
  }
  // degrees
  if ((t.s === '°' || t.s === 'º') && (w(j + 1) === 'f' || w(j + 1) === 'c')) {
    q.kind = 'measure';
    q.unit = w(j + 1) === 'f' ? 'F' : 'C';
    q.dimension = 'temperature';
    q.end = toks[j + 1].end;
    return j + 2;
  }
  if (t.s === '℉' || t.s === '℃') {
    q.kind = 'measure';
    q.unit = t.s === '℉' ? 'F' : 'C';
    q.dimension = 'temperature';
    q.end = t.end;
    return j + 1;
  }
  if (w(j) === 'degrees' || w(j) === 'degree') {
    const u = w(j + 1);
    if (u === 'fahrenheit' || u === 'f' || u === 'celsius' || u === 'c' || u === 'centigrade') {
      q.kind = 'measure';
      q.unit = u === 'fahrenheit' || u === 'f' ? 'F' : 'C';
      q.dimension = 'temperature';
      q.end = toks[j + 1].end;
      return j + 2;
    }
  }
  // 33 Celsius, 92 Fahrenheit (the scale named without "degrees")
  if (w(j) === 'celsius' || w(j) === 'centigrade' || w(j) === 'fahrenheit') {
    q.kind = 'measure';
    q.unit = w(j) === 'fahrenheit' ? 'F' : 'C';
    q.dimension = 'temperature';
    q.end = toks[j].end;
    return j + 1;
  }
  return unitSuffix(q, j, scaled);
}

/** suffix, continued (two functions, each small enough for the optimising compiler): units, durations, multipliers, nines. */
function unitSuffix(q: Quantity, j: number, scaled: boolean): number {
  const t = toks[j];
  const attached = t && toks[j - 1] && adj(toks[j - 1], t);
  // unit phrases (up to three words), tried only after a word that begins one (a phrase built of
  // tokens starts with the first token's text and goes on with a space or a dot)
  for (let len = t && (t.t !== 'word' || PHRASE_FIRST_WORDS.has(t.lw)) ? 3 : 0; len >= 2; len--) {
    if (j + len > n) continue;
    let phrase = '';
    let ok = true;
    for (let k = j; k < j + len; k++) {
      if (toks[k].t === 'word') phrase += (phrase && toks[k - 1]?.t === 'word' ? ' ' : phrase ? '' : '') + toks[k].lw;
      else if (toks[k].s === '.') phrase += '.';
      else ok = false;
    }
    if (!ok) continue;
    const id = EN_UNIT_PHRASES.get(phrase);
    if (id && unitDef(id)) {
      q.kind = 'measure';
      q.unit = id;
      q.dimension = unitDef(id)!.dimension;
      q.end = toks[j + len - 1].end;
      return j + len;
    }
  }
  // single unit words; hyphenated adjectives "30-foot", "72-hour"
  let k = j;
  if (isDash(t) && attached && toks[j + 1] && adj(t, toks[j + 1]) && toks[j + 1].t === 'word') k = j + 1;
  const uw = w(k);
  if (uw) {
    const raw = toks[k].s;
    // case-sensitive symbols: MW vs mW, m vs M
    const id = EN_UNIT_WORDS.get(uw);
    const okCase = !(raw.length <= 3 && /^[a-z]+$/.test(uw) && raw !== raw.toLowerCase() && !/^(K|M|G|T)W(h)?$/.test(raw) && raw !== 'Wh' && raw !== 'kWh' && raw !== 'W' && raw !== 'L');
    if (id && unitDef(id) && okCase && !(uw === 'm' && scaled)) {
      // single letters only as symbols right after the number ("5 m", "3kg"), never "a m"
      if (uw.length === 1 && !(attached || (toks[j - 1] && toks[j - 1].t === 'num'))) return j;
      q.kind = 'measure';
      q.unit = id;
      q.dimension = unitDef(id)!.dimension;
      q.end = toks[k].end;
      if (id === 't' && (uw === 'ton' || uw === 'tons')) q.alts = [{ ...q, unit: 'short-ton', alts: undefined }];
      return k + 1;
    }
    if (DURATION_SECONDS.get(uw) !== undefined) {
      // "three times a day", "years old" → an age; "five-year plan" is a duration
      if ((uw === 'years' || uw === 'year') && (w(k + 1) === 'old' || (isDash(toks[k + 1]) && w(k + 2) === 'old'))) {
        q.end = toks[k].end;
        return k + 1;
      }
      if (w(k + 1) === 'ago') {
        q.kind = 'duration';
        q.unit = uw.replace(/s$/, '').replace(/ie$/, 'y');
        q.value = q.value * DURATION_SECONDS.get(uw)!;
        q.hi = q.hi !== undefined ? q.hi * DURATION_SECONDS.get(uw)! : undefined;
        q.end = toks[k].end;
        return k + 1;
      }
      q.kind = 'duration';
      q.unit = uw.replace(/ies$/, 'y').replace(/s$/, '');
      q.value = q.value * DURATION_SECONDS.get(uw)!;
      if (q.hi !== undefined) q.hi = q.hi * DURATION_SECONDS.get(uw)!;
      q.end = toks[k].end;
      return k + 1;
    }
    if (uw === 'times' || uw === 'fold' || uw === 'x') {
      if (uw === 'x' && !attached) return j;
      const nx = w(k + 1);
      if (uw === 'times' && (nx === 'a' || nx === 'per' || nx === 'each' || nx === 'every' || nx === 'since' || nx === 'in' || nx === 'this' || nx === 'last' || nx === 'over')) return j;
      q.kind = 'multiplier';
      q.end = toks[k].end;
      return k + 1;
    }
    if (uw === 'nines' && !q.digits) {
      q.kind = 'nines';
      q.end = toks[k].end;
      q.alts = [{ ...q, kind: 'percent', value: 100 - Math.pow(10, 2 - q.value), decimals: Math.max(0, q.value - 2), alts: undefined }];
      return k + 1;
    }
  }
  return j;
}

function numericAt(k: number, start: number, currency: string | undefined): number {
  // k points at a num token or number words
  const t = toks[k];
  let value: number;
  let next: number;
  let digits = false;
  let decimals = 0;
  let vague = false;
  let hi: number | undefined;
  if (t.t === 'num') {
    if (!Number.isFinite(t.value)) return k + 1;
    // identifiers: Group14, F-35, COVID-19, A320, 5G, 3D
    const prev = toks[k - 1];
    if (prev && adj(prev, t) && prev.t === 'word') return k + 1;
    if (prev && isDash(prev) && adj(prev, t) && toks[k - 2] && adj(toks[k - 2], prev) && toks[k - 2].t === 'word' && !PREFIX_WORDS.has(toks[k - 2].lw)) return k + 1;
    if (prev && (prev.s === ':' || prev.s === '/' || prev.s === '.') && adj(prev, t) && toks[k - 2]?.t === 'num') return k + 1;
    const nx = toks[k + 1];
    if (nx && nx.s === '.' && adj(t, nx) && toks[k + 2]?.t === 'num' && adj(nx, toks[k + 2])) {
      // version numbers and dotted identifiers: 3.2.1
      let e = k + 2;
      while (toks[e + 1] && toks[e + 1].s === '.' && toks[e + 2]?.t === 'num' && adj(toks[e + 1], toks[e + 2])) e += 2;
      return e + 1;
    }
    if (nx && (nx.s === ':' || nx.s === '/') && adj(t, nx) && toks[k + 2]?.t === 'num' && adj(nx, toks[k + 2])) {
      // clock times and numeric dates (10:30, 10/9/2025) are left alone
      let e = k + 2;
      while (toks[e + 1] && (toks[e + 1].s === ':' || toks[e + 1].s === '/') && toks[e + 2]?.t === 'num') e += 2;
      return e + 1;
    }
    value = t.value;
    digits = true;
    decimals = t.decimals;
    next = k + 1;
    // negative
    if (prev && (prev.s === '-' || prev.s === '−') && adj(prev, t) && !(toks[k - 2] && adj(toks[k - 2], prev) && (toks[k - 2].t === 'num' || toks[k - 2].t === 'word'))) {
      value = -value;
      start = prev.start;
    } else if (prev && prev.t === 'word' && prev.lw === 'minus' && value > 0) {
      // "minus 40 degrees" (零下40度)
      value = -value;
      start = prev.start;
    }
  } else {
    const nw = numberWords(k);
    if (!nw) return k + 1;
    value = nw.value;
    next = nw.next;
  }
  let numEnd = toks[next - 1].end;
  let scaled = false;
  // scale words and abbreviations
  const sw = w(next);
  if (SCALES.get(sw) && t.t === 'num') {
    value *= SCALES.get(sw)!;
    numEnd = toks[next].end;
    next++;
    scaled = true;
  } else if (t.t === 'num' && sw && SCALE_ABBR.get(sw) !== undefined && adj(toks[next - 1], toks[next]) && (currency || sw === 'bn' || sw === 'mn' || sw === 'tn')) {
    value *= SCALE_ABBR.get(sw)!;
    numEnd = toks[next].end;
    next++;
    scaled = true;
  } else if (t.t !== 'num' && SCALES.get(sw)) {
    // handled by numberWords
  }
  // ranges: 10-20, 10 to 20, between 10 and 20, 2015–2025
  const rt = toks[next];
  // "$10 and $20": the second number may repeat the currency symbol
  const skipSym = currency && toks[next + 1] && CURRENCY_SYMBOLS.get(toks[next + 1].s) ? 1 : 0;
  if (rt && (isDash(rt) || rt.lw === 'to' || (rt.lw === 'and' && (w(k - 1) === 'between' || w(k - 2) === 'between'))) && toks[next + 1 + skipSym] && toks[next + 1 + skipSym].t === 'num' && t.t === 'num') {
    if (skipSym) next++;
    const h = toks[next + 1];
    if (Number.isFinite(h.value) && !(isDash(rt) && toks[next + 2] && adj(h, toks[next + 2]) && toks[next + 2].t === 'word' && !EN_UNIT_WORDS.get(toks[next + 2].lw) && !DURATION_SECONDS.get(toks[next + 2].lw) && !/^(s|st|nd|rd|th)$/.test(toks[next + 2].lw))) {
      let hv = h.value;
      let hn = next + 2;
      const sw2 = w(hn);
      if (SCALES.get(sw2)) {
        hv *= SCALES.get(sw2)!;
        if (!scaled) value *= SCALES.get(sw2)!;
        hn++;
        scaled = true;
      } else if (scaled) {
        hv *= value / t.value;
      }
      if (hv > value) {
        hi = hv;
        decimals = Math.max(decimals, h.decimals);
        numEnd = toks[hn - 1].end;
        next = hn;
      }
    }
  }
  const step = digits ? Math.pow(10, -decimals) * (scaled && t.value !== 0 ? Math.abs(value / t.value) : 1) : 1;
  const q = newQuantity('number', value, 'exact', digits, decimals, start, numEnd, start, numEnd, '');
  q.step = step;
  if (hi !== undefined) q.hi = hi;
  if (vague) q.vague = true;
  return afterNumber(q, k, next, t, value, hi, decimals, currency, scaled);
}

/**
 * numericAt, continued (two functions, each small enough for the optimising compiler):
 * what the number read at k (its token t; value, upper end and decimals as read, before
 * any suffix changes q) is — a decade, an ordinal, a date, a unit, a fraction — up to
 * token next. Pushes the quantity; returns the index after it.
 */
function afterNumber(q: Quantity, k: number, next: number, t: Tok, value: number, hi: number | undefined, decimals: number, currency: string | undefined, scaled: boolean): number {
  const nt = toks[next];
  // decades: 1940s, '90s
  if (t.t === 'num' && nt && adj(toks[next - 1], nt) && nt.lw === 's' && hi === undefined && decimals === 0) {
    const prev = toks[k - 1];
    if (t.s.length === 4 && value % 10 === 0) {
      q.kind = 'date';
      q.date = { decade: value };
      if (value % 100 === 0) q.alts = [{ ...q, date: { century: value / 100 + 1 }, alts: undefined }];
      q.end = nt.end;
      finish(q, k);
      return next + 1;
    }
    if (t.s.length === 2 && value % 10 === 0 && prev && (prev.s === "'" || prev.s === '’') && adj(prev, t)) {
      q.kind = 'date';
      q.date = { decade: 1900 + value };
      q.alts = [{ ...q, date: { decade: 2000 + value }, alts: undefined }];
      q.start = prev.start;
      q.end = nt.end;
      finish(q, k);
      return next + 1;
    }
  }
  // ordinals: 3rd, 20th century
  if (t.t === 'num' && nt && adj(toks[next - 1], nt) && /^(st|nd|rd|th)$/.test(nt.lw) && decimals === 0) {
    q.kind = 'ordinal';
    q.end = nt.end;
    if (w(next + 1) === 'century') {
      q.kind = 'date';
      q.date = { century: value };
      q.end = toks[next + 1].end;
      finish(q, k);
      return next + 2;
    }
    const m = toks[next + 1];
    if (m && MONTHS.get(m.lw) && cap(m)) {
      // "9th October 2025"
      q.kind = 'date';
      q.date = { day: value, month: MONTHS.get(m.lw) };
      q.end = m.end;
      finish(q, k);
      return next + 2;
    }
    finish(q, k);
    return next + 1;
  }
  // "9 October"
  if (t.t === 'num' && nt && MONTHS.get(nt.lw) && cap(nt) && nt.lw.length > 3 && value >= 1 && value <= 31 && decimals === 0 && !currency) {
    q.kind = 'date';
    q.date = { day: value, month: MONTHS.get(nt.lw) };
    q.end = nt.end;
    let e = next + 1;
    if (toks[e] && toks[e].t === 'num' && toks[e].s.length === 4) {
      q.date.year = toks[e].value;
      q.end = toks[e].end;
      e++;
    }
    finish(q, k);
    return e;
  }
  let after = suffix(q, next, currency, scaled);
  if (after === next && nt && nt.t === 'word' && adj(toks[next - 1], nt) && t.t === 'num') {
    // digits glued to an unknown word: an identifier (5G, 3D, 4K), not a quantity
    return next + 1;
  }
  if (q.kind === 'number' && t.t === 'num' && t.s.length === 4 && decimals === 0 && value >= 1000 && value <= 2199 && !scaled) {
    // a bare four-digit integer: a year or a count
    const asYear: Quantity = { ...q, kind: 'date', date: { year: value } };
    if (hi !== undefined) asYear.date = { year: value };
    const prevW = w(k - 1);
    if (YEAR_PREPOSITIONS.has(prevW) || hi !== undefined) {
      Object.assign(q, { kind: 'date', date: { year: value } });
      q.alts = [{ ...q, kind: 'number', date: undefined, alts: undefined }];
    } else q.alts = [asYear];
  }
  // "1 in 5", "one in five": a fraction
  if (q.kind === 'number' && hi === undefined && w(after) === 'in' && value > 0) {
    const dt = toks[after + 1];
    let den: number | undefined;
    let dEnd = after + 2;
    if (dt && dt.t === 'num' && Number.isFinite(dt.value)) den = dt.value;
    else if (dt) {
      const nw = numberWords(after + 1);
      if (nw) {
        den = nw.value;
        dEnd = nw.next;
      }
    }
    if (den !== undefined && den > value && !(dt.t === 'num' && dt.s.length === 4)) {
      q.kind = 'fraction';
      q.value = value / den;
      q.decimals = 6;
      q.step = undefined;
      q.end = toks[dEnd - 1].end;
      q.alts = undefined;
      finish(q, k);
      return dEnd;
    }
  }
  // "+" after a number: "100+"
  if (toks[after] && toks[after].s === '+' && adj(toks[after - 1], toks[after])) {
    q.bound = 'min';
    q.end = toks[after].end;
    after++;
  }
  // words that make a number vague or not a quantity on its own
  if (q.kind === 'number' && !q.digits && value === 1) return after; // "one" alone is an article more often than a count
  finish(q, k);
  return after;
}

function finish(q: Quantity, k: number): void {
  if (q.bound === 'exact') q.bound = boundBefore(k);
  q.text = text.slice(q.start, q.end);
  if (q.alts) for (const a of q.alts) {
    a.bound = q.bound;
    a.start = q.start;
    a.end = q.end;
    a.text = q.text;
  }
  push(q);
}

/**
 * A quantity led by the word token t at i (vague plurals, half, a decade, multipliers,
 * ordinals, number words): pushes it and returns the index after it, or -1 when the
 * word leads none. A function of its own, not a branch of parseRange's loop, to keep
 * each function small enough for the optimising compiler to take on early.
 */
function wordAt(i: number, t: Tok): number {
  const lw = t.lw;
  // vague plurals: dozens of, hundreds of, billions of (dollars)
  if (VAGUE_PLURALS.get(lw) && (w(i + 1) === 'of' || SCALES.get(w(i + 1)) || VAGUE_PLURALS.get(w(i + 1)))) {
    let [lo, hi] = VAGUE_PLURALS.get(lw)!;
    let e = i;
    // "tens of millions", "hundreds of thousands"
    if (w(i + 1) === 'of' && VAGUE_PLURALS.get(w(i + 2)) && w(i + 2) !== 'tens' && w(i + 2) !== 'dozens') {
      const f = VAGUE_PLURALS.get(w(i + 2))![0] / 2;
      lo *= f;
      hi *= f;
      e = i + 2;
    }
    const q = mk('number', lo, t.start, toks[e].end, t.start, toks[e].end, { hi, vague: true, bound: 'approx' });
    let j = e + 1;
    if (w(j) === 'of') {
      const cw = w(j + 1);
      if (cw === 'dollars' || cw === 'euros' || cw === 'yuan') {
        q.kind = 'money';
        q.currency = CURRENCY_WORDS.get(cw);
        q.end = toks[j + 1].end;
        j += 2;
      } else if (EN_UNIT_WORDS.get(cw) && unitDef(EN_UNIT_WORDS.get(cw)) && cw.length > 2) {
        q.kind = 'measure';
        q.unit = EN_UNIT_WORDS.get(cw);
        q.dimension = unitDef(q.unit)!.dimension;
        q.end = toks[j + 1].end;
        j += 2;
      }
    } else if (w(j - 1) !== 'of' && SCALES.get(w(j))) j++;
    q.text = text.slice(q.start, q.end);
    push(q);
    return j;
  }
  // "half a decade", "half an hour", "half of it"
  if (lw === 'half' || (lw === 'quarter' && w(i - 1) === 'a')) {
    const frac = lw === 'half' ? 0.5 : 0.25;
    const start = lw === 'quarter' ? toks[i - 1].start : t.start;
    const art = w(i + 1);
    const unitW = w(i + 2);
    if ((art === 'a' || art === 'an') && DURATION_SECONDS.get(unitW) !== undefined) {
      const e = toks[i + 2].end;
      push(mk('duration', frac * DURATION_SECONDS.get(unitW)!, start, e, start, toks[i].end, { unit: unitW, bound: boundBefore(lw === 'quarter' ? i - 1 : i) }));
      return i + 3;
    }
    if ((art === 'a' || art === 'an') && EN_UNIT_WORDS.get(unitW) && unitDef(EN_UNIT_WORDS.get(unitW)) && unitW.length > 2) {
      const id = EN_UNIT_WORDS.get(unitW);
      push(mk('measure', frac, start, toks[i + 2].end, start, toks[i].end, { unit: id, dimension: unitDef(id)!.dimension }));
      return i + 3;
    }
    if (isDash(toks[i + 1]) && DURATION_SECONDS.get(w(i + 2)) !== undefined) {
      push(mk('duration', frac * DURATION_SECONDS.get(w(i + 2))!, start, toks[i + 2].end, start, toks[i].end, { unit: w(i + 2) }));
      return i + 3;
    }
    if (lw === 'half' && (art === 'of' || art === 'the' || art === 'its' || art === 'their' || art === 'his' || art === 'her' || w(i - 1) === 'by' || w(i - 1) === 'in' || art === '')) {
      push(mk('fraction', 0.5, start, t.end, start, t.end));
      return i + 1;
    }
    if (lw === 'quarter' && (art === 'of')) {
      push(mk('fraction', 0.25, start, t.end, start, t.end));
      return i + 1;
    }
  }
  // "a decade", "a century", "a dozen years" handled by numberWords
  if ((lw === 'decade' || lw === 'century') && (w(i - 1) === 'a' || w(i - 1) === 'one') && w(i - 2) !== 'half' && w(i + 1) !== 'ago') {
    const s = toks[i - 1].start;
    push(mk('duration', DURATION_SECONDS.get(lw)!, s, t.end, s, t.end, { unit: lw, bound: boundBefore(i - 1) }));
    return i + 1;
  }
  if (MULTIPLIER_WORDS.get(lw) !== undefined) {
    const nx = w(i + 1);
    const hyph = isDash(toks[i + 1]) && adj(t, toks[i + 1]);
    if (!hyph && !((lw === 'twice' || lw === 'double') && (nx === 'a' || nx === 'per' || nx === 'as' && lw === 'double')) && !(lw === 'double' && (nx === 'down' || nx === 'check' || nx === 'standards' || nx === 'standard'))) {
      push(mk('multiplier', MULTIPLIER_WORDS.get(lw)!, t.start, t.end, t.start, t.end));
      return i + 1;
    }
  }
  if (ORDINAL_WORDS.get(lw) !== undefined || (lw === 'second' && w(i - 1) === 'the')) {
    const v = ORDINAL_WORDS.get(lw) ?? 2;
    if (w(i + 1) === 'century') {
      push(mk('date', v, t.start, toks[i + 1].end, t.start, t.end, { date: { century: v } }));
      return i + 2;
    }
    push(mk('ordinal', v, t.start, t.end, t.start, t.end));
    return i + 1;
  }
  if (SMALL.get(lw) !== undefined || TENS.get(lw) !== undefined || ((lw === 'a' || lw === 'one') && A_SCALE_WORDS.has(w(i + 1)))) {
    // "more than a dozen", "three people", "five nines"
    if (lw === 'one' && (w(i + 1) === 'of' || w(i + 1) === 'another' || w(i + 1) === 'day')) {
      return i + 1;
    }
    return numericAt(i, t.start, undefined);
  }
  return -1;
}

/** A sum led by the currency symbol t at i ($, US$, HK$, €, £, ¥): pushes it, returns the index after it. */
function currencyAt(i: number, t: Tok): number {
  let cur = CURRENCY_SYMBOLS.get(t.s);
  let start = t.start;
  const prev = toks[i - 1];
  if (t.s === '$' && prev && adj(prev, t) && prev.t === 'word') {
    const p = prev.s;
    cur = p === 'US' ? 'USD' : p === 'HK' ? 'HKD' : p === 'A' ? 'AUD' : p === 'C' || p === 'CA' ? 'CAD' : p === 'S' ? 'SGD' : p === 'NT' ? 'TWD' : 'USD';
    start = prev.start;
  }
  if (t.s === '¥') {
    if (yenLine === undefined) yenLine = /yen|japan/i.test(text);
    if (yenLine) cur = 'JPY';
  }
  const before = out.length;
  const r = numericAt(i + 1, start, cur);
  // the quantity spans the symbol; its numeral (what a fix replaces) does not: "$" + "4.5 billion"
  const q = out[before];
  if (q && q.start === start) {
    for (const x of [q, ...(q.alts ?? [])]) if (x.numStart === start) x.numStart = toks[i + 1].start;
    q.text = text.slice(q.start, q.end);
  }
  return r;
}

function parseRange(lineText: string, windowToks: Tok[], into: Quantity[]): void {
  text = lineText;
  toks = windowToks;
  n = windowToks.length;
  out = into;
  let i = 0;

  while (i < n) {
    const t = toks[i];
    // a word the parser has no use for: the common case, one lookup
    if (t.t === 'word' && !t.lex) {
      i++;
      continue;
    }
    // dates led by a month name
    if (t.t === 'word' && MONTHS.get(t.lw) !== undefined) {
      const r = monthDate(i);
      if (r > 0) {
        i = r;
        continue;
      }
    }
    if (t.t === 'word' && WEEKDAYS.get(t.lw) !== undefined && cap(t)) {
      push(mk('date', WEEKDAYS.get(t.lw)!, t.start, t.end, t.start, t.end, { date: { weekday: WEEKDAYS.get(t.lw)! } }));
      i++;
      continue;
    }
    if (t.t === 'word') {
      const r = relative(i);
      if (r > 0) {
        i = r;
        continue;
      }
    }
    // currency prefixes: $, US$, HK$, €, £, ¥
    if (t.t === 'sym' && CURRENCY_SYMBOLS.get(t.s) && toks[i + 1] && (toks[i + 1].t === 'num' || SMALL.get(toks[i + 1].lw) !== undefined)) {
      i = currencyAt(i, t);
      continue;
    }
    if (t.t === 'num') {
      i = numericAt(i, t.start, undefined);
      continue;
    }
    if (t.t === 'word') {
      const r = wordAt(i, t);
      if (r >= 0) {
        i = r;
        continue;
      }
    }
    // the '90s
    i++;
  }
}
