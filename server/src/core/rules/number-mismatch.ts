import type { PairRule } from '../rule';
import type { LocalFinding, LocalFix } from '../types';
import { enValue, zhValue } from '../quantities/format';
import type { MatchItem } from '../quantities/match';
import { inspection, itemAt, lineText, pairMatch, readsAs, sideOf, spanOf } from '../quantities/report';

/** A number missing, extra or different between the English and the Chinese line. */
export const numberMismatch: PairRule = {
  id: 'number-mismatch',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A number is missing, extra or different in the translation (equivalent forms such as $500 million / 5亿美元 or 10 times / 十倍 agree).',
    zh: '译文中的数字缺失、多出或不一致（5亿美元与 $500 million、十倍与 10 times 等等价写法视为一致）。',
  },
  checkPair(input, ctx) {
    const out: LocalFinding[] = [];
    for (const item of pairMatch(input, ctx).items) {
      if (item.rule !== 'number-mismatch') continue;
      if (item.status === 'different' && item.en && item.zh) {
        const tgt = input.targetLang;
        const offending = tgt === 'zh' ? item.zh : item.en;
        const source = tgt === 'zh' ? item.en : item.zh;
        const message = ctx.t(
          { en: 'Numbers differ: English {en}, Chinese {zh}', zh: '数字不一致：英文 {en}，中文 {zh}' },
          { en: item.en.text, zh: item.zh.text },
        );
        out.push({
          span: spanOf(input, tgt, offending),
          message,
          related: [{ span: spanOf(input, tgt === 'zh' ? 'en' : 'zh', source), message: ctx.t({ en: 'the source has {x}', zh: '原文为 {x}' }, { x: source.text }) }],
          fixes: fixFor(item, input, ctx),
          data: { en: item.en.value, zh: item.zh.value, kind: item.en.kind },
        });
      } else if (item.status === 'missing' && item.en) {
        out.push({
          span: spanOf(input, 'en', item.en),
          message: ctx.t({ en: 'English {x} has no counterpart in the Chinese', zh: '英文中的 {x} 在中文中没有对应' }, { x: item.en.text }),
          data: { en: item.en.value, kind: item.en.kind },
        });
      } else if (item.status === 'extra' && item.zh) {
        out.push({
          span: spanOf(input, 'zh', item.zh),
          message: ctx.t({ en: 'Chinese {x} has no counterpart in the English', zh: '中文中的 {x} 在英文中没有对应' }, { x: item.zh.text }),
          data: { zh: item.zh.value, kind: item.zh.kind },
        });
      }
    }
    return out;
  },
  inspect(input, side, offset, ctx) {
    const hit = itemAt(input, ctx, 'number-mismatch', side, offset);
    return hit ? inspection(input, ctx, hit.item, hit.q, hit.lang) : undefined;
  },
};

function fixFor(item: MatchItem, input: Parameters<PairRule['checkPair']>[0], ctx: Parameters<PairRule['checkPair']>[1]): LocalFix[] | undefined {
  const e = item.en!;
  const z = item.zh!;
  if (e.hi !== undefined || z.hi !== undefined || e.vague || z.vague) return undefined;
  if (e.kind !== z.kind || (e.kind === 'money' && e.currency !== z.currency)) return undefined;
  if (e.kind === 'multiplier' && z.increaseBy) return undefined;
  const tgt = input.targetLang;
  const target = tgt === 'zh' ? z : e;
  const value = tgt === 'zh' ? e.value : z.value;
  const text = lineText(input, tgt);
  if (gluedToDigits(text, target.numStart, target.numEnd)) return undefined;
  let newText = tgt === 'zh' ? zhValue(value, target, text) : enValue(value, target, text);
  if (!newText || newText === text.slice(target.numStart, target.numEnd)) return undefined;
  // "twice" → "four times" (a bare "four" is a count, not a multiplier)
  if (tgt === 'en' && target.kind === 'multiplier' && !readsAs(tgt, text, target, newText, value) && readsAs(tgt, text, target, newText + ' times', value)) newText += ' times';
  if (!readsAs(tgt, text, target, newText, value)) return undefined;
  return [
    {
      title: ctx.t({ en: 'Write {x} as in the source', zh: '按原文改为 {x}' }, { x: newText }),
      edits: [{ side: sideOf(input, tgt), start: target.numStart, end: target.numEnd, newText }],
      isPreferred: true,
    },
  ];
}

/**
 * Whether the numeral is one piece of a run of digits joined by commas or points that is
 * no number as written ("12,34,5", "1.2.3"): which piece pairs with which number of the
 * other line is a guess, and writing a value into one piece changes how its neighbours
 * read (12 → "3 billion" frees 34, whose fix "12,181,5" had been refused), so fix-all
 * would chase the pieces one after another. Such a finding is shown, never fixed.
 */
function gluedToDigits(text: string, start: number, end: number): boolean {
  const digit = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  const joiner = (i: number) => {
    const c = text.charCodeAt(i);
    return c === 44 || c === 46 || c === 0xff0c || c === 0xff0e;
  };
  return (start >= 2 && joiner(start - 1) && digit(start - 2)) || (joiner(end) && digit(end + 1));
}
