// English side of terminology: words with offsets, normalised forms (case- and
// plural-insensitive), and the candidate terms of a line (acronyms, capitalised
// names, technical nouns and noun phrases).

import pluralize from 'pluralize';
import { intern } from './chinese';
import { enKeys } from './ids';
import { COMMON_WORDS } from './common-words';
import { pooledNumbers, type Numbers } from './pool';

export interface Word {
  text: string;
  start: number;
  end: number;
  /** Lower-case, singular. */
  norm: string;
  /** Initials of an acronym (E.V.s → "ev", LFP → "lfp"), lower-case; undefined for ordinary words. */
  acronym?: string;
  capitalised: boolean;
  /** A sentence boundary or punctuation break comes right before this word. */
  breakBefore: boolean;
}

const singularCache = new Map<string, string>();
export function singular(word: string): string {
  const lower = word.toLowerCase();
  let s = singularCache.get(lower);
  if (s === undefined) {
    s = lower.length <= 3 ? lower : pluralize.singular(lower);
    if (singularCache.size > 50000) singularCache.clear();
    singularCache.set(lower, s);
  }
  return s;
}

/** Punctuation that, between two words, puts a break before the second: . ! ? ; : , ( ) “ ” " — – */
export const BREAK_CHARS = new Set([0x2e, 0x21, 0x3f, 0x3b, 0x3a, 0x2c, 0x28, 0x29, 0x201c, 0x201d, 0x22, 0x2014, 0x2013]);

function isBreakChar(c: number): boolean {
  return c < 0x80 ? c !== 0x20 && BREAK_CHARS.has(c) : c >= 0x2013 && BREAK_CHARS.has(c);
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * What a word's text alone decides (its forms, and the tests termList makes of it), worked
 * out once per distinct word: a text repeats its words thousands of times, and the
 * regular expressions of pluralize, the lower-case copies and the set look-ups were most
 * of the extraction's time.
 */
interface WordInfo {
  /** The text (one string object per distinct word). */
  readonly raw: string;
  readonly hash: number;
  /** Lower-case, singular (acronyms: their letters). */
  readonly norm: string;
  readonly lower: string;
  readonly acronym: string | undefined;
  /** dropPossessive(lower) */
  readonly lowerBase: string;
  /** W_* bits */
  readonly flags: number;
}
const W_CAP = 1;
const W_ENDS_DOT = 2;
const W_CONTENT = 4;
const W_POSSESSIVE = 8;
const W_CAPITAL_STOP = 16;
const W_TITLE = 32;
const W_JOINER = 64;
const W_DETERMINER = 128;
/** One capitalised word opening a sentence with this text is no name (a common word, a stop word, a plural). */
const W_COMMON_OPENER = 256;
/** No part of a personal name (a common word, or one of an organisation's). */
const W_NOT_PERSONAL = 512;
/** Written as a plural (its singular differs and it ends in s). */
const W_PLURAL = 1024;

/** Open-addressing table of WordInfo by the word's text, bounded (emptied when half full). */
const WORD_SLOTS = 1 << 16;
const wordSlots = new Int32Array(WORD_SLOTS);
const wordInfos: WordInfo[] = [];

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}
function isAlnum(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}

