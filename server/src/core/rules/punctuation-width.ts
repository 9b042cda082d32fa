import type { LineRule } from '../rule';
import type { LocalEdit, LocalFinding } from '../types';
import { isCjkChar, isCjkOrPunct, isCurlyQuote, isDigitAt, isLatinAt, isSpaceCode, lazySkip } from '../typography';

/** One mark of the wrong width and the text that replaces it (with the spaces around it, where they go too). */
export interface WidthOffence {
  /** Offset of the mark. */
  at: number;
  mark: string;
  /** What the edit replaces: [start, end) (the mark and any spaces that go with it). */
  start: number;
  end: number;
  newText: string;
}

const TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
const TO_HALF: Record<string, string> = { '，': ',', '。': '.', '、': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')' };

const HALF_MARK = /[,:;?!().]/;
/** Whether the code unit is one of TO_FULL's keys , : ; ? ! ( ) . */
function isHalfMark(c: number): boolean {
  return c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3f || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2e;
}
const FULL_MARK = /[，。、；：？！（）]/;

type Cls = 'cjk' | 'latin' | 'digit' | 'other' | 'none';

function classAt(text: string, i: number): Cls {
  if (i < 0 || i >= text.length) return 'none';
  if (isCjkOrPunct(text, i)) return 'cjk';
  if (isLatinAt(text, i)) return 'latin';
  if (isDigitAt(text, i)) return 'digit';
  return 'other';
}

/** The nearest character before `i` that is not a space or a quotation mark (quotes are looked through). */
function prevSig(text: string, i: number, alsoSkip = ''): number {
  let j = i - 1;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (isSpaceCode(c) || isCurlyQuote(c) || alsoSkip.includes(text[j])) j--;
    else break;
  }
  return j;
}

function nextSig(text: string, i: number, alsoSkip = '', throughQuotes = true): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isSpaceCode(c) || (throughQuotes && isCurlyQuote(c)) || alsoSkip.includes(text[j])) j++;
    else break;
  }
  return j < text.length ? j : -1;
}

/** The mark and the ASCII spaces next to it: full-width marks carry their own spacing. */
function withSpaces(text: string, at: number, newText: string): WidthOffence {
  let start = at;
  let end = at + 1;
  while (start > 0 && text.charCodeAt(start - 1) === 0x20) start--;
  while (end < text.length && text.charCodeAt(end) === 0x20) end++;
  // keep a line's indentation and never leave the line ending in a deleted space run only
  if (start < at && text.slice(0, start).trim() === '') start = at;
  return { at, mark: text[at], start, end, newText };
}

/** Half-width , : ; ? ! ( ) and a sentence-ending . used as Chinese punctuation in a Chinese line. */
export function halfWidthInChinese(text: string): WidthOffence[] {
  if (!HALF_MARK.test(text)) return [];
  const skip = lazySkip(text);
  const out: WidthOffence[] = [];
  // Parentheses go by pairs: a pair is Chinese when what it encloses has Chinese in it.
  const parenPartner = new Map<number, number>();
  const stack: number[] = [];
  // (code units, not text[i]: a string per Chinese character was most of this rule's time)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) stack.push(i);
    else if (c === 0x29 && stack.length) parenPartner.set(stack.pop()!, i);
  }
  const chineseParen = new Set<number>();
  const pairedParen = new Set<number>();
  for (const [open, close] of parenPartner) {
    pairedParen.add(open);
    pairedParen.add(close);
    let cjk = false;
    for (let k = open + 1; k < close && !cjk; k++) if (isCjkOrPunct(text, k)) cjk = true;
    if (cjk) {
      chineseParen.add(open);
      chineseParen.add(close);
    }
  }
  // A mark next to a mark the fix turns full-width is judged beside the full-width mark: in
  // 度),20 the ) is Chinese, and once it is ） the , after it is too. Judged beside the
  // half-width ), the comma was left, and fixing the line made a new finding. Reports only
  // grow as neighbours turn Chinese, so the passes stop; each pass runs one way, and
  // alternating the way settles a chain of marks in either direction in one pass.
  const reported = new Set<number>();
  const cls = (j: number): Cls => (reported.has(j) ? 'cjk' : classAt(text, j));
  const decide = (i: number, ch: string): boolean => {
    let report = false;
    if (ch === '(' || ch === ')') {
      if (pairedParen.has(i)) report = chineseParen.has(i);
      else {
        // a lone bracket: Chinese when it touches Chinese text
        const p = cls(prevSig(text, i));
        const n = cls(nextSig(text, i));
        report = ch === '(' ? n === 'cjk' : p === 'cjk';
      }
    } else if (ch === '.') {
      // a full stop ending a Chinese sentence: after Chinese, before Chinese or the end of the
      // line. Not 3.5, A.I., 报告.pdf, nor an ellipsis (... or 。..)
      const prevCh = text[i - 1];
      const nextCh = text[i + 1];
      if (prevCh === '.' || nextCh === '.') report = false;
      else {
        const p = cls(prevSig(text, i));
        const n = cls(nextSig(text, i));
        report = p === 'cjk' && (n === 'cjk' || n === 'none');
      }
    } else {
      const p = cls(prevSig(text, i, ch === '?' || ch === '!' ? '?!' : ''));
      const n = cls(nextSig(text, i, ch === '?' || ch === '!' ? '?!' : ''));
      if (p === 'digit' && n === 'digit') report = false; // 1,000  10:30  3:1
      else if (ch === '?' || ch === '!') report = p === 'cjk' || (n === 'cjk' && p !== 'latin'); // Yahoo!的
      else if (p === 'latin') {
        // after an English word the mark is Chinese only if Chinese follows at once: in
        // “Hello,”他说 the comma belongs to the English quotation
        report = cls(nextSig(text, i, '', false)) === 'cjk';
      } else report = p === 'cjk' || n === 'cjk';
    }
    return report;
  };
  let open: number[] = [];
  for (let i = 0; i < text.length; i++) if (isHalfMark(text.charCodeAt(i)) && !skip(i)) open.push(i);
  for (let pass = 0, changed = true; changed && open.length; pass++) {
    changed = false;
    const order = pass % 2 === 0 ? open : [...open].reverse();
    for (const i of order) {
      if (decide(i, text[i])) {
        reported.add(i);
        changed = true;
      }
    }
    open = open.filter((i) => !reported.has(i));
  }
  for (const i of [...reported].sort((a, b) => a - b)) {
    const o = withSpaces(text, i, TO_FULL[text[i]]);
    // two marks with only spaces between: the spaces go with the first
    if (out.length && o.start < out[out.length - 1].end) o.start = out[out.length - 1].end;
    out.push(o);
  }
  return out;
}

