// The checker: runs the registry's rules over a document, caching pair and line
// results by content so that an edit re-checks only what it touched.

import { configKey, defaultConfig, type ReviewConfig } from './config';
import { LineRec, modelEdit, modelSerial, releaseCheckMemos, ReviewDocument, type ContentChange, type DocumentModel, type ModelEdit, type Pair } from './document';
import { localize } from './l10n';
import { linkMoved, movedFrom } from './moved';
import { lowerBound } from './sorted';
import { keyedStamp } from './stamp';
import { applySuppressions } from './suppressions';
import type { CheckEnvironment, DocumentFinding, DocumentRule, LineRule, PairInput, PairRule, Rule, RuleContext } from './rule';
import { RULES } from './rules/registry';
import type { Finding, LocalFinding, LocalSpan, Range, Severity, SeveritySetting } from './types';

export interface CheckStats {
  pairs: number;
  pairsChecked: number;
  linesChecked: number;
  /** Findings ignored by suppression directives (comment lines). */
  suppressed: number;
  ms: number;
}

export interface CheckResult {
  findings: Finding[];
  model: DocumentModel;
  stats: CheckStats;
}

interface PairCacheEntry {
  target: LineRec;
  key: number;
  results: LocalFinding[][];
  /** Findings in document coordinates, built for the lines below; reused while the pair has not moved. */
  findings: Finding[] | undefined;
  sourceLine: number;
  targetLine: number;
}

interface LineCacheEntry {
  key: number;
  results: LocalFinding[][];
  findings: Finding[] | undefined;
  line: number;
}

const NO_FINDINGS: Finding[] = [];
const NO_RESULTS: LocalFinding[][] = [];
const NO_LOCAL = Object.freeze([]) as unknown as LocalFinding[];

/** Rule results as kept on a line record: one shared empty list when no rule found anything (most pairs and lines of a book). */
function compactResults(results: LocalFinding[][]): LocalFinding[][] {
  let some = false;
  for (let i = 0; i < results.length; i++) {
    if (results[i].length > 0) some = true;
    // the other rules' empty lists of a pair or line with findings: one shared list, not an array each
    else results[i] = NO_LOCAL;
  }
  return some ? results : NO_RESULTS;
}

interface Assembled {
  /** modelSerial of the model they were assembled for. */
  serial: number;
  gen: number;
  pairRules: number;
  lineRules: number;
  pairIdx: number[];
  pairF: Finding[][];
  lineIdx: number[];
  lineF: Finding[][];
  /** Document-rule findings (sorted) and every finding before suppression: what the next check splices into. */
  docList: Finding[];
  all: Finding[];
}

/** A document rule's last findings and the full Finding made of each (reused while the rule returns the same objects). */
interface DocOut {
  gen: number;
  out: readonly DocumentFinding[];
  full: Finding[];
}

export interface SessionOptions {
  config?: ReviewConfig;
  env?: Partial<CheckEnvironment>;
  rules?: readonly Rule[];
}

/**
 * One document under review: its text (edited incrementally), its settings and
 * the caches that make re-checking after an edit cheap.
 */
export class DocumentSession {
  readonly doc: ReviewDocument;
  private config: ReviewConfig;
  private cfgKey = '';
  /** Bumped whenever the config changes: cached results with another key are stale. */
  private generation = 0;
  readonly rules: readonly Rule[];
  env: CheckEnvironment;
  /**
   * Document-rule findings seen in the last checks, stamped on the object the rule returned
   * (kept while the rule returns the same object; see fullFindings). A new key forgets them all.
   */
  private docFindingCache: object = {};
  /** Pair and line findings of the last complete check, by pair / line index (only those with findings). */
  private assembled: Assembled | undefined;
  private docStates = new Map<string, Map<string, unknown>>();
  private docOuts = new Map<string, DocOut>();
  private last: CheckResult | undefined;
  /** The line cache entry of every line without findings (for one generation: see lineResult). */
  private emptyLine: LineCacheEntry | undefined;

