// The outline of an interleaved document: headings as sections, the pairs (and
// lines without a counterpart) of each section as its children. Drives document
// symbols (Outline view, breadcrumbs, "Go to Symbol") and folding by section.
//
// A heading is a pair whose two lines both look like titles: short, no sentence
// punctuation at the end or between sentences, e.g.
//   Why data centers want batteries
//   数据中心为何需要电池
// or a pair written with Markdown heading marks ("## Why … / ## 数据中心…"), whose
// level is the number of marks. Heuristic headings sit at level 2, so a "# Title"
// pair holds them. Lines without a counterpart (captions, chart titles) are never headings.

import type { DocumentModel, LineRec, Pair, ReviewDocument } from './document';
import { localize, type Locale } from './l10n';
import { directiveOf } from './suppressions';
import { codePointLength } from './text';
import type { Range } from './types';

export interface OutlineNode {
  kind: 'section' | 'pair' | 'unpaired';
  /** What the Outline shows: the source line (heading text without its marks). */
  name: string;
  /** Shown beside the name: the translation, or a note. */
  detail: string;
  /** Whole extent (a section runs to its last line of text). */
  range: Range;
  /** The part to reveal and select: the first line. */
  selectionRange: Range;
  /** Heading level (sections only). */
  level?: number;
  children: OutlineNode[];
}

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Longest heading, in characters of each language. */
const MAX_EN_HEADING = 90;
const MAX_EN_WORDS = 14;
const MAX_ZH_HEADING = 40;
/** Names longer than this are cut (the Outline shows one line anyway). */
const MAX_NAME = 100;

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const EN_TERMINAL = /[.!?;:,…"'”’)\]]$/;
const EN_SENTENCE_BREAK = /[.!?;]\s+\S/;
const ZH_TERMINAL = /[。！？；：，、…”’」』）)\].!?;:,]$/;
const ZH_SENTENCE_BREAK = /[。！？；]/;

function headingLike(text: string, lang: 'en' | 'zh'): boolean {
  const t = text.trim();
  if (lang === 'en') {
    if (t.length > MAX_EN_HEADING || t.split(/\s+/).length > MAX_EN_WORDS) return false;
    if (EN_TERMINAL.test(t) || EN_SENTENCE_BREAK.test(t)) return false;
    return /^[“"‘'(]?[A-Z0-9]/.test(t);
  }
  if (t.length > MAX_ZH_HEADING * 2 || codePointLength(t) > MAX_ZH_HEADING) return false;
  return !ZH_TERMINAL.test(t) && !ZH_SENTENCE_BREAK.test(t);
}

/** The heading level of a pair (1–6), or 0 if the pair is body text. */
export function headingLevel(pair: Pair): number {
  const a = ATX.exec(pair.source.text);
  const b = ATX.exec(pair.target.text);
  if (a || b) return (a ?? b)![1].length;
  return headingLike(pair.source.text, pair.sourceLang) && headingLike(pair.target.text, pair.targetLang) ? 2 : 0;
}

function headingText(text: string): string {
  const m = ATX.exec(text);
  return (m ? m[2] : text).trim();
}

function cut(text: string): string {
  // Only the head of a long line matters; whitespace runs collapse to one space.
  const t = text.slice(0, MAX_NAME * 3).trim().replace(/\s+/g, ' ');
  let i = 0;
  let n = 0;
  let cutAt = -1;
  while (i < t.length) {
    if (n === MAX_NAME - 1) cutAt = i;
    if (n === MAX_NAME) break;
    const c = t.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < t.length ? 2 : 1;
    n++;
  }
  if (i >= t.length && text.length <= MAX_NAME * 3) return t || '…';
  return t.slice(0, cutAt < 0 ? i : cutAt).trimEnd() + '…';
}

function lineRangeOf(rec: LineRec): Range {
  return { start: { line: rec.line, character: 0 }, end: { line: rec.line, character: rec.text.length } };
}

function span(first: LineRec, last: LineRec): Range {
  return { start: { line: first.line, character: 0 }, end: { line: last.line, character: last.text.length } };
}

/** Builds the outline (the model must be current: line numbers are read from it). */
export function buildOutline(model: DocumentModel, locale: Locale = 'en'): OutlineNode[] {
  type Unit = { first: LineRec; last: LineRec; pair?: Pair };
  const units: Unit[] = [];
  let u = 0;
  const { pairs, unpaired } = model;
  for (let p = 0; p < pairs.length || u < unpaired.length; ) {
    const pair = pairs[p];
    const lone = unpaired[u];
    const pairFirst = pair ? Math.min(pair.source.line, pair.target.line) : Infinity;
    if (lone && lone.line < pairFirst) {
      units.push({ first: lone, last: lone });
      u++;
    } else {
      const [first, last] = pair.source.line < pair.target.line ? [pair.source, pair.target] : [pair.target, pair.source];
      units.push({ first, last, pair });
      p++;
    }
  }

  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const place = (node: OutlineNode) => (stack.length ? stack[stack.length - 1].children : roots).push(node);
  const extend = (last: LineRec) => {
    for (const s of stack) s.range = { start: s.range.start, end: { line: last.line, character: last.text.length } };
  };
  const noCounterpart = localize(locale, { en: 'no counterpart', zh: '无对应行' });

  for (const unit of units) {
    const level = unit.pair ? headingLevel(unit.pair) : 0;
    if (unit.pair && level > 0) {
      while (stack.length && stack[stack.length - 1].level! >= level) stack.pop();
      const node: OutlineNode = {
        kind: 'section',
        name: cut(headingText(unit.pair.source.text)),
        detail: cut(headingText(unit.pair.target.text)),
        range: span(unit.first, unit.last),
        selectionRange: lineRangeOf(unit.first),
        level,
        children: [],
      };
      place(node);
      extend(unit.last);
      stack.push(node);
    } else if (unit.pair) {
      place({
        kind: 'pair',
        name: unit.pair.source.memo('outline.name', cut),
        detail: unit.pair.target.memo('outline.name', cut),
        range: span(unit.first, unit.last),
        selectionRange: lineRangeOf(unit.first),
        children: [],
      });
      extend(unit.last);
    } else {
      place({ kind: 'unpaired', name: unit.first.memo('outline.name', cut), detail: noCounterpart, range: lineRangeOf(unit.first), selectionRange: lineRangeOf(unit.first), children: [] });
      extend(unit.last);
    }
  }
  return roots;
}

/**
 * Folding regions: every section (from its heading to its last line of text),
 * every disable…enable suppression region, and runs of two or more comment lines.
 */
export function foldingRegions(doc: ReviewDocument, outline: readonly OutlineNode[]): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  const walk = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      if (n.kind !== 'section') continue;
      if (n.range.end.line > n.range.start.line + 1) out.push({ startLine: n.range.start.line, endLine: n.range.end.line });
      walk(n.children);
    }
  };
  walk(outline);
  const lines = doc.lines;
  const isComment = (rec: LineRec) => rec.kind === 'other' && rec.text.trimStart().startsWith('<!--');
  for (let i = 0; i < lines.length; i++) {
    if (!isComment(lines[i])) continue;
    let j = i;
    while (j + 1 < lines.length && isComment(lines[j + 1])) j++;
    if (j > i) out.push({ startLine: i, endLine: j, kind: 'comment' });
    i = j;
  }
  const openDisables: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = directiveOf(lines[i]);
    if (d?.kind === 'disable') openDisables.push(i);
    else if (d?.kind === 'enable' && openDisables.length) out.push({ startLine: openDisables.pop()!, endLine: i, kind: 'region' });
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