/** Full-width ，。、；：？！（） between English words in an English line. */
export function fullWidthInEnglish(text: string): WidthOffence[] {
  if (!FULL_MARK.test(text)) return [];
  const skip = lazySkip(text);
  const out: WidthOffence[] = [];
  // A line with Chinese in it (a half-translated line, a quotation) may use Chinese marks
  // at its edges: only a mark between two English words is surely wrong there.
  let hasCjk = false;
  for (let i = 0; i < text.length && !hasCjk; i++) if (isCjkChar(text, i)) hasCjk = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const half = TO_HALF[ch];
    if (!half || skip(i)) continue;
    const p = classAt(text, prevSig(text, i, '，。、；：？！（）'));
    const n = classAt(text, nextSig(text, i, '，。、；：？！（）'));
    // Chinese quoted in the English line keeps its own punctuation
    if (p === 'cjk' || n === 'cjk') continue;
    const word = (c: Cls) => c === 'latin' || c === 'digit';
    if (hasCjk ? !(word(p) && word(n)) : !word(p) && !word(n)) continue;
    const next = text.charCodeAt(i + 1);
    let newText = half;
    if (ch === '（') {
      if (i > 0 && (isLatinAt(text, i - 1) || isDigitAt(text, i - 1))) newText = ' (';
    } else if (i + 1 < text.length && (isLatinAt(text, i + 1) || isDigitAt(text, i + 1) || (ch !== '）' && isCurlyQuote(next) && next !== 0x201d && next !== 0x2019))) {
      newText = half + ' ';
    }
    out.push({ at: i, mark: ch, start: i, end: i + 1, newText });
  }
  return out;
}

/**
 * Punctuation of the wrong width: half-width , : ; ? ! ( ) used in Chinese text
 * (，：；？！（）), or full-width marks between English words. One finding per
 * line, on the first mark; the fix changes every mark of the line.
 */
export const punctuationWidth: LineRule = {
  id: 'punctuation-width',
  scope: 'line',
  langs: ['zh', 'en'],
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Half-width punctuation (, : ; ? ! ( ) and a sentence-ending .) in Chinese text, or full-width punctuation in English text. Numbers (1,000, 10:30), URLs, `code` and English names are left alone.',
    zh: '中文中使用了半角标点（, : ; ? ! ( ) 及句末的 .），或英文中使用了全角标点。数字（1,000、10:30）、网址、`代码`和英文名称不受影响。',
  },
  checkLine({ rec, lang }, ctx) {
    // most lines have no candidate mark: answer without creating the line's memo map
    if (!(lang === 'zh' ? HALF_MARK : FULL_MARK).test(rec.text)) return [];
    const offences = rec.memo(lang === 'zh' ? 'punctuation-width.zh' : 'punctuation-width.en', lang === 'zh' ? halfWidthInChinese : fullWidthInEnglish, 'check');
    if (offences.length === 0) return [];
    const first = offences[0];
    const count = offences.length;
    const wanted = lang === 'zh' ? TO_FULL[first.mark] : TO_HALF[first.mark];
    const more = count > 1 ? ctx.t({ en: ' ({n} marks in this line)', zh: '（本行共 {n} 处）' }, { n: count }) : '';
    const message =
      lang === 'zh'
        ? ctx.t({ en: 'Half-width “{m}” in Chinese text: use “{w}”{more}', zh: '中文中使用了半角“{m}”，应为全角“{w}”{more}' }, { m: first.mark, w: wanted, more })
        : ctx.t({ en: 'Full-width “{m}” in English text: use “{w}”{more}', zh: '英文中使用了全角“{m}”，应为半角“{w}”{more}' }, { m: first.mark, w: wanted, more });
    const edits: LocalEdit[] = offences.map((o) => ({ side: 'source', start: o.start, end: o.end, newText: o.newText }));
    const title =
      lang === 'zh'
        ? ctx.t({ en: 'Use full-width punctuation in this line ({n})', zh: '本行改用全角标点（{n} 处）' }, { n: count })
        : ctx.t({ en: 'Use half-width punctuation in this line ({n})', zh: '本行改用半角标点（{n} 处）' }, { n: count });
    const finding: LocalFinding = {
      span: { side: 'source', start: first.at, end: first.at + 1 },
      message,
      fixes: [{ title, edits, isPreferred: true, safe: true }],
      data: { count, marks: offences.map((o) => o.mark).join(''), width: lang === 'zh' ? 'full' : 'half' },
    };
    return [finding];
  },
};
