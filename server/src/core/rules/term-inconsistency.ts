import { pairDelta } from '../delta';
import type { DocumentFinding, DocumentRule, Inspection } from '../rule';
import { enTerms, PairList, TermIndex, zhCandidates, type ExternalPair, type PairEntry, type RenderingUse, type TermResult } from '../terms/index';
import type { Glossary } from '../terms/glossary';
import type { LocalSpan, RelatedInformation } from '../types';
import { glossaryOf } from './glossary-term';
import { candidateTexts, chineseCandidates, hasCandidateId, type ZhCandidate } from '../terms/chinese';
import { zhTexts } from '../terms/ids';
import { termKeys, termsOf } from '../terms/english';

/**
 * Whether writing `other` over the use leaves `other` a word of the line there. A variant
 * found inside a longer name (尔登港 in 哈尔登港, beside 哈登港) is misaligned: replacing it
 * gave 哈哈登港, and fix-all walked on from there.
 */
function fixReads(u: RenderingUse, other: string): boolean {
  return fixedWords(u, other).some((c) => c.start === u.start && c.end === u.start + other.length);
}

/** The candidates of the Chinese line with `other` written over the use (memoised on the line record, whose text never changes). */
function fixedWords(u: RenderingUse, other: string): ZhCandidate[] {
  return u.entry.zh.memo(`term-inconsistency.fixed:${u.start}:${u.end}:${other}`, (text) => chineseCandidates(text.slice(0, u.start) + other + text.slice(u.end)));
}

/** Whether every pair holding the candidate text is a pair of the term (the index's "exclusive"). */
function exclusiveTo(idx: TermIndex, text: string, P: PairList): boolean {
  const count = idx.candidateCount(text);
  if (count === 0) return true;
  if (count > P.size) return false;
  // the index keeps counts, not pairs, of frequent texts: count the term's pairs that have it
  let inP = 0;
  const id = zhTexts.find(text)!;
  for (const p of P) if (hasCandidateId(p.cands, id)) inP++;
  return inP === count;
}

/** The exclusive candidate texts of the term's pairs, by each one-character-wildcard form. */
type Cousins = Map<string, string[]>;

function wildcards(text: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < text.length; k++) out.push(text.slice(0, k) + '\u0000' + text.slice(k + 1));
  return out;
}

/** From the term's pairs other than `replaced` (those fix-all rewrites too). */
function cousinsOf(idx: TermIndex, P: PairList, replaced: ReadonlySet<PairEntry>): Cousins {
  const out: Cousins = new Map();
  const seen = new Set<string>();
  for (const e of P) {
    if (replaced.has(e)) continue;
    for (const text of candidateTexts(e.cands)) {
      if (seen.has(text)) continue;
      seen.add(text);
      if (!exclusiveTo(idx, text, P)) continue;
      for (const w of wildcards(text)) {
        const list = out.get(w);
        if (list) list.push(text);
        else out.set(w, [text]);
      }
    }
  }
  return out;
}

/**
 * Whether writing `other` over the use makes a new variant of the term: a candidate of the
 * fixed line that runs across or against the edit, found only where the term is, and one
 * character away from such a candidate of another pair that never meets it (the evidence
 * the index takes for two renderings of one term). On a misaligned document (a pair whose
 * lines are not translations of each other) the renderings are pieces of sentences:
 * 新的电 → 新的哈 made 哈芯到了, whose 芯到了 beside 港到了 was the next "variant", and
 * fix-all walked on from there. A real variant (负极 → 阳极 in 负极被更换了) touches no such word.
 * The pairs of the rendering replaced are no evidence: fix-all rewrites them the same way.
 */
function makesVariant(idx: TermIndex, P: PairList, u: RenderingUse, other: string, cousins: () => Cousins): boolean {
  const text = u.entry.zh.text;
  const fixed = text.slice(0, u.start) + other + text.slice(u.end);
  const a = u.start;
  const b = u.start + other.length;
  for (const c of fixedWords(u, other)) {
    if (c.end < a || c.start > b || (c.start >= a && c.end <= b)) continue; // apart from the edit, or inside what it writes
    if (!exclusiveTo(idx, c.text, P)) continue;
    for (const w of wildcards(c.text))
      for (const y of cousins().get(w) ?? []) {
        if (y === c.text || fixed.includes(y)) continue;
        let meets = false;
        // y is exclusive to the term (cousinsOf): every pair that has it is one of P
        const yId = zhTexts.find(y);
        if (yId !== undefined) for (const p of P) if (p !== u.entry && hasCandidateId(p.cands, yId) && p.zh.text.includes(c.text)) meets = true;
        if (!meets) return true;
      }
  }
  return false;
}

