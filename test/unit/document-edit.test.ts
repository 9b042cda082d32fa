import * as assert from 'node:assert/strict';
import { DocumentSession, ReviewDocument, RULES } from '../../server/src/core';
import type { PairRule } from '../../server/src/core/rule';

/** Applies an LSP-style edit to a plain string, as the editor would. */
function applyToString(text: string, start: { line: number; character: number }, end: { line: number; character: number }, insert: string): string {
  const offsets: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      offsets.push(i + 2);
      i++;
    } else if (c === '\n' || c === '\r') offsets.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => offsets[p.line] + p.character;
  return text.slice(0, off(start)) + insert + text.slice(off(end));
}

describe('incremental edits', () => {
  const base = 'Hello.\n你好。\n\nBye.\r\n再见。\rEnd';
  const edits: [number, number, number, number, string][] = [
    [0, 0, 0, 0, 'X'],
    [0, 6, 1, 0, ''],
    [1, 3, 1, 3, '\n新行'],
    [2, 0, 2, 0, '\r\n'],
    [3, 4, 4, 1, ''],
    [4, 3, 5, 0, ''],
    [5, 0, 5, 0, '\n'],
    [0, 0, 5, 3, 'all gone'],
    [5, 3, 5, 3, '\r'],
    [4, 0, 4, 0, 'Start\r'],
  ];
  for (const [sl, sc, el, ec, t] of edits) {
    it(`edit (${sl},${sc})-(${el},${ec}) ${JSON.stringify(t)} matches a full re-parse`, () => {
      const doc = new ReviewDocument(base);
      doc.applyChanges([{ range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, text: t }]);
      const expected = applyToString(base, { line: sl, character: sc }, { line: el, character: ec }, t);
      assert.equal(doc.getText(), expected);
      assert.deepEqual(doc.lines.map((l) => l.text), new ReviewDocument(expected).lines.map((l) => l.text));
    });
  }

  it('keeps the records (and their caches) of untouched lines', () => {
    const doc = new ReviewDocument('a\nb\nc\nd');
    const before = doc.lines.slice();
    doc.applyChanges([{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'x' }]);
    assert.equal(doc.lines[0], before[0]);
    assert.notEqual(doc.lines[1], before[1]);
    assert.equal(doc.lines[2], before[2]);
    assert.equal(doc.lines[3], before[3]);
  });

  it('re-checks only the pair an edit touched', () => {
    const seen: string[] = [];
    const probe: PairRule = {
      id: 'probe',
      scope: 'pair',
      defaultSeverity: 'information',
      fixable: false,
      description: { en: 'test', zh: '测试' },
      checkPair({ source }) {
        seen.push(source.text);
        return [{ span: { side: 'target', start: 0, end: 1 }, message: 'probe' }];
      },
    };
    const text = Array.from({ length: 50 }, (_, i) => `Line ${i} about batteries.\n第${i}行关于电池。`).join('\n') + '\n孤立的一行。';
    const s = new DocumentSession(text, { rules: [probe, ...RULES] });
    const first = s.check();
    assert.equal(first.stats.pairsChecked, 50);
    assert.equal(first.findings.filter((f) => f.ruleId === 'unpaired-line').length, 1);
    seen.length = 0;
    // insert a line above pair 10: every pair moves, only the edited one is re-checked
    s.applyChanges([{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '\nNow ' }]);
    const second = s.check();
    assert.deepEqual(seen, ['Now Line 5 about batteries.']);
    assert.equal(second.stats.pairsChecked, 1);
    assert.equal(second.findings.filter((f) => f.ruleId === 'probe').length, 50);
    assert.equal(second.findings.find((f) => f.ruleId === 'unpaired-line')!.range.start.line, 101);
    // findings of pairs below the edit moved with their lines
    assert.deepEqual(second.findings.filter((f) => f.ruleId === 'probe').slice(4, 7).map((f) => f.range.start.line), [9, 12, 14]);
  });

  it('a full-text change replaces the document', () => {
    const doc = new ReviewDocument('a\nb');
    doc.applyChanges([{ text: 'x\r\ny' }]);
    assert.equal(doc.getText(), 'x\r\ny');
  });
});