function makeWordInfo(raw: string, hash: number): WordInfo {
  const c0 = raw.charCodeAt(0);
  let acronym: string | undefined;
  if (raw.includes('.')) acronym = raw.replace(/s$/, '').replace(/\./g, '').toLowerCase();
  else if (isUpper(c0) && /^[A-Z]{2,}s?$/.test(raw)) acronym = raw.replace(/s$/, '').toLowerCase();
  const last = raw.charCodeAt(raw.length - 1);
  const possessive = endsPossessive(raw);
  const norm = acronym ?? singular(possessive ? raw.slice(0, -2) : raw);
  const lower = raw.toLowerCase();
  let flags = 0;
  if (isUpper(c0)) flags |= W_CAP;
  if (last === 0x2e) flags |= W_ENDS_DOT;
  const n0 = norm.charCodeAt(0);
  if (!acronym && norm.length >= 4 && !STOPWORDS.has(norm) && !(n0 >= 0x30 && n0 <= 0x39) && !norm.endsWith('ly') && !raw.includes("'") && !raw.includes('’')) flags |= W_CONTENT;
  if (possessive) flags |= W_POSSESSIVE;
  if (CAPITAL_STOP.has(norm)) flags |= W_CAPITAL_STOP;
  if (TITLES.has(lower)) flags |= W_TITLE;
  if (NAME_JOINERS.has(lower)) flags |= W_JOINER;
  if (DETERMINERS.has(lower)) flags |= W_DETERMINER;
  if (COMMON_WORDS.has(norm) || COMMON_WORDS.has(lower) || STOPWORDS.has(norm) || norm !== lower) flags |= W_COMMON_OPENER;
  if (COMMON_WORDS.has(lower) || COMMON_WORDS.has(norm) || ORGANISATION_WORDS.has(norm)) flags |= W_NOT_PERSONAL;
  if (norm !== lower && (last === 0x73 || last === 0x53)) flags |= W_PLURAL;
  return { raw, hash, norm, lower, acronym, lowerBase: dropPossessive(lower), flags };
}

