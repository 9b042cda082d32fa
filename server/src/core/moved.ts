// Findings that only moved. When lines are inserted or deleted above a pair, a line
// or a document finding, its finding comes back as a new object whose line numbers
// (range, related ranges, fix edits) are the old ones shifted by the same amount and
// whose message, data and fixes' texts are the same. The finding it was moved from is
// recorded here, so that a host that encoded the old one (the LSP server's JSON of its
// diagnostic) can write the new one by shifting line numbers instead of encoding it anew.
//
// One link per finding, to the finding of the check before: a new link drops the old
// finding's own link, so a finding moved on every keystroke keeps one old finding
// alive, not a chain of all of them.
//
// The link is a private field stamped on the finding object (see stamp.ts): a WeakMap
// cost about six times as much per moved finding (5,800 of them after Enter at 100,000
// pairs).

import type { DocumentFinding } from './rule';
import { Stamp } from './stamp';
import type { Finding, Range } from './types';

class MovedLink extends Stamp {
  #from: object | undefined;
  constructor(o: object, from: object) {
    super(o);
    this.#from = from;
  }
  static from(o: object): object | undefined {
    return #from in o ? (o as MovedLink).#from : undefined;
  }
  static set(o: object, from: object): void {
    if (#from in o) (o as MovedLink).#from = from;
    else new MovedLink(o, from);
  }
  static drop(o: object): void {
    if (#from in o) (o as MovedLink).#from = undefined;
  }
}

/** Records that `moved` is `from` with every line number shifted by the same amount (and nothing else changed). */
export function linkMoved(moved: object, from: object): void {
  MovedLink.drop(from);
  MovedLink.set(moved, from);
}

/** Forgets where `f` was moved from (a host that has used the link: the old finding need not stay alive). */
export function forgetMoved(f: object): void {
  MovedLink.drop(f);
}

/** The finding `f` was moved from, if it was recorded (delta: the difference of their range's start lines). */
export function movedFrom<T extends Finding | DocumentFinding>(f: T): T | undefined {
  return MovedLink.from(f) as T | undefined;
}

function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

/**
 * A document rule's finding moved by `d` lines (all its ranges, the same message, data and
 * fix texts), linked to the one it was moved from. Only for a finding whose message and
 * data do not mention line numbers.
 */
export function shiftedFinding(f: DocumentFinding, d: number): DocumentFinding {
  const out: DocumentFinding = { ...f, range: shiftRange(f.range, d) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, range: shiftRange(r.range, d) }));
  if (f.fixes) out.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ range: shiftRange(e.range, d), newText: e.newText })) }));
  linkMoved(out, f);
  return out;
}
