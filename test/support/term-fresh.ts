// The oracle the incremental term-index tests share: after any sequence of edits, a
// session's term-inconsistency findings and every term's result must equal those of a
// session built from scratch on the same text.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { DocumentSession, type Finding } from '../../server/src/core';
import { termIndexOf } from '../../server/src/core/rules/term-inconsistency';
import type { TermResult } from '../../server/src/core/terms/index';
import { SEED } from './paths';
import { generatePairs, toDocument } from './term-corpus';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

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

/** The documents the incremental term tests edit. */
export const TERM_DOCS: [string, string][] = [
  ['term corpus', toDocument(generatePairs(120, 5))],
  ['benchmark news', (generate(80) as { text: string }).text],
  ['seed article', fs.readFileSync(SEED, 'utf8')],
];

/** A random edit of one line of a pair: where (fractions of the pairs and of the line), which line, how much to delete, what to insert. */
export type LineEdit = { at: number; zh: boolean; char: number; del: number; ins: string };

/** The fields of a LineEdit, to build fast-check records with (add fields of your own). */
export const lineEditFields = (texts: readonly string[]) => ({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  zh: fc.boolean(),
  char: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat(4),
  ins: fc.constantFrom(...texts),
});

/** Applies `e` to the session's current document (its English or Chinese line of the pair at `e.at`). */
export function applyLineEdit(s: DocumentSession, e: LineEdit): void {
  const pairs = s.check().model.pairs;
  const pair = pairs[Math.min(pairs.length - 1, Math.floor(e.at * pairs.length))];
  const rec = (pair.sourceLang === 'zh') === e.zh ? pair.source : pair.target;
  const line = rec.line;
  const start = Math.floor(e.char * rec.text.length);
  const end = Math.min(rec.text.length, start + e.del);
  s.applyChanges([{ range: { start: { line, character: start }, end: { line, character: end } }, text: e.ins }]);
}
