// English side of terminology: words with offsets, normalised forms (case- and
// plural-insensitive), and the candidate terms of a line (acronyms, capitalised
// names, technical nouns and noun phrases).

import pluralize from 'pluralize';
import { intern } from './chinese';
import { COMMON_WORDS } from './common-words';

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

const WORD_RE = /(?:[A-Z]\.){2,}(?:s\b)?|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?/g;

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
const BREAK_CHARS = new Set([0x2e, 0x21, 0x3f, 0x3b, 0x3a, 0x2c, 0x28, 0x29, 0x201c, 0x201d, 0x22, 0x2014, 0x2013]);

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Words of an English line with their offsets (UTF-16) and normalised forms. */
export function englishWords(text: string): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = WORD_RE.exec(text))) {
    // one string object per word text (a book repeats its words millions of times)
    const raw = intern(m[0]);
    let breakBefore = out.length === 0 || out[out.length - 1].text.charCodeAt(out[out.length - 1].text.length - 1) === 0x2e;
    for (let k = prevEnd; !breakBefore && k < m.index; k++) if (BREAK_CHARS.has(text.charCodeAt(k))) breakBefore = true;
    const c0 = raw.charCodeAt(0);
    let acronym: string | undefined;
    if (raw.includes('.')) acronym = raw.replace(/s$/, '').replace(/\./g, '').toLowerCase();
    else if (isUpper(c0) && /^[A-Z]{2,}s?$/.test(raw)) acronym = raw.replace(/s$/, '').toLowerCase();
    const last = raw.charCodeAt(raw.length - 1);
    const possessive = (last === 0x73 || last === 0x53) && raw.length >= 2 && (raw.charCodeAt(raw.length - 2) === 0x27 || raw.charCodeAt(raw.length - 2) === 0x2019) ? raw.slice(0, -2) : raw;
    const norm = acronym ?? singular(possessive);
    out.push({ text: raw, start: m.index, end: m.index + raw.length, norm, acronym, capitalised: isUpper(c0), breakBefore });
    prevEnd = m.index + raw.length;
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
const CAPITAL_STOP = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'but', 'and', 'yet', 'so', 'if', 'when', 'while', 'after', 'before', 'mr', 'mrs', 'ms', 'dr', 'president', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'he', 'she', 'we', 'i', 'there', 'here', 'what', 'why', 'how', 'who', 'one', 'many', 'most', 'some', 'other', 'even', 'still', 'currently', 'among', 'for', 'to', 'from', 'with', 'by', 'of']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'st', 'capt', 'maj', 'adm', 'no', 'vs', 'jr', 'sr']);
/** Words that make a name an organisation's, whose last word is no surname. */
const ORGANISATION_WORDS = new Set('institution institute agency act council department university college school company corporation foundation endowment coalition group association commission ministry committee bank fund party office administration center centre alley house project program programme inc corp ltd llc technology technologies energy power motor motors lab laboratory laboratories hospital court church museum society union league federation board authority service services bureau station times post journal news network'.split(' '));
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'von', 'van', '&']);

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

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'of', 'some', 'many', 'more', 'most', 'such', 'each', 'every', 'no']);

function isContent(w: Word): boolean {
  const c = w.norm.charCodeAt(0);
  return !w.acronym && w.norm.length >= 4 && !STOPWORDS.has(w.norm) && !(c >= 0x30 && c <= 0x39) && !w.norm.endsWith('ly') && !w.text.includes("'") && !w.text.includes('’');
}

/** The characters of \s in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** /[.!?“"‘]\s*$/ on text[from, to): the last character that is not a space ends a sentence or opens a quotation. */
function sentenceEndsBetween(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isSpace(text.charCodeAt(k))) k--;
  if (k < from) return false;
  const c = text.charCodeAt(k);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x201c || c === 0x22 || c === 0x2018;
}

/**
 * Candidate terms of an English line. Precision first: acronyms, names of two or
 * more capitalised words (or one capitalised word inside a sentence), and nouns and
 * noun phrases of content words. Words inside a name are not repeated as terms.
 */
