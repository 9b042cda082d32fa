import type { Inspection, PairInput, PairRule, RuleContext } from '../rule';
import { occurrences, type Glossary, type GlossaryEntry, type GlossaryMatch } from '../terms/glossary';
import type { LocalFinding, LocalSpan } from '../types';

/** The glossary the host provides (`ctx.env.services.glossary`), if any. */
export function glossaryOf(ctx: RuleContext): Glossary | undefined {
  const g = ctx.env.services.glossary as Glossary | undefined;
  return g && typeof g.matchEnglish === 'function' && g.size > 0 ? g : undefined;
}

function matchesOf(input: PairInput, g: Glossary): GlossaryMatch[] {
  return input.en.memo(`glossary.${g.id}`, (text) => g.matchEnglish(text), 'check');
}

/** Marks of the characters of a line taken by a span: an overlap test that stays linear on a 1 MB line. */
class Taken {
  private marks: Uint8Array;
  constructor(length: number) {
    this.marks = new Uint8Array(length);
  }
  /** Takes [start, end) unless a character of it is taken already. */
  take(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.marks[i]) return false;
    this.marks.fill(1, start, end);
    return true;
  }
}

/** Spans of the accepted renderings of an entry in a Chinese line (longest first, not overlapping). */
function renderingSpans(zh: string, entry: GlossaryEntry, taken = new Taken(zh.length)): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const r of [...entry.zh].sort((a, b) => b.length - a.length)) {
    if (!r) continue;
    for (const i of occurrences(zh, r)) if (taken.take(i, i + r.length)) spans.push({ start: i, end: i + r.length });
  }
  return spans;
}

function describe(entry: GlossaryEntry, ctx: RuleContext): string {
  const alts = entry.zh.length > 1 ? ctx.t({ en: ' (also accepted: {a})', zh: '（亦可：{a}）' }, { a: entry.zh.slice(1).join('、') }) : '';
  return `${entry.zh[0]}${alts}`;
}

/** A glossary term rendered otherwise than the glossary says. */
export const glossaryTerm: PairRule = {
  id: 'glossary-term',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'The English uses a glossary term and the Chinese lacks its required rendering or uses a forbidden variant.',
    zh: '英文使用了术语表中的术语，而中文没有使用规定译法，或使用了禁用译法。',
  },
  checkPair(input, ctx) {
    const g = glossaryOf(ctx);
    if (!g) return [];
    const matches = matchesOf(input, g);
    if (matches.length === 0) return [];
    const zh = input.zh.text;
    const byEntry = new Map<GlossaryEntry, GlossaryMatch[]>();
    for (const m of matches) {
      const list = byEntry.get(m.entry);
      if (list) list.push(m);
      else byEntry.set(m.entry, [m]);
    }
    const out: LocalFinding[] = [];
    for (const [entry, ms] of byEntry) {
      const taken = new Taken(zh.length);
      const ok = renderingSpans(zh, entry, taken);
      if (ok.length >= ms.length) continue;
      const bad: { start: number; end: number; text: string }[] = [];
      for (const v of [...entry.forbidden].sort((a, b) => b.length - a.length)) {
        for (const i of occurrences(zh, v)) {
          const end = i + v.length;
          if (taken.take(i, end)) bad.push({ start: i, end, text: v });
        }
      }
      const data = { term: entry.en, required: entry.zh, forbidden: entry.forbidden, note: entry.note, glossary: entry.origin };
      if (bad.length > 0) {
        for (const b of bad.sort((x, y) => x.start - y.start)) {
          const m = ms[0];
          out.push({
            span: { side: input.zhSide, start: b.start, end: b.end },
            message: ctx.t(
              { en: '“{en}” is rendered {bad}, a variant the glossary forbids; use {zh}', zh: '“{en}”译作{bad}，为术语表禁用译法；应译作{zh}' },
              { en: m.text, bad: b.text, zh: describe(entry, ctx) },
            ),
            related: [{ span: { side: input.enSide, start: m.start, end: m.end }, message: ctx.t({ en: 'the glossary term', zh: '术语表中的术语' }) }],
            fixes: [
              {
                title: ctx.t({ en: 'Replace {bad} with {zh}', zh: '将{bad}替换为{zh}' }, { bad: b.text, zh: entry.zh[0] }),
                edits: [{ side: input.zhSide, start: b.start, end: b.end, newText: entry.zh[0] }],
                isPreferred: true,
                safe: true,
              },
            ],
            data: { ...data, variant: b.text },
          });
        }
      } else {
        // no rendering and no known variant: point at the English occurrences left without one
        for (const m of ms.slice(ok.length)) {
          out.push({
            span: { side: input.enSide, start: m.start, end: m.end },
            message: ctx.t(
              { en: '“{en}” should be rendered {zh} (glossary), but the translation does not use it', zh: '按术语表，“{en}”应译作{zh}，但译文中没有使用' },
              { en: m.text, zh: describe(entry, ctx) },
            ),
            data,
          });
        }
      }
    }
    return out;
  },
  inspect(input, side, offset, ctx): Inspection | undefined {
    const g = glossaryOf(ctx);
    if (!g) return undefined;
    const matches = matchesOf(input, g);
    let entry: GlossaryEntry | undefined;
    let span: LocalSpan | undefined;
    if (side === input.enSide) {
      const m = matches.find((x) => offset >= x.start && offset < x.end);
      if (m) {
        entry = m.entry;
        span = { side, start: m.start, end: m.end };
      }
    } else {
      // each entry once (a long line matches the same term thousands of times)
      for (const e of new Set(matches.map((m) => m.entry))) {
        const hit = renderingSpans(input.zh.text, e).find((s) => offset >= s.start && offset < s.end);
        if (hit) {
          entry = e;
          span = { side, ...hit };
          break;
        }
      }
    }
    if (!entry || !span) return undefined;
    const e = entry;
    const lines = [ctx.t({ en: '**Glossary:** {en} → {zh}', zh: '**术语表：**{en} → {zh}' }, { en: e.en, zh: e.zh.join('、') })];
    if (e.forbidden.length) lines.push(ctx.t({ en: 'Forbidden: {f}', zh: '禁用：{f}' }, { f: e.forbidden.join('、') }));
    if (e.note) lines.push(e.note);
    const spans: LocalSpan[] =
      side === input.enSide
        ? renderingSpans(input.zh.text, e).map((s) => ({ side: input.zhSide, ...s }))
        : matches.filter((m) => m.entry === e).map((m) => ({ side: input.enSide, start: m.start, end: m.end }));
    return { markdown: lines.join('\n\n'), span, spans };
  },
};
