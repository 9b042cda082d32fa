// The harness must not pass a broken suite: a deliberately wrong expectation
// (BR_E2E_INJECT_FAILURE=1) in a real code-server session gives a failure count
// and a non-zero exit; the same session without it passes.

import * as assert from 'node:assert/strict';
import { runIntegrationSuite } from './harness/codeServer';

describe('e2e harness self-test', function () {
  this.timeout(180000);

  it('a deliberately wrong expectation fails the code-server run', async () => {
    const r = await runIntegrationSuite({ env: { BR_E2E_INJECT_FAILURE: '1', BR_E2E_GREP: 'activates the extension|injected failure' }, echo: false });
    assert.equal(r.exitCode, 1, `exit code; log:\n${r.log.slice(-2000)}`);
    assert.deepEqual(r.counts, { passed: 1, failed: 1, skipped: 0 });
    assert.match(r.log, /this expectation is wrong on purpose/);
  });
});
