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

describe('preparing a newly read text in slices', () => {
  /** Counts LineRec.ownText calls per record while fn runs. */
  function countingOwnText<T>(fn: (calls: Map<unknown, number>) => T): T {
    const proto = Object.getPrototypeOf(new ReviewDocument('x').lines[0]) as { ownText(): void };
    const original = proto.ownText;
    const calls = new Map<unknown, number>();
    proto.ownText = function (this: unknown) {
      calls.set(this, (calls.get(this) ?? 0) + 1);
      original.call(this);
    };
    try {
      return fn(calls);
    } finally {
      proto.ownText = original;
    }
  }
  const text = Array.from({ length: 2600 }, (_, i) => (i % 2 ? `第${i}行的中文译文，足够长。` : `English line number ${i}, long enough.`)).join('\n');

  it('starts again where an abandoned pass stopped, and prepares each line once', () => {
    countingOwnText((calls) => {
      const doc = new ReviewDocument(text);
      const first = doc.prepareInSlices(() => true);
      first.next(); // one slice: 1,024 lines, then abandoned
      assert.equal(calls.size, 1024);
      const second = doc.prepareInSlices(() => true);
      while (!second.next().done);
      assert.equal(calls.size, doc.lineCount);
      assert.ok([...calls.values()].every((n) => n === 1), 'no line prepared twice');
      const third = doc.prepareInSlices(() => true);
      assert.equal(third.next().done, true, 'a prepared document returns at once');
    });
  });

  it('after an edit, prepares again from the edited line only, and every current line is prepared', () => {
    countingOwnText((calls) => {
      const doc = new ReviewDocument(text);
      const first = doc.prepareInSlices(() => true);
      first.next();
      first.next(); // 2,048 lines prepared
      // an edit at line 1,500 while the pass is paused (spliced in place), then the pass goes on
      doc.applyChanges([{ range: { start: { line: 1500, character: 0 }, end: { line: 1502, character: 0 } }, text: 'A new line.\n新的一行。\nAnother one.\n' }]);
      while (!first.next().done);
      for (const rec of doc.lines) assert.ok(calls.has(rec), `line ${doc.lines.indexOf(rec)} prepared`);
      for (let i = 0; i < 1500; i++) assert.equal(calls.get(doc.lines[i]), 1, `line ${i} prepared once`);
      // an edit after the pass: nothing to prepare
      const before = calls.size;
      doc.applyChanges([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      const again = doc.prepareInSlices(() => true);
      while (!again.next().done);
      assert.equal(calls.size, before);
    });
  });
});
