// Fix all: choose one fix per finding, keep the fixes whose edits do not overlap
// an edit already taken, and apply them in one go. Fixes that were left out
// because they overlapped are picked up by a further pass over the re-checked
// text (as ESLint does), up to a bounded number of passes. Used by the language
// server's "Fix all" code actions; usable by the CLI.

import { comparePositions, splitLines } from './text';
import type { Finding, Fix, Position, TextEdit } from './types';

export interface FixSelection {
  /** Only findings of this rule. */
  ruleId?: string;
  /**
   * Only fixes a rule marked as preferred (safe to apply unattended: "source.fixAll",
   * fix on save). Otherwise a finding's only fix counts too.
   */
  preferredOnly?: boolean;
  /** Only fixes a rule marked as safe to apply unseen (source.fixAll, fix on save). */
  safeOnly?: boolean;
}

/** The fix "fix all" applies for a finding, or undefined if there is none or the choice is ambiguous. */
export function chooseFix(f: Finding, sel: FixSelection = {}): Fix | undefined {
  if (sel.ruleId !== undefined && f.ruleId !== sel.ruleId) return undefined;
  const fixes = f.fixes ?? [];
  if (sel.safeOnly) return fixes.find((x) => x.safe);
  const preferred = fixes.find((x) => x.isPreferred);
  if (preferred) return preferred;
  // A fix its rule marked isPreferred: false (a tie: two renderings used equally often) is
  // the reviewer's choice: applying it unattended would swap the two renderings, not unify them.
  if (!sel.preferredOnly && fixes.length === 1 && fixes[0].isPreferred !== false) return fixes[0];
  return undefined;
}

/** Two edits conflict if their ranges overlap, or both start at the same spot (insertion order would be ambiguous). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (comparePositions(a.range.start, b.range.start) === 0) return true;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

export interface MergedFixes {
  /** Non-overlapping edits, in document order. */
  edits: TextEdit[];
  /** Fixes taken. */
  applied: number;
  /** Fixes left out because they overlapped one taken earlier. */
  skipped: number;
}

/** Keeps, in document order, every fix none of whose edits overlaps an edit already kept. */
export function mergeFixes(fixes: readonly Fix[]): MergedFixes {
  const ordered = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ f, first: f.edits.reduce((m, e) => (comparePositions(e.range.start, m) < 0 ? e.range.start : m), f.edits[0].range.start) }))
    .sort((a, b) => comparePositions(a.first, b.first));
  // The kept edits never overlap one another, so sorted by start they are sorted by end
  // too, and an edit can only overlap the last kept edit starting before it or the first
  // starting at or after it: a binary search instead of comparing with every kept edit.
  const kept: TextEdit[] = [];
  /** The first kept edit starting at or after `p` (after `p` when `after`). */
  const bound = (p: Position, after = false): number => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = comparePositions(kept[mid].range.start, p);
      if (c < 0 || (after && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const conflicts = (e: TextEdit): boolean => {
    const i = bound(e.range.start);
    return (i < kept.length && editsOverlap(e, kept[i])) || (i > 0 && editsOverlap(e, kept[i - 1]));
  };
  let applied = 0;
  let skipped = 0;
  for (const { f } of ordered) {
    if (f.edits.some(conflicts)) {
      skipped++;
      continue;
    }
    for (const e of f.edits) kept.splice(bound(e.range.start, true), 0, e); // a fix's edits at one spot keep their order
    applied++;
  }
  return { edits: kept, applied, skipped };
}

/** The non-overlapping edits fixing the selected findings. */
export function fixAllEdits(findings: readonly Finding[], sel: FixSelection = {}): MergedFixes {
  const fixes: Fix[] = [];
  for (const f of findings) {
    const fix = chooseFix(f, sel);
    if (fix) fixes.push(fix);
  }
  return mergeFixes(fixes);
}

/** Offsets of each line start in `text` (LF, CRLF and lone CR all end a line). */
function lineStarts(text: string): number[] {
  const { lines, eols } = splitLines(text);
  const starts = new Array<number>(lines.length);
  let off = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = off;
    off += lines[i].length + eols[i].length;
  }
  return starts;
}

/** Applies LSP text edits (positions in the original text; must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const starts = lineStarts(text);
  const { lines } = splitLines(text);
  const offset = (p: Position): number => {
    if (p.line >= starts.length) return text.length;
    return starts[p.line] + Math.min(Math.max(0, p.character), lines[p.line].length);
  };
  const resolved = edits.map((e, i) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText, i }));
  // stable: edits at the same offset keep their array order
  resolved.sort((a, b) => a.s - b.s || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const r of resolved) {
    if (r.s < pos) throw new Error('applyEdits: overlapping edits');
    out += text.slice(pos, r.s) + r.t;
    pos = Math.max(pos, r.e);
  }
  return out + text.slice(pos);
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // never split a surrogate pair or a CRLF
  while (p > 0 && (isLow(before.charCodeAt(p)) || (before.charCodeAt(p) === 10 && before.charCodeAt(p - 1) === 13))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  while (s > 0 && (isLow(before.charCodeAt(before.length - s)) || (before.charCodeAt(before.length - s) === 10 && before.charCodeAt(before.length - s - 1) === 13))) s--;
  const starts = lineStarts(before);
  const pos = (off: number): Position => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: off - starts[lo] };
  };
  return { range: { start: pos(p), end: pos(before.length - s) }, newText: after.slice(p, after.length - s) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export interface FixAllResult {
  /** The text after every pass. */
  text: string;
  /** Edits against the original text: the first pass's own edits when one pass sufficed, else one minimal replacement. */
  edits: TextEdit[];
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
}

/**
 * Fixes every selected finding: applies the non-overlapping fixes, re-checks the
 * text, and repeats while fixes remain (at most `maxPasses` times, and only while
 * each pass leaves fewer fixable findings than the one before).
 */
export function fixAll(
  text: string,
  findings: readonly Finding[],
  recheck: (text: string) => readonly Finding[],
  sel: FixSelection = {},
  maxPasses = 10,
): FixAllResult {
  let current = text;
  let currentFindings = findings;
  let fixed = 0;
  let passes = 0;
  let firstEdits: TextEdit[] = [];
  let fixable = currentFindings.filter((f) => chooseFix(f, sel)).length;
  while (passes < maxPasses && fixable > 0) {
    const merged = fixAllEdits(currentFindings, sel);
    if (merged.applied === 0) break;
    const next = applyEdits(current, merged.edits);
    if (next === current) break;
    if (passes === 0) firstEdits = merged.edits;
    passes++;
    fixed += merged.applied;
    current = next;
    currentFindings = recheck(current);
    // Each pass must leave fewer fixable findings, or a fix that does not cure its finding would loop.
    const left = currentFindings.filter((f) => chooseFix(f, sel)).length;
    if (left >= fixable) break;
    fixable = left;
  }
  const edits = passes <= 1 ? firstEdits : [diffEdit(text, current)].filter((e): e is TextEdit => !!e);
  return { text: current, edits, fixed, passes };
}
