// The document model: lines (kept across edits so that unchanged lines keep
// their cached analysis), their language, and the pairing of source lines with
// their translations.

import { classifyLine } from './script';
import { splitLines } from './text';
import type { Lang, LineKind, Order, Position } from './types';

/**
 * One line of the document. A record is replaced (never mutated in its text)
 * when the line changes, so analysis cached on it stays valid while it lives.
 */
export class LineRec {
  readonly text: string;
  eol: string;
  readonly kind: LineKind;
  /** Current 0-based line number; refreshed by every pairing pass. */
  line = -1;
  /** Per-line caches owned by rules and extractors (keyed by their id). */
  readonly cache = new Map<string, unknown>();

  constructor(text: string, eol: string) {
    this.text = text;
    this.eol = eol;
    this.kind = classifyLine(text);
  }

  memo<T>(key: string, compute: (text: string) => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute(this.text);
    this.cache.set(key, value);
    return value;
  }
}

export interface Pair {
  source: LineRec;
  target: LineRec;
  sourceLang: Lang;
  targetLang: Lang;
}

export interface DocumentModel {
  order: Order;
  /** How the order was chosen. */
  orderSource: 'setting' | 'detected' | 'default';
  pairs: Pair[];
  /** Lines in one language with no counterpart. */
  unpaired: LineRec[];
  /** For each line, the pair it belongs to (undefined for blank, other and unpaired lines). */
  pairOfLine: (Pair | undefined)[];
}

export interface ContentChange {
  range?: { start: Position; end: Position };
  text: string;
}

export interface PairingOptions {
  /** 'auto' detects the order from the document. */
  order: Order | 'auto';
}

/** How many content lines order detection looks at (enough evidence, bounded cost). */
const ORDER_SAMPLE = 4000;

export class ReviewDocument {
  lines: LineRec[];
  private modelCache: { key: string; model: DocumentModel } | undefined;
  version = 0;

  constructor(text: string) {
    this.lines = ReviewDocument.toRecords(text);
  }

  private static toRecords(text: string): LineRec[] {
    const { lines, eols } = splitLines(text);
    const recs = new Array<LineRec>(lines.length);
    for (let i = 0; i < lines.length; i++) recs[i] = new LineRec(lines[i], eols[i]);
    return recs;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(): string {
    const parts = new Array<string>(this.lines.length * 2);
    for (let i = 0; i < this.lines.length; i++) {
      parts[2 * i] = this.lines[i].text;
      parts[2 * i + 1] = this.lines[i].eol;
    }
    return parts.join('');
  }

  lineText(line: number): string {
    return this.lines[line]?.text ?? '';
  }

  /**
   * Applies LSP-style content changes in order. Only the lines an edit touches are
   * replaced; every other LineRec (and its cached analysis) survives.
   */
  applyChanges(changes: readonly ContentChange[]): void {
    for (const change of changes) {
      if (!change.range) {
        this.lines = ReviewDocument.toRecords(change.text);
        continue;
      }
      this.applyRangeEdit(change.range.start, change.range.end, change.text);
    }
    this.version++;
    this.modelCache = undefined;
  }

  private clamp(p: Position): { line: number; character: number } {
    const last = this.lines.length - 1;
    if (p.line > last) return { line: last, character: this.lines[last].text.length };
    const line = Math.max(0, p.line);
    const character = Math.max(0, Math.min(p.character, this.lines[line].text.length));
    return { line, character };
  }

  private applyRangeEdit(startPos: Position, endPos: Position, text: string): void {
    let start = this.clamp(startPos);
    const end = this.clamp(endPos);
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) return;
    // A lone CR ending the previous line could merge with a LF the edit inserts:
    // take that CR into the edited region so the split below sees it.
    if (start.character === 0 && start.line > 0 && this.lines[start.line - 1].eol === '\r') {
      start = { line: start.line - 1, character: this.lines[start.line - 1].text.length };
      text = '\r' + text;
    }
    const first = this.lines[start.line];
    const last = this.lines[end.line];
    const merged = first.text.slice(0, start.character) + text + last.text.slice(end.character) + last.eol;
    const recs = fixTail(ReviewDocument.toRecords(merged), last.eol);
    const removed = end.line - start.line + 1;
    if (recs.length < 10000) this.lines.splice(start.line, removed, ...recs);
    else this.lines = this.lines.slice(0, start.line).concat(recs, this.lines.slice(start.line + removed));
  }

