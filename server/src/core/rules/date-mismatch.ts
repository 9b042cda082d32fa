import type { PairInput, PairRule, RuleContext } from '../rule';
import type { LocalFinding, LocalFix } from '../types';
import { enDate, relativeEn, relativeZh, zhDate } from '../quantities/format';
import type { MatchItem } from '../quantities/match';
import { inspection, itemAt, lineText, pairMatch, sideOf, spanOf } from '../quantities/report';
import type { Quantity } from '../quantities/types';
import { classifyLine } from '../script';

/** Month, day, year or decade differ, or a relative qualifier ("last year", 去年) is added or dropped. */
export const dateMismatch: PairRule = {
  id: 'date-mismatch',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A date differs between the English and the Chinese (month, day, year, decade), or the translation adds or drops a relative qualifier such as "last year" (去年).',
    zh: '英文与中文的日期不一致（月、日、年、年代），或译文增加或遗漏了“去年”等相对时间限定。',
  },
  checkPair(input, ctx) {
    const out: LocalFinding[] = [];
    for (const item of pairMatch(input, ctx).items) {
      if (item.rule !== 'date-mismatch') continue;
      const f = finding(item, input, ctx);
      if (f?.fixes) {
        const kept = f.fixes.filter((fix) => keepsLanguage(input, fix));
        f.fixes = kept.length ? kept : undefined;
      }
      if (f) out.push(f);
    }
    return out;
  },
  inspect(input, side, offset, ctx) {
    const hit = itemAt(input, ctx, 'date-mismatch', side, offset);
    return hit ? inspection(input, ctx, hit.item, hit.q, hit.lang) : undefined;
  },
};

/**
 * Whether the line the fix edits stays a line of its language: 2021年3月3日：two-thirds
 * with 2015年 written over its date is an English line, so the pairs around it changed and
 * the finding moved on to the next Chinese line (fix-all never settled).
 */
function keepsLanguage(input: PairInput, fix: LocalFix): boolean {
  for (const side of [input.enSide, input.zhSide]) {
    const edits = fix.edits.filter((e) => e.side === side).sort((a, b) => b.start - a.start);
    if (!edits.length) continue;
    const text = side === input.enSide ? input.en.text : input.zh.text;
    let fixed = text;
    for (const e of edits) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    if (classifyLine(fixed) !== classifyLine(text)) return false;
  }
  return true;
}

function relWords(q: Quantity): { en: string; zh: string } | undefined {
  const r = q.date?.relative;
  if (!r) return undefined;
  return { en: relativeEn(r.unit, r.offset) ?? r.text, zh: relativeZh(r.unit, r.offset) ?? r.text };
}

/** "the source has …" at the source's quantity. */
function relatedOf(input: PairInput, ctx: RuleContext, q: Quantity | undefined, lang: 'en' | 'zh') {
  return q ? [{ span: spanOf(input, lang, q), message: ctx.t({ en: 'the source has {x}', zh: '原文为 {x}' }, { x: q.text }) }] : undefined;
}

