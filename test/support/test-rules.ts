// Rules written for tests only: they exercise the generic machinery (inspect,
// fixes, fix-all) without depending on the real rules other branches build.

import type { DocumentRule, PairRule } from '../../server/src/core/rule';
import type { LocalFinding } from '../../server/src/core';

function digitRuns(text: string): { n: string; start: number; end: number }[] {
  const out = [];
  const re = /[0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ n: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Flags a digit run of the English line missing from the Chinese line; inspect() pairs equal digit runs. */
export const testDigits: PairRule = {
  id: 'test-digits',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: false,
  description: { en: 'Test rule: digits must match across the pair.', zh: '测试规则：句对两侧的数字必须一致。' },
  checkPair(input, ctx) {
    const zh = digitRuns(input.zh.text).map((r) => r.n);
    return digitRuns(input.en.text)
      .filter((r) => !zh.includes(r.n))
      .map((r): LocalFinding => ({ span: { side: input.enSide, start: r.start, end: r.end }, message: ctx.t({ en: 'Number {n} is missing from the translation', zh: '译文中缺少数字 {n}' }, { n: r.n }) }));
  },
  inspect(input, side, offset, ctx) {
    const here = side === 'source' ? input.source : input.target;
    const there = side === 'source' ? input.target : input.source;
    const other = side === 'source' ? 'target' : 'source';
    const run = digitRuns(here.text).find((r) => offset >= r.start && offset < r.end);
    if (!run) return undefined;
    const match = digitRuns(there.text).filter((r) => r.n === run.n);
    return {
      markdown: ctx.t({ en: '**{n}** matches {count} in the other line (identity conversion)', zh: '**{n}** 与另一行的 {count} 处一致（原样转换）' }, { n: run.n, count: match.length }),
      span: { side, start: run.start, end: run.end },
      spans: match.map((r) => ({ side: other, start: r.start, end: r.end })),
    };
  },
};

/** Flags "teh" in an English line, with a preferred fix "the". */
export const testTypo: PairRule = {
  id: 'test-typo',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: { en: 'Test rule: a typo.', zh: '测试规则：拼写错误。' },
  checkPair(input) {
    const out: LocalFinding[] = [];
    const re = /\bteh\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(input.en.text)))
      out.push({
        span: { side: input.enSide, start: m.index, end: m.index + 3 },
        message: 'typo',
        fixes: [{ title: 'Replace with "the"', isPreferred: true, edits: [{ side: input.enSide, start: m.index, end: m.index + 3, newText: 'the' }] }],
      });
    return out;
  },
};

/** Flags every "aa" (overlapping matches), fixing each to "a": fixes overlap, so fix-all needs passes. */
export const testDoubleA: PairRule = {
  id: 'test-double-a',
  scope: 'pair',
  defaultSeverity: 'information',
  fixable: true,
  description: { en: 'Test rule: doubled letter a.', zh: '测试规则：重复的字母 a。' },
  checkPair(input) {
    const out: LocalFinding[] = [];
    const t = input.en.text;
    for (let i = 0; i + 1 < t.length; i++)
      if (t[i] === 'a' && t[i + 1] === 'a')
        out.push({ span: { side: input.enSide, start: i, end: i + 2 }, message: 'aa', fixes: [{ title: 'Make it one a', edits: [{ side: input.enSide, start: i, end: i + 2, newText: 'a' }] }] });
    return out;
  },
};

/** A document rule with inspect(): reports nothing, tells how often the hovered word occurs in the document. */
export const testWordCount: DocumentRule = {
  id: 'test-word-count',
  scope: 'document',
  defaultSeverity: 'hint',
  fixable: false,
  description: { en: 'Test rule: word counts.', zh: '测试规则：词频。' },
  checkDocument({ doc, state }) {
    const counts = new Map<string, number>();
    for (const rec of doc.lines) for (const w of rec.text.match(/[A-Za-z]+/g) ?? []) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
    state.set('counts', counts);
    return [];
  },
  inspect({ state, pair }, side, offset) {
    const rec = side === 'source' ? pair.source : pair.target;
    const re = /[A-Za-z]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rec.text))) {
      if (offset < m.index || offset >= m.index + m[0].length) continue;
      const n = (state.get('counts') as Map<string, number> | undefined)?.get(m[0].toLowerCase()) ?? 0;
      return { markdown: `word *${m[0]}* occurs ${n} times`, span: { side, start: m.index, end: m.index + m[0].length } };
    }
    return undefined;
  },
};
