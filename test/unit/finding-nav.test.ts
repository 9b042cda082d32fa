import * as assert from 'node:assert/strict';
import { compareSpans, stepFinding, type Span } from '../../client/src/findingNav';

const span = (l1: number, c1: number, l2 = l1, c2 = c1 + 1): Span => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const caret = (line: number, character: number): Span => ({ start: { line, character }, end: { line, character } });

describe('next / previous finding order', () => {
  const list = [span(2, 0, 2, 10), span(2, 4), span(5, 0, 5, 8), span(9, 3)].sort(compareSpans);

  it('next: the first finding after the cursor; previous: the last one before it', () => {
    assert.deepEqual(stepFinding(list, caret(0, 0), 'next'), { index: 0, wrapped: false });
    assert.deepEqual(stepFinding(list, caret(3, 0), 'next'), { index: 2, wrapped: false });
    assert.deepEqual(stepFinding(list, caret(3, 0), 'previous'), { index: 1, wrapped: false });
    // inside a finding: next skips it, previous goes back to its start
    assert.deepEqual(stepFinding(list, caret(5, 4), 'next'), { index: 3, wrapped: false });
    assert.deepEqual(stepFinding(list, caret(5, 4), 'previous'), { index: 2, wrapped: false });
  });

  it('from a selected finding moves to its neighbour, even when two start together', () => {
    assert.deepEqual(stepFinding(list, list[0], 'next'), { index: 1, wrapped: false });
    assert.deepEqual(stepFinding(list, list[1], 'previous'), { index: 0, wrapped: false });
  });

  it('wraps around the document', () => {
    assert.deepEqual(stepFinding(list, caret(20, 0), 'next'), { index: 0, wrapped: true });
    assert.deepEqual(stepFinding(list, list[3], 'next'), { index: 0, wrapped: true });
    assert.deepEqual(stepFinding(list, caret(0, 0), 'previous'), { index: 3, wrapped: true });
    assert.deepEqual(stepFinding(list, list[0], 'previous'), { index: 3, wrapped: true });
  });

  it('visits every one of several findings with the same range (two rules on one number)', () => {
    const same = [span(1, 0), span(1, 0), span(1, 0), span(4, 2)];
    const seen: number[] = [];
    let sel = caret(0, 0);
    let last: number | undefined;
    for (let k = 0; k < 5; k++) {
      const s = stepFinding(same, sel, 'next', last)!;
      seen.push(s.index);
      last = s.index;
      sel = same[s.index];
    }
    assert.deepEqual(seen, [0, 1, 2, 3, 0]);
    const back: number[] = [];
    for (let k = 0; k < 4; k++) {
      const s = stepFinding(same, sel, 'previous', last)!;
      back.push(s.index);
      last = s.index;
      sel = same[s.index];
    }
    assert.deepEqual(back, [3, 2, 1, 0]);
  });

  it('ignores a remembered index once the cursor moved away, and gives nothing for no findings', () => {
    assert.deepEqual(stepFinding(list, caret(6, 0), 'next', 0), { index: 3, wrapped: false });
    assert.equal(stepFinding([], caret(0, 0), 'next'), undefined);
  });
});
