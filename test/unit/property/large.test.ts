// Size extremes: lines of 1 MB (realistic fragments and garbage, and single-character
// floods that stress regular expressions and the word segmenter) and a document of
// 1,000,000 lines. Nothing throws, every range lies inside the document, and an edit
// of the huge document re-pairs to what a fresh parse gives. Under `npm run fuzz`
// (FUZZ_RUNS set) every rule also runs over the 1,000,000 lines.

import * as assert from 'node:assert/strict';
import { DocumentSession, getRule, inspectAt, ReviewDocument, RULES } from '../../../server/src/core';
import { checkFinding, checkRange, EN_FRAGMENTS, FUZZING, GARBAGE, GLOSSARY, linesOf, ZH_FRAGMENTS } from '../../support/hostile';

const MB = 1 << 20;

/** A long run of fragments chosen by a fixed pseudo-random sequence. */
function longLine(frags: readonly string[], length: number, seed: number): string {
  const parts: string[] = [];
  let n = 0;
  let x = seed;
  while (n < length) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const f = frags[x % frags.length] + ((x >> 8) % 3 === 0 ? ' ' : '');
    parts.push(f);
    n += f.length;
  }
  return parts.join('');
}

const NO_BREAKS = (g: string) => !/[\r\n]/.test(g);

function checkAll(text: string, rules = RULES) {
  const errors: string[] = [];
  const session = new DocumentSession(text, { rules, env: { services: { glossary: GLOSSARY }, onRuleError: (id, e) => errors.push(`${id}: ${(e as Error)?.stack ?? e}`) } });
  const result = session.check();
  assert.deepEqual(errors, [], errors.join('\n'));
  const lines = linesOf(text);
  for (const f of result.findings) checkFinding(lines, f);
  return { session, result };
}

describe('size extremes', () => {
  // Generous bounds: these are not speed goals (the benchmark has those), only a guard against hangs.
  beforeEach(function () {
    this.timeout(120_000);
  });

  // 1 MB under `npm run fuzz`; a quarter of that in `npm test` (tens of thousands of findings either way)
  const LONG = FUZZING ? MB : MB / 4;
  it(`a pair of ${LONG / 1024} KB lines of bilingual fragments and garbage: every rule, ranges valid, hover anywhere`, () => {
    const en = longLine([...EN_FRAGMENTS, ...GARBAGE.filter(NO_BREAKS)], LONG, 1);
    const zh = longLine([...ZH_FRAGMENTS, ...GARBAGE.filter(NO_BREAKS)], LONG, 2);
    const text = `${en}\n${zh}\n`;
    const { session, result } = checkAll(text);
    assert.ok(result.findings.length > 1000, 'the fragments are found in the long lines');
    const lines = linesOf(text);
    for (const line of [0, 1])
      for (const at of [0, 1, 4097, LONG / 2, LONG - 1, LONG + 5000]) {
        const r = inspectAt(session, { line, character: at });
        assert.ok(r, `a hover at ${line}:${at}`);
        checkRange(lines, r.range, `hover at ${line}:${at}`);
        for (const h of r.highlights) checkRange(lines, h.range, `highlight at ${line}:${at}`);
      }
  });

  const floods: Record<string, string> = {
    'Latin letters': 'a'.repeat(MB),
    capitals: 'A'.repeat(MB),
    digits: '9'.repeat(MB),
    'Han characters': '一'.repeat(MB),
    emoji: '😀'.repeat(MB / 2),
    'combining marks': 'e' + '\u0301'.repeat(MB),
    'zero-width spaces': '\u200B'.repeat(MB),
    NUL: '\u0000'.repeat(MB),
    'lone surrogates': '\uD800'.repeat(MB),
    'dotted numbers': '1.'.repeat(MB / 2),
    commas: '1,'.repeat(MB / 2),
    'full-width digits': '１'.repeat(MB),
    quotes: '“'.repeat(MB),
    spaces: ' '.repeat(MB),
    ...(FUZZING ? { words: 'Word '.repeat(MB / 5), 'Han and digits': '一2'.repeat(MB / 2), 'mixed words': 'The 电芯 '.repeat(MB / 8) } : {}),
  };
  for (const [name, flood] of Object.entries(floods)) {
    it(`a 1 MB line of ${name} on either side of a pair`, () => {
      checkAll(`The plant opened.\n${flood}\n工厂开业了。\n${flood}\n`);
    });
  }

  it('a document of 1,000,000 lines: exact text back, pairs valid, unpaired lines found, an edit re-pairs like a fresh parse', () => {
    const pairs = [
      ['The plant cost $4.5 billion in 2023.', '工厂耗资45亿美元。'],
      ['It weighs 25 lb.', '它重25公斤。'],
      ['A new anode arrived.', '新的阳极到了。'],
    ];
    const lines: string[] = [];
    for (let i = 0; lines.length < 1_000_000; i++) {
      const p = pairs[i % pairs.length];
      lines.push(p[0] + (i % 7 === 0 ? GARBAGE[i % GARBAGE.length].replace(/[\r\n]/g, '') : ''), p[1]);
      if (i % 5 === 0) lines.push('');
      if (i % 11 === 0) lines.push('说明文字');
    }
    lines.length = 1_000_000;
    const eols = ['\n', '\r\n', '\n', '\r'];
    const text = lines.map((l, i) => l + (i === lines.length - 1 ? '' : eols[i % 4 === 3 && lines[i + 1] === '' ? 0 : i % 4])).join('');
    const doc = new ReviewDocument(text);
    assert.equal(doc.lineCount, 1_000_000);
    assert.equal(doc.getText(), text);
    const { session, result } = checkAll(text, FUZZING ? RULES : [getRule('unpaired-line')!]);
    const model = result.model;
    assert.ok(model.pairs.length > 400_000);
    for (const p of model.pairs) assert.ok(p.source.line < p.target.line && p.target.line < 1_000_000);
    assert.ok(result.findings.some((f) => f.ruleId === 'unpaired-line'));
    // an edit in the middle: same pairing as a document parsed from the new text
    session.applyChanges([{ range: { start: { line: 500_000, character: 0 }, end: { line: 500_001, character: 3 } }, text: 'Inserted line.\n插入的行。\n' }]);
    const after = session.check();
    const fresh = new DocumentSession(session.doc.getText(), { rules: [getRule('unpaired-line')!] }).check();
    assert.equal(after.model.pairs.length, fresh.model.pairs.length);
    assert.deepEqual(
      after.model.pairs.slice(249_000, 251_000).map((p) => [p.source.line, p.target.line]),
      fresh.model.pairs.slice(249_000, 251_000).map((p) => [p.source.line, p.target.line]),
    );
    const unpaired = (fs: readonly { ruleId: string }[]) => fs.filter((f) => f.ruleId === 'unpaired-line');
    assert.equal(JSON.stringify(unpaired(after.findings)), JSON.stringify(unpaired(fresh.findings)));
  });
});
