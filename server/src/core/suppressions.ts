// Suppression directives: comment lines that silence findings without touching
// the text under review. Comment lines (`<!-- … -->`) are classified 'other' and
// never break pairing, so a directive can sit anywhere in the interleaved format
// and survives edits around it (it moves with the text, not with a line number).
//
//   <!-- bilingual-review-disable-next-pair RULE… -->  the next pair (or unpaired line) only
//   <!-- bilingual-review-disable RULE… -->            from here on (to a matching enable)
//   <!-- bilingual-review-enable RULE… -->             stop ignoring
//
// No rule = every rule. Rules are separated by spaces or commas; anything after
// " -- " is a free-text reason ("-- the source rounds the figure").

import { modelEdit, modelSerial, type DocumentModel, type LineRec, type ReviewDocument } from './document';
import type { Finding, TextEdit } from './types';

export type DirectiveKind = 'disable-next-pair' | 'disable' | 'enable';

export const DIRECTIVE_PREFIX = 'bilingual-review-';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named (empty: every rule). */
  rules: string[];
  /** Where each named rule sits in the line (UTF-16 offsets), for hovers and edits. */
  ruleSpans: { id: string; start: number; end: number }[];
  /** Free-text reason after " -- ", if any. */
  reason?: string;
}

const DIRECTIVE_RE = /^(\s*<!--\s*)bilingual-review-(disable-next-pair|disable|enable)(?=\s|-->)(.*?)-->\s*$/;

/** Parses one line; undefined when it is not a directive. */
export function parseDirective(text: string): Directive | undefined {
  const m = DIRECTIVE_RE.exec(text);
  if (!m) return undefined;
  const kind = m[2] as DirectiveKind;
  let body = m[3];
  const bodyStart = m[1].length + DIRECTIVE_PREFIX.length + kind.length;
  let reason: string | undefined;
  const dash = /(^|\s)--(\s|$)/.exec(body);
  if (dash) {
    reason = body.slice(dash.index + dash[0].length).trim() || undefined;
    body = body.slice(0, dash.index);
  }
  const ruleSpans: Directive['ruleSpans'] = [];
  const re = /[^\s,]+/g;
  let r: RegExpExecArray | null;
  while ((r = re.exec(body))) ruleSpans.push({ id: r[0], start: bodyStart + r.index, end: bodyStart + r.index + r[0].length });
  return { kind, rules: ruleSpans.map((s) => s.id), ruleSpans, reason };
}

/** The directive on a line, memoised on the line record (only comment lines can hold one). */
export function directiveOf(rec: LineRec): Directive | undefined {
  if (rec.kind !== 'other') return undefined;
  return rec.memo('directive', parseDirective);
}

/** What is ignored at some point: every rule except `rules`, or only `rules`. */
interface IgnoreState {
  all: boolean;
  rules: ReadonlySet<string>;
}

const NONE: IgnoreState = { all: false, rules: new Set() };

function ignores(state: IgnoreState, ruleId: string): boolean {
  return state.all ? !state.rules.has(ruleId) : state.rules.has(ruleId);
}

function transition(state: IgnoreState, d: Directive): IgnoreState {
  if (d.kind === 'disable') {
    if (d.rules.length === 0) return { all: true, rules: new Set() };
    const rules = new Set(state.rules);
    for (const id of d.rules) state.all ? rules.delete(id) : rules.add(id);
    return { all: state.all, rules };
  }
  // enable
  if (d.rules.length === 0) return NONE;
  const rules = new Set(state.rules);
  for (const id of d.rules) state.all ? rules.add(id) : rules.delete(id);
  return { all: state.all, rules };
}

export interface SuppressionIndex {
  /** True when the document holds no directive (the common case: nothing to filter). */
  readonly empty: boolean;
  /** Lines holding a directive, with the directive. */
  readonly directives: { line: number; directive: Directive }[];
  /** Whether a finding of `ruleId` starting on `line` is ignored. */
  suppresses(ruleId: string, line: number): boolean;
  /** For a disable-next-pair directive line, the lines it covers. */
  coveredBy(directiveLine: number): number[];
}

const EMPTY: SuppressionIndex = { empty: true, directives: [], suppresses: () => false, coveredBy: () => [] };

/** Lines of the content unit at or after `from`: a pair's two lines, or one unpaired line. */
function nextUnit(lines: readonly LineRec[], model: DocumentModel, from: number): number[] {
  for (let i = from; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k !== 'en' && k !== 'zh') continue;
    const pair = model.pairOfLine[i];
    return pair ? [pair.source.line, pair.target.line] : [i];
  }
  return [];
}

function buildIndex(doc: ReviewDocument, model: DocumentModel): SuppressionIndex {
  const lines = doc.lines;
  const directives: { line: number; directive: Directive }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = directiveOf(lines[i]);
    if (d) directives.push({ line: i, directive: d });
  }
  if (directives.length === 0) return EMPTY;

  // Region states: segStart[k] is the first line where segState[k] applies.
  const segStart: number[] = [0];
  const segState: IgnoreState[] = [NONE];
  // disable-next-pair: line → what is ignored on it.
  const nextPair = new Map<number, IgnoreState>();
  const covered = new Map<number, number[]>();
  for (const { line, directive } of directives) {
    if (directive.kind === 'disable-next-pair') {
      const unit = nextUnit(lines, model, line + 1);
      covered.set(line, unit);
      for (const l of unit) {
        const prev = nextPair.get(l);
        const add: IgnoreState = directive.rules.length === 0 ? { all: true, rules: new Set() } : { all: false, rules: new Set(directive.rules) };
        if (!prev) nextPair.set(l, add);
        else if (prev.all || add.all) nextPair.set(l, { all: true, rules: new Set() });
        else nextPair.set(l, { all: false, rules: new Set([...prev.rules, ...add.rules]) });
      }
    } else {
      const state = transition(segState[segState.length - 1], directive);
      segStart.push(line + 1);
      segState.push(state);
    }
  }

  const stateAt = (line: number): IgnoreState => {
    let lo = 0;
    let hi = segStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segStart[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return segState[lo];
  };

  return {
    empty: false,
    directives,
    suppresses(ruleId, line) {
      const np = nextPair.get(line);
      if (np && ignores(np, ruleId)) return true;
      return ignores(stateAt(line), ruleId);
    },
    coveredBy: (line) => covered.get(line) ?? [],
  };
}

