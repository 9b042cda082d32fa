import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { defaultConfig, DocumentSession, escapeMarkdown, inspectAt, inspectMarkdown, RULES, SECTION_SEPARATOR } from '../../server/src/core';
import { SEED } from '../support/paths';
import { testDigits, testWordCount } from '../support/test-rules';

// The generic machinery is tested with unpaired-line and test-only rules, so real rules added later do not change the expectations.
const rules = [...RULES.filter((r) => r.id === 'unpaired-line'), testDigits, testWordCount];
const zh = { ...defaultConfig(), locale: 'zh-cn' as const };

describe('inspect (hover and highlight assembly)', () => {
  const seed = fs.readFileSync(SEED, 'utf8');
  const seedLines = seed.split('\n');

  it('shows the counterpart of a translation line in full: the source, with its 1-based line number', () => {
    const s = new DocumentSession(seed);
    const r = inspectAt(s, { line: 51, character: 3 })!;
    const last = r.sections[r.sections.length - 1];
    assert.equal(last.kind, 'counterpart');
    assert.equal(last.markdown, `**Source** · English · line 51\n\n> ${escapeMarkdown(seedLines[50])}`);
    assert.deepEqual(r.range, { start: { line: 51, character: 0 }, end: { line: 51, character: seedLines[51].length } });
  });

  it('shows the translation of a source line, in Chinese for a Chinese UI', () => {
    const s = new DocumentSession(seed, { config: zh });
    const r = inspectAt(s, { line: 58, character: 0 })!;
    assert.equal(inspectMarkdown(r), `**译文** · 中文 · 第 60 行\n\n> 数据中心为何需要电池`);
  });

  it('on an unpaired line: the finding with its explanation and doc link, then "no counterpart"', () => {
    const s = new DocumentSession(seed);
    const r = inspectAt(s, { line: 25, character: 2 }, { docUrl: (id) => `file:///docs/${id}.md` })!;
    assert.deepEqual(r.sections.map((x) => x.kind), ['finding', 'counterpart']);
    assert.equal(
      r.sections[0].markdown,
      '**unpaired-line** (warning): Chinese line has no English source\n\n' +
        'A line has no counterpart in the other language \\(a missing translation, or a caption left untranslated\\). [Rule documentation](file:///docs/unpaired-line.md)',
    );
    assert.equal(r.sections[1].markdown, '**No counterpart** · this Chinese line (line 26) has no English source');
    assert.ok(inspectMarkdown(r).includes(SECTION_SEPARATOR));
  });

  it('calls inspect() of pair rules: the token, its counterpart highlighted, the hover range is the token', () => {
    const s = new DocumentSession('The soldier carries 25 pounds for 72 hours.\n士兵在72小时内携带25磅。', { rules });
    const r = inspectAt(s, { line: 0, character: 21 })!;
    assert.equal(r.sections[0].kind, 'inspection');
    assert.equal(r.sections[0].ruleId, 'test-digits');
    assert.equal(r.sections[0].markdown, '**25** matches 1 in the other line (identity conversion)');
    assert.deepEqual(r.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 22 } });
    assert.deepEqual(r.highlights, [
      { range: { start: { line: 0, character: 20 }, end: { line: 0, character: 22 } }, role: 'self' },
      { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } }, role: 'counterpart' },
    ]);
    // from the Chinese side
    const back = inspectAt(s, { line: 1, character: 3 })!;
    assert.deepEqual(back.highlights.map((h) => h.range.start), [{ line: 1, character: 3 }, { line: 0, character: 34 }]);
  });

  it('calls inspect() of document rules with their state, and skips rules that are off', () => {
    const s = new DocumentSession('The cat saw the cat.\n猫看见了猫。', { rules });
    const r = inspectAt(s, { line: 0, character: 5 })!;
    assert.ok(r.sections.some((x) => x.ruleId === 'test-word-count' && x.markdown === 'word *cat* occurs 2 times'));
    s.setConfig({ ...defaultConfig(), rules: { 'test-word-count': 'off', 'test-digits': 'off' } });
    assert.deepEqual(inspectAt(s, { line: 0, character: 5 })!.sections.map((x) => x.kind), ['counterpart']);
  });

  it('a rule that throws is reported and the hover still comes', () => {
    const errors: string[] = [];
    const broken = { ...testDigits, id: 'broken', inspect: () => { throw new Error('boom'); } };
    const s = new DocumentSession('A 1.\n一1。', { rules: [broken], env: { onRuleError: (id) => errors.push(id) } });
    assert.equal(inspectAt(s, { line: 0, character: 2 })!.sections.at(-1)!.kind, 'counterpart');
    assert.deepEqual(errors, ['broken']);
  });

  it('never splits a surrogate pair and shows document text literally', () => {
    const s = new DocumentSession('<img src=x onerror=alert(1)> *bold* [link](http://x)\n𠀀中文行。', { rules });
    const r = inspectAt(s, { line: 1, character: 1 })!;
    assert.equal(r.range.start.character, 0);
    const md = inspectMarkdown(r);
    assert.ok(md.includes('\\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\[link\\]\\(http://x\\)'), md);
  });

  it('explains a suppression directive, naming what it covers and unknown rules', () => {
    const text = ['<!-- bilingual-review-disable-next-pair test-digits no-such-rule -- rounded in the source -->', 'Sold 25.', '卖出。'].join('\n');
    const s = new DocumentSession(text, { rules });
    const r = inspectAt(s, { line: 0, character: 10 })!;
    assert.deepEqual(r.sections.map((x) => x.kind), ['directive']);
    assert.equal(
      r.sections[0].markdown,
      '**Suppression** · Ignores `test-digits`, `no-such-rule` for the next pair (lines 2–3).\n\nReason: rounded in the source\n\nUnknown rule `no-such-rule`: this name ignores nothing.',
    );
  });

  it('has nothing to say on blank lines or past the end', () => {
    const s = new DocumentSession('\nA.\n一。');
    assert.equal(inspectAt(s, { line: 0, character: 0 }), undefined);
    assert.equal(inspectAt(s, { line: 9, character: 0 }), undefined);
  });
});
