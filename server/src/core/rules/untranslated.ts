import type { DocumentModel, LineRec, Pair } from '../document';
import { pairDelta } from '../delta';
import type { DocumentFinding, DocumentRule, RuleContext } from '../rule';
import { shiftedFinding } from '../moved';
import { comparePositions, lineRange } from '../text';
import { isCjkChar, isCjkOrPunct, skipStretches } from '../typography';

/** An English stretch inside a Chinese translation that reads as an untranslated sentence, not a name. */
export interface LatinRun {
  start: number;
  end: number;
  words: number;
}

const FUNCTION_WORDS = new Set(
  'the a an of to in on at by for from with and or but is are was were be been has have had will would can could should not this that these those it its they we he she you our their his her as than then so if'.split(' '),
);

/**
 * English prose left in a Chinese line: a stretch without Chinese of at least
 * four words, most of them lower-case, with an English function word among
 * them. Names, acronyms and product names (Group14 Technologies, Burns &
 * McDonnell, LFP, OpenAI) are capitalised and never qualify; English quoted
 * as such (“Sun, sea and storage.”) is kept on purpose.
 */
/** What latinRuns gives a line without English prose (nearly every Chinese line): one shared, frozen list, not a new empty array kept in each line's memo. */
const NO_RUNS: readonly LatinRun[] = Object.freeze([]);

export function latinRuns(text: string): readonly LatinRun[] {
  // fast path: three lower-case words in a row
  if (!/[a-z]+[\s,]+[a-z]+[\s,]+[a-z]/.test(text)) return NO_RUNS;
  const skips = skipStretches(text);
  const out: LatinRun[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // a run: everything up to the next Chinese character or full-width mark
    while (i < n && isCjkOrPunct(text, i)) i++;
    const start = i;
    while (i < n && !isCjkOrPunct(text, i)) i++;
    let end = i;
    if (end <= start) continue;
    let chunk = text.slice(start, end);
    // not prose: URLs, `code`
    for (const s of skips) if (s.start < end && s.end > start) chunk = chunk.slice(0, Math.max(0, s.start - start)) + ' '.repeat(Math.min(end, s.end) - Math.max(start, s.start)) + chunk.slice(Math.min(end, s.end) - start);
    // quoted English (a slogan, a question cited as said) is kept on purpose
    const t = chunk.trim();
    if (/^[“"‘]/.test(t) && /[”"’]$/.test(t)) continue;
    const words = chunk.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
    if (words.length < 4) continue;
    let lower = 0;
    let fn = 0;
    for (const w of words) {
      if (w[0] >= 'a' && w[0] <= 'z') lower++;
      if (FUNCTION_WORDS.has(w.toLowerCase())) fn++;
    }
    if (lower >= 3 && lower * 2 > words.length && fn >= 1) {
      // trim the run to its words
      const lead = chunk.search(/[A-Za-z0-9]/);
      let trail = chunk.length;
      while (trail > 0 && !/[A-Za-z0-9.!?]/.test(chunk[trail - 1])) trail--;
      end = start + trail;
      out.push({ start: start + Math.max(0, lead), end, words: words.length });
    }
  }
  return out.length > 0 ? out : NO_RUNS;
}

function normalized(text: string): string {
  // most lines are normal already (no space at either end, no other white space than single
  // spaces): the memo keeps the line's own string, not a copy of it
  if (!/^\s|\s$|[^\S ]| {2}/.test(text)) return text;
  return text.trim().replace(/\s+/g, ' ');
}

function isContent(rec: LineRec): boolean {
  const k = rec.kind;
  return k === 'en' || k === 'zh';
}

/**
 * An English-script line where the Chinese translation of the English line
 * before it is expected, with Chinese in it (not only in quotations): a
 * translation begun and not finished.
 */
function halfDone(rec: LineRec, prev: LineRec, model: DocumentModel): boolean {
  if (model.order !== 'en-zh' || rec.kind !== 'en' || prev.kind !== 'en' || model.pairOfLine[prev.line]) return false;
  return rec.memo('untranslated.half', (text) => {
    const unquoted = text.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, '');
    let cjk = 0;
    for (let i = 0; i < unquoted.length; i++) if (isCjkChar(unquoted, i)) cjk++;
    return cjk >= 4 && latinRuns(text).length > 0;
  });
}

/** The nearest line above with English or Chinese in it (within 50 lines). */
export function previousContent(lines: readonly LineRec[], rec: LineRec): LineRec | undefined {
  for (let j = rec.line - 1, seen = 0; j >= 0 && seen < 50; j--, seen++) if (isContent(lines[j])) return lines[j];
  return undefined;
}

/** The nearest line below with English or Chinese in it (within 50 lines). */
export function nextContent(lines: readonly LineRec[], rec: LineRec): LineRec | undefined {
  for (let j = rec.line + 1, seen = 0; j < lines.length && seen < 50; j++, seen++) if (isContent(lines[j])) return lines[j];
  return undefined;
}

/**
 * Why an unpaired line is a failed translation of the line above it, if it is:
 * 'copy' (the source language's line repeated unchanged; a repeated
 * translation is a duplicate, not this) or 'half' (see halfDone).
 */
export function notTranslated(rec: LineRec, prev: LineRec, model: DocumentModel): 'copy' | 'half' | undefined {
  const sourceLang = model.order === 'en-zh' ? 'en' : 'zh';
  if (prev.kind === rec.kind && rec.kind === sourceLang && rec.memo('untranslated.norm', normalized) === prev.memo('untranslated.norm', normalized)) return 'copy';
  if (halfDone(rec, prev, model)) return 'half';
  return undefined;
}

