// Shared plumbing of the four number rules: where a quantity sits in the pair,
// the tolerance setting, and the hover text for a matched pair.

import type { Inspection, PairInput, RuleContext } from '../rule';
import type { LocalSpan, Side } from '../types';
import { matchPair, type MatchItem, type MatchResult, type NumberRuleId } from './match';
import type { Quantity } from './types';
import { conversionText, plain, unitLabel } from './format';
import { roundForDisplay } from './units';
import { extractChinese } from './zh';
import { extractEnglish } from './en';
import { classifyLine } from '../script';

export function tolerance(ctx: RuleContext): number {
  const v = ctx.option<number>('conversionTolerance', 0.02);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1 ? v : 0.02;
}

/** The options of the last match asked for (one object while the tolerance stays, not one per rule and pair). */
let lastOptions = { tolerance: 0.02 };

export function pairMatch(input: PairInput, ctx: RuleContext): MatchResult {
  const tol = tolerance(ctx);
  if (lastOptions.tolerance !== tol) lastOptions = { tolerance: tol };
  return matchPair(input, lastOptions);
}

export function sideOf(input: PairInput, lang: 'en' | 'zh'): Side {
  return lang === 'en' ? input.enSide : input.zhSide;
}

export function spanOf(input: PairInput, lang: 'en' | 'zh', q: Quantity): LocalSpan {
  return { side: sideOf(input, lang), start: q.start, end: q.end };
}

/** The language of the translation (what fixes edit). */
export function targetLang(input: PairInput): 'en' | 'zh' {
  return input.targetLang;
}

export function lineText(input: PairInput, lang: 'en' | 'zh'): string {
  return lang === 'en' ? input.en.text : input.zh.text;
}

/** The item of `rule` whose quantity on `side` covers `offset`. */
export function itemAt(input: PairInput, ctx: RuleContext, rule: NumberRuleId, side: Side, offset: number): { item: MatchItem; q: Quantity; lang: 'en' | 'zh' } | undefined {
  const lang: 'en' | 'zh' = side === input.enSide ? 'en' : 'zh';
  for (const item of pairMatch(input, ctx).items) {
    if (item.rule !== rule) continue;
    const q = lang === 'en' ? item.en : item.zh;
    if (q && offset >= q.start && offset <= q.end) return { item, q, lang };
  }
  return undefined;
}

/** Hover text for one matched item, and the counterpart span to highlight. */
export function inspection(input: PairInput, ctx: RuleContext, item: MatchItem, q: Quantity, lang: 'en' | 'zh'): Inspection {
  const other = lang === 'en' ? item.zh : item.en;
  const ok = item.status === 'equal' || item.status === 'approx' || item.status === 'converted';
  const mark = ok ? '✓' : '✗';
  const en = item.en ? `**${item.en.text}**` : ctx.t({ en: '(none)', zh: '（无）' });
  const zh = item.zh ? `**${item.zh.text}**` : ctx.t({ en: '(none)', zh: '（无）' });
  let detail = '';
  if (item.converted && item.en && item.zh) {
    const c = item.converted;
    detail = `${conversionText(item.en.value, c.from, c.value, c.to)} ≈ ${plain(item.zh.value)} ${unitLabel(c.to, 'zh')} ${mark}`;
  } else if (item.status === 'ambiguous' && item.zh?.increaseBy) {
    const n = item.zh.value;
    detail = ctx.t({ en: '{zh} reads as ×{a} or ×{b}; the English says ×{en}', zh: '{zh} 可理解为 ×{a} 或 ×{b}；英文为 ×{en}' }, { zh: item.zh.text, a: n, b: n + 1, en: item.en?.value ?? '' });
  } else if (item.en && item.zh && item.en.kind !== 'date' && Math.abs(item.en.value) >= 1e4) {
    detail = `${plain(item.en.value)} ${item.en.currency ?? ''} ${mark}`.replace(/ +/g, ' ');
  } else detail = mark;
  const statusText: Record<string, { en: string; zh: string }> = {
    equal: { en: 'same value', zh: '数值一致' },
    approx: { en: 'agrees within rounding or the approximation written', zh: '在取整或约数范围内一致' },
    converted: { en: 'right conversion', zh: '换算正确' },
    ambiguous: { en: 'ambiguous multiplier', zh: '倍数表述有歧义' },
    qualifier: { en: 'relative qualifier differs', zh: '相对时间限定不一致' },
    different: { en: 'values differ', zh: '数值不一致' },
    conversion: { en: 'wrong conversion', zh: '换算错误' },
    missing: { en: 'no counterpart in the Chinese', zh: '中文中没有对应' },
    extra: { en: 'no counterpart in the English', zh: '英文中没有对应' },
  };
  const markdown = `${en} ↔ ${zh} — ${detail}  \n${ctx.t(statusText[item.status])}`;
  const spans: LocalSpan[] = [];
  if (other) spans.push(spanOf(input, lang === 'en' ? 'zh' : 'en', other));
  return { markdown, spans, span: spanOf(input, lang, q) };
}

export function roundConverted(v: number, like: Quantity): number {
  // keep the precision the translator wrote when it is enough, else three significant digits
  const r = roundForDisplay(v);
  const p = Math.pow(10, like.decimals);
  const same = Math.round(v * p) / p;
  return like.decimals > 0 && Math.abs(same - v) <= Math.abs(v) * 0.005 ? same : r;
}

/**
 * Whether the line, with `newText` in place of the target's numeral, reads as `value`
 * there. A fix that does not (二 for 一万二千三百四十五 where a bare 二 is no number) would
 * not cure its finding: it would delete the number and the finding would move on to the next.
 */
export function readsAs(lang: 'en' | 'zh', text: string, target: Quantity, newText: string, value: number): boolean {
  const fixed = text.slice(0, target.numStart) + newText + text.slice(target.numEnd);
  // nor one that makes the line stop being a line of its language ("twenty-one" → "12,345"
  // alone is no English line): the pair would fall apart and its neighbours re-pair
  if (classifyLine(fixed) !== classifyLine(text)) return false;
  const end = target.numStart + newText.length;
  const tol = 1e-9 * Math.max(1, Math.abs(value));
  return (lang === 'zh' ? extractChinese(fixed) : extractEnglish(fixed)).some(
    (q) => q.numStart <= target.numStart && q.numEnd >= end && [q, ...(q.alts ?? [])].some((x) => x.kind === target.kind && Math.abs(x.value - value) <= tol),
  );
}
