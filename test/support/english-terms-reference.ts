// The English term extraction as it was before the per-word cache (round 5 of issue 8),
// kept only as the reference the tests compare the faster one with. Do not use elsewhere.
// Only what the per-word cache changed is here (the word scan and termList); the word
// lists, the TermList encoding and the small text tests are the product's own.

import { intern } from '../../server/src/core/terms/chinese';
import { COMMON_WORDS } from '../../server/src/core/terms/common-words';
import {
  BREAK_CHARS,
  CAPITAL_STOP,
  DETERMINERS,
  isSpace,
  dropPossessive,
  endsPossessive,
  NAME_JOINERS,
  ORGANISATION_WORDS,
  sentenceEndsBetween,
  singular,
  STOPWORDS,
  termsOf,
  TITLES,
  type TermList,
  type TermOccurrence,
  type Word,
} from '../../server/src/core/terms/english';
import { enKeys } from '../../server/src/core/terms/ids';
import { pooledInt32 } from '../../server/src/core/terms/pool';

const WORD_RE = /(?:[A-Z]\.){2,}(?:s\b)?|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?/g;

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * The words of the line last scanned (scanWords), as parallel arrays reused between
 * lines: a book has millions of words, and an object each was most of the extraction's
 * garbage.
 */
const wText: string[] = [];
const wStart: number[] = [];
const wEnd: number[] = [];
const wNorm: string[] = [];
const wLower: string[] = [];
const wAcronym: (string | undefined)[] = [];
/** 1: capitalised, 2: a break comes right before the word. */
const wFlags: number[] = [];

/** Fills the word arrays with the words of `text`; returns how many. */
function scanWords(text: string): number {
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  let n = 0;
  while ((m = WORD_RE.exec(text))) {
    // one string object per word text (a book repeats its words millions of times)
    const raw = intern(m[0]);
    let breakBefore = n === 0 || wText[n - 1].charCodeAt(wText[n - 1].length - 1) === 0x2e;
    for (let k = prevEnd; !breakBefore && k < m.index; k++) if (BREAK_CHARS.has(text.charCodeAt(k))) breakBefore = true;
    const c0 = raw.charCodeAt(0);
    let acronym: string | undefined;
    if (raw.includes('.')) acronym = raw.replace(/s$/, '').replace(/\./g, '').toLowerCase();
    else if (isUpper(c0) && /^[A-Z]{2,}s?$/.test(raw)) acronym = raw.replace(/s$/, '').toLowerCase();
    const last = raw.charCodeAt(raw.length - 1);
    const possessive = (last === 0x73 || last === 0x53) && raw.length >= 2 && (raw.charCodeAt(raw.length - 2) === 0x27 || raw.charCodeAt(raw.length - 2) === 0x2019) ? raw.slice(0, -2) : raw;
    wText[n] = raw;
    wStart[n] = m.index;
    wEnd[n] = m.index + raw.length;
    wNorm[n] = acronym ?? singular(possessive);
    wLower[n] = raw.toLowerCase();
    wAcronym[n] = acronym;
    wFlags[n] = (isUpper(c0) ? 1 : 0) | (breakBefore ? 2 : 0);
    n++;
    prevEnd = m.index + raw.length;
  }
  return n;
}

/** Lets the strings of the last line scanned go. */
function releaseWords(n: number): void {
  for (let i = 0; i < n; i++) {
    wText[i] = wNorm[i] = wLower[i] = '';
    wAcronym[i] = undefined;
  }
}

/** Words of an English line with their offsets (UTF-16) and normalised forms. */
export function englishWords(text: string): Word[] {
  const n = scanWords(text);
  const out: Word[] = [];
  for (let i = 0; i < n; i++) out.push({ text: wText[i], start: wStart[i], end: wEnd[i], norm: wNorm[i], acronym: wAcronym[i], capitalised: (wFlags[i] & 1) !== 0, breakBefore: (wFlags[i] & 2) !== 0 });
  releaseWords(n);
  return out;
}

/** Word i of the last scan is a content word (a candidate noun). */
function isContent(i: number): boolean {
  const norm = wNorm[i];
  const c = norm.charCodeAt(0);
  return !wAcronym[i] && norm.length >= 4 && !STOPWORDS.has(norm) && !(c >= 0x30 && c <= 0x39) && !norm.endsWith('ly') && !wText[i].includes("'") && !wText[i].includes('’');
}

const ACRONYM = 0;
const NAME = 1;
const NOUN = 2;
const PHRASE = 3;

/**
 * Candidate terms of an English line. Precision first: acronyms, names of two or
 * more capitalised words (or one capitalised word inside a sentence), and nouns and
 * noun phrases of content words. Words inside a name are not repeated as terms.
 */
export function extractTerms(text: string): TermOccurrence[] {
  return termsOf(termList(text, false), text);
}

const NO_TERMS: TermList = { data: new Int32Array(0), epoch: 0 };
const used: boolean[] = [];
const outSpans: number[] = [];
/** Keys already in the line being extracted (value: the line's number). */
const keySeen = new Map<string, number>();
let lineNo = 0;

