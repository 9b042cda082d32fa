import * as assert from 'node:assert/strict';
import { applyEdits, DocumentSession, ignoreForPairEdit, ignoreInFileEdit, parseDirective, RULES } from '../../server/src/core';
import { testDigits, testTypo } from '../support/test-rules';

// The generic machinery is tested with unpaired-line and test-only rules, so real rules added later do not change the expectations.
const rules = [...RULES.filter((r) => r.id === 'unpaired-line'), testDigits, testTypo];
const ids = (s: DocumentSession) => s.check().findings.map((f) => `${f.ruleId}@${f.range.start.line}`);

describe('suppression directives', () => {
  it('parses kinds, rule lists (spaces or commas) and a reason', () => {
    assert.deepEqual(parseDirective('<!-- bilingual-review-disable-next-pair test-digits, unpaired-line -- the source rounds -->'), {
      kind: 'disable-next-pair',
      rules: ['test-digits', 'unpaired-line'],
      ruleSpans: [
        { id: 'test-digits', start: 40, end: 51 },
        { id: 'unpaired-line', start: 53, end: 66 },
      ],
      reason: 'the source rounds',
    });
    assert.deepEqual(parseDirective('  <!--bilingual-review-disable-->')?.rules, []);
    assert.equal(parseDirective('<!-- bilingual-review-enable test-typo -->')!.kind, 'enable');
    assert.equal(parseDirective('<!-- bilingual-review-disabled x -->'), undefined);
    assert.equal(parseDirective('<!-- a note -->'), undefined);
    assert.equal(parseDirective('text <!-- bilingual-review-disable -->'), undefined);
  });

  it('disable-next-pair ignores the named rule on the next pair only, skipping blank and comment lines', () => {
    const text = ['<!-- bilingual-review-disable-next-pair test-digits -->', '', '<!-- note -->', 'Sold 25 units.', '卖出了若干件。', 'Sold 30 units.', '卖出了若干件。'].join('\n');
    const s = new DocumentSession(text, { rules });
    assert.deepEqual(ids(s), ['test-digits@5']);
    assert.equal(s.check().stats.suppressed, 1);
  });

  it('disable-next-pair without rules ignores every rule; other rules stay on with a list', () => {
    const base = ['Sold 25 teh units.', '卖出了若干件。'];
    assert.deepEqual(ids(new DocumentSession(['<!-- bilingual-review-disable-next-pair -->', ...base].join('\n'), { rules })), []);
    assert.deepEqual(ids(new DocumentSession(['<!-- bilingual-review-disable-next-pair test-typo -->', ...base].join('\n'), { rules })), ['test-digits@1']);
  });

  it('covers an unpaired line when that is what follows', () => {
    const text = ['<!-- bilingual-review-disable-next-pair unpaired-line -->', '一张图片的说明。', 'A line.', '一行。', '另一张图片的说明。'].join('\n');
    assert.deepEqual(ids(new DocumentSession(text, { rules })), ['unpaired-line@4']);
  });

  it('disable … enable regions, with rule lists and exceptions', () => {
    const lines = [
      '<!-- bilingual-review-disable test-digits -->',
      'Sold 1 teh.', '卖出。', // 1,2: digits ignored
      '<!-- bilingual-review-enable test-digits -->',
      'Sold 2 teh.', '卖出。', // 4,5: both
      '<!-- bilingual-review-disable -->',
      'Sold 3 teh.', '卖出。', // 7,8: everything ignored
      '<!-- bilingual-review-enable test-typo -->',
      'Sold 4 teh.', '卖出。', // 10,11: only typo reported
      '<!-- bilingual-review-enable -->',
      'Sold 5 teh.', '卖出。', // 13,14: both
    ];
    assert.deepEqual(ids(new DocumentSession(lines.join('\n'), { rules })), ['test-typo@1', 'test-digits@4', 'test-typo@4', 'test-typo@10', 'test-digits@13', 'test-typo@13']);
  });

  it('survives an edit above it: the directive moves with the text', () => {
    const text = ['Intro.', '引言。', '<!-- bilingual-review-disable-next-pair test-digits -->', 'Sold 25 units.', '卖出了若干件。'].join('\n');
    const s = new DocumentSession(text, { rules });
    assert.deepEqual(ids(s), []);
    s.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'New 7 here.\n新的。\n\n' }]);
    assert.deepEqual(ids(s), ['test-digits@0']);
    // editing the pair itself keeps it ignored
    s.applyChanges([{ range: { start: { line: 6, character: 5 }, end: { line: 6, character: 7 } }, text: '26' }]);
    assert.equal(s.doc.lineText(6), 'Sold 26 units.');
    assert.deepEqual(ids(s), ['test-digits@0']);
  });

  it('ignore-for-pair edit inserts above the pair, or extends a directive already there', () => {
    const text = ['Intro.', '引言。', '  Sold 25 teh units.', '卖出了若干件。'].join('\r\n');
    const s = new DocumentSession(text, { rules });
    const model = s.check().model;
    const e1 = ignoreForPairEdit(s.doc, model, 3, 'test-digits')!;
    assert.deepEqual(e1, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  <!-- bilingual-review-disable-next-pair test-digits -->\r\n' });
    const t2 = applyEdits(text, [e1]);
    const s2 = new DocumentSession(t2, { rules });
    assert.deepEqual(ids(s2), ['test-typo@3']);
    const e2 = ignoreForPairEdit(s2.doc, s2.check().model, 3, 'test-typo')!;
    const t3 = applyEdits(t2, [e2]);
    assert.equal(t3.split('\r\n')[2], '  <!-- bilingual-review-disable-next-pair test-digits test-typo -->');
    assert.deepEqual(ids(new DocumentSession(t3, { rules })), []);
    const s3 = new DocumentSession(t3, { rules });
    assert.equal(ignoreForPairEdit(s3.doc, s3.check().model, 3, 'test-typo'), undefined);
  });

  it('ignore-in-file edit inserts a first line, or extends the top directive', () => {
    const text = ['Sold 25 teh units.', '卖出了若干件。', 'Sold 26 teh.', '卖出。'].join('\n');
    const s = new DocumentSession(text, { rules });
    const t2 = applyEdits(text, [ignoreInFileEdit(s.doc, 'test-typo')!]);
    assert.equal(t2.split('\n')[0], '<!-- bilingual-review-disable test-typo -->');
    const s2 = new DocumentSession(t2, { rules });
    assert.deepEqual(ids(s2), ['test-digits@1', 'test-digits@3']);
    const t3 = applyEdits(t2, [ignoreInFileEdit(s2.doc, 'test-digits')!]);
    assert.equal(t3.split('\n')[0], '<!-- bilingual-review-disable test-typo test-digits -->');
    assert.deepEqual(ids(new DocumentSession(t3, { rules })), []);
  });

  it('comment lines do not break pairing', () => {
    const text = ['An English line.', '<!-- bilingual-review-disable-next-pair test-digits -->', '一行中文。'].join('\n');
    const s = new DocumentSession(text, { rules });
    assert.equal(s.check().model.pairs.length, 1);
  });
});
