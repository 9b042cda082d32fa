// Which finding "Next Finding" / "Previous Finding" goes to. Pure (plain ranges,
// no vscode import) so it is unit-tested; client/src/navigation.ts is the glue.

export interface Pos {
  line: number;
  character: number;
}

export interface Span {
  start: Pos;
  end: Pos;
}

function cmpPos(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** Document order: by start, then by end. */
export function compareSpans(a: Span, b: Span): number {
  return cmpPos(a.start, b.start) || cmpPos(a.end, b.end);
}

function sameSpan(a: Span, b: Span): boolean {
  return compareSpans(a, b) === 0;
}

export interface Step {
  /** Index into the sorted list. */
  index: number;
  /** True when the walk went past the last (or before the first) finding and started over. */
  wrapped: boolean;
}

/**
 * The finding to go to from `selection`, in `sorted` (document order, see
 * compareSpans). Next: the first finding after the selection; previous: the last
 * one before it; both wrap around the document. `last` is the index visited
 * before: while the selection is still that finding, the walk continues from
 * it, so findings sharing one range are all visited. Undefined when there is none.
 */
export function stepFinding(sorted: readonly Span[], selection: Span, direction: 'next' | 'previous', last?: number): Step | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  if (last !== undefined && last >= 0 && last < n && sameSpan(sorted[last], selection)) {
    if (direction === 'next') return last + 1 < n ? { index: last + 1, wrapped: false } : { index: 0, wrapped: true };
    return last > 0 ? { index: last - 1, wrapped: false } : { index: n - 1, wrapped: true };
  }
  if (direction === 'next') {
    for (let i = 0; i < n; i++) if (compareSpans(sorted[i], selection) > 0) return { index: i, wrapped: false };
    return { index: 0, wrapped: true };
  }
  for (let i = n - 1; i >= 0; i--) if (compareSpans(sorted[i], selection) < 0) return { index: i, wrapped: false };
  return { index: n - 1, wrapped: true };
}
