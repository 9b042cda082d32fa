// Shared helpers of the typography rules (punctuation-width, unbalanced-quotes,
// untranslated, cjk-latin-spacing): character classes and the stretches of a
// line that are not prose (URLs, e-mail addresses, `code`, emoticons), which
// those rules leave alone.

import { isCjkCode, isCjkHighSurrogate, isLatinLetterCode } from './script';

/** Full-width (Chinese) punctuation and brackets: they belong to Chinese text. */
const CJK_PUNCT = new Set('，。、；：？！…—（）《》〈〉「」『』【】〔〕〖〗～·'.split('').map((c) => c.charCodeAt(0)));

/** An ideograph (or kana, hangul), either half of a supplementary ideograph included. */
export function isCjkChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isCjkCode(c) || isCjkHighSurrogate(c)) return true;
  // the low half of a supplementary-plane ideograph
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && isCjkHighSurrogate(text.charCodeAt(i - 1));
}

/** An ideograph or a full-width Chinese punctuation mark. */
export function isCjkOrPunct(text: string, i: number): boolean {
  return isCjkChar(text, i) || CJK_PUNCT.has(text.charCodeAt(i));
}

export function isLatinAt(text: string, i: number): boolean {
  return isLatinLetterCode(text.charCodeAt(i));
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Curly quotes are used by both languages: the typography rules look through them to the text they wrap. */
export function isCurlyQuote(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x22;
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** A [start, end) stretch of a line. */
export interface Stretch {
  start: number;
  end: number;
}

const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’<>]+/g;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const DOMAIN_RE = /\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|io|cn|uk|de|jp)\b(?:\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’<>]*)?/g;
const TLD_RE = /\.(?:com|org|net|gov|edu|io|cn|uk|de|jp)\b/;
const CODE_RE = /`[^`]*`/g;
// &amp; &nbsp; &#8212;
const ENTITY_RE = /&(?:[A-Za-z]{2,8}|#[0-9]{2,6}|#x[0-9A-Fa-f]{2,6});/g;
// :) :-( ;-) :D :P (^_^) (>_<) ^_^ — faces, not punctuation
const EMOTICON_RE = /[:;]-?[()DPp](?![A-Za-z])|\([\^>TㄒoO＾][_\-.ω▽][\^<TㄒoO＾]\)|\^_\^/g;

/**
 * Stretches that are not prose: URLs, e-mail addresses and domain names, `code`,
 * emoticons and HTML entities (&amp;). Sorted, non-overlapping. Each pattern runs
 * only when a character it needs is in the line (most lines have none).
 */
export function skipStretches(text: string): Stretch[] {
  const res: RegExp[] = [];
  if (text.indexOf('`') >= 0) res.push(CODE_RE);
  if (text.indexOf('://') >= 0 || text.indexOf('www.') >= 0) res.push(URL_RE);
  if (text.indexOf('@') >= 0) res.push(EMAIL_RE);
  if (text.indexOf('.') >= 0 && TLD_RE.test(text)) res.push(DOMAIN_RE);
  if (text.indexOf(':') >= 0 || text.indexOf(';') >= 0 || text.indexOf('^') >= 0 || text.indexOf('(') >= 0) res.push(EMOTICON_RE);
  if (text.indexOf('&') >= 0) res.push(ENTITY_RE);
  if (res.length === 0) return [];
  const out: Stretch[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      let end = m.index + m[0].length;
      if (re === URL_RE || re === DOMAIN_RE) {
        // a URL does not end with the punctuation that follows it in prose
        while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
      }
      if (end > m.index) out.push({ start: m.index, end });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a.start - b.start);
  const merged: Stretch[] = [out[0]];
  for (let i = 1; i < out.length; i++) {
    const last = merged[merged.length - 1];
    if (out[i].start <= last.end) last.end = Math.max(last.end, out[i].end);
    else merged.push(out[i]);
  }
  return merged;
}

/** A predicate telling whether an offset falls in one of the (sorted) stretches; offsets must be asked in increasing order. */
export function stretchCursor(stretches: readonly Stretch[]): (i: number) => boolean {
  let k = 0;
  return (i) => {
    while (k < stretches.length && stretches[k].end <= i) k++;
    return k < stretches.length && stretches[k].start <= i;
  };
}

/** The same predicate, computing the stretches only when first asked (most lines never ask). */
export function lazySkip(text: string): (i: number) => boolean {
  let cursor: ((i: number) => boolean) | undefined;
  return (i) => (cursor ??= stretchCursor(skipStretches(text)))(i);
}
