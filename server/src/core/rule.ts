// The rule contract. Each rule lives in its own file under rules/ and is listed
// once in rules/registry.ts. A rule declares its id, default severity,
// description, whether it can fix what it finds, and a check function of one of
// three scopes:
//   pair      – looks at one source line and its translation (cached per pair content);
//   line      – looks at one line on its own (cached per line content);
//   document  – looks across the document (keeps its own delta-updated state).

import type { DocumentModel, LineRec, Pair, ReviewDocument } from './document';
import type { Bilingual, Locale } from './l10n';
import type { ReviewConfig } from './config';
import type { Finding, Lang, LocalFinding, LocalSpan, SeveritySetting, Side } from './types';

export interface RuleContext {
  locale: Locale;
  config: ReviewConfig;
  /** Localised message with {placeholders} filled. */
  t(msg: Bilingual, args?: Record<string, string | number>): string;
  /** A rule option from settings ("<rule-id>.<name>"), or the fallback. */
  option<T>(name: string, fallback: T): T;
  /** Services provided by the host (glossaries, workspace term index …). */
  env: CheckEnvironment;
}

/** What the host (LSP server, CLI, tests) provides to rules beyond the text. */
export interface CheckEnvironment {
  /** Path (or URI) of the document, when known. */
  path?: string;
  /** Named services, e.g. "glossary". Rules must cope with their absence. */
  services: Record<string, unknown>;
  /** Called when a rule throws; the other rules still report. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface PairInput {
  pair: Pair;
  source: LineRec;
  target: LineRec;
  sourceLang: Lang;
  targetLang: Lang;
  /** The side written in English / Chinese, whatever the order. */
  en: LineRec;
  zh: LineRec;
  enSide: 'source' | 'target';
  zhSide: 'source' | 'target';
}

export interface LineInput {
  rec: LineRec;
  lang: Lang;
  /** The pair this line belongs to, if any. */
  pair?: Pair;
}

export interface DocumentInput {
  doc: ReviewDocument;
  model: DocumentModel;
  /** State kept by this rule for this document across checks (for delta-updated indexes). */
  state: Map<string, unknown>;
}

/** A document finding before severity is applied (the checker applies it). */
export type DocumentFinding = Omit<Finding, 'severity' | 'ruleId'> & { severity?: Finding['severity'] };

/**
 * What a rule knows about one spot of a pair (for hovers and highlights): a
 * markdown fragment, and the spans in the pair that belong with it (the
 * counterpart number, the other rendering of a term).
 */
export interface Inspection {
  /** Markdown, already localised. */
  markdown: string;
  /** Spans to highlight together with the inspected spot (counterparts). */
  spans?: LocalSpan[];
  /** The span the inspection is about (the hovered token). */
  span?: LocalSpan;
}

interface RuleMeta {
  id: string;
  defaultSeverity: SeveritySetting;
  description: Bilingual;
  fixable: boolean;
}

export interface PairRule extends RuleMeta {
  scope: 'pair';
  checkPair(input: PairInput, ctx: RuleContext): LocalFinding[];
  /** Optional: what the rule can tell about the character at `offset` of `side` (hover, documentHighlight). */
  inspect?(input: PairInput, side: Side, offset: number, ctx: RuleContext): Inspection | undefined;
}

export interface LineRule extends RuleMeta {
  scope: 'line';
  /** Languages of the lines this rule looks at. */
  langs: readonly Lang[];
  /** Spans use side 'source' for the line itself. */
  checkLine(input: LineInput, ctx: RuleContext): LocalFinding[];
}

export interface DocumentRule extends RuleMeta {
  scope: 'document';
  checkDocument(input: DocumentInput, ctx: RuleContext): DocumentFinding[];
  /**
   * Optional per-pair work that checkDocument would otherwise do in one go (such as
   * memoising each line's analysis with rec.memo). The checker calls it for every pair
   * before checkDocument, in the slices of a sliced check, so that a long first check
   * does not block the server for the whole document. Must not depend on other pairs.
   */
  preparePair?(input: PairInput, ctx: RuleContext): void;
  /** Optional: what the rule can tell about a spot of a pair (e.g. a term's renderings across the document). */
  inspect?(input: DocumentInput & { pair: PairInput }, side: Side, offset: number, ctx: RuleContext): Inspection | undefined;
}

export type Rule = PairRule | LineRule | DocumentRule;

export const DOCS_BASE = 'https://github.com/bilingual-review/bilingual-review/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
