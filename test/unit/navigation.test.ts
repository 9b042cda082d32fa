import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { counterpartAt, counterpartLine, defaultConfig, DocumentSession, proportionalOffset, RULES } from '../../server/src/core';
import { SEED } from '../support/paths';
import { testDigits } from '../support/test-rules';

const rules = [...RULES.filter((r) => r.id === 'unpaired-line'), testDigits];

describe('go to counterpart (core)', () => {
  const seed = fs.readFileSync(SEED, 'utf8');
  const seedLines = seed.split('\n');

  it('from a source line to its translation and back, on the seed', () => {
    const s = new DocumentSession(seed);
    const model = s.check().model;
    assert.deepEqual(counterpartLine(model, 50), { line: 51, role: 'translation', lang: 'zh' });
    assert.deepEqual(counterpartLine(model, 51), { line: 50, role: 'source', lang: 'en' });
    const c = counterpartAt(s, { line: 95, character: 0 })!;
    assert.equal(c.line, 96);
    assert.deepEqual(c.range, { start: { line: 96, character: 0 }, end: { line: 96, character: seedLines[96].length } });
  });

  it('has none on blank lines, unpaired lines and past the end', () => {
    const s = new DocumentSession(seed);
    const model = s.check().model;
    assert.equal(seedLines[0].trim(), '');
    assert.equal(counterpartAt(s, { line: 0, character: 0 }), undefined);
    assert.equal(counterpartAt(s, { line: 25, character: 2 }), undefined); // a Chinese caption with no English source
    assert.equal(counterpartLine(model, 25), undefined);
    assert.equal(counterpartAt(s, { line: seedLines.length + 5, character: 0 }), undefined);
  });

  it('skips blank lines between the two lines of a pair, in either order', () => {
    const s = new DocumentSession('你好，世界。\n\n\nHello, world.\n再见。\nGoodbye.\n', { config: { ...defaultConfig(), order: 'zh-en' } });
    assert.equal(counterpartAt(s, { line: 0, character: 1 })!.line, 3);
    assert.equal(counterpartAt(s, { line: 3, character: 0 })!.line, 0);
    assert.equal(counterpartAt(s, { line: 5, character: 0 })!.role, 'source');
  });

  it('lands on the counterpart of the number under the cursor when a rule matched it', () => {
    const s = new DocumentSession('The soldier carries 25 pounds for 72 hours.\n士兵在72小时内携带25磅。', { rules });
    assert.deepEqual(counterpartAt(s, { line: 0, character: 21 })!.selection, { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
    assert.deepEqual(counterpartAt(s, { line: 1, character: 3 })!.selection, { start: { line: 0, character: 34 }, end: { line: 0, character: 36 } });
  });

  it('elsewhere lands at the same relative place of the other line (an empty selection)', () => {
    const en = 'A sentence of forty characters, roughly.';
    const zh = '二十个字左右的一句话，大约如此。';
    const s = new DocumentSession(`${en}\n${zh}\n`, { rules });
    const mid = counterpartAt(s, { line: 0, character: 20 })!.selection;
    assert.deepEqual(mid, { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } });
    assert.deepEqual(counterpartAt(s, { line: 0, character: en.length })!.selection.start, { line: 1, character: zh.length });
    assert.deepEqual(counterpartAt(s, { line: 1, character: 0 })!.selection.start, { line: 0, character: 0 });
  });

  it('never lands inside a surrogate pair', () => {
    const s = new DocumentSession('Emoji 😀😀😀😀 here.\n表情😀😀😀😀在此。\n', { rules });
    for (let ch = 0; ch <= 17; ch++) {
      const c = counterpartAt(s, { line: 0, character: ch })!.selection.start.character;
      const code = '表情😀😀😀😀在此。'.charCodeAt(c);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `offset ${c} from ${ch}`);
    }
  });

  it('proportionalOffset keeps the ends and scales the middle', () => {
    assert.equal(proportionalOffset(0, 10, 4), 0);
    assert.equal(proportionalOffset(10, 10, 4), 4);
    assert.equal(proportionalOffset(5, 10, 4), 2);
    assert.equal(proportionalOffset(3, 0, 4), 0);
    assert.equal(proportionalOffset(12, 10, 4), 4);
  });
});
