// The preview's request numbering and the editor half of the scroll echo guard.

import * as assert from 'node:assert/strict';
import { RequestSequencer, RevealGuard } from '../../client/src/preview/sync';

describe('preview sync bookkeeping', () => {
  it('an answer overtaken by a newer request is dropped, whatever order answers arrive in', async () => {
    const seq = new RequestSequencer();
    const shown: string[] = [];
    const ask = (answer: string, delay: number) => {
      const n = seq.next();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (seq.isLatest(n)) shown.push(answer);
          resolve();
        }, delay),
      );
    };
    // Three keystrokes' requests; the first answers last.
    await Promise.all([ask('v1', 30), ask('v2', 5), ask('v3', 15)]);
    assert.deepEqual(shown, ['v3']);
    const n = seq.next();
    seq.invalidate();
    assert.equal(seq.isLatest(n), false, 'closing the preview drops answers under way');
  });

  it('swallows only the editor report that lands on the revealed line, once, and not after its time', () => {
    const g = new RevealGuard(1000);
    g.mark(40, 0);
    assert.equal(g.swallow(40, 100), true);
    assert.equal(g.swallow(40, 150), false, 'consumed: the next report is the user scrolling');
    g.mark(40, 0);
    assert.equal(g.swallow(38, 100), false, 'the editor landed elsewhere: the page is told');
    assert.equal(g.swallow(40, 120), false);
    g.mark(40, 0);
    assert.equal(g.swallow(40, 5000), false, 'too late to be the echo');
    assert.equal(new RevealGuard().swallow(0), false);
  });
});