  /**
   * The generation whose pairs without findings (most pairs of a book) are cached as the
   * pair's target line itself in pairSlot, instead of an entry each (~70 bytes a pair).
   * Such a slot carries no generation: when it changes, run() clears those slots first.
   */
  private cleanPairGen = -1;

  private emptyLineEntry(gen: number): LineCacheEntry {
    if (this.emptyLine?.key !== gen) this.emptyLine = { key: gen, results: NO_RESULTS, findings: NO_FINDINGS, line: -1 };
    return this.emptyLine;
  }

  constructor(text: string, options: SessionOptions = {}) {
    this.doc = new ReviewDocument(text);
    this.rules = options.rules ?? RULES;
    this.env = { services: {}, ...options.env } as CheckEnvironment;
    this.config = defaultConfig();
    this.setConfig(options.config ?? defaultConfig());
  }

  getConfig(): ReviewConfig {
    return this.config;
  }

  /** Replaces the settings; results are recomputed on the next check only if they differ. */
  setConfig(config: ReviewConfig): void {
    const key = configKey(config);
    if (key === this.cfgKey) return;
    this.config = config;
    this.cfgKey = key;
    this.generation++;
    this.docStates.clear();
    this.docFindingCache = {};
    this.docOuts.clear();
    this.last = undefined;
  }

  /** Tells the session that a host service (glossary, workspace index) changed. */
  invalidate(): void {
    this.generation++;
    this.docStates.clear();
    this.docFindingCache = {};
    this.docOuts.clear();
    this.last = undefined;
  }

  /** The persistent state of a document rule (its delta-updated index): inspect() and hosts read it after a check. */
  ruleState(ruleId: string): Map<string, unknown> {
    let state = this.docStates.get(ruleId);
    if (!state) this.docStates.set(ruleId, (state = new Map()));
    return state;
  }

  applyChanges(changes: readonly ContentChange[]): void {
    this.doc.applyChanges(changes);
    this.last = undefined;
  }

  severityOf(rule: Rule): SeveritySetting {
    return this.config.rules[rule.id] ?? rule.defaultSeverity;
  }

  context(): RuleContext {
    const config = this.config;
    return {
      locale: config.locale,
      config,
      env: this.env,
      t: (msg, args) => localize(config.locale, msg, args),
      option: <T>(name: string, fallback: T): T => {
        const v = config.options[name];
        return v === undefined || (fallback !== undefined && typeof v !== typeof fallback) ? fallback : (v as T);
      },
    };
  }