  /** The pairing of the current text (cached until the next edit or option change). */
  model(options: PairingOptions): DocumentModel {
    const key = options.order;
    if (this.modelCache && this.modelCache.key === key) return this.modelCache.model;
    const model = buildModel(this.lines, options);
    this.modelCache = { key, model };
    return model;
  }
}

/**
 * Splitting "…text" + eol yields a trailing empty line when eol is non-empty:
 * that empty piece is the start of the next, untouched line, so drop it.
 */
function fixTail(recs: LineRec[], lastEol: string): LineRec[] {
  if (lastEol !== '' && recs.length > 1 && recs[recs.length - 1].text === '' && recs[recs.length - 1].eol === '') recs.pop();
  return recs;
}

function pairWith(lines: LineRec[], sourceLang: Lang): { pairs: Pair[]; unpaired: LineRec[] } {
  const targetLang: Lang = sourceLang === 'en' ? 'zh' : 'en';
  const pairs: Pair[] = [];
  const unpaired: LineRec[] = [];
  let pending: LineRec | undefined;
  for (const rec of lines) {
    const kind = rec.kind;
    if (kind === 'blank' || kind === 'other') continue;
    if (kind === sourceLang) {
      if (pending) unpaired.push(pending);
      pending = rec;
    } else {
      if (pending) {
        pairs.push({ source: pending, target: rec, sourceLang, targetLang });
        pending = undefined;
      } else unpaired.push(rec);
    }
  }
  if (pending) unpaired.push(pending);
  return { pairs, unpaired };
}

/** Tokens a translation carries over unchanged: digit runs and Latin words of 2+ letters. */
function anchors(rec: LineRec): Set<string> {
  return rec.memo('anchors', (text) => {
    const set = new Set<string>();
    const re = /[0-9]+|[A-Za-z][A-Za-z]+/g;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(text)) && count < 200) {
      count++;
      const tok = m[0];
      // Latin words inside an English line are everywhere; only keep names (capitalised)
      if (/^[0-9]/.test(tok) || /^[A-Z]/.test(tok)) set.add(tok.toLowerCase());
    }
    return set;
  });
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/**
 * Chooses the pairing order from evidence: how many pairs each order makes, and
 * how many anchors (numbers, names) the paired lines share. A translation shares
 * its source's anchors; the line after the translation usually does not.
 */
function detectOrder(lines: LineRec[]): { order: Order; source: 'detected' | 'default' } {
  const sample: LineRec[] = [];
  for (const rec of lines) {
    if (rec.kind === 'en' || rec.kind === 'zh') sample.push(rec);
    if (sample.length >= ORDER_SAMPLE) break;
  }
  const score = (sourceLang: Lang): number => {
    const { pairs, unpaired } = pairWith(sample, sourceLang);
    let s = 0;
    for (const p of pairs) s += 1 + 2 * overlap(anchors(p.source), anchors(p.target));
    return s - unpaired.length;
  };
  const enFirst = score('en');
  const zhFirst = score('zh');
  if (enFirst > zhFirst) return { order: 'en-zh', source: 'detected' };
  if (zhFirst > enFirst) return { order: 'zh-en', source: 'detected' };
  return { order: 'en-zh', source: 'default' };
}

export function buildModel(lines: LineRec[], options: PairingOptions): DocumentModel {
  for (let i = 0; i < lines.length; i++) lines[i].line = i;
  let order: Order;
  let orderSource: DocumentModel['orderSource'];
  if (options.order === 'auto') {
    const d = detectOrder(lines);
    order = d.order;
    orderSource = d.source;
  } else {
    order = options.order;
    orderSource = 'setting';
  }
  const { pairs, unpaired } = pairWith(lines, order === 'en-zh' ? 'en' : 'zh');
  const pairOfLine = new Array<Pair | undefined>(lines.length);
  for (const p of pairs) {
    pairOfLine[p.source.line] = p;
    pairOfLine[p.target.line] = p;
  }
  return { order, orderSource, pairs, unpaired, pairOfLine };
}
