// "Go to Counterpart Line": from a line of a pair to the other line, for editors.
// Pure: the LSP server answers bilingualReview/counterpart with it.

import type { DocumentSession } from './checker';
import type { DocumentModel } from './document';
import { inspectAt } from './inspect';
import { snapToBoundary } from './text';
import type { Lang, Position, Range } from './types';

export interface Counterpart {
  /** 0-based line of the other line of the pair. */
  line: number;
  /** The whole counterpart line. */
  range: Range;
  /**
   * Where the cursor goes: the counterpart of the number or term under the cursor
   * when a rule matched one (its span), else an empty range at the same relative
   * place in the other line (so going there and back lands near where one started).
   */
  selection: Range;
  /** What the counterpart is to the line the cursor is on. */
  role: 'translation' | 'source';
  /** The counterpart's language. */
  lang: Lang;
}

/** The other line of the pair `line` belongs to, or undefined (blank, comment and unpaired lines). */
export function counterpartLine(model: DocumentModel, line: number): { line: number; role: Counterpart['role']; lang: Lang } | undefined {
  const pair = model.pairOfLine[line];
  if (!pair) return undefined;
  const isSource = pair.source.line === line;
  return isSource ? { line: pair.target.line, role: 'translation', lang: pair.targetLang } : { line: pair.source.line, role: 'source', lang: pair.sourceLang };
}

/** A character offset at the same relative place of a line of length `to` as `offset` is in a line of length `from`. */
export function proportionalOffset(offset: number, from: number, to: number): number {
  if (from <= 0 || offset <= 0) return 0;
  if (offset >= from) return to;
  return Math.round((offset / from) * to);
}

/** Where "Go to Counterpart" goes from `position`, or undefined when the line has no counterpart. */
export function counterpartAt(session: DocumentSession, position: Position): Counterpart | undefined {
  const model = session.check().model;
  const rec = session.doc.lines[position.line];
  if (!rec) return undefined;
  const target = counterpartLine(model, position.line);
  if (!target) return undefined;
  const other = session.doc.lines[target.line];
  const range: Range = { start: { line: target.line, character: 0 }, end: { line: target.line, character: other.text.length } };
  // A rule that matched the token under the cursor knows its counterpart span.
  const token = inspectAt(session, position)?.highlights.find((h) => h.role === 'counterpart' && h.range.start.line === target.line);
  let selection: Range;
  if (token) selection = token.range;
  else {
    const ch = snapToBoundary(other.text, proportionalOffset(snapToBoundary(rec.text, position.character), rec.text.length, other.text.length));
    selection = { start: { line: target.line, character: ch }, end: { line: target.line, character: ch } };
  }
  return { line: target.line, range, selection, role: target.role, lang: target.lang };
}