/**
 * Whether a rendering of the result is, in one of its pairs, the one rendering of another
 * term of that pair, found consistent: the words are that term's. "tested twice", in the
 * pairs of "anode" (负极 throughout) and of "cathode" (阴极), looked rendered 阴极 and 负极;
 * claimed by "anode" while "anode" was itself inconsistent, it was reported as soon as
 * fixing "anode" made it consistent, so fix-all never settled.
 */
function ownedByOther(idx: TermIndex, r: TermResult): boolean {
  for (const x of r.renderings)
    for (const u of x.uses)
      for (const key of termKeys(u.entry.terms)) {
        if (key === r.key) continue;
        const o = idx.result(key);
        if (o && !o.inconsistent && o.renderings.length === 1 && o.renderings[0].text === x.text) return true;
      }
  return false;
}

/** The document's term index, kept in the rule's state and updated by delta. */
/** In the rule's state: true when the index was last updated to the model pairDelta last saw. */
const SYNCED = 'term-inconsistency.synced';

export function termIndexOf(state: Map<string, unknown>): TermIndex {
  let idx = state.get('index') as TermIndex | undefined;
  if (!idx) state.set('index', (idx = new TermIndex()));
  return idx;
}

function zhRange(u: RenderingUse) {
  const line = u.entry.zh.line;
  return { start: { line, character: u.start }, end: { line, character: u.end } };
}

/**
 * Workspace-wide consistency (`ctx.env.services.workspaceTerms`): the pairs of the
 * other bilingual files of the workspace, whose renderings count as evidence.
 */
export interface WorkspaceTermsService {
  /** Pairs of the other files (stable objects while a file is unchanged, so the index updates by delta). */
  externalPairs(): readonly ExternalPair[];
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, '');
}

function governedByGlossary(g: Glossary | undefined, r: TermResult): boolean {
  return !!g && !!g.lookup(r.display);
}

