// The term index kept up to date by delta (and its shortcuts that keep a term's
// result without re-analysing all its pairs) must give what an index built from
// scratch gives: random edit sequences on realistic documents, compared term by term.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentSession } from '../../server/src/core';
import { termIndexOf } from '../../server/src/core/rules/term-inconsistency';
import { TERM_TUNING } from '../../server/src/core/terms/index';
import { applyLineEdit, assertSameAsFresh, config, lineEditFields, TERM_DOCS } from '../support/term-fresh';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';


const EDIT_TEXTS = ['x', 'e', ' ', 's', 'the ', 'batteries ', 'Halden ', '的', '电池', '正极', '负极', '港务局', ''];

describe('term index: incremental updates equal a fresh index', () => {
  // the shortcut for Chinese-line edits is kept for terms of many pairs only: for every term here
  const from = TERM_TUNING.noneByCountsFrom;
  before(() => (TERM_TUNING.noneByCountsFrom = 2));
  after(() => (TERM_TUNING.noneByCountsFrom = from));
  for (const [name, text] of TERM_DOCS) {
    it(`after random edits of English and Chinese lines (${name})`, () => {
      let kept = 0;
      let keptZh = 0;
      fc.assert(
        fc.property(
          fc.array(fc.record(lineEditFields(EDIT_TEXTS)), { minLength: 1, maxLength: 6 }),
          (edits) => {
            const s = new DocumentSession(text, { config });
            s.check();
            for (const e of edits) {
              applyLineEdit(s, e);
              s.check();
              const { lastRefresh } = termIndexOf(s.ruleState('term-inconsistency'));
              kept += lastRefresh.kept;
              keptZh += lastRefresh.keptZh;
            }
            assertSameAsFresh(s);
          },
        ),
        { numRuns: 25 },
      );
      // the shortcuts were taken (otherwise this test would not exercise them)
      assert.ok(kept > 0);
      assert.ok(keptZh > 0);
    });
  }

  it('after deleting, moving and pasting back large parts of the document', () => {
    for (const [, text] of TERM_DOCS) {
      const s = new DocumentSession(text, { config });
      s.check();
      const lines = text.split('\n');
      const n = lines.length;
      const cut = (a: number, b: number) => s.applyChanges([{ range: { start: { line: a, character: 0 }, end: { line: b, character: 0 } }, text: '' }]);
      const paste = (at: number, t: string) => s.applyChanges([{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: t }]);
      // most of the pairs leave at once, then come back in another order
      const middle = lines.slice(Math.floor(n / 4), Math.floor((3 * n) / 4)).join('\n') + '\n';
      cut(Math.floor(n / 4), Math.floor((3 * n) / 4));
      assertSameAsFresh(s);
      paste(0, middle);
      assertSameAsFresh(s);
      cut(0, Math.floor(s.doc.lineCount / 2));
      paste(s.doc.lineCount - 1, '\n' + middle);
      assertSameAsFresh(s);
    }
  });

  it('a Chinese-line edit keeps a term whose bucket of variants held no two members apart, until they are', () => {
    // 港口 and 海口 (same length and last character, both only in "harbour" pairs) cover
    // the term's pairs but share one pair's line: not variants of each other, no finding
    const text = [
      'The harbour opened in May.', '港口在五月开放。', '',
      'The harbour is busy today.', '港口今天很繁忙。', '',
      'The harbour has a new crane.', '港口有一台新起重机。', '',
      'Ships leave the harbour at dawn.', '船只黎明时离开海口。', '',
      'The harbour and its pier are old.', '港口和海口码头都很旧。', '',
    ].join('\n');
    const s = new DocumentSession(text, { config });
    s.check();
    const idx = termIndexOf(s.ruleState('term-inconsistency'));
    const edit = (line: number, start: number, end: number, t: string) => {
      s.applyChanges([{ range: { start: { line, character: start }, end: { line, character: end } }, text: t }]);
      s.check();
      const r = idx.result('harbour')!;
      assertSameAsFresh(s);
      return { keptZh: idx.lastRefresh.keptZh, inconsistent: r.inconsistent, renderings: r.renderings.map((x) => x.text) };
    };
    assert.equal(idx.result('harbour')!.inconsistent, false);
    // another pair of the term, and the pair that has both (its new line has both too): kept
    assert.deepEqual(edit(1, 2, 2, '的'), { keptZh: 6, inconsistent: false, renderings: [] });
    assert.deepEqual(edit(13, 0, 0, '的'), { keptZh: 11, inconsistent: false, renderings: [] });
    // the only line with both loses 海口: now apart, variants (analysed again)
    const apart = edit(13, 4, 6, '大门');
    assert.equal(apart.inconsistent, true);
    assert.deepEqual(apart.renderings, ['港口', '海口']);
    assert.equal(idx.lastRefresh.analysed >= 1, true);
    // and back
    assert.deepEqual(edit(13, 4, 6, '海口').inconsistent, false);
  });

  it('a keystroke in an English line re-analyses only the terms whose pairs changed', () => {
    const text = (generate(400) as { text: string }).text;
    const s = new DocumentSession(text, { config });
    s.check();
    const idx = termIndexOf(s.ruleState('term-inconsistency'));
    const pair = s.check().model.pairs[200];
    const en = pair.sourceLang === 'en' ? pair.source : pair.target;
    const at = en.text.lastIndexOf(' ') + 1; // inside the last word
    s.applyChanges([{ range: { start: { line: en.line, character: at }, end: { line: en.line, character: at } }, text: 'q' }]);
    s.check();
    assert.deepEqual(idx.lastDelta, { added: 1, removed: 1 });
    assert.ok(idx.lastRefresh.kept >= 10, JSON.stringify(idx.lastRefresh));
    // Most terms keep their result. Consistent terms found by the slow path (names, with
    // their spelling variants) are analysed again when a changed pair shares their
    // candidates: keeping them needs the first pairs analyze() read, which only the quick
    // path records (so an incremental check always equals a fresh one).
    const { analysed, kept } = idx.lastRefresh;
    assert.ok(analysed * 5 <= analysed + kept, JSON.stringify(idx.lastRefresh));
    assertSameAsFresh(s);
  });
});