  private safe<T>(rule: Rule, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      this.env.onRuleError?.(rule.id, error);
      return fallback;
    }
  }

  /** The last complete check, if neither the text nor the settings changed since (costs nothing; undefined while a check is due or running). */
  get lastResult(): CheckResult | undefined {
    return this.last;
  }

  /** Checks the document (reusing every cached pair and line result that still applies). */
  check(): CheckResult {
    if (this.last) return this.last;
    const steps = this.run(Infinity);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value!;
  }

  /**
   * The same check, cut into slices of about `sliceMs` of work: the generator
   * yields between slices so that a host can serve other requests (hover, code
   * actions) and drop the check when a newer edit arrives. Work done before a
   * yield is cached, so an abandoned check is not wasted. Returns undefined if
   * the document or the settings changed while it was suspended.
   */
  *checkInSlices(sliceMs = 10): Generator<void, CheckResult | undefined> {
    if (this.last) return this.last;
    return yield* this.run(sliceMs);
  }

  private *run(sliceMs: number): Generator<void, CheckResult | undefined> {
    const t0 = performance.now();
    let sliceStart = t0;
    const version = this.doc.version;
    const gen = this.generation;
    /** Whether this slice is used up. */
    const sliceOver = (): boolean => performance.now() - sliceStart > sliceMs;
    const stillValid = (): boolean => this.doc.version === version && this.generation === gen;
    /** Ends a slice: drops the memos of lifetime 'check', yields, and says whether to go on (the session did not change meanwhile). */
    const pause = function* (): Generator<void, boolean> {
      releaseCheckMemos();
      yield;
      if (!stillValid()) return false;
      sliceStart = performance.now();
      return true;
    };
    if (sliceMs !== Infinity) {
      const prep = this.doc.prepareInSlices(sliceOver);
      while (!prep.next().done) {
        if (!(yield* pause())) return undefined;
      }
    }
    const model = this.doc.model({ order: this.config.order });
    if (this.cleanPairGen !== gen) {
      // the slots of pairs found clean in another generation say nothing about this one
      for (const rec of this.doc.lines) if (rec.pairSlot instanceof LineRec) rec.pairSlot = undefined;
      this.cleanPairGen = gen;
    }
    const ctx = this.context();
    const active = this.rules.filter((r) => this.severityOf(r) !== 'off');
    const pairRules = active.filter((r): r is PairRule => r.scope === 'pair');
    const lineRules = active.filter((r): r is LineRule => r.scope === 'line');
    const docRules = active.filter((r): r is DocumentRule => r.scope === 'document');
    const pairSev = pairRules.map((r) => this.severityOf(r) as Severity);
    const lineSev = lineRules.map((r) => this.severityOf(r) as Severity);
    let pairsChecked = 0;
    let linesChecked = 0;
    // Pair and line findings, kept as sorted lists of (index, findings) for the pairs and
    // lines that have any. When the model was derived from the one of the last complete
    // check, only the pairs and lines the edit re-paired are visited; the others are
    // carried over (moved when lines were inserted or deleted above them).
    const serial = modelSerial(model);
    const prev = this.assembled;
    const edit = modelEdit(model);
    const same = !!prev && prev.gen === gen && prev.serial === serial && prev.pairRules === pairRules.length && prev.lineRules === lineRules.length;
    const derived = !!prev && !same && !!edit && prev.gen === gen && edit.previousSerial === prev.serial && prev.pairRules === pairRules.length && prev.lineRules === lineRules.length;
    let pairIdx: number[] = [];
    let pairF: Finding[][] = [];
    let lineIdx: number[] = [];
    let lineF: Finding[][] = [];

    const pairResult = (pair: Pair): Finding[] => {
      const src = pair.source;
      const slot = src.pairSlot;
      // a pair without findings in this generation (see cleanPairGen)
      if (slot === pair.target) return NO_FINDINGS;
      let entry = slot instanceof LineRec ? undefined : (slot as PairCacheEntry | undefined);
      if (!entry || entry.target !== pair.target || entry.key !== gen) {
        const input = pairInput(pair);
        const results = compactResults(pairRules.map((rule) => this.safe(rule, [], () => rule.checkPair(input, ctx))));
        pairsChecked++;
        if (results === NO_RESULTS) {
          src.pairSlot = pair.target;
          return NO_FINDINGS;
        }
        entry = { target: pair.target, key: gen, results, findings: undefined, sourceLine: -1, targetLine: -1 };
        src.pairSlot = entry;
      }
      if (entry.sourceLine !== src.line || entry.targetLine !== pair.target.line || !entry.findings) {
        const old = entry.findings;
        const d = src.line - entry.sourceLine;
        // both lines moved by the same amount: each finding is the old one shifted, linked to it (see moved.ts)
        entry.findings = old && old.length > 0 && d === pair.target.line - entry.targetLine ? shiftAll(old, d) : localToFindings(pairRules, pairSev, entry.results, src.line, pair.target.line);
        entry.sourceLine = src.line;
        entry.targetLine = pair.target.line;
      }
      return entry.findings;
    };
    const lineResult = (rec: LineRec, i: number): Finding[] => {
      if (rec.kind !== 'en' && rec.kind !== 'zh') return NO_FINDINGS;
      const lang = rec.kind;
      let entry = rec.lineSlot as LineCacheEntry | undefined;
      if (!entry || entry.key !== gen) {
        const pair = model.pairOfLine[i];
        const results = compactResults(lineRules.map((rule) => (rule.langs.includes(lang) ? this.safe(rule, [], () => rule.checkLine({ rec, lang, pair }, ctx)) : [])));
        // a line without findings (most lines of a book) takes the session's one empty entry of this generation
        entry = results === NO_RESULTS ? this.emptyLineEntry(gen) : { key: gen, results, findings: undefined, line: -1 };
        rec.lineSlot = entry;
        linesChecked++;
      }
      if (entry.results === NO_RESULTS) return NO_FINDINGS;
      if (entry.line !== i || !entry.findings) {
        const old = entry.findings;
        entry.findings = old && old.length > 0 ? shiftAll(old, i - entry.line) : localToFindings(lineRules, lineSev, entry.results, i, i);
        entry.line = i;
      }
      return entry.findings;
    };

    if (same) {
      ({ pairIdx, pairF, lineIdx, lineF } = prev!);
    } else {
      const pairs = model.pairs;
      const lines = this.doc.lines;
      // Ranges to visit in full; everything outside them is carried over from prev when derived.
      const pairLo = derived ? edit!.pairFrom : 0;
      const pairHi = derived ? edit!.pairFrom + edit!.addedPairs : pairs.length;
      const lineLo = derived ? edit!.lineFrom : 0;
      const lineHi = derived ? edit!.lineTo : lines.length;
      let k = 0;
      if (pairRules.length > 0) {
        if (derived) for (; k < prev!.pairIdx.length && prev!.pairIdx[k] < pairLo; k++) (pairIdx.push(prev!.pairIdx[k]), pairF.push(prev!.pairF[k]));
        for (let i = pairLo; i < pairHi; i++) {
          const before = pairsChecked;
          const fs = pairResult(pairs[i]);
          if (fs.length) (pairIdx.push(i), pairF.push(fs));
          // memos of lifetime 'check' served this pair's rules only: a long unsliced check (the CLI) drops them as it goes
          if (pairsChecked !== before && (pairsChecked & 4095) === 0) releaseCheckMemos();
          if (pairsChecked !== before && (pairsChecked & 63) === 0 && sliceOver()) {
            if (!(yield* pause())) return undefined;
          }
        }
        if (derived) {
          const removedEnd = edit!.pairFrom + edit!.removedPairs;
          const shift = edit!.addedPairs - edit!.removedPairs;
          for (; k < prev!.pairIdx.length; k++) {
            const old = prev!.pairIdx[k];
            if (old < removedEnd) continue;
            const i = old + shift;
            pairIdx.push(i);
            pairF.push(edit!.lineDelta === 0 ? prev!.pairF[k] : pairResult(pairs[i]));
          }
        }
      }
      if (lineRules.length > 0) {
        k = 0;
        if (derived) for (; k < prev!.lineIdx.length && prev!.lineIdx[k] < lineLo; k++) (lineIdx.push(prev!.lineIdx[k]), lineF.push(prev!.lineF[k]));
        for (let i = lineLo; i < lineHi; i++) {
          const before = linesChecked;
          const fs = lineResult(lines[i], i);
          if (fs.length) (lineIdx.push(i), lineF.push(fs));
          if (linesChecked !== before && (linesChecked & 4095) === 0) releaseCheckMemos();
          if (linesChecked !== before && (linesChecked & 63) === 0 && sliceOver()) {
            if (!(yield* pause())) return undefined;
          }
        }
        if (derived) {
          const delta = edit!.lineDelta;
          const oldEnd = lineHi - delta;
          for (; k < prev!.lineIdx.length; k++) {
            const old = prev!.lineIdx[k];
            if (old < oldEnd) continue;
            const i = old + delta;
            lineIdx.push(i);
            lineF.push(delta === 0 ? prev!.lineF[k] : lineResult(lines[i], i));
          }
        }
      }
    }
    const docList: Finding[] = [];

    // Per-pair preparation of document rules (memoised per line), in slices: on a first
    // check of a book this is most of a document rule's work.
    // Only the pairs this model re-paired are new (the others' lines keep their memos).
    const preparing = sliceMs === Infinity || same ? [] : docRules.filter((r) => r.preparePair);
    if (preparing.length) {
      const pairs = model.pairs;
      const from = derived ? edit!.pairFrom : 0;
      const to = derived ? edit!.pairFrom + edit!.addedPairs : pairs.length;
      for (let i = from; i < to; i++) {
        const input = pairInput(pairs[i]);
        for (const rule of preparing) this.safe(rule, undefined, () => rule.preparePair!(input, ctx));
        if ((i & 15) === 15 && sliceOver()) {
          if (!(yield* pause())) return undefined;
        }
      }
    }
    for (const rule of docRules) {
      if (sliceOver() && !(yield* pause())) return undefined;
      let state = this.docStates.get(rule.id);
      if (!state) {
        state = new Map();
        this.docStates.set(rule.id, state);
      }
      const st = state;
      const sev = this.severityOf(rule) as Severity;
      const out = this.safe(rule, [], () => rule.checkDocument({ doc: this.doc, model, state: st }, ctx));
      // A rule that keeps its findings in `state` and returns the same objects gets the same
      // Finding objects back, so the LSP layer can reuse their Diagnostics too. The runs it
      // returned last time (same objects at the start and at the end) are taken as they were.
      const cache = this.docFindingCache;
      const last = this.docOuts.get(rule.id);
      const full = new Array<Finding>(out.length);
      let a = 0;
      let b = 0;
      if (last && last.gen === gen) {
        const lo = last.out;
        const n = Math.min(out.length, lo.length);
        while (a < n && out[a] === lo[a] && last.full[a].range === out[a].range) a++;
        while (b < n - a && out[out.length - 1 - b] === lo[lo.length - 1 - b] && last.full[lo.length - 1 - b].range === out[out.length - 1 - b].range) b++;
        for (let k = 0; k < a; k++) full[k] = last.full[k];
        for (let k = 0; k < b; k++) full[out.length - 1 - k] = last.full[lo.length - 1 - k];
      }
      for (let k = a; k < out.length - b; k++) {
        const f = out[k];
        let ff = fullFindings.get(f, cache);
        if (!ff || ff.ruleId !== rule.id || ff.severity !== (f.severity ?? sev) || ff.range !== f.range) {
          ff = { ...f, ruleId: rule.id, severity: f.severity ?? sev };
          fullFindings.set(f, cache, ff);
          // the rule moved a finding of its last check (shiftedFinding): so did the checker
          const from = movedFrom(f);
          const fromFull = from && fullFindings.get(from, cache);
          if (fromFull && fromFull.ruleId === ff.ruleId && fromFull.severity === ff.severity) linkMoved(ff, fromFull);
        }
        full[k] = ff;
      }
      this.docOuts.set(rule.id, { gen, out, full });
      for (let k = 0; k < full.length; k++) docList.push(full[k]);
    }

    if (!isSorted(docList)) docList.sort(compareFindings);
    // After a keystroke within a line (no line added or removed), only the findings on the
    // re-paired lines and on the lines of the document findings that changed are new: the
    // rest of the last list is taken as it was instead of merging every finding again.
    const findings =
      (prev && (same || (derived && edit!.lineDelta === 0)) && prev.all && splice(prev, docList, same ? undefined : edit!, model, pairIdx, pairF, lineIdx, lineF)) ||
      mergeAll(pairF, lineF, docList);
    releaseCheckMemos();
    this.assembled = { serial, gen, pairRules: pairRules.length, lineRules: lineRules.length, pairIdx, pairF, lineIdx, lineF, docList, all: findings };
    const { findings: kept, suppressed } = applySuppressions(findings, this.doc, model);
    const result: CheckResult = {
      findings: kept,
      model,
      stats: { pairs: model.pairs.length, pairsChecked, linesChecked, suppressed, ms: performance.now() - t0 },
    };
    this.last = result;
    return result;
  }
}

