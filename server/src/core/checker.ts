// The checker: runs the registry's rules over a document, caching pair and line
// results by content so that an edit re-checks only what it touched.

import { configKey, defaultConfig, type ReviewConfig } from './config';
import { ReviewDocument, type ContentChange, type DocumentModel, type LineRec, type Pair } from './document';
import { localize } from './l10n';
import { applySuppressions } from './suppressions';
import type { CheckEnvironment, DocumentRule, LineRule, PairInput, PairRule, Rule, RuleContext } from './rule';
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
}

interface LineCacheEntry {
  key: number;
  results: LocalFinding[][];
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
  private pairCache = new WeakMap<LineRec, PairCacheEntry>();
  private lineCache = new WeakMap<LineRec, LineCacheEntry>();
  private docStates = new Map<string, Map<string, unknown>>();
  private last: CheckResult | undefined;

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
    this.last = undefined;
  }

  /** Tells the session that a host service (glossary, workspace index) changed. */
  invalidate(): void {
    this.generation++;
    this.docStates.clear();
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

  /** Checks the document (reusing every cached pair and line result that still applies). */
  check(): CheckResult {
    if (this.last) return this.last;
    const t0 = performance.now();
    const model = this.doc.model({ order: this.config.order });
    const ctx = this.context();
    const active = this.rules.filter((r) => this.severityOf(r) !== 'off');
    const pairRules = active.filter((r): r is PairRule => r.scope === 'pair');
    const lineRules = active.filter((r): r is LineRule => r.scope === 'line');
    const docRules = active.filter((r): r is DocumentRule => r.scope === 'document');
    const findings: Finding[] = [];
    let pairsChecked = 0;
    let linesChecked = 0;
    const gen = this.generation;

    if (pairRules.length > 0) {
      for (const pair of model.pairs) {
        let entry = this.pairCache.get(pair.source);
        if (!entry || entry.target !== pair.target || entry.key !== gen) {
          const input = pairInput(pair);
          entry = {
            target: pair.target,
            key: gen,
            results: pairRules.map((rule) => this.safe(rule, [], () => rule.checkPair(input, ctx))),
          };
          this.pairCache.set(pair.source, entry);
          pairsChecked++;
        }
        for (let r = 0; r < pairRules.length; r++) {
          const local = entry.results[r];
          if (local.length === 0) continue;
          const sev = this.severityOf(pairRules[r]) as Severity;
          for (const lf of local) findings.push(toFinding(pairRules[r].id, sev, lf, pair.source.line, pair.target.line));
        }
      }
    }

    if (lineRules.length > 0) {
      const lines = this.doc.lines;
      for (let i = 0; i < lines.length; i++) {
        const rec = lines[i];
        if (rec.kind !== 'en' && rec.kind !== 'zh') continue;
        const lang = rec.kind;
        let entry = this.lineCache.get(rec);
        if (!entry || entry.key !== gen) {
          const pair = model.pairOfLine[i];
          entry = {
            key: gen,
            results: lineRules.map((rule) =>
              rule.langs.includes(lang) ? this.safe(rule, [], () => rule.checkLine({ rec, lang, pair }, ctx)) : [],
            ),
          };
          this.lineCache.set(rec, entry);
          linesChecked++;
        }
        for (let r = 0; r < lineRules.length; r++) {
          const local = entry.results[r];
          if (local.length === 0) continue;
          const sev = this.severityOf(lineRules[r]) as Severity;
          for (const lf of local) findings.push(toFinding(lineRules[r].id, sev, lf, i, i));
        }
      }
    }

    for (const rule of docRules) {
      let state = this.docStates.get(rule.id);
      if (!state) {
        state = new Map();
        this.docStates.set(rule.id, state);
      }
      const st = state;
      const sev = this.severityOf(rule) as Severity;
      const out = this.safe(rule, [], () => rule.checkDocument({ doc: this.doc, model, state: st }, ctx));
      for (const f of out) findings.push({ ...f, ruleId: rule.id, severity: f.severity ?? sev });
    }

    findings.sort(compareFindings);
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
