// The rows of the side-by-side preview: one row per pair (headings marked),
// one per line without a counterpart, each cell with the findings on its line
// (UTF-16 ranges within the line). Pure: the model and the findings in, rows out.
//
// A 100,000-pair book makes 100,000 rows (~25 MB of text as JSON): far too much to
// send on every keystroke. So the rows are served as a window of at most `limit`
// rows around a line (the editor's top visible line), and the counts cover the
// whole document. The row index (which lines start a row) is built once per
// pairing and the per-line finding index once per finding list.

import type { DocumentModel, LineRec, Pair } from './document';
import { headingLevel } from './outline';
import { lowerBound } from './sorted';
import type { Finding, Lang, Order, Severity } from './types';

export type PreviewRowKind = 'pair' | 'unpaired' | 'heading';

export interface PreviewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** UTF-16 offsets within the cell's line (end > start, within the text sent). */
  start: number;
  end: number;
}

export interface PreviewCell {
  /** 0-based document line. */
  line: number;
  text: string;
  lang: Lang;
  /** True when `text` was cut at MAX_CELL_TEXT characters. */
  truncated?: boolean;
  findings: PreviewFinding[];
}

export interface PreviewRow {
  kind: PreviewRowKind;
  /** 0-based first line of the row (the lower of its two lines). */
  line: number;
  /** Heading level (headings only). */
  level?: number;
  /** Cells in column order (the document's: source language first); null where a line has no counterpart. */
  cells: [PreviewCell | null, PreviewCell | null];
}

export interface PreviewCounts {
  pairs: number;
  unpaired: number;
  headings: number;
  findings: number;
  /** Rows with at least one finding on one of their lines. */
  rowsWithFindings: number;
  byRule: Record<string, number>;
  bySeverity: Partial<Record<Severity, number>>;
}

export interface PreviewResult {
  order: Order;
  /** Languages of the two columns. */
  columns: [Lang, Lang];
  counts: PreviewCounts;
  /** Rows in the whole (filtered) list. */
  total: number;
  /** Index in that list of rows[0]. */
  offset: number;
  rows: PreviewRow[];
}

export interface PreviewOptions {
  /** Centre the window on the row holding (or nearest before) this line. Default 0. */
  around?: number;
  /** Most rows sent. Default DEFAULT_LIMIT. */
  limit?: number;
  /** Only rows with at least one finding. */
  onlyFindings?: boolean;
}

export const DEFAULT_LIMIT = 2000;
export const MAX_LIMIT = 10000;
/** Longer lines are cut in the preview (the editor shows them whole). */
export const MAX_CELL_TEXT = 20000;
/** Most inline marks per cell (a pathological line could carry thousands). */
export const MAX_CELL_FINDINGS = 200;

/** One row of the index: a pair or a line without a counterpart, in document order. */
interface RowRef {
  line: number;
  pair?: Pair;
  rec?: LineRec;
}

const rowIndexes = new WeakMap<DocumentModel, RowRef[]>();

/** Rows in document order (pairs and unpaired lines merged by first line), cached per pairing. */
export function rowIndex(model: DocumentModel): RowRef[] {
  let rows = rowIndexes.get(model);
  if (rows) return rows;
  const { pairs, unpaired } = model;
  rows = new Array<RowRef>(pairs.length + unpaired.length);
  let p = 0;
  let u = 0;
  let k = 0;
  while (p < pairs.length || u < unpaired.length) {
    const pair = pairs[p];
    const lone = unpaired[u];
    const pairFirst = pair ? Math.min(pair.source.line, pair.target.line) : Infinity;
    if (lone && lone.line < pairFirst) {
      rows[k++] = { line: lone.line, rec: lone };
      u++;
    } else {
      rows[k++] = { line: pairFirst, pair };
      p++;
    }
  }
  rowIndexes.set(model, rows);
  return rows;
}

const findingIndexes = new WeakMap<readonly Finding[], Map<number, Finding[]>>();

/** Findings by the line they start on, cached per finding list. */
function findingsByLine(findings: readonly Finding[]): Map<number, Finding[]> {
  let map = findingIndexes.get(findings);
  if (map) return map;
  map = new Map();
  for (const f of findings) {
    const line = f.range.start.line;
    const list = map.get(line);
    if (list) list.push(f);
    else map.set(line, [f]);
  }
  findingIndexes.set(findings, map);
  return map;
}

const headingLevels = new WeakMap<Pair, number>();