const HASH_SEED = 0x811c9dc5 | 0;
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The WordInfo of text[start, end), whose hash (hashStep over its characters from HASH_SEED) is h. */
function wordInfo(text: string, start: number, end: number, h: number): WordInfo {
  const len = end - start;
  let slot = (h ^ (h >>> 16)) & (WORD_SLOTS - 1);
  for (;;) {
    const e = wordSlots[slot];
    if (e === 0) break;
    const w = wordInfos[e - 1];
    if (w.hash === h && w.raw.length === len) {
      let k = 0;
      while (k < len && w.raw.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return w;
    }
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  if (wordInfos.length >= WORD_SLOTS >> 1) {
    wordSlots.fill(0);
    wordInfos.length = 0;
    return wordInfo(text, start, end, h);
  }
  const w = makeWordInfo(intern(text.slice(start, end)), h);
  wordInfos.push(w);
  wordSlots[slot] = wordInfos.length;
  return w;
}

/**
 * The words of the line last scanned (scanWords), as arrays reused between lines: a
 * book has millions of words, and an object each was most of the extraction's garbage.
 */
const wInfo: WordInfo[] = [];
const wStart: number[] = [];
const wEnd: number[] = [];
/** 1: capitalised, 2: a break comes right before the word. */
const wFlags: number[] = [];

/**
 * Fills the word arrays with the words of `text`; returns how many. The words are those
 * of /(?:[A-Z]\.){2,}(?:s\b)?|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?/g, found by hand.
 */
function scanWords(text: string): number {
  const len = text.length;
  let prevEnd = 0;
  let n = 0;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (!isLetter(c)) {
      p++;
      continue;
    }
    const start = p;
    let q = p;
    let dots = 0;
    let h = HASH_SEED;
    while (q + 1 < len && isUpper(text.charCodeAt(q)) && text.charCodeAt(q + 1) === 0x2e) {
      q += 2;
      dots++;
    }
    if (dots >= 2) {
      // (?:s\b)?
      if (q < len && text.charCodeAt(q) === 0x73) {
        const after = q + 1 < len ? text.charCodeAt(q + 1) : -1;
        if (!(isAlnum(after) || after === 0x5f)) q++;
      }
      for (let k = start; k < q; k++) h = hashStep(h, text.charCodeAt(k));
    } else {
      h = hashStep(h, c);
      q = p + 1;
      let d: number;
      while (q < len && isAlnum((d = text.charCodeAt(q)))) {
        h = hashStep(h, d);
        q++;
      }
      const a = q < len ? text.charCodeAt(q) : -1;
      if ((a === 0x27 || a === 0x2019) && q + 1 < len && isLetter(text.charCodeAt(q + 1))) {
        h = hashStep(h, a);
        q++;
        while (q < len && isLetter((d = text.charCodeAt(q)))) {
          h = hashStep(h, d);
          q++;
        }
      }
    }
    const w = wordInfo(text, start, q, h);
    let breakBefore = n === 0 || (wInfo[n - 1].flags & W_ENDS_DOT) !== 0;
    for (let k = prevEnd; !breakBefore && k < start; k++) if (isBreakChar(text.charCodeAt(k))) breakBefore = true;
    wInfo[n] = w;
    wStart[n] = start;
    wEnd[n] = q;
    wFlags[n] = (w.flags & W_CAP) | (breakBefore ? 2 : 0);
    n++;
    prevEnd = q;
    p = q;
  }
  return n;
}

/** Words of an English line with their offsets (UTF-16) and normalised forms. */
export function englishWords(text: string): Word[] {
  const n = scanWords(text);
  const out: Word[] = [];
  for (let i = 0; i < n; i++) {
    const w = wInfo[i];
    out.push({ text: w.raw, start: wStart[i], end: wEnd[i], norm: w.norm, acronym: w.acronym, capitalised: (wFlags[i] & 1) !== 0, breakBefore: (wFlags[i] & 2) !== 0 });
  }
  return out;
}

// Function words (first line), then reporting verbs, time words and vague nouns no glossary would hold.
export const STOPWORDS: Set<string> = (
  `a about above after again against all almost also although always am among an and another any are around as at away back be became because become been before being below between both but by can cannot could did do does doing done down during each either else enough even ever every few for from further get gets getting got had has have having he her here hers herself him himself his how however i if in into is it its itself just least less like made make makes making many may me might more most much must my myself near need needs never new no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps quite rather really same say says said see seen several shall she should since so some such than that the their theirs them themselves then there these they this those though through thus to too toward towards under until up upon us very was we well were what whatever when where whether which while who whom whose why will with within without would yet you your yours yourself mr mrs ms dr
  told called calling including include includes according percent time times year years month months week weeks day days today yesterday tomorrow people thing things way ways part lot lots kind kinds sort number numbers use used using want wants wanted take takes taken took come comes came go goes went going know knows knew think thinks thought seem seems seemed still already recently recent currently later earlier early last next first second third former latter much many large small big great good bad high low long short little far own whole half able likely unlikely although though instead especially particularly increasingly largely mostly nearly simply directly quickly`
).split(/\s+/)
  .concat('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '))
  .reduce((s: Set<string>, w: string) => s.add(w), new Set<string>());

/** Capitalised words that start names but are not names by themselves (titles, sentence openers). */
export const CAPITAL_STOP = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'but', 'and', 'yet', 'so', 'if', 'when', 'while', 'after', 'before', 'mr', 'mrs', 'ms', 'dr', 'president', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'he', 'she', 'we', 'i', 'there', 'here', 'what', 'why', 'how', 'who', 'one', 'many', 'most', 'some', 'other', 'even', 'still', 'currently', 'among', 'for', 'to', 'from', 'with', 'by', 'of']);
export const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'st', 'capt', 'maj', 'adm', 'no', 'vs', 'jr', 'sr']);
/** Words that make a name an organisation's, whose last word is no surname. */
export const ORGANISATION_WORDS = new Set('institution institute agency act council department university college school company corporation foundation endowment coalition group association commission ministry committee bank fund party office administration center centre alley house project program programme inc corp ltd llc technology technologies energy power motor motors lab laboratory laboratories hospital court church museum society union league federation board authority service services bureau station times post journal news network'.split(' '));
export const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'von', 'van', '&']);

