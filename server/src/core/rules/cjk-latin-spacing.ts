import type { LineRule } from '../rule';
import type { LocalEdit } from '../types';
import { isCjkChar, isDigitAt, isLatinAt, lazySkip } from '../typography';
import { isHighSurrogate, isLowSurrogate } from '../text';

export type SpacingStyle = 'space' | 'none';

export interface SpacingSpot {
  /** Where the edit goes: an insertion (start === end) or the spaces to delete. */
  start: number;
  end: number;
  newText: string;
}

/**
 * Boundaries between Chinese characters and English words that break the
 * house style: with 'space', 中文English without a space; with 'none', 中文 English
 * with one. Numbers (2024年, 40兆瓦) and punctuation are not concerned; a
 * word with digits (Group14, South32) is a word.
 */
function isWordChar(text: string, i: number): boolean {
  return isLatinAt(text, i) || isDigitAt(text, i);
}

/** A Latin letter, or a digit of a token that has letters (Group14, South32, A4 — not 2024). */
function isLatinWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  if (isLatinAt(text, i)) return true;
  if (!isDigitAt(text, i)) return false;
  let a = i;
  while (a > 0 && isWordChar(text, a - 1)) a--;
  let b = i;
  while (b + 1 < text.length && isWordChar(text, b + 1)) b++;
  for (let k = a; k <= b; k++) if (isLatinAt(text, k)) return true;
  return false;
}

export function spacingSpots(text: string, style: SpacingStyle): SpacingSpot[] {
  const out: SpacingSpot[] = [];
  const skip = lazySkip(text);
  // only where an ideograph meets a letter or digit (directly, or across spaces for 'none')
  let prevCjk = false;
  let prevWord = false;
  let spacesFrom = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (spacesFrom < 0) spacesFrom = i;
      continue;
    }
    const cjk = isCjkChar(text, i);
    const word = !cjk && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || isLatinAt(text, i));
    const spaced = spacesFrom >= 0;
    if ((prevCjk && word) || (prevWord && cjk)) {
      // a number is not a word: check the Latin side for a letter
      const w = word ? i : (spaced ? spacesFrom : i) - 1;
      const a = (spaced ? spacesFrom : i) - 1;
      if (isLatinWordAt(text, w) && !skip(a) && !skip(i)) {
        if (style === 'space' && !spaced) out.push({ start: i, end: i, newText: ' ' });
        else if (style === 'none' && spaced) out.push({ start: spacesFrom, end: i, newText: '' });
      }
    }
    spacesFrom = -1;
    prevCjk = cjk;
    prevWord = word;
  }
  return out;
}

/**
 * The characters either side of a missing space, whole: an ideograph of a supplementary
 * plane (𠀀, two UTF-16 units) is not cut in half (the range ended inside 𿻜 of T𿻜).
 */
function aroundGap(text: string, at: number): { start: number; end: number } {
  let start = Math.max(0, at - 1);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  let end = Math.min(text.length, at + 1);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

/** House style, off by default: a space between Chinese and English words, or none. */
export const cjkLatinSpacing: LineRule = {
  id: 'cjk-latin-spacing',
  scope: 'line',
  langs: ['zh'],
  defaultSeverity: 'off',
  fixable: true,
  description: {
    en: 'House style (off by default): a space between Chinese characters and English words (“使用 OpenAI 的模型”), or none (“使用OpenAI的模型”), as bilingualReview.cjkLatinSpacing says.',
    zh: '排版风格（默认关闭）：中文与英文单词之间加空格（“使用 OpenAI 的模型”）或不加（“使用OpenAI的模型”），由 bilingualReview.cjkLatinSpacing 设置。',
  },
  checkLine({ rec }, ctx) {
    const raw = ctx.option<string>('cjkLatinSpacing', 'space');
    const style: SpacingStyle = raw === 'none' ? 'none' : 'space';
    if (!/[A-Za-z]/.test(rec.text)) return [];
    const spots = rec.memo(`cjk-latin-spacing.${style}`, (t) => spacingSpots(t, style), 'check');
    if (spots.length === 0) return [];
    const n = spots.length;
    const first = spots[0];
    const more = n > 1 ? ctx.t({ en: ' ({n} places in this line)', zh: '（本行共 {n} 处）' }, { n }) : '';
    const edits: LocalEdit[] = spots.map((s) => ({ side: 'source', start: s.start, end: s.end, newText: s.newText }));
    return [
      {
        span: style === 'space' ? { side: 'source', ...aroundGap(rec.text, first.start) } : { side: 'source', start: first.start, end: first.end },
        message:
          style === 'space'
            ? ctx.t({ en: 'No space between Chinese and English{more}', zh: '中文与英文之间缺少空格{more}' }, { more })
            : ctx.t({ en: 'Space between Chinese and English{more}', zh: '中文与英文之间有多余的空格{more}' }, { more }),
        fixes: [
          {
            title:
              style === 'space'
                ? ctx.t({ en: 'Add spaces between Chinese and English in this line ({n})', zh: '本行中英文之间加空格（{n} 处）' }, { n })
                : ctx.t({ en: 'Remove the spaces between Chinese and English in this line ({n})', zh: '删除本行中英文之间的空格（{n} 处）' }, { n }),
            edits,
            isPreferred: true,
            safe: true,
          },
        ],
        data: { style, count: n },
      },
    ];
  },
};