interface CopyEntry {
  line: number;
  prev: LineRec | undefined;
  /** What else the verdict depends on: the order, and whether the line above is paired. */
  order: string;
  prevPaired: boolean;
  locale: string;
  finding: DocumentFinding | undefined;
}

interface RunEntry {
  /** The lines of the pair the findings were made for (its target and source). */
  line: number;
  sourceLine: number;
  findings: DocumentFinding[];
}

function quote(text: string): string {
  return text.length > 48 ? text.slice(0, 45) + '…' : text;
}

/**
 * A line that should be a translation but is not: an unpaired line repeating
 * the line before it (the source copied over), an English-script line with a
 * little Chinese where the translation is expected, or English prose left
 * inside a Chinese translation.
 */
export const untranslated: DocumentRule = {
  id: 'untranslated',
  scope: 'document',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'A translation that is not one: a line repeating its source unchanged, or English sentences left in the Chinese. Names, acronyms and product names (Group14 Technologies, Burns & McDonnell) are normal in Chinese text.',
    zh: '未翻译的译文：与原文完全相同的行，或中文译文中残留的英文句子。中文里的人名、缩写和产品名（如 Group14 Technologies、Burns & McDonnell）属正常情况。',
  },
  checkDocument({ doc, model, state }, ctx) {
    const out: DocumentFinding[] = [];
    // 1. copies: few lines are unpaired, and each keeps its finding while it and the line above stay.
    let copies = state.get('copies') as WeakMap<LineRec, CopyEntry> | undefined;
    if (!copies) state.set('copies', (copies = new WeakMap()));
    const lines = doc.lines;
    for (const rec of model.unpaired) {
      const prev = previousContent(lines, rec);
      const kept = copies.get(rec);
      const prevPaired = !!prev && !!model.pairOfLine[prev.line];
      if (kept && kept.line === rec.line && kept.prev === prev && kept.order === model.order && kept.prevPaired === prevPaired && kept.locale === ctx.locale) {
        if (kept.finding) out.push(kept.finding);
        continue;
      }
      let finding: DocumentFinding | undefined;
      const verdict = prev && notTranslated(rec, prev, model);
      if (prev && verdict === 'copy') {
        finding = {
          range: lineRange(rec.line, rec.text.length),
          message: ctx.t(
            { en: 'This line repeats line {line} unchanged: the translation is missing (the source was copied)', zh: '本行与第 {line} 行完全相同：译文缺失（原文被原样复制）' },
            { line: prev.line + 1 },
          ),
          related: [{ range: lineRange(prev.line, prev.text.length), message: ctx.t({ en: 'the line it repeats', zh: '被重复的行' }) }],
          data: { copyOf: prev.line },
        };
      } else if (prev && verdict === 'half') {
        finding = {
          range: lineRange(rec.line, rec.text.length),
          message: ctx.t(
            { en: 'Line {line} should be followed by its Chinese translation, but this line is mostly English: a translation left half done?', zh: '第 {line} 行之后应为中文译文，但本行大部分是英文：译文没有译完？' },
            { line: prev.line + 1 },
          ),
          related: [{ range: lineRange(prev.line, prev.text.length), message: ctx.t({ en: 'the English source', zh: '英文原文' }) }],
          data: { mostlyLatin: true, source: prev.line },
        };
      }
      copies.set(rec, { line: rec.line, prev, order: model.order, prevPaired, locale: ctx.locale, finding });
      if (finding) out.push(finding);
    }
    // 2. English prose inside Chinese translations: an index of the pairs that have some, updated by delta.
    let runs = state.get('runs') as Map<Pair, RunEntry> | undefined;
    if (!runs) state.set('runs', (runs = new Map()));
    const d = pairDelta(state, model);
    if (d.full) runs.clear();
    for (const p of d.removed) runs.delete(p);
    for (const p of d.added) {
      if (p.targetLang !== 'zh') continue;
      const found = p.target.memo('untranslated.runs', latinRuns);
      if (found.length) runs.set(p, { line: -1, sourceLine: -1, findings: [] });
    }
    for (const [p, entry] of runs) {
      if (entry.line !== p.target.line || entry.sourceLine !== p.source.line) {
        const d = p.target.line - entry.line;
        // the pair moved as a whole (lines inserted or deleted above): the same findings, shifted
        entry.findings = entry.line >= 0 && p.source.line - entry.sourceLine === d ? entry.findings.map((f) => shiftedFinding(f, d)) : runFindings(p, ctx);
        entry.line = p.target.line;
        entry.sourceLine = p.source.line;
      }
      out.push(...entry.findings);
    }
    out.sort((a, b) => comparePositions(a.range.start, b.range.start));
    return out;
  },
};

function runFindings(p: Pair, ctx: RuleContext): DocumentFinding[] {
  const zh = p.target;
  const line = zh.line;
  return zh.memo('untranslated.runs', latinRuns).map((r) => ({
    range: { start: { line, character: r.start }, end: { line, character: r.end } },
    message: ctx.t({ en: 'English left untranslated in the Chinese: “{text}”', zh: '中文译文中有未翻译的英文：“{text}”' }, { text: quote(zh.text.slice(r.start, r.end)) }),
    related: [{ range: lineRange(p.source.line, p.source.text.length), message: ctx.t({ en: 'the English source', zh: '英文原文' }) }],
    data: { words: r.words },
  }));
}