/**
 * The full Finding (rule id and severity added) made of a document rule's finding, as a
 * private field of the rule's object (see stamp.ts) with the session's cache key: a WeakMap
 * set and get per moved finding (about 2,000 of them after Enter at 100,000 pairs) cost
 * more, and its entries are ephemerons for the garbage collector.
 */
const fullFindings = keyedStamp<object, Finding>();

/** Every finding in document order: each list is already sorted (per pair, per line, and pairs and lines in order), so merging them is cheaper than sorting everything. */
function mergeAll(pairF: readonly Finding[][], lineF: readonly Finding[][], docList: Finding[]): Finding[] {
  const pairList: Finding[] = [];
  for (const fs of pairF) for (let j = 0; j < fs.length; j++) pairList.push(fs[j]);
  const lineList: Finding[] = [];
  for (const fs of lineF) for (let j = 0; j < fs.length; j++) lineList.push(fs[j]);
  return mergeSorted(mergeSorted(pairList, lineList), docList);
}

const startLine = (f: Finding): number => f.range.start.line;

/**
 * The merged list of a check whose model has the same lines as the last one (an edit
 * inside lines, or none), built from the last merged list: the findings starting on the
 * lines [lo, hi) where something changed (the re-paired lines, and the lines of document
 * findings that are not the same objects as last time, widened to whole pairs) are merged
 * afresh; before and after that stretch the last list is copied. Gives exactly what
 * mergeAll gives: outside the stretch both hold the same findings in the same order.
 * Undefined when too much changed for this to pay.
 */
