// Candidate texts have numbers (terms/ids.ts) that lines' candidate lists hold and the term
// index counts by. Numbers nobody pins are given back by a sweep and given again to other
// texts: a list made before then must be made again before it is counted, and the index
// must still equal a fresh one. The table stays bounded in a long editing session.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentSession } from '../../server/src/core';
import { candidateList, candidateTexts, renewCandidates } from '../../server/src/core/terms/chinese';
import { ID_TUNING, sweep, zhTexts } from '../../server/src/core/terms/ids';
import { enTerms, TERM_TUNING, zhCandidates } from '../../server/src/core/terms/index';
import { termKeys, termList } from '../../server/src/core/terms/english';
import { applyLineEdit, assertSameAsFresh, config, lineEditFields, TERM_DOCS } from '../support/term-fresh';
import { generatePairs, toDocument } from '../support/term-corpus';

const idStats = () => zhTexts.stats();

const EDIT_TEXTS = ['x', 'e', ' ', 's', 'the ', 'batteries ', 'Halden ', '的', '电池', '正极', '负极', '港务局', '', '\n', '\n\n'];

describe('candidate text numbers (terms/ids.ts)', () => {
  const from = TERM_TUNING.noneByCountsFrom;
  const sweepFrom = ID_TUNING.sweepFrom;
  before(() => (TERM_TUNING.noneByCountsFrom = 2));
  after(() => {
    TERM_TUNING.noneByCountsFrom = from;
    ID_TUNING.sweepFrom = sweepFrom;
  });

  for (const [name, text] of TERM_DOCS) {
    it(`an index whose texts' numbers are swept between edits equals a fresh one (${name})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ ...lineEditFields(EDIT_TEXTS), sweep: fc.boolean() }), { minLength: 1, maxLength: 6 }),
          (edits) => {
            const s = new DocumentSession(text, { config });
            s.check();
            for (const e of edits) {
              applyLineEdit(s, e);
              if (e.sweep) sweep();
              s.check();
            }
            assertSameAsFresh(s);
          },
        ),
        { numRuns: 15 },
      );
    });
  }

  it('a line that leaves the index and comes back after a sweep is counted with numbers of now', () => {
    // a pair whose Chinese line has texts no other line (of any test) has: their numbers are given back
    const text = toDocument(generatePairs(60, 3)) + '\n\nThe board met.\n龘靐齉爩委员会会面。\n\nThe end.\n结束。\n';
    const s = new DocumentSession(text, { config });
    const pair = s.check().model.pairs.find((p) => p.source.text === 'The board met.')!;
    assert.ok(pair);
    const en = pair.sourceLang === 'en' ? pair.source : pair.target;
    const zh = pair.sourceLang === 'en' ? pair.target : pair.source;
    const enText = en.text;
    const list = zhCandidates(zh);
    const texts = candidateTexts(list);
    const made = list.epoch;
    // the English line goes: its Chinese line is paired no more (out of the index)
    // (the edits touch the blank line before, not the Chinese line: its record stays)
    assert.equal(s.doc.lines[en.line - 1].text, '');
    s.applyChanges([{ range: { start: { line: en.line - 1, character: 0 }, end: { line: en.line, character: enText.length } }, text: '' }]);
    s.check();
    assert.ok(!s.check().model.pairs.some((p) => p.source === zh || p.target === zh));
    assert.equal(s.doc.lines[zh.line], zh);
    sweep();
    // numbers given back are given again, to other texts
    for (let i = 0; i < 50; i++) candidateList(`新文字${i}号港务局测试电池储能系统`, false);
    s.applyChanges([{ range: { start: { line: zh.line - 1, character: 0 }, end: { line: zh.line - 1, character: 0 } }, text: '\n' + enText }]);
    assert.ok(s.check().model.pairs.some((p) => p.source === zh || p.target === zh));
    assert.equal(zhCandidates(zh), list, 'the same memo, made again in place');
    assert.notEqual(list.epoch, made, 'made again');
    assert.deepEqual(candidateTexts(list), texts);
    assert.equal(renewCandidates(list, zh.text), list);
    assertSameAsFresh(s);
  });

  it('an English line whose pair leaves the index and comes back after a sweep is counted with key numbers of now', () => {
    // a pair whose English line has a term no other line (of any test) has: its key's number is given back
    const text = toDocument(generatePairs(60, 4)) + '\n\nThe Zorbulonian Quarnbyx Trust met the Vexilloid Board.\n信托与委员会会面。\n\nThe end.\n结束。\n';
    const s = new DocumentSession(text, { config });
    const pair = s.check().model.pairs.find((p) => p.source.text.includes('Zorbulonian'))!;
    assert.ok(pair);
    const en = pair.sourceLang === 'en' ? pair.source : pair.target;
    const zh = pair.sourceLang === 'en' ? pair.target : pair.source;
    const zhText = zh.text;
    const list = enTerms(en);
    const keys = termKeys(list);
    const made = list.epoch;
    assert.ok(keys.length > 0);
    // the Chinese line goes (the edits touch it and the blank line after it, not the English line)
    assert.equal(s.doc.lines[zh.line + 1].text, '');
    s.applyChanges([{ range: { start: { line: zh.line, character: 0 }, end: { line: zh.line + 1, character: 0 } }, text: '' }]);
    assert.ok(!s.check().model.pairs.some((p) => p.source === en || p.target === en));
    assert.equal(s.doc.lines[en.line], en);
    sweep();
    for (let i = 0; i < 50; i++) termList(`Zyx${i} Qwv${i} Plonk${i} said the Frobnicator Authority${i}.`, false);
    s.applyChanges([{ range: { start: { line: en.line + 1, character: 0 }, end: { line: en.line + 1, character: 0 } }, text: zhText + '\n' }]);
    assert.ok(s.check().model.pairs.some((p) => p.source === en || p.target === en));
    assert.equal(enTerms(en), list, 'the same memo, made again in place');
    assert.notEqual(list.epoch, made, 'made again');
    assert.deepEqual(termKeys(list), keys);
    assertSameAsFresh(s);
  });

  it('stays bounded in a long editing session: numbers of texts edited away are given back', () => {
    ID_TUNING.sweepFrom = 200;
    ID_TUNING.deadShare = 0;
    try {
      const s = new DocumentSession(toDocument(generatePairs(40, 7)), { config });
      s.check();
      const start = idStats();
      for (let i = 0; i < 300; i++) {
        const pairs = s.check().model.pairs;
        const pair = pairs[i % pairs.length];
        const zh = pair.sourceLang === 'en' ? pair.target : pair.source;
        // new texts each time (Han characters never seen together)
        const t = String.fromCharCode(0x4e00 + ((i * 7919) % 20000), 0x4e00 + ((i * 104729) % 20000), 0x4e00 + ((i * 1299709) % 20000));
        s.applyChanges([{ range: { start: { line: zh.line, character: 0 }, end: { line: zh.line, character: zh.text.length } }, text: `${t}港务局，${t}电池` }]);
        s.check();
        const now = idStats();
        // (swept after the refresh: the check may give a few numbers after it, to the fixes it tries)
        assert.ok(now.given - now.pinned <= 400, `dead numbers kept: ${now.given - now.pinned}`);
      }
      assert.ok(idStats().epoch > start.epoch + 2, 'swept');
      assertSameAsFresh(s);
    } finally {
      ID_TUNING.sweepFrom = sweepFrom;
      ID_TUNING.deadShare = 1;
    }
  });
});