function finding(item: MatchItem, input: PairInput, ctx: RuleContext): LocalFinding | undefined {
  // agreements are not findings (checkPair is handed every date item of the pair)
  if (item.status === 'equal' || item.status === 'approx' || item.status === 'converted' || item.status === 'ambiguous') return undefined;
  const tgt = input.targetLang;
  const src = tgt === 'zh' ? 'en' : 'zh';
  const target = tgt === 'zh' ? item.zh : item.en;
  const source = tgt === 'zh' ? item.en : item.zh;
  const related = (q: Quantity | undefined, lang: 'en' | 'zh') => relatedOf(input, ctx, q, lang);

  if (item.status === 'qualifier') {
    const tr = target?.date?.relative;
    const sr = source?.date?.relative;
    if (target && tr && !sr) {
      // the translation adds a qualifier: remove it
      const words = relWords(target)!;
      const text = lineText(input, tgt);
      let end = tr.end;
      if (tgt === 'en' && text[end] === ' ') end++;
      const fixes: LocalFix[] = [];
      if (target.date && Object.keys(target.date).some((k) => k !== 'relative')) {
        fixes.push({ title: ctx.t({ en: 'Remove “{x}”', zh: '删除“{x}”' }, { x: tr.text }), edits: [{ side: sideOf(input, tgt), start: tr.start, end, newText: '' }], isPreferred: true });
      }
      return {
        span: spanOf(input, tgt, target),
        message: ctx.t(
          { en: 'The translation adds “{q}”{eg}: {srcLang} {s}, {tgtLang} {t}', zh: '译文增加了“{q}”{zg}：{srcLang}为 {s}，{tgtLang}为 {t}' },
          { q: tr.text, ...gloss(tr.text, words), s: source?.text ?? ctx.t({ en: '(no date)', zh: '（无日期）' }), t: target.text, srcLang: langName(src, ctx), tgtLang: langName(tgt, ctx) },
        ),
        related: related(source, src),
        fixes: fixes.length ? fixes : undefined,
        data: { added: tr.text, unit: tr.unit, offset: tr.offset },
      };
    }
    if (source && sr && !tr) {
      const words = relWords(source)!;
      const fixes: LocalFix[] = [];
      if (target && tgt === 'zh' && relativeZh(sr.unit, sr.offset)) {
        fixes.push({ title: ctx.t({ en: 'Insert “{x}”', zh: '插入“{x}”' }, { x: words.zh }), edits: [{ side: sideOf(input, 'zh'), start: target.start, end: target.start, newText: words.zh }], isPreferred: true });
      }
      const at = target ?? source;
      const atLang = target ? tgt : src;
      return {
        span: spanOf(input, atLang, at),
        message: ctx.t(
          { en: 'The translation drops “{q}”{eg}: {srcLang} {s}, {tgtLang} {t}', zh: '译文遗漏了“{q}”{zg}：{srcLang}为 {s}，{tgtLang}为 {t}' },
          { q: sr.text, ...gloss(sr.text, words), s: source.text, t: target?.text ?? ctx.t({ en: '(no date)', zh: '（无日期）' }), srcLang: langName(src, ctx), tgtLang: langName(tgt, ctx) },
        ),
        related: target ? related(source, src) : undefined,
        fixes: fixes.length ? fixes : undefined,
        data: { dropped: sr.text, unit: sr.unit, offset: sr.offset },
      };
    }
    if (source && target && sr && tr) {
      const want = tgt === 'zh' ? relativeZh(sr.unit, sr.offset) : relativeEn(sr.unit, sr.offset);
      return {
        span: spanOf(input, tgt, target),
        message: ctx.t({ en: 'Relative dates differ: English {en}, Chinese {zh}', zh: '相对日期不一致：英文 {en}，中文 {zh}' }, { en: item.en!.text, zh: item.zh!.text }),
        related: related(source, src),
        fixes: want ? [{ title: ctx.t({ en: 'Write “{x}”', zh: '改为“{x}”' }, { x: want }), edits: [{ side: sideOf(input, tgt), start: tr.start, end: tr.end, newText: want }], isPreferred: true }] : undefined,
        data: { en: item.en!.text, zh: item.zh!.text },
      };
    }
    return undefined;
  }
  if (item.status === 'different' && item.en && item.zh && target && source) {
    const fixes: LocalFix[] = [];
    // a range (2015-2025) written as one date would lose its end: no fix, as for numbers
    if (source.date && target.date && source.hi === undefined && target.hi === undefined) {
      const { relative: _r, ...srcParts } = source.date;
      const formatted = tgt === 'zh' ? zhDate(srcParts) : enDate(srcParts);
      if (formatted) {
        const start = target.date.relative && target.date.relative.end <= target.numStart ? target.numStart : target.date.relative ? target.date.relative.end : target.start;
        fixes.push({ title: ctx.t({ en: 'Write {x} as in the source', zh: '按原文改为 {x}' }, { x: formatted }), edits: [{ side: sideOf(input, tgt), start, end: target.end, newText: formatted }], isPreferred: true });
      }
    }
    return {
      span: spanOf(input, tgt, target),
      message: ctx.t({ en: 'Dates differ: English {en}, Chinese {zh}', zh: '日期不一致：英文 {en}，中文 {zh}' }, { en: item.en.text, zh: item.zh.text }),
      related: related(source, src),
      fixes: fixes.length ? fixes : undefined,
      data: { en: item.en.text, zh: item.zh.text },
    };
  }
  if (item.status === 'missing' && item.en) {
    return {
      span: spanOf(input, 'en', item.en),
      message: ctx.t({ en: 'English date {x} has no counterpart in the Chinese', zh: '英文日期 {x} 在中文中没有对应' }, { x: item.en.text }),
      data: { en: item.en.text },
    };
  }
  if (item.status === 'extra' && item.zh) {
    return {
      span: spanOf(input, 'zh', item.zh),
      message: ctx.t({ en: 'Chinese date {x} has no counterpart in the English', zh: '中文日期 {x} 在英文中没有对应' }, { x: item.zh.text }),
      data: { zh: item.zh.text },
    };
  }
  return undefined;
}

/** A gloss of the qualifier in the other language: “去年” (last year), “last year”（去年）. */
function gloss(written: string, words: { en: string; zh: string }): { eg: string; zg: string } {
  const chinese = /[\u3400-\u9fff]/.test(written);
  return { eg: chinese || written.toLowerCase() !== words.en ? ` (${words.en})` : '', zg: chinese ? '' : `（${words.zh}）` };
}

function langName(lang: 'en' | 'zh', ctx: RuleContext): string {
  return lang === 'en' ? ctx.t({ en: 'English', zh: '英文' }) : ctx.t({ en: 'Chinese', zh: '中文' });
}
