import type { LineRule } from '../rule';
import type { LocalFinding } from '../types';
import { isDigitAt, isLatinAt, lazySkip } from '../typography';

/** Opening mark → the closing marks that end it. Half-width ( ) may partner the full-width ones (that is a width problem, not a balance one). */
const CLOSERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '【': '】',
  '（': '）)',
  '(': ')）',
};
const OPENER_OF: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '〉': '〈', '」': '「', '』': '『', '】': '【', '）': '（', ')': '(' };

const NAMES: Record<string, { en: string; zh: string }> = {
  '“': { en: 'quotation mark', zh: '引号' },
  '‘': { en: 'quotation mark', zh: '引号' },
  '《': { en: 'title mark', zh: '书名号' },
  '〈': { en: 'title mark', zh: '书名号' },
  '「': { en: 'corner bracket', zh: '引号' },
  '『': { en: 'corner bracket', zh: '引号' },
  '【': { en: 'bracket', zh: '方头括号' },
  '（': { en: 'bracket', zh: '括号' },
  '(': { en: 'bracket', zh: '括号' },
};

const ANY_MARK = /[“”‘’《》〈〉「」『』【】（）]/;
const MARK_SCAN = /[“”‘’《》〈〉「」『』【】（）()]/g;

export interface Imbalance {
  at: number;
  mark: string;
  kind: 'unclosed' | 'unopened';
}

/**
 * Quotation marks and brackets left open, or closed without being opened,
 * within one line. Apostrophes (don’t, America’s, O’Brien, ’80s) are not
 * quotes; half-width ( ) are only partners (a lone one is numbering or a face).
 * A quotation opened at the very start of a line and left open is how a quote
 * continued into the next paragraph is written, in English and in Chinese.
 */
export function imbalances(text: string): Imbalance[] {
  if (!ANY_MARK.test(text)) return [];
  const skip = lazySkip(text);
  const stack: { at: number; mark: string }[] = [];
  const out: Imbalance[] = [];
  const hasOpen = (m: string) => stack.some((s) => s.mark === m);
  // the regex engine finds the marks much faster than a loop over every character
  MARK_SCAN.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = MARK_SCAN.exec(text))) {
    const i = hit.index;
    const ch = hit[0];
    const isOpener = CLOSERS[ch] !== undefined;
    const opener = OPENER_OF[ch];
    if ((!isOpener && !opener) || skip(i)) continue;
    if (ch === '‘' && isDigitAt(text, i + 1)) continue; // ‘80s written with the wrong mark
    if (ch === '’') {
      const letterBefore = i > 0 && (isLatinAt(text, i - 1) || isDigitAt(text, i - 1));
      const letterAfter = isLatinAt(text, i + 1);
      if (isDigitAt(text, i + 1) && !letterBefore) continue; // ’30s
      if (letterAfter && (letterBefore || !hasOpen('‘'))) continue; // don’t, America’s, ’tis
      if (letterBefore && !hasOpen('‘')) continue; // workers’ (possessive)
    }
    if (isOpener) {
      stack.push({ at: i, mark: ch });
      continue;
    }
    // a closer: find the innermost opener it can close
    let k = stack.length - 1;
    while (k >= 0 && !CLOSERS[stack[k].mark].includes(ch)) k--;
    if (k < 0) {
      if (ch !== ')') out.push({ at: i, mark: ch, kind: 'unopened' }); // "1)" numbering, faces
      continue;
    }
    // what was opened inside it and not closed
    for (let j = stack.length - 1; j > k; j--) if (stack[j].mark !== '(') out.push({ at: stack[j].at, mark: stack[j].mark, kind: 'unclosed' });
    stack.length = k;
  }
  const firstNonSpace = text.search(/\S/);
  for (let j = 0; j < stack.length; j++) {
    const s = stack[j];
    if (s.mark === '(') continue;
    // a quotation continued into the next paragraph: opened first thing in the line, never closed
    if (j === 0 && s.at === firstNonSpace && (s.mark === '“' || s.mark === '‘' || s.mark === '「' || s.mark === '『')) continue;
    out.push({ at: s.at, mark: s.mark, kind: 'unclosed' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Quotation marks or brackets left open, or closed without being opened, within a line. */
export const unbalancedQuotes: LineRule = {
  id: 'unbalanced-quotes',
  scope: 'line',
  langs: ['zh', 'en'],
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'A quotation mark or bracket (“ ” ‘ ’ 《 》 「 」 （ ）) is left open, or closed without being opened, within a line. The two languages’ quotation counts are not compared.',
    zh: '引号或括号（“ ” ‘ ’ 《 》 「 」 （ ））在一行内未闭合，或没有对应的开始符号。不比较两种语言的引号数量。',
  },
  checkLine({ rec }, ctx) {
    if (!ANY_MARK.test(rec.text)) return [];
    const found = rec.memo('unbalanced-quotes', imbalances, 'check');
    if (found.length === 0) return [];
    return found.map((b): LocalFinding => {
      const partner = b.kind === 'unclosed' ? CLOSERS[b.mark][0] : OPENER_OF[b.mark];
      const name = NAMES[b.kind === 'unclosed' ? b.mark : OPENER_OF[b.mark]];
      return {
        span: { side: 'source', start: b.at, end: b.at + 1 },
        message:
          b.kind === 'unclosed'
            ? ctx.t({ en: 'The {what} {m} is opened but not closed in this line (no {p} after it)', zh: '{zwhat} {m} 在本行没有闭合（其后缺少 {p}）' }, { what: name.en, zwhat: name.zh, m: b.mark, p: partner })
            : ctx.t({ en: 'The {what} {m} closes nothing in this line (no {p} before it)', zh: '{zwhat} {m} 在本行没有对应的 {p}' }, { what: name.en, zwhat: name.zh, m: b.mark, p: partner }),
        data: { mark: b.mark, kind: b.kind },
      };
    });
  },
};