/** headingLevel, cached per pair object (pairs survive re-pairing outside an edit). */
function headingOf(pair: Pair): number {
  let level = headingLevels.get(pair);
  if (level === undefined) headingLevels.set(pair, (level = headingLevel(pair)));
  return level;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function toCell(rec: LineRec, lang: Lang, byLine: Map<number, Finding[]>): PreviewCell {
  const full = rec.text;
  const truncated = full.length > MAX_CELL_TEXT;
  const text = truncated ? full.slice(0, MAX_CELL_TEXT) : full;
  const cell: PreviewCell = { line: rec.line, text, lang, findings: [] };
  if (truncated) cell.truncated = true;
  const list = byLine.get(rec.line);
  if (list) {
    for (const f of list) {
      if (cell.findings.length >= MAX_CELL_FINDINGS) break;
      let start = Math.max(0, Math.min(f.range.start.character, text.length));
      // A finding running past its line is marked to the line's end.
      let end = f.range.end.line > f.range.start.line ? text.length : Math.max(0, Math.min(f.range.end.character, text.length));
      if (end <= start) {
        // An empty range still gets a visible mark: the character after it (or before, at the end).
        if (start < text.length) end = start + 1;
        else if (start > 0) start = start - 1;
        else end = start; // empty line: a zero-width mark
      }
      cell.findings.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, start, end });
    }
    cell.findings.sort((a, b) => a.start - b.start || b.end - a.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }
  return cell;
}

function rowHasFindings(ref: RowRef, byLine: Map<number, Finding[]>): boolean {
  if (ref.rec) return byLine.has(ref.rec.line);
  return byLine.has(ref.pair!.source.line) || byLine.has(ref.pair!.target.line);
}

/** The full row for an index entry. */
function toRow(ref: RowRef, model: DocumentModel, byLine: Map<number, Finding[]>): PreviewRow {
  if (ref.rec) {
    const rec = ref.rec;
    const lang = rec.kind as Lang;
    const sourceLang: Lang = model.order === 'en-zh' ? 'en' : 'zh';
    const cell = toCell(rec, lang, byLine);
    return { kind: 'unpaired', line: rec.line, cells: lang === sourceLang ? [cell, null] : [null, cell] };
  }
  const pair = ref.pair!;
  const level = headingOf(pair);
  const row: PreviewRow = {
    kind: level > 0 ? 'heading' : 'pair',
    line: ref.line,
    cells: [toCell(pair.source, pair.sourceLang, byLine), toCell(pair.target, pair.targetLang, byLine)],
  };
  if (level > 0) row.level = level;
  return row;
}

/** Index of the last row whose first line is <= line (0 when line precedes every row). */
function rowAt(rows: readonly RowRef[], line: number): number {
  // lines are whole numbers: the first row starting after `line` is the first at or after line + 1
  return Math.max(0, lowerBound(rows, line + 1, (r) => r.line) - 1);
}

/** Counts over the whole document (not only the window). */
export function previewCounts(model: DocumentModel, findings: readonly Finding[]): PreviewCounts {
  const byLine = findingsByLine(findings);
  const byRule: Record<string, number> = {};
  const bySeverity: Partial<Record<Severity, number>> = {};
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  let headings = 0;
  for (const p of model.pairs) if (headingOf(p) > 0) headings++;
  let rowsWithFindings = 0;
  if (byLine.size > 0) for (const ref of rowIndex(model)) if (rowHasFindings(ref, byLine)) rowsWithFindings++;
  return { pairs: model.pairs.length, unpaired: model.unpaired.length, headings, findings: findings.length, rowsWithFindings, byRule, bySeverity };
}

/**
 * The preview of a document: counts for the whole document and a window of rows.
 * `findings` must belong to the model's text (pass [] while they are not known).
 */
export function buildPreview(model: DocumentModel, findings: readonly Finding[], options: PreviewOptions = {}): PreviewResult {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
  const byLine = findingsByLine(findings);
  let refs = rowIndex(model);
  if (options.onlyFindings) refs = refs.filter((r) => rowHasFindings(r, byLine));
  const total = refs.length;
  let offset = 0;
  if (total > limit) {
    const at = rowAt(refs, Math.max(0, Math.floor(options.around ?? 0)));
    // The row at `around` sits a quarter into the window: scrolling on reads further down.
    offset = Math.max(0, Math.min(total - limit, at - Math.floor(limit / 4)));
  }
  const end = Math.min(total, offset + limit);
  const rows = new Array<PreviewRow>(end - offset);
  for (let i = offset; i < end; i++) rows[i - offset] = toRow(refs[i], model, byLine);
  const sourceLang: Lang = model.order === 'en-zh' ? 'en' : 'zh';
  return {
    order: model.order,
    columns: [sourceLang, sourceLang === 'en' ? 'zh' : 'en'],
    counts: previewCounts(model, findings),
    total,
    offset,
    rows,
  };
}