export interface TermOccurrence {
  /** Normalised key: words joined by a space, lower-case, singular; acronyms by their letters. */
  key: string;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  kind: 'acronym' | 'name' | 'noun' | 'phrase';
  /** For single nouns: this occurrence is plainly a noun (plural, or after a determiner). */
  nounish?: boolean;
}

export const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'of', 'some', 'many', 'more', 'most', 'such', 'each', 'every', 'no']);

/** Word i of the last scan is a content word (a candidate noun). */
function isContent(i: number): boolean {
  return (wInfo[i].flags & W_CONTENT) !== 0;
}

/** The characters of \s in a JavaScript regular expression. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** /[.!?“"‘]\s*$/ on text[from, to): the last character that is not a space ends a sentence or opens a quotation. */
export function sentenceEndsBetween(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpace(text.charCodeAt(k))) k--;
  if (k < from) return false;
  const c = text.charCodeAt(k);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x201c || c === 0x22 || c === 0x2018;
}

/**
 * The candidate terms of a line, compactly (a book has about thirty per line): three
 * numbers a term in `data`. The i-th starts at `data[3i]`, ends at `data[3i + 1] >> 4`,
 * is of kind `TERM_KINDS[data[3i + 1] & 3]`, (a noun) is plainly a noun when
 * `data[3i + 1] & 4`, and its key is that of an earlier term of the line when
 * `data[3i + 1] & 8`; its key is numbered `data[3i + 2]` (ids.ts: enKeys, termKey).
 * Its text is the line's text from start to end. `epoch`: when its key numbers were given
 * (a list made before a sweep of them may hold numbers given back; renewTerms makes it again).
 */
export interface TermList {
  /** (16-bit numbers when they all fit: a line shorter than 4,096 characters, keys of the first 65,536 numbers) */
  data: Numbers;
  epoch: number;
}

export const TERM_KINDS: readonly TermOccurrence['kind'][] = ['acronym', 'name', 'noun', 'phrase'];
const ACRONYM = 0;
const NAME = 1;
const NOUN = 2;
const PHRASE = 3;

export function termCount(l: TermList): number {
  return l.data.length / 3;
}
export function termStart(l: TermList, i: number): number {
  return l.data[3 * i];
}
export function termEnd(l: TermList, i: number): number {
  return l.data[3 * i + 1] >> 4;
}
/** The second number of the i-th term: end × 16 + 8 (repeats) + 4 (nounish) + kind. */
export function termBits(l: TermList, i: number): number {
  return l.data[3 * i + 1];
}
export function termKeyId(l: TermList, i: number): number {
  return l.data[3 * i + 2];
}
export function termKey(l: TermList, i: number): string {
  return enKeys.text(l.data[3 * i + 2]);
}
/** The keys of the terms, in order. */
export function termKeys(l: TermList): string[] {
  const out: string[] = [];
  const d = l.data;
  for (let i = 2; i < d.length; i += 3) out.push(enKeys.text(d[i]));
  return out;
}
export function termKind(l: TermList, i: number): TermOccurrence['kind'] {
  return TERM_KINDS[l.data[3 * i + 1] & 3];
}
export function termNounish(l: TermList, i: number): boolean {
  return (l.data[3 * i + 1] & 4) !== 0;
}
/** The key of the i-th term is that of an earlier term of the line. */
export function termRepeats(l: TermList, i: number): boolean {
  return (l.data[3 * i + 1] & 8) !== 0;
}
/** The i-th term of the list as an object (`text` is the English line's text). */
export function termAt(l: TermList, i: number, text: string): TermOccurrence {
  const kind = termKind(l, i);
  const start = termStart(l, i);
  const end = termEnd(l, i);
  const t: TermOccurrence = { key: termKey(l, i), text: text.slice(start, end), start, end, kind };
  if (kind === 'noun') t.nounish = termNounish(l, i);
  return t;
}
/** Every term of the list as objects. */
export function termsOf(l: TermList, text: string): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (let i = 0; i < termCount(l); i++) out.push(termAt(l, i, text));
  return out;
}
/** The index of the first term with the key numbered `id`, or -1. */
export function termIndexOfId(l: TermList, id: number): number {
  const d = l.data;
  for (let i = 2; i < d.length; i += 3) if (d[i] === id) return (i - 2) / 3;
  return -1;
}
/** The index of the first term with this key, or -1. */
export function termIndexOf(l: TermList, key: string): number {
  const id = enKeys.find(key);
  return id === undefined ? -1 : termIndexOfId(l, id);
}

