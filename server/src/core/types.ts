// Core types of the checker. Nothing here imports vscode or the LSP libraries:
// the core takes text in and gives findings out. Positions are 0-based and
// columns are UTF-16 code units, the same convention as LSP and JavaScript strings.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Title shown in the quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /**
   * The fix the editor may apply on "fix all" / auto-fix. Left unset, a finding's only
   * fix is taken by "fix all" too; set to false, never (the choice is the reviewer's).
   */
  isPreferred?: boolean;
  /**
   * Mechanical and safe to apply unseen (punctuation width, a glossary's forbidden
   * variant): "source.fixAll" and fix-on-save apply only these. Semantic fixes
   * (numbers, dates, a majority rendering) need a reviewer's eye and leave it unset.
   */
  safe?: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /** Another file (glossary, other document); absent means the same document. */
  path?: string;
}

/** A finding in document coordinates: what the LSP server, the CLI and the tests consume. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** Rule-specific data (values compared, renderings…) for hovers and fixes. JSON-serialisable. */
  data?: Record<string, unknown>;
}

export type Lang = 'en' | 'zh';
export type LineKind = Lang | 'blank' | 'other';
export type Order = 'en-zh' | 'zh-en';

/** Where, inside a pair or a line, a local finding sits. */
export type Side = 'source' | 'target';

/** Range local to one line: character offsets in UTF-16 units. */
export interface LocalSpan {
  side: Side;
  start: number;
  end: number;
}

export interface LocalEdit {
  side: Side;
  start: number;
  end: number;
  newText: string;
}

export interface LocalFix {
  title: string;
  edits: LocalEdit[];
  isPreferred?: boolean;
  /**
   * Mechanical and safe to apply unseen (punctuation width, a glossary's forbidden
   * variant): "source.fixAll" and fix-on-save apply only these. Semantic fixes
   * (numbers, dates, a majority rendering) need a reviewer's eye and leave it unset.
   */
  safe?: boolean;
}

/**
 * A finding produced by a pair or line rule, in coordinates local to the pair
 * (side + character offsets). Local findings are cached with the pair's content,
 * so a pair that has only moved (lines inserted above) is not checked again.
 */
export interface LocalFinding {
  span: LocalSpan;
  message: string;
  related?: { span: LocalSpan; message: string }[];
  fixes?: LocalFix[];
  data?: Record<string, unknown>;
  /** Overrides the configured severity for this one finding (e.g. a right conversion reported as a hint). */
  severity?: Severity;
}