export function extractTerms(text: string): TermOccurrence[] {
  const words = englishWords(text);
  const out: TermOccurrence[] = [];
  const used = new Array<boolean>(words.length).fill(false);
  // acronyms
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.acronym && w.acronym.length >= 2 && w.acronym.length <= 6) {
      out.push({ key: w.acronym, text: w.text, start: w.start, end: w.end, kind: 'acronym' });
      used[i] = true;
    }
  }
  // the line so far is blank, or blank and an opening quotation mark: the first non-blank character is at fs
  const fs = text.search(/\S/);
  const opening = (c: number) => c === 0x201c || c === 0x22 || c === 0x2018;
  const sentenceInitial = words.map(
    (w, i) =>
      i === 0 ||
      w.start === fs ||
      (w.start === fs + 1 && opening(text.charCodeAt(fs))) ||
      (sentenceEndsBetween(text, words[i - 1].end, w.start) && !TITLES.has(words[i - 1].text.toLowerCase())),
  );
  // capitalised names
  for (let i = 0; i < words.length; i++) {
    if (used[i] || !words[i].capitalised || CAPITAL_STOP.has(words[i].norm)) continue;
    let j = i;
    const parts = [i];
    while (j + 1 < words.length && !/['’]s$/i.test(words[j].text)) {
      const n = words[j + 1];
      if (n.breakBefore) break;
      if (n.capitalised && !n.acronym && !used[j + 1]) {
        parts.push(j + 1);
        j++;
      } else if (NAME_JOINERS.has(n.text.toLowerCase()) && j + 2 < words.length && words[j + 2].capitalised && !words[j + 2].breakBefore && !words[j + 2].acronym) {
        j++;
      } else break;
    }
    // a single capitalised word opening a sentence is a name only if it is no common word (Gillard, not Batteries)
    if (parts.length === 1 && sentenceInitial[i] && (COMMON_WORDS.has(words[i].norm) || COMMON_WORDS.has(words[i].text.toLowerCase()) || STOPWORDS.has(words[i].norm) || words[i].norm !== words[i].text.toLowerCase())) continue;
    const first = words[i];
    const last = words[j];
    const key = words
      .slice(i, j + 1)
      .map((w, k) => (k === j - i ? w.norm : w.text.toLowerCase().replace(/['’]s$/, '')))
      .join(' ');
    for (let k = i; k <= j; k++) used[k] = true;
    if (parts.length === 1 && first.norm.length < 3) continue;
    out.push({ key: intern(key), text: text.slice(first.start, last.end), start: first.start, end: last.end, kind: 'name' });
    // a personal name (two or three uncommon words, Samm Gillard) is also its surname (Mr. Gillard)
    const nameWords = words.slice(i, j + 1);
    if (parts.length === j - i + 1 && parts.length >= 2 && parts.length <= 3 && nameWords.every((w) => !COMMON_WORDS.has(w.text.toLowerCase()) && !COMMON_WORDS.has(w.norm) && !ORGANISATION_WORDS.has(w.norm))) {
      out.push({ key: last.norm, text: text.slice(last.start, last.end), start: last.start, end: last.end, kind: 'name' });
    }
    i = j;
  }
  // nouns and noun phrases of lower-case content words
  for (let i = 0; i < words.length; i++) {
    if (used[i] || (words[i].capitalised && !sentenceInitial[i]) || !isContent(words[i])) continue;
    let j = i;
    while (j + 1 < words.length && j - i < 2 && !used[j + 1] && !words[j + 1].capitalised && !words[j + 1].breakBefore && isContent(words[j + 1]) && words[j + 1].start - words[j].end === 1 && (text.charCodeAt(words[j].end) === 0x2d || isSpace(text.charCodeAt(words[j].end)))) j++;
    for (let k = i; k <= j; k++) {
      const w = words[k];
      const plural = w.norm !== w.text.toLowerCase() && /s$/i.test(w.text);
      const prev = k > 0 ? words[k - 1].text.toLowerCase() : '';
      out.push({ key: w.norm, text: w.text, start: w.start, end: w.end, kind: 'noun', nounish: plural || (k === i && DETERMINERS.has(prev)) || k > i });
    }
    if (j > i) {
      const seq = words.slice(i, j + 1);
      out.push({ key: intern(seq.map((w) => w.norm).join(' ')), text: text.slice(words[i].start, words[j].end), start: words[i].start, end: words[j].end, kind: 'phrase' });
    }
    i = j;
  }
  return out;
}
