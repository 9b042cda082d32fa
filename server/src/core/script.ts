// Script detection: which language a line is written in.

import type { LineKind } from './types';

export interface ScriptCounts {
  /** Han ideographs (BMP and supplementary planes), kana and hangul. */
  cjk: number;
  /** Latin letters (ASCII and Latin-1/Extended). */
  latin: number;
  /** Digits, ASCII or full-width. */
  digits: number;
}

/** True for a UTF-16 code unit that starts or is a CJK ideograph, kana or hangul syllable. */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xf900 && c <= 0xfaff) || // Compatibility Ideographs
    (c >= 0x3040 && c <= 0x30ff) || // Hiragana, Katakana
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    c === 0x3007 // 〇
  );
}

/** True for a high surrogate of planes 2 and 3 (U+20000–U+3FFFF: CJK Extensions B–H). */
export function isCjkHighSurrogate(c: number): boolean {
  return c >= 0xd840 && c <= 0xd8bf;
}

export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isCjkCode(c) || (isCjkHighSurrogate(c) && i + 1 < text.length);
}

export function isLatinLetterCode(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

export function countScripts(text: string): ScriptCounts {
  let cjk = 0;
  let latin = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++;
      else if (c >= 0x30 && c <= 0x39) digits++;
    } else if (isCjkCode(c)) cjk++;
    else if (isCjkHighSurrogate(c)) {
      cjk++;
      i++; // skip the low surrogate
    } else if (isLatinLetterCode(c)) latin++;
    else if (c >= 0xff10 && c <= 0xff19) digits++;
  }
  return { cjk, latin, digits };
}

/**
 * Classifies a line by its dominant script. One ideograph carries roughly as much
 * text as three Latin letters, so a Chinese line naming "Group14 Technologies" is
 * still Chinese and an English line quoting 中文 is still English.
 */
export function classifyLine(text: string): LineKind {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xfeff || c === 0x0b || c === 0x0c || c === 0xa0 || (c >= 0x2000 && c <= 0x200b))) {
      first = i;
      break;
    }
  }
  if (first < 0) return 'blank';
  // Only a line starting with "<" can be a comment (saves a trim() per line).
  if (text.charCodeAt(first) === 0x3c && isCommentLine(text)) return 'other';
  return dominantScript(text, first);
}

/**
 * cjk * 3 >= latin ? 'zh' : 'en' ('other' with neither), deciding as soon as the
 * rest of the line can no longer change the answer: a Chinese line is settled
 * after a quarter of its length, an English line after about four fifths.
 */
function dominantScript(text: string, from: number): LineKind {
  let cjk = 0;
  let latin = 0;
  const n = text.length;
  let checkAt = from + 32;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++;
    } else if (isCjkCode(c)) cjk++;
    else if (isCjkHighSurrogate(c)) {
      cjk++;
      i++;
    } else if (isLatinLetterCode(c)) latin++;
    if (i >= checkAt) {
      const rest = n - i - 1;
      if (cjk * 3 >= latin + rest && cjk > 0) return 'zh';
      if (latin > 3 * (cjk + rest)) return 'en';
      checkAt = i + 32;
    }
  }
  if (cjk === 0 && latin === 0) return 'other';
  return cjk * 3 >= latin ? 'zh' : 'en';
}

/** An HTML-style comment line (<!-- … -->): directives and notes, never part of a pair. */
export function isCommentLine(text: string): boolean {
  const t = text.trim();
  return t.startsWith('<!--') && t.endsWith('-->') && t.length >= 7;
}