function splice(
  prev: Assembled,
  docList: readonly Finding[],
  edit: ModelEdit | undefined,
  model: DocumentModel,
  pairIdx: readonly number[],
  pairF: readonly Finding[][],
  lineIdx: readonly number[],
  lineF: readonly Finding[][],
): Finding[] | undefined {
  const old = prev.docList;
  const n = Math.min(old.length, docList.length);
  let a = 0;
  while (a < n && old[a] === docList[a]) a++;
  let b = 0;
  while (b < n - a && old[old.length - 1 - b] === docList[docList.length - 1 - b]) b++;
  if (old.length - a - b > 256 || docList.length - a - b > 256) return undefined;
  let lo = edit ? edit.lineFrom : Infinity;
  let hi = edit ? edit.lineTo : -Infinity;
  for (let k = a; k < old.length - b; k++) ((lo = Math.min(lo, startLine(old[k]))), (hi = Math.max(hi, startLine(old[k]) + 1)));
  for (let k = a; k < docList.length - b; k++) ((lo = Math.min(lo, startLine(docList[k]))), (hi = Math.max(hi, startLine(docList[k]) + 1)));
  const all = prev.all;
  if (lo >= hi) return all.slice();
  // whole pairs: a pair's findings start on its source or its target line
  const first = model.pairOfLine[lo];
  if (first) lo = Math.min(lo, first.source.line, first.target.line);
  const last = model.pairOfLine[hi - 1];
  if (last) hi = Math.max(hi, last.source.line + 1, last.target.line + 1);
  const pairs = model.pairs;
  const pairLine = (i: number): number => pairs[i].source.line;
  const local: Finding[] = [];
  for (let k = lowerBound(pairIdx, lo, pairLine); k < pairIdx.length && pairLine(pairIdx[k]) < hi; k++) for (const f of pairF[k]) local.push(f);
  const lineLocal: Finding[] = [];
  for (let k = lowerBound(lineIdx, lo, (i) => i); k < lineIdx.length && lineIdx[k] < hi; k++) for (const f of lineF[k]) lineLocal.push(f);
  const docPart = docList.slice(lowerBound(docList, lo, startLine), lowerBound(docList, hi, startLine));
  const mid = mergeSorted(mergeSorted(local, lineLocal), docPart);
  const x = lowerBound(all, lo, startLine);
  const y = lowerBound(all, hi, startLine);
  const out = new Array<Finding>(x + mid.length + all.length - y);
  let o = 0;
  for (let k = 0; k < x; k++) out[o++] = all[k];
  for (let k = 0; k < mid.length; k++) out[o++] = mid[k];
  for (let k = y; k < all.length; k++) out[o++] = all[k];
  return out;
}

