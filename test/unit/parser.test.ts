import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildModel, classifyLine, ReviewDocument, splitLines, joinLines, checkText } from '../../server/src/core';
import { SEED } from '../support/paths';

function model(text: string, order: 'auto' | 'en-zh' | 'zh-en' = 'auto') {
  return new ReviewDocument(text).model({ order });
}
const lines = (recs: { line: number }[]) => recs.map((r) => r.line);

describe('line splitting', () => {
  it('keeps every character for LF, CRLF and lone CR', () => {
    for (const text of ['a\nb', 'a\r\nb\r\n', 'a\rb\r', '', '\n', '\r\n\r\n', 'x\r\n\ny\rz']) {
      const split = splitLines(text);
      assert.equal(joinLines(split), text);
    }
    assert.deepEqual(splitLines('a\r\nb\rc\nd').lines, ['a', 'b', 'c', 'd']);
    assert.deepEqual(splitLines('a\r\nb\rc\nd').eols, ['\r\n', '\r', '\n', '']);
  });
});

describe('line classification', () => {
  const cases: [string, string][] = [
    ['', 'blank'],
    ['   \t ', 'blank'],
    ['\u3000', 'blank'],
    ['2024', 'other'],
    ['— 3.5 % —', 'other'],
    ['Batteries are increasingly critical.', 'en'],
    ['电池正变得日益关键。', 'zh'],
    ['数据中心工程公司Burns & McDonnell的高管贾斯汀·格鲁茨纳坦言', 'zh'],
    ['2024年,初创企业Group14 Technologies曾获得拜登政府2亿美元资助', 'zh'],
    ['OpenAI发布了GPT-5模型。', 'zh'],
    ['The word 中文 means the Chinese language in writing.', 'en'],
    ['Oct.', 'en'],
    ['𠀀𠀁𠀂 are rare characters', 'en'],
    ['𠀀𠀁𠀂𠀃字', 'zh'],
    ['<!-- review-disable-next-line number-mismatch -->', 'other'],
    ['  <!-- note -->  ', 'other'],
  ];
  for (const [text, kind] of cases) {
    it(`${JSON.stringify(text)} → ${kind}`, () => assert.equal(classifyLine(text), kind));
  }
});

describe('pairing', () => {
  it('pairs each English line with the Chinese line after it', () => {
    const m = model('Hello.\n你好。\n\nGoodbye.\n再见。\n');
    assert.equal(m.order, 'en-zh');
    assert.equal(m.pairs.length, 2);
    assert.deepEqual(m.pairs.map((p) => [p.source.line, p.target.line]), [[0, 1], [3, 4]]);
    assert.equal(m.unpaired.length, 0);
  });

  it('allows blank lines between a line and its translation', () => {
    const m = model('Hello there.\n\n你好。\n');
    assert.deepEqual(m.pairs.map((p) => [p.source.line, p.target.line]), [[0, 2]]);
  });

  it('records Chinese-only captions and English lines without translation as unpaired', () => {
    const m = model('One.\n一。\n图片说明:一座工厂。\nTwo.\n二。\nThree has no translation.\n');
    assert.deepEqual(lines(m.unpaired), [2, 5]);
    assert.equal(m.pairs.length, 2);
  });

  it('detects Chinese→English order from the document', () => {
    const text = '2024年,Group14获得2亿美元。\nIn 2024, Group14 won $200 million.\n\nOpenAI在10月致信。\nOpenAI wrote in October 10.\n';
    const m = model(text);
    assert.equal(m.order, 'zh-en');
    assert.equal(m.orderSource, 'detected');
    assert.deepEqual(m.pairs.map((p) => [p.source.line, p.target.line]), [[0, 1], [3, 4]]);
    assert.equal(m.pairs[0].sourceLang, 'zh');
  });

  it('uses the order the setting gives', () => {
    const m = model('你好。\nHello.\n', 'en-zh');
    assert.equal(m.order, 'en-zh');
    assert.equal(m.pairs.length, 0);
    assert.equal(m.unpaired.length, 2);
    assert.equal(model('你好。\nHello.\n', 'zh-en').pairs.length, 1);
  });

  it('handles an empty file, one language only and a BOM-less single line', () => {
    assert.equal(model('').pairs.length, 0);
    assert.equal(model('').unpaired.length, 0);
    const en = model('One.\nTwo.\nThree.');
    assert.equal(en.pairs.length, 0);
    assert.equal(en.unpaired.length, 3);
    const zh = model('一。\n二。');
    assert.equal(zh.unpaired.length, 2);
  });

  it('pairs CRLF and lone-CR documents the same way as LF', () => {
    const base = 'Hello.\n你好。\n\nCaption only\nBye.\n再见。';
    const expect = model(base);
    for (const eol of ['\r\n', '\r']) {
      const m = model(base.replace(/\n/g, eol));
      assert.deepEqual(m.pairs.map((p) => [p.source.line, p.target.line]), expect.pairs.map((p) => [p.source.line, p.target.line]));
      assert.deepEqual(lines(m.unpaired), lines(expect.unpaired));
    }
  });

  it('copes with very long lines', () => {
    const long = 'word '.repeat(200000);
    const m = model(`${long}\n${'字'.repeat(300000)}\n`);
    assert.equal(m.pairs.length, 1);
  });

  it('pairs mixed-script lines by their dominant script', () => {
    const m = model('Group14 Technologies won a grant.\n初创企业Group14 Technologies获得资助。\n');
    assert.equal(m.pairs.length, 1);
  });

  it('on the seed article: 51 pairs and 7 unpaired Chinese captions', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const m = buildModel(new ReviewDocument(text).lines, { order: 'auto' });
    assert.equal(m.order, 'en-zh');
    assert.equal(m.pairs.length, 51);
    assert.deepEqual(lines(m.unpaired), [25, 36, 47, 70, 79, 86, 97]);
    assert.ok(m.unpaired.every((r) => r.kind === 'zh'));
  });

  it('on the seed with a BOM and CRLF, the same findings', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const a = checkText(text).findings.map((f) => f.range.start.line);
    const b = checkText(text.replace(/\n/g, '\r\n')).findings.map((f) => f.range.start.line);
    assert.deepEqual(a, b);
  });
});