const keyScratch: string[] = [];

/**
 * extractTerms, as a TermList. `keep`: the list is kept with the line (a memo): its
 * arrays are made exactly as long as needed and its spans cut from a shared chunk (see
 * pool.ts); a list used once gets arrays of its own.
 */
export function termList(text: string, keep = true): TermList {
  const n = scanWords(text);
  if (n === 0) return NO_TERMS;
  const keys = keyScratch;
  keys.length = 0;
  outSpans.length = 0;
  // (never emptied in the middle of a line)
  if (++lineNo > 0x3fffffff || keySeen.size >= 100000) {
    keySeen.clear();
    lineNo = 1;
  }
  const push = (key: string, start: number, end: number, kind: number, nounish: boolean) => {
    const repeat = keySeen.get(key) === lineNo;
    if (!repeat) keySeen.set(key, lineNo);
    keys.push(key);
    outSpans.push(start, (end << 4) | (repeat ? 8 : 0) | (nounish ? 4 : 0) | kind);
  };
  for (let i = 0; i < n; i++) used[i] = false;
  const cap = (i: number) => (wFlags[i] & 1) !== 0;
  const breakBefore = (i: number) => (wFlags[i] & 2) !== 0;
  // acronyms
  for (let i = 0; i < n; i++) {
    const a = wAcronym[i];
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
    (sentenceEndsBetween(text, wEnd[i - 1], wStart[i]) && !TITLES.has(wLower[i - 1]));
  // capitalised names
  for (let i = 0; i < n; i++) {
    if (used[i] || !cap(i) || CAPITAL_STOP.has(wNorm[i])) continue;
    let j = i;
    let parts = 1;
    while (j + 1 < n && !endsPossessive(wText[j])) {
      if (breakBefore(j + 1)) break;
      if (cap(j + 1) && !wAcronym[j + 1] && !used[j + 1]) {
        parts++;
        j++;
      } else if (NAME_JOINERS.has(wLower[j + 1]) && j + 2 < n && cap(j + 2) && !breakBefore(j + 2) && !wAcronym[j + 2]) {
        j++;
      } else break;
    }
    // a single capitalised word opening a sentence is a name only if it is no common word (Gillard, not Batteries)
    if (parts === 1 && sentenceInitial(i) && (COMMON_WORDS.has(wNorm[i]) || COMMON_WORDS.has(wLower[i]) || STOPWORDS.has(wNorm[i]) || wNorm[i] !== wLower[i])) continue;
    let key = '';
    for (let k = i; k <= j; k++) {
      if (k > i) key += ' ';
      key += k === j ? wNorm[k] : dropPossessive(wLower[k]);
    }
    for (let k = i; k <= j; k++) used[k] = true;
    if (parts === 1 && wNorm[i].length < 3) continue;
    push(intern(key), wStart[i], wEnd[j], NAME, false);
    // a personal name (two or three uncommon words, Samm Gillard) is also its surname (Mr. Gillard)
    if (parts === j - i + 1 && parts >= 2 && parts <= 3) {
      let plain = true;
      for (let k = i; k <= j && plain; k++) if (COMMON_WORDS.has(wLower[k]) || COMMON_WORDS.has(wNorm[k]) || ORGANISATION_WORDS.has(wNorm[k])) plain = false;
      if (plain) push(wNorm[j], wStart[j], wEnd[j], NAME, false);
    }
    i = j;
  }
  // nouns and noun phrases of lower-case content words
  for (let i = 0; i < n; i++) {
    if (used[i] || (cap(i) && !sentenceInitial(i)) || !isContent(i)) continue;
    let j = i;
    while (j + 1 < n && j - i < 2 && !used[j + 1] && !cap(j + 1) && !breakBefore(j + 1) && isContent(j + 1) && wStart[j + 1] - wEnd[j] === 1 && (text.charCodeAt(wEnd[j]) === 0x2d || isSpace(text.charCodeAt(wEnd[j])))) j++;
    for (let k = i; k <= j; k++) {
      const w = wText[k];
      const last = w.charCodeAt(w.length - 1);
      const plural = wNorm[k] !== wLower[k] && (last === 0x73 || last === 0x53);
      const prev = k > 0 ? wLower[k - 1] : '';
      push(wNorm[k], wStart[k], wEnd[k], NOUN, plural || (k === i && DETERMINERS.has(prev)) || k > i);
    }
    if (j > i) {
      let key = wNorm[i];
      for (let k = i + 1; k <= j; k++) key += ' ' + wNorm[k];
      push(intern(key), wStart[i], wEnd[j], PHRASE, false);
    }
    i = j;
  }
  releaseWords(n);
  // (a pushed array has room to grow: a copy is exactly as long as the list)
  // (the product's encoding: start, end and bits, the key's number)
  const data: number[] = [];
  for (let k = 0; k < keys.length; k++) data.push(outSpans[2 * k], outSpans[2 * k + 1], enKeys.id(keys[k]));
  const out: TermList = { data: keep ? pooledInt32(data) : Int32Array.from(data), epoch: enKeys.epoch };
  keys.length = 0;
  return out;
}
