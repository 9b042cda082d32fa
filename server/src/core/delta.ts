// Delta updates for document rules: which pairs appeared and disappeared since
// the rule last looked, so a document-wide index (terms and their renderings)
// is updated by the edit instead of rebuilt from 100,000 pairs per keystroke.

import { modelEdit, modelSerial, type DocumentModel, type Pair } from './document';

export interface PairDelta {
  /** True when the index must be rebuilt: first call, settings changed, or a full re-pairing. */
  full: boolean;
  /** Pairs to add to the index (all pairs when full). */
  added: readonly Pair[];
  /** Pairs to take out of the index (empty when full: start from an empty index). */
  removed: readonly Pair[];
}

const KEY = '__pairDelta';

interface Bookmark {
  serial: number;
  pairs: readonly Pair[];
}

/**
 * Pairs added and removed since the previous call with the same `state` (the
 * map a document rule receives, which the checker clears when settings change).
 * A re-paired pair comes back as removed and added, even when its text did not
 * change, so index entries should be counted per pair, not per text.
 *
 *   const d = pairDelta(state, model);
 *   if (d.full) index.clear();
 *   for (const p of d.removed) index.remove(p);
 *   for (const p of d.added) index.add(p);
 */
export function pairDelta(state: Map<string, unknown>, model: DocumentModel): PairDelta {
  const serial = modelSerial(model);
  const mark = state.get(KEY) as Bookmark | undefined;
  state.set(KEY, { serial, pairs: model.pairs } satisfies Bookmark);
  if (mark && mark.serial === serial) return { full: false, added: [], removed: [] };
  const edit = modelEdit(model);
  if (mark && edit && edit.previousSerial === mark.serial) {
    return {
      full: false,
      removed: mark.pairs.slice(edit.pairFrom, edit.pairFrom + edit.removedPairs),
      added: model.pairs.slice(edit.pairFrom, edit.pairFrom + edit.addedPairs),
    };
  }
  return { full: true, added: model.pairs, removed: [] };
}