function isSorted(list: readonly Finding[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareFindings(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** Stable merge of two sorted lists (ties keep a before b, as a stable sort of a + b would). */
export function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Array<Finding>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * The findings of a pair or line whose lines all moved by `d`: each old finding shifted
 * and linked to it (see moved.ts). Gives what localToFindings gives for the moved lines
 * (the same keys in the same order, the same order of findings: shifting every line by the
 * same amount keeps their sort), without running through the rules' results again. A fix
 * edit whose range was the finding's range takes the new range object (ranges are never
 * mutated): three objects less per such fix on every Enter.
 */
function shiftAll(old: readonly Finding[], d: number): Finding[] {
  const out = new Array<Finding>(old.length);
  for (let k = 0; k < old.length; k++) {
    const f = old[k];
    const range = shiftRange(f.range, d);
    const g: Finding = { ruleId: f.ruleId, severity: f.severity, range, message: f.message };
    if (f.related) {
      const rel = f.related;
      const related = new Array<NonNullable<Finding['related']>[number]>(rel.length);
      for (let j = 0; j < rel.length; j++) related[j] = { range: shiftRange(rel[j].range, d), message: rel[j].message };
      g.related = related;
    }
    if (f.fixes) {
      const fixes = f.fixes;
      const moved = new Array<NonNullable<Finding['fixes']>[number]>(fixes.length);
      for (let j = 0; j < fixes.length; j++) {
        const fix = fixes[j];
        const edits = new Array<(typeof fix.edits)[number]>(fix.edits.length);
        for (let e = 0; e < edits.length; e++) {
          const r = fix.edits[e].range;
          edits[e] = { range: r === f.range || sameRange(r, f.range) ? range : shiftRange(r, d), newText: fix.edits[e].newText };
        }
        moved[j] = fix.safe ? { title: fix.title, isPreferred: fix.isPreferred, safe: true, edits } : { title: fix.title, isPreferred: fix.isPreferred, edits };
      }
      g.fixes = moved;
    }
    if (f.data) g.data = f.data;
    linkMoved(g, f);
    out[k] = g;
  }
  return out;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

/** Local findings of one pair or line (per rule) in document coordinates. */
function localToFindings(rules: readonly Rule[], sev: readonly Severity[], results: LocalFinding[][], sourceLine: number, targetLine: number): Finding[] {
  let out: Finding[] | undefined;
  for (let r = 0; r < results.length; r++) {
    const local = results[r];
    if (local.length === 0) continue;
    out ??= [];
    for (const lf of local) out.push(toFinding(rules[r].id, sev[r], lf, sourceLine, targetLine));
  }
  // Sorted here (once per pair and position), the document-wide sort only merges sorted runs.
  if (out && out.length > 1) out.sort(compareFindings);
  return out ?? NO_FINDINGS;
}

export function pairInput(pair: Pair): PairInput {
  const enIsSource = pair.sourceLang === 'en';
  return {
    pair,
    source: pair.source,
    target: pair.target,
    sourceLang: pair.sourceLang,
    targetLang: pair.targetLang,
    en: enIsSource ? pair.source : pair.target,
    zh: enIsSource ? pair.target : pair.source,
    enSide: enIsSource ? 'source' : 'target',
    zhSide: enIsSource ? 'target' : 'source',
  };
}

function spanRange(span: LocalSpan, sourceLine: number, targetLine: number): Range {
  const line = span.side === 'source' ? sourceLine : targetLine;
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

function toFinding(ruleId: string, severity: Severity, lf: LocalFinding, sourceLine: number, targetLine: number): Finding {
  const f: Finding = {
    ruleId,
    severity: lf.severity ?? severity,
    range: spanRange(lf.span, sourceLine, targetLine),
    message: lf.message,
  };
  if (lf.related) f.related = lf.related.map((r) => ({ range: spanRange(r.span, sourceLine, targetLine), message: r.message }));
  if (lf.fixes)
    f.fixes = lf.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      ...(fix.safe ? { safe: true } : {}),
      edits: fix.edits.map((e) => ({ range: spanRange(e, sourceLine, targetLine), newText: e.newText })),
    }));
  if (lf.data) f.data = lf.data;
  return f;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Convenience for one-shot checks (CLI, tests): text in, findings out. */
export function checkText(text: string, options: SessionOptions = {}): CheckResult {
  return new DocumentSession(text, options).check();
}