/**
 * The list of `text` (its line) with key numbers of now: made again in place when a sweep
 * gave back one of its numbers since it was made (a term index calls it before counting it).
 */
export function renewTerms(l: TermList, text: string): TermList {
  if (enKeys.valid(l.data, l.epoch, 2, l.data.length, 3, 0)) return l;
  const fresh = termList(text);
  l.data = fresh.data;
  l.epoch = fresh.epoch;
  return l;
}

/**
 * Candidate terms of an English line. Precision first: acronyms, names of two or
 * more capitalised words (or one capitalised word inside a sentence), and nouns and
 * noun phrases of content words. Words inside a name are not repeated as terms.
 */
export function extractTerms(text: string): TermOccurrence[] {
  return termsOf(termList(text, false), text);
}

/** A list without terms (one for all: it has no numbers to renew). */
const NO_TERMS: TermList = { data: new Int32Array(0), epoch: 0 };
const used: boolean[] = [];
const outData: number[] = [];

/**
 * extractTerms, as a TermList. `keep`: the list is kept with the line (a memo): its
 * arrays are made exactly as long as needed and its spans cut from a shared chunk (see
 * pool.ts); a list used once gets arrays of its own.
 */
export function termList(text: string, keep = true): TermList {
  const n = scanWords(text);
  if (n === 0) return NO_TERMS;
  outData.length = 0;
  // keys already in the line: marked with the line's mark
  const mark = enKeys.newMark();
  const push = (key: string, start: number, end: number, kind: number, nounish: boolean) => {
    const id = enKeys.id(key);
    const repeat = enKeys.seenWith(id, mark);
    outData.push(start, (end << 4) | (repeat ? 8 : 0) | (nounish ? 4 : 0) | kind, id);
  };
  for (let i = 0; i < n; i++) used[i] = false;
  const cap = (i: number) => (wFlags[i] & 1) !== 0;
  const breakBefore = (i: number) => (wFlags[i] & 2) !== 0;
  // acronyms
  for (let i = 0; i < n; i++) {
    const a = wInfo[i].acronym;
    if (a && a.length >= 2 && a.length <= 6) {
      push(a, wStart[i], wEnd[i], ACRONYM, false);
      used[i] = true;
    }
  }
  // the line so far is blank, or blank and an opening quotation mark: the first non-blank character is at fs
  let fs = 0;
  while (fs < text.length && isSpace(text.charCodeAt(fs))) fs++;
  if (fs === text.length) fs = -1;
  const opening = (c: number) => c === 0x201c || c === 0x22 || c === 0x2018;
  const sentenceInitial = (i: number) =>
    i === 0 ||
    wStart[i] === fs ||
    (wStart[i] === fs + 1 && opening(text.charCodeAt(fs))) ||
    (sentenceEndsBetween(text, wEnd[i - 1], wStart[i]) && (wInfo[i - 1].flags & W_TITLE) === 0);
  // capitalised names
  for (let i = 0; i < n; i++) {
    if (used[i] || !cap(i) || (wInfo[i].flags & W_CAPITAL_STOP) !== 0) continue;
    let j = i;
    let parts = 1;
    while (j + 1 < n && (wInfo[j].flags & W_POSSESSIVE) === 0) {
      if (breakBefore(j + 1)) break;
      if (cap(j + 1) && !wInfo[j + 1].acronym && !used[j + 1]) {
        parts++;
        j++;
      } else if ((wInfo[j + 1].flags & W_JOINER) !== 0 && j + 2 < n && cap(j + 2) && !breakBefore(j + 2) && !wInfo[j + 2].acronym) {
        j++;
      } else break;
    }
    // a single capitalised word opening a sentence is a name only if it is no common word (Gillard, not Batteries)
    if (parts === 1 && sentenceInitial(i) && (wInfo[i].flags & W_COMMON_OPENER) !== 0) continue;
    let key = i === j ? wInfo[i].norm : wInfo[i].lowerBase;
    for (let k = i + 1; k <= j; k++) key = spaced(key, k === j ? wInfo[k].norm : wInfo[k].lowerBase);
    for (let k = i; k <= j; k++) used[k] = true;
    if (parts === 1 && wInfo[i].norm.length < 3) continue;
    push(key, wStart[i], wEnd[j], NAME, false);
    // a personal name (two or three uncommon words, Samm Gillard) is also its surname (Mr. Gillard)
    if (parts === j - i + 1 && parts >= 2 && parts <= 3) {
      let plain = true;
      for (let k = i; k <= j && plain; k++) if ((wInfo[k].flags & W_NOT_PERSONAL) !== 0) plain = false;
      if (plain) push(wInfo[j].norm, wStart[j], wEnd[j], NAME, false);
    }
    i = j;
  }
  // nouns and noun phrases of lower-case content words
  for (let i = 0; i < n; i++) {
    if (used[i] || (cap(i) && !sentenceInitial(i)) || !isContent(i)) continue;
    let j = i;
    while (j + 1 < n && j - i < 2 && !used[j + 1] && !cap(j + 1) && !breakBefore(j + 1) && isContent(j + 1) && wStart[j + 1] - wEnd[j] === 1 && (text.charCodeAt(wEnd[j]) === 0x2d || isSpace(text.charCodeAt(wEnd[j])))) j++;
    for (let k = i; k <= j; k++) {
      const plural = (wInfo[k].flags & W_PLURAL) !== 0;
      const det = k > 0 && (wInfo[k - 1].flags & W_DETERMINER) !== 0;
      push(wInfo[k].norm, wStart[k], wEnd[k], NOUN, plural || (k === i && det) || k > i);
    }
    if (j > i) {
      let key = wInfo[i].norm;
      for (let k = i + 1; k <= j; k++) key = spaced(key, wInfo[k].norm);
      push(key, wStart[i], wEnd[j], PHRASE, false);
    }
    i = j;
  }
  return { data: pooledNumbers(outData, keep), epoch: enKeys.epoch };
}

/**
 * a + ' ' + b, interned, remembered by the two strings (a name's or a phrase's key is
 * built from its words' forms line after line). Bounded like intern().
 */
const spacedJoins = new Map<string, Map<string, string>>();
let spacedCount = 0;
function spaced(a: string, b: string): string {
  let m = spacedJoins.get(a);
  if (m === undefined) {
    if (spacedCount >= 100000) {
      spacedJoins.clear();
      spacedCount = 0;
    }
    spacedJoins.set(a, (m = new Map()));
  }
  let j = m.get(b);
  if (j === undefined) {
    m.set(b, (j = intern(a + ' ' + b)));
    spacedCount++;
  }
  return j;
}

/** /['’]s$/i */
export function endsPossessive(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  const q = w.charCodeAt(w.length - 2);
  return w.length >= 2 && (last === 0x73 || last === 0x53) && (q === 0x27 || q === 0x2019);
}

/** w.replace(/['’]s$/, '') for a lower-case word. */
export function dropPossessive(w: string): string {
  const q = w.charCodeAt(w.length - 2);
  return w.length >= 2 && w.charCodeAt(w.length - 1) === 0x73 && (q === 0x27 || q === 0x2019) ? w.slice(0, -2) : w;
}
