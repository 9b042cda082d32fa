import * as assert from 'node:assert/strict';
import { applyEdits, diffEdit, DocumentSession, editsOverlap, fixAll, fixAllEdits, mergeFixes, RULES, type Finding, type TextEdit } from '../../server/src/core';
import { testDoubleA, testTypo } from '../support/test-rules';

const rules = [...RULES, testTypo, testDoubleA];
const edit = (l: number, a: number, b: number, t: string): TextEdit => ({ range: { start: { line: l, character: a }, end: { line: l, character: b } }, newText: t });

describe('fix all', () => {
  it('detects overlapping edits (touching replacements do not overlap; two inserts at one spot do)', () => {
    assert.equal(editsOverlap(edit(0, 0, 3, 'x'), edit(0, 2, 5, 'y')), true);
    assert.equal(editsOverlap(edit(0, 0, 3, 'x'), edit(0, 3, 5, 'y')), false);
    assert.equal(editsOverlap(edit(0, 3, 3, 'x'), edit(0, 3, 3, 'y')), true);
    assert.equal(editsOverlap(edit(0, 0, 3, 'x'), edit(1, 0, 0, 'y')), false);
  });

  it('keeps whole fixes in document order and drops a fix if any of its edits overlaps', () => {
    const merged = mergeFixes([
      { title: 'b', edits: [edit(0, 4, 6, 'B')] },
      { title: 'a', edits: [edit(0, 0, 2, 'A'), edit(1, 0, 1, 'A2')] },
      { title: 'c', edits: [edit(1, 5, 6, 'C'), edit(0, 5, 7, 'C0')] }, // second edit overlaps b
    ]);
    assert.deepEqual(merged.edits, [edit(0, 0, 2, 'A'), edit(0, 4, 6, 'B'), edit(1, 0, 1, 'A2')]);
    assert.equal(merged.applied, 2);
    assert.equal(merged.skipped, 1);
  });

  it('merges like comparing every edit with every kept edit (random fixes of one to three edits)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const naive = (fixes: { title: string; edits: TextEdit[] }[]) => {
      const first = (f: { edits: TextEdit[] }) => f.edits.reduce((m, e) => (e.range.start.line - m.line || e.range.start.character - m.character) < 0 ? e.range.start : m, f.edits[0].range.start);
      const ordered = [...fixes].sort((a, b) => first(a).line - first(b).line || first(a).character - first(b).character);
      const kept: TextEdit[] = [];
      let applied = 0;
      for (const f of ordered) {
        if (f.edits.some((e) => kept.some((k) => editsOverlap(e, k)))) continue;
        kept.push(...f.edits);
        applied++;
      }
      kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return { edits: kept, applied };
    };
    for (let round = 0; round < 300; round++) {
      const fixes = Array.from({ length: 1 + rnd(12) }, (_, i) => {
        const edits = Array.from({ length: 1 + rnd(3) }, () => {
          const a = rnd(12);
          return edit(rnd(3), a, a + rnd(4), `f${i}`);
        });
        // a fix's own edits do not overlap one another
        return { title: `f${i}`, edits: edits.filter((e, j) => !edits.slice(0, j).some((o) => editsOverlap(o, e))) };
      });
      const got = mergeFixes(fixes);
      const want = naive(fixes);
      assert.deepEqual(got.edits, want.edits);
      assert.equal(got.applied, want.applied);
      assert.equal(got.skipped, fixes.length - want.applied);
    }
  });

  it('applies edits with LF, CRLF and lone CR line ends', () => {
    assert.equal(applyEdits('ab\r\ncd\ref\ngh', [edit(0, 1, 2, 'X'), edit(1, 0, 0, '>'), edit(3, 2, 2, '!'), edit(2, 0, 2, '')]), 'aX\r\n>cd\r\ngh!');
    assert.throws(() => applyEdits('abc', [edit(0, 0, 2, ''), edit(0, 1, 3, '')]));
  });

  it('diffEdit yields one minimal edit and never splits a surrogate pair or a CRLF', () => {
    const before = 'a𠀀b\r\nc';
    const after = 'a𠀁b\r\nc';
    const e = diffEdit(before, after)!;
    assert.equal(applyEdits(before, [e]), after);
    assert.equal(e.range.start.character, 1);
    assert.equal(e.newText, '𠀁');
    const e2 = diffEdit('x\r\ny', 'x\ny')!;
    assert.equal(applyEdits('x\r\ny', [e2]), 'x\ny');
    assert.equal(diffEdit('same', 'same'), undefined);
  });

  it('fixes every finding of one rule, leaving other rules alone', () => {
    const text = ['I saw teh cat and teh dog.', '我看见了猫和狗。', 'Then teh end aa.', '然后结束了。'].join('\n');
    const s = new DocumentSession(text, { rules });
    const findings = s.check().findings;
    const { edits, applied } = fixAllEdits(findings, { ruleId: 'test-typo' });
    assert.equal(applied, 3);
    const fixed = applyEdits(text, edits);
    const after = new DocumentSession(fixed, { rules }).check().findings;
    assert.equal(after.filter((f) => f.ruleId === 'test-typo').length, 0);
    assert.equal(after.filter((f) => f.ruleId === 'test-double-a').length, 1);
  });

  it('preferredOnly skips fixes that are not marked preferred', () => {
    const f: Finding = { ruleId: 'x', severity: 'hint', range: edit(0, 0, 1, '').range, message: 'm', fixes: [{ title: 't', edits: [edit(0, 0, 1, 'y')] }] };
    assert.equal(fixAllEdits([f], { preferredOnly: true }).applied, 0);
    assert.equal(fixAllEdits([f]).applied, 1);
  });

  it('re-checks and fixes again where fixes overlapped, then gives one edit against the original', () => {
    const text = 'Baaaad aa.\n坏的。';
    const recheck = (t: string) => new DocumentSession(t, { rules }).check().findings;
    const r = fixAll(text, recheck(text), recheck, { ruleId: 'test-double-a' });
    assert.equal(r.text, 'Bad a.\n坏的。');
    assert.ok(r.passes >= 2, `passes ${r.passes}`);
    assert.equal(applyEdits(text, r.edits), r.text);
    assert.equal(recheck(r.text).filter((f) => f.ruleId === 'test-double-a').length, 0);
  });

  it('keeps the first pass edits when one pass was enough', () => {
    const text = 'teh and teh.\n这个和那个。';
    const recheck = (t: string) => new DocumentSession(t, { rules }).check().findings;
    const r = fixAll(text, recheck(text), recheck, { ruleId: 'test-typo' });
    assert.equal(r.passes, 1);
    assert.equal(r.edits.length, 2);
    assert.equal(r.text, 'the and the.\n这个和那个。');
  });

  it('stops when a fix does not cure its finding', () => {
    const loop: Finding = { ruleId: 'loop', severity: 'hint', range: edit(0, 0, 0, '').range, message: 'm', fixes: [{ title: 't', edits: [edit(0, 0, 0, 'x')] }] };
    const r = fixAll('a', [loop], () => [loop], { ruleId: 'loop' });
    assert.equal(r.passes, 1);
    assert.equal(r.text, 'xa');
  });
});
