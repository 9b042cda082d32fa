import type { PairRule } from '../rule';
import type { LocalFinding, LocalFix } from '../types';
import { zhValue } from '../quantities/format';
import { inspection, itemAt, pairMatch, sideOf, spanOf } from '../quantities/report';

/**
 * A multiplier worded so that readers disagree on it: "tripled" rendered as
 * 上涨了三倍, which by the standard reading means ×4 (an increase of three
 * times) and by the popular one ×3.
 */
export const multiplierAmbiguity: PairRule = {
  id: 'multiplier-ambiguity',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A multiplier readers disagree on: "tripled" as 上涨了三倍 (many read ×4); write 涨至三倍 or 上涨了两倍.',
    zh: '倍数表述有歧义：tripled 译作“上涨了三倍”（许多读者理解为 ×4）；应写作“涨至三倍”或“上涨了两倍”。',
  },
  checkPair(input, ctx) {
    const out: LocalFinding[] = [];
    for (const item of pairMatch(input, ctx).items) {
      if (item.rule !== 'multiplier-ambiguity' || !item.en || !item.zh || !item.zh.increaseBy) continue;
      const z = item.zh;
      const ib = z.increaseBy!;
      const n = z.value;
      const text = input.zh.text;
      const phrase = text.slice(ib.verbStart, z.end);
      const verb = text.slice(ib.verbStart, ib.verbEnd - 1);
      const numeral = text.slice(z.numStart, z.numEnd);
      const lower = zhValue(n - 1, z, text);
      const fixes: LocalFix[] = [];
      if (input.targetLang === 'zh') {
        fixes.push({
          title: ctx.t({ en: 'Write “{x}” (×{n})', zh: '改为“{x}”（×{n}）' }, { x: `${verb}至${numeral}倍`, n }),
          edits: [{ side: sideOf(input, 'zh'), start: ib.verbEnd - 1, end: ib.verbEnd, newText: '至' }],
          isPreferred: true,
        });
        if (n >= 2) {
          fixes.push({
            title: ctx.t({ en: 'Write “{x}” (an increase of {m} times = ×{n})', zh: '改为“{x}”（增加{m}倍 = ×{n}）' }, { x: `${verb}了${lower}倍`, m: n - 1, n }),
            edits: [{ side: sideOf(input, 'zh'), start: z.numStart, end: z.numEnd, newText: lower }],
          });
        }
      }
      out.push({
        span: { side: sideOf(input, 'zh'), start: ib.verbStart, end: z.end },
        message: ctx.t(
          {
            en: '“{p}” is ambiguous: many readers take it as ×{b} (an increase of {n} times), but the English “{e}” means ×{n}. Write “{v}至{num}倍” or “{v}了{lower}倍”.',
            zh: '“{p}”有歧义：许多读者理解为 ×{b}（增加了{n}倍），而英文“{e}”是 ×{n}。可写作“{v}至{num}倍”或“{v}了{lower}倍”。',
          },
          { p: phrase, b: n + 1, n, e: item.en.text, v: verb, num: numeral, lower },
        ),
        related: [{ span: spanOf(input, 'en', item.en), message: ctx.t({ en: 'the English says ×{n}', zh: '英文为 ×{n}' }, { n: item.en.value }) }],
        fixes: fixes.length ? fixes : undefined,
        data: { en: item.en.value, readings: [n, n + 1] },
      });
    }
    return out;
  },
  inspect(input, side, offset, ctx) {
    const hit = itemAt(input, ctx, 'multiplier-ambiguity', side, offset);
    return hit ? inspection(input, ctx, hit.item, hit.q, hit.lang) : undefined;
  },
};