const indexes = new WeakMap<DocumentModel, SuppressionIndex>();
/** For each document, the serial of the last model found to have no directive. */
const lastEmpty = new WeakMap<ReviewDocument, number>();

/** The directives of a document, indexed once per pairing (the model is rebuilt only after an edit). */
export function suppressionIndex(doc: ReviewDocument, model: DocumentModel): SuppressionIndex {
  let index = indexes.get(model);
  if (!index) {
    index = emptyAfterEdit(doc, model) ?? buildIndex(doc, model);
    indexes.set(model, index);
    if (index.empty) lastEmpty.set(doc, modelSerial(model));
  }
  return index;
}

/**
 * EMPTY without reading every line, when the model was derived by an edit from one
 * with no directive and none of the lines the edit re-paired holds one (the lines
 * it removed held none, since their model had none).
 */
function emptyAfterEdit(doc: ReviewDocument, model: DocumentModel): SuppressionIndex | undefined {
  const edit = modelEdit(model);
  if (!edit || lastEmpty.get(doc) !== edit.previousSerial) return undefined;
  const lines = doc.lines;
  for (let i = edit.lineFrom; i < edit.lineTo && i < lines.length; i++) if (directiveOf(lines[i])) return undefined;
  return EMPTY;
}

/** Drops the findings that a directive ignores. */
export function applySuppressions(findings: Finding[], doc: ReviewDocument, model: DocumentModel): { findings: Finding[]; suppressed: number } {
  const index = suppressionIndex(doc, model);
  if (index.empty) return { findings, suppressed: 0 };
  const kept = findings.filter((f) => !index.suppresses(f.ruleId, f.range.start.line));
  return { findings: kept, suppressed: findings.length - kept.length };
}

// ---------------------------------------------------------------------------
// Edits that add a directive (for the "Ignore …" code actions).

function eolNear(doc: ReviewDocument, line: number): string {
  for (let i = line; i < doc.lines.length; i++) if (doc.lines[i].eol) return doc.lines[i].eol;
  for (let i = line - 1; i >= 0; i--) if (doc.lines[i].eol) return doc.lines[i].eol;
  return '\n';
}

export function directiveText(kind: DirectiveKind, rules: readonly string[]): string {
  return `<!-- ${DIRECTIVE_PREFIX}${kind}${rules.length ? ' ' + rules.join(' ') : ''} -->`;
}

/** Adds `ruleId` to a directive line that names rules (keeps its indentation and reason). */
function addRuleEdit(rec: LineRec, line: number, d: Directive, ruleId: string): TextEdit {
  const last = d.ruleSpans[d.ruleSpans.length - 1];
  return { range: { start: { line, character: last.end }, end: { line, character: last.end } }, newText: ` ${ruleId}` };
}

/** The first line of the unit (pair or lone line) a finding on `line` belongs to. */
export function unitStart(model: DocumentModel, line: number): number {
  const pair = model.pairOfLine[line];
  return pair ? Math.min(pair.source.line, pair.target.line) : line;
}

/**
 * The edit that ignores `ruleId` for the pair holding `line`: a disable-next-pair
 * line inserted above the pair, or the rule added to such a line already there.
 */
export function ignoreForPairEdit(doc: ReviewDocument, model: DocumentModel, line: number, ruleId: string): TextEdit | undefined {
  const start = unitStart(model, line);
  // Directives stacked right above the unit (blank-free): extend one that already names rules.
  for (let i = start - 1; i >= 0 && doc.lines[i].kind === 'other'; i--) {
    const d = directiveOf(doc.lines[i]);
    if (!d || d.kind !== 'disable-next-pair') continue;
    if (d.rules.length === 0 || d.rules.includes(ruleId)) return undefined; // already ignored
    return addRuleEdit(doc.lines[i], i, d, ruleId);
  }
  const indent = /^[ \t]*/.exec(doc.lines[start]?.text ?? '')![0];
  return { range: { start: { line: start, character: 0 }, end: { line: start, character: 0 } }, newText: indent + directiveText('disable-next-pair', [ruleId]) + eolNear(doc, start) };
}

/**
 * The edit that ignores `ruleId` in the whole file: the rule added to a
 * disable directive at the top of the file (before any text under review), or a
 * new one inserted as the first line.
 */
export function ignoreInFileEdit(doc: ReviewDocument, ruleId: string): TextEdit | undefined {
  for (let i = 0; i < doc.lines.length; i++) {
    const rec = doc.lines[i];
    if (rec.kind === 'en' || rec.kind === 'zh') break;
    const d = directiveOf(rec);
    if (!d || d.kind !== 'disable') continue;
    if (d.rules.length === 0 || d.rules.includes(ruleId)) return undefined;
    return addRuleEdit(rec, i, d, ruleId);
  }
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: directiveText('disable', [ruleId]) + eolNear(doc, 0) };
}