/** The same English term rendered in more than one way across the document. */
export const termInconsistency: DocumentRule = {
  id: 'term-inconsistency',
  scope: 'document',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'An English term recurs across the document and is rendered in more than one way in Chinese.',
    zh: '同一英文术语在文中多次出现，中文译法却不一致。',
  },
  preparePair({ en, zh }) {
    // the per-line extraction (most of a first check), memoised on the line records
    enTerms(en);
    zhCandidates(zh);
  },
  checkDocument({ model, state }, ctx) {
    const idx = termIndexOf(state);
    const ws = ctx.env.services.workspaceTerms as WorkspaceTermsService | undefined;
    const external = ws && typeof ws.externalPairs === 'function' ? ws.externalPairs() : [];
    // After an edit, only the re-paired pairs are indexed again (when the last update completed
    // and no other file's pairs are in the index); otherwise every pair is visited.
    const delta = pairDelta(state, model);
    const synced = state.get(SYNCED) === true;
    state.set(SYNCED, false);
    if (synced && !delta.full && external.length === 0 && idx.deltaReady) idx.updateDelta(delta.removed, delta.added);
    else idx.update(model.pairs, external);
    state.set(SYNCED, true);
    const keys = idx.refresh();
    if (keys.size === 0) return [];
    const g = glossaryOf(ctx);
    const results = [...keys].map((k) => idx.result(k)!).filter((r) => r && r.inconsistent && !governedByGlossary(g, r));
    // single words and names before phrases: a rendering is claimed by one term only
    results.sort((a, b) => a.key.split(' ').length - b.key.split(' ').length || (a.key < b.key ? -1 : 1));
    const claimed = new Set<string>();
    const out: DocumentFinding[] = [];
    for (const r of results) {
      if (ownedByOther(idx, r)) continue;
      const spans = r.renderings.flatMap((x) => x.uses.map((u) => `${u.entry.path ?? ""}:${u.entry.zh.line}:${u.start}`));
      if (spans.some((s) => claimed.has(s))) continue;
      for (const s of spans) claimed.add(s);
      const P = idx.termPairs.get(r.key) ?? new PairList(r.key);
      const top = r.renderings[0].uses.length;
      const tie = r.renderings.filter((x) => x.uses.length === top).length > 1;
      for (const rendering of r.renderings) {
        if (!tie && rendering.uses.length === top) continue;
        const other = r.renderings.find((x) => x !== rendering)!;
        const ref = other.uses.find((o) => !o.entry.path) ?? other.uses[0];
        const otherLine = ref.entry.path ? `${ref.entry.zh.line + 1} (${baseName(ref.entry.path)})` : String(ref.entry.zh.line + 1);
        let cousins: Cousins | undefined;
        const cousinsLazy = () => (cousins ??= cousinsOf(idx, P, new Set(rendering.uses.map((x) => x.entry))));
        for (const u of rendering.uses) {
          if (u.entry.path) continue; // another file: reported when that file is checked
          const related: RelatedInformation[] = r.renderings
            .filter((x) => x !== rendering)
            .flatMap((x) =>
              x.uses.slice(0, 5).map((o) => ({
                range: zhRange(o),
                message: ctx.t({ en: '“{term}” rendered {r}', zh: '“{term}”译作{r}' }, { term: r.display, r: x.text }),
                ...(o.entry.path ? { path: o.entry.path } : {}),
              })),
            );
          out.push({
            range: zhRange(u),
            message: ctx.t(
              {
                en: '“{term}” is rendered {r} here but {other} in line {line}{more}',
                zh: '“{term}”此处译作{r}，第 {line} 行却译作{other}{more}',
              },
              {
                term: r.display,
                r: rendering.text,
                other: other.text,
                line: otherLine,
                more:
                  other.uses.length > 2
                    ? ctx.t({ en: ' (and {n} more pairs)', zh: '（另有 {n} 处）' }, { n: other.uses.length - 1 })
                    : other.uses.length === 2
                      ? ctx.t({ en: ' (and 1 more pair)', zh: '（另有 1 处）' })
                      : '',
              },
            ),
            related,
            fixes: fixReads(u, other.text) && !makesVariant(idx, P, u, other.text, cousinsLazy)
              ? [
                  {
                    title: ctx.t({ en: 'Use {other} as in line {line}', zh: '改用{other}（同第 {line} 行）' }, { other: other.text, line: otherLine }),
                    edits: [{ range: zhRange(u), newText: other.text }],
                    isPreferred: !tie,
                  },
                ]
              : undefined,
            data: {
              term: r.display,
              key: r.key,
              rendering: rendering.text,
              preferred: other.text,
              renderings: r.renderings.map((x) => ({ text: x.text, count: x.uses.length })),
            },
          });
        }
      }
    }
    return out;
  },
  inspect({ state, pair }, side, offset, ctx): Inspection | undefined {
    const idx = termIndexOf(state);
    if (idx.size === 0) return undefined;
    let result: TermResult | undefined;
    let span: LocalSpan | undefined;
    if (side === pair.enSide) {
      const occ = termsOf(enTerms(pair.en), pair.en.text).filter((t) => offset >= t.start && offset < t.end);
      for (const o of occ.sort((a, b) => b.end - b.start - (a.end - a.start))) {
        const r = idx.result(o.key);
        if (r && r.pairs >= 2 && r.renderings.length > 0) {
          result = r;
          span = { side, start: o.start, end: o.end };
          break;
        }
      }
    } else {
      for (const key of idx.refresh()) {
        const r = idx.result(key);
        const u = r?.renderings.flatMap((x) => x.uses).find((x) => x.entry.zh === pair.zh && offset >= x.start && offset < x.end);
        if (r && u) {
          result = r;
          span = { side, start: u.start, end: u.end };
          break;
        }
      }
    }
    if (!result || !span) return undefined;
    const list = result.renderings.map((x) => `${x.text} (${x.uses.map((u) => u.entry.zh.line + 1).slice(0, 8).join(', ')})`).join('; ');
    const lines = [
      ctx.t({ en: '**{term}** — {n} pairs in this document; rendered: {list}', zh: '**{term}**——本文 {n} 对句子；译法：{list}' }, { term: result.display, n: result.pairs, list }),
    ];
    const g = glossaryOf(ctx);
    const entry = g?.lookup(result.display);
    if (entry) lines.push(ctx.t({ en: 'Glossary: {en} → {zh}', zh: '术语表：{en} → {zh}' }, { en: entry.en, zh: entry.zh.join('、') }));
    const spans: LocalSpan[] = [];
    for (const x of result.renderings)
      for (const u of x.uses)
        if (u.entry.zh === pair.zh) {
          spans.push({ side: pair.zhSide, start: u.start, end: u.end });
          spans.push({ side: pair.enSide, start: u.termStart, end: u.termEnd });
        }
    return { markdown: lines.join('\n\n'), span, spans };
  },
};
