// The oracle the incremental term-index tests share: after any sequence of edits, a
// session's term-inconsistency findings and every term's result must equal those of a
// session built from scratch on the same text.

import * as assert from 'node:assert/strict';
import { DocumentSession, type Finding } from '../../server/src/core';
import { termIndexOf } from '../../server/src/core/rules/term-inconsistency';
import type { TermResult } from '../../server/src/core/terms/index';

export const config = { order: 'auto' as const, rules: {}, locale: 'en' as const, options: {} };

function shapeOf(r: TermResult | undefined) {
  if (!r) return undefined;
  return {
    key: r.key,
    display: r.display,
    pairs: r.pairs,
    inconsistent: r.inconsistent,
    // every use of an inconsistent term (its findings); for a consistent one, the lines it is used in
    // (a result kept from the changed pairs lists one use per pair, a fresh one may list two in a line)
    renderings: r.renderings.map((x) => ({
      text: x.text,
      uses: r.inconsistent ? x.uses.map((u) => `${u.entry.zh.line}:${u.start}-${u.end}/${u.termStart}-${u.termEnd}`) : [...new Set(x.uses.map((u) => u.entry.zh.line))].sort((m, n) => m - n),
    })),
  };
}

const termFindings = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'term-inconsistency').map((f) => JSON.stringify(f));

/** Every term of a fresh index, compared with the same term in the incremental one. */
export function assertSameAsFresh(s: DocumentSession): void {
  const got = s.check();
  const fresh = new DocumentSession(s.doc.getText(), { config });
  const want = fresh.check();
  assert.deepEqual(termFindings(got.findings), termFindings(want.findings));
  const a = termIndexOf(s.ruleState('term-inconsistency'));
  const b = termIndexOf(fresh.ruleState('term-inconsistency'));
  assert.deepEqual([...a.termPairs.keys()].sort(), [...b.termPairs.keys()].sort());
  for (const key of b.termPairs.keys()) assert.deepEqual(shapeOf(a.result(key)), shapeOf(b.result(key)), key);
  // the pairs each term's list says are in document order (firstEntries() trusts them) are
  for (const list of a.termPairs.values()) {
    assert.ok(list.sorted <= list.items.length, list.key);
    for (let i = 1; i < list.sorted; i++) assert.ok(list.items[i - 1].zh.line < list.items[i].zh.line, `${list.key}: ${i} of ${list.sorted}`);
  }
}
