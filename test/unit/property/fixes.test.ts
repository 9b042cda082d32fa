// Edits lose nothing: for every quick fix of every rule in the registry, on hostile
// documents, the edit changes only its own range, undoing it (the inverse edits)
// restores the exact text, and applying all fixes and re-checking converges: each
// pass leaves fewer fixable findings (no fix re-creates a finding), so it ends.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, chooseFix, fixAllEdits, RULES, type Finding, type Fix, type Position, type TextEdit } from '../../../server/src/core';
import { anyDocArb, configFor, offsetAt, pairedDocArb, params, runRule, termDocArb } from '../../support/hostile';

/** Position of an offset, lines split like the core (an offset inside CRLF is not a position). */
function positionAt(text: string, offset: number): Position {
  const re = /\r\n|\r|\n/g;
  let line = 0;
  let start = 0;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    assert.ok(m.index + m[0].length <= offset, `offset ${offset} falls inside a line break`);
    line++;
    start = m.index + m[0].length;
  }
  return { line, character: offset - start };
}

const lone = (s: string): number => (s.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g) ?? []).length;

/** Applies one fix; checks it touches only its ranges and that its inverse restores the text. */
function checkFix(text: string, fix: Fix, what: string): string {
  const spans = fix.edits
    .map((e, i) => ({ s: offsetAt(text, e.range.start.line, e.range.start.character), e: offsetAt(text, e.range.end.line, e.range.end.character), t: e.newText, i }))
    .sort((a, b) => a.s - b.s || a.i - b.i);
  for (let k = 1; k < spans.length; k++) assert.ok(spans[k].s >= spans[k - 1].e, `${what}: edits of one fix overlap`);
  const after = applyEdits(text, fix.edits);
  // only the ranges change: rebuilt independently from the offsets
  let expect = '';
  let pos = 0;
  for (const sp of spans) {
    expect += text.slice(pos, sp.s) + sp.t;
    pos = sp.e;
  }
  expect += text.slice(pos);
  assert.equal(after, expect, `${what}: the edit changed text outside its range`);
  assert.ok(lone(after) <= lone(text) + fix.edits.reduce((n, e) => n + lone(e.newText), 0), `${what}: the edit split a surrogate pair`);
  // undo: the inverse edits, in the coordinates of the edited text, give back the exact text
  let shift = 0;
  const inverse: TextEdit[] = spans.map((sp) => {
    const s = sp.s + shift;
    shift += sp.t.length - (sp.e - sp.s);
    return { range: { start: positionAt(after, s), end: positionAt(after, s + sp.t.length) }, newText: text.slice(sp.s, sp.e) };
  });
  assert.equal(applyEdits(after, inverse), text, `${what}: undo did not restore the text`);
  return after;
}

const fixDocArb = fc.oneof(pairedDocArb(10), termDocArb(8), anyDocArb(12));

describe('property: quick fixes lose nothing', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('each fix edits only its range, and undo restores the exact text', () => {
        fc.assert(
          fc.property(fixDocArb, (text) => {
            const run = runRule(rule, text);
            assert.deepEqual(run.errors, []);
            for (const f of run.findings) for (const fix of f.fixes ?? []) checkFix(text, fix, `${rule.id} "${fix.title}" on ${JSON.stringify(text)}`);
          }),
          params(100),
        );
      });

      it('fixing everything and re-checking converges: every pass leaves fewer fixable findings', () => {
        fc.assert(
          fc.property(fixDocArb, fc.constantFrom('auto', 'en-zh', 'zh-en') as fc.Arbitrary<'auto' | 'en-zh' | 'zh-en'>, (text, order) => {
            const config = configFor(rule, { order });
            let current = text;
            let findings: Finding[] = runRule(rule, current, config).findings;
            let fixable = findings.filter((f) => chooseFix(f)).length;
            const history = [fixable];
            for (let pass = 0; fixable > 0; pass++) {
              const merged = fixAllEdits(findings, {});
              assert.ok(merged.applied > 0, 'fixable findings but no fix applied');
              const next = applyEdits(current, merged.edits);
              assert.notEqual(next, current, `${rule.id}: a pass of fixes changed nothing in ${JSON.stringify(current)}`);
              const run = runRule(rule, next, config);
              assert.deepEqual(run.errors, []);
              // With order "auto", a fix can tip the detected order of an ambiguous document (the
              // numbers it writes are evidence for the pairing): the pairs, hence the findings, change.
              if (order === 'auto' && run.session.check().model.order !== runRule(rule, current, config).session.check().model.order) break;
              const left = run.findings.filter((f) => chooseFix(f)).length;
              history.push(left);
              assert.ok(left < fixable, `${rule.id}: fixing did not reduce the fixable findings (${history.join(' → ')}) on ${JSON.stringify(current)} → ${JSON.stringify(next)}: ${JSON.stringify(run.findings.filter((f) => chooseFix(f)).map((f) => f.message))}`);
              current = next;
              findings = run.findings;
              fixable = left;
            }
          }),
          params(80),
        );
      });
    });
  }
});
