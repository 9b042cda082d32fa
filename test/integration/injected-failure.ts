// Loaded only with BR_E2E_INJECT_FAILURE=1: a deliberately wrong expectation,
// so the harness can show that a failing test fails the run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness self-test', () => {
  it('injected failure: the seed has no findings (deliberately wrong)', () => {
    const all = vscode.languages.getDiagnostics();
    assert.equal(all.length, -1, 'this expectation is wrong on purpose');
  });
});
