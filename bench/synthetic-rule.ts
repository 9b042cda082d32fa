// BENCHMARK ONLY — never registered in the product. A deliberately heavy pair
// rule standing in for the number, unit and date rules being written on other
// branches, so that `npm run bench -- --synthetic` measures the checker with a
// realistic per-pair workload and thousands of findings. It extracts every
// number of both lines (with Chinese 万/亿 multipliers, thousands separators,
// percentages), compares them as multisets, and flags half-width commas in the
// Chinese line. Per-line extraction is memoised on the LineRec like real rules.

import type { PairRule } from '../server/src/core/rule';
import type { LocalFinding } from '../server/src/core/types';

interface Num {
  value: number;
  start: number;
  end: number;
}

const NUM = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(亿|万|million|billion|percent|%)?/g;

function extract(text: string): Num[] {
  const out: Num[] = [];
  NUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM.exec(text))) {
    // Month and day numbers of Chinese dates have English month names as counterparts.
    const next = text.charCodeAt(m.index + m[0].length);
    if (next === 0x6708 /* 月 */ || next === 0x65e5 /* 日 */) continue;
    let v = Number(m[1].replace(/,/g, '') + (m[2] ? '.' + m[2] : ''));
    const unit = m[3];
    if (unit === '亿') v *= 1e8;
    else if (unit === '万') v *= 1e4;
    else if (unit === 'million') v *= 1e6;
    else if (unit === 'billion') v *= 1e9;
    out.push({ value: Math.round(v * 1000) / 1000, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const syntheticNumbers: PairRule = {
  id: 'bench-synthetic-numbers',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'Benchmark-only stand-in for the number rules.', zh: '仅供基准测试的数字规则替身。' },
  checkPair(input, ctx) {
    const src = input.source.memo('bench.numbers', extract);
    const tgt = input.target.memo('bench.numbers', extract);
    const counts = new Map<number, number>();
    for (const n of src) counts.set(n.value, (counts.get(n.value) ?? 0) + 1);
    const out: LocalFinding[] = [];
    for (const n of tgt) {
      const c = counts.get(n.value) ?? 0;
      if (c > 0) counts.set(n.value, c - 1);
      else
        out.push({
          span: { side: 'target', start: n.start, end: n.end },
          message: ctx.t({ en: 'Number {n} does not appear in the source', zh: '数字 {n} 未出现在原文中' }, { n: n.value }),
          data: { value: n.value },
        });
    }
    const zh = input.zh.text;
    const comma = zh.indexOf(',');
    if (comma >= 0 && !/\d,\d/.test(zh.slice(Math.max(0, comma - 1), comma + 2)))
      out.push({
        span: { side: input.zhSide, start: comma, end: comma + 1 },
        message: ctx.t({ en: 'Half-width comma in Chinese text', zh: '中文中使用了半角逗号' }),
        fixes: [{ title: ctx.t({ en: 'Use a full-width comma', zh: '改用全角逗号' }), edits: [{ side: input.zhSide, start: comma, end: comma + 1, newText: '，' }] }],
      });
    return out;
  },
};
