import * as assert from 'node:assert/strict';
import { DocumentSession } from '../../server/src/core';
import { ServerState, type OpenDocument } from '../../server/src/lsp/state';
import { installStatus, SLOW_CHECK_MS, statusOf, type StatusParams } from '../../server/src/lsp/status';

const TEXT = 'The plant opened in 2021.\n工厂于2021年投产。\n\nA caption with no translation.\n\nIt employs 300 people.\n它雇用了300人。\n';

/** A ServerState over a fake connection that records notifications. */
function fakeState(options: Record<string, unknown>) {
  const sent: { method: string; params: StatusParams }[] = [];
  const errors: string[] = [];
  const connection = {
    sendNotification: (method: string, params: StatusParams) => void sent.push({ method, params }),
    console: { error: (m: string) => errors.push(m), warn: () => undefined },
    onRequest: () => undefined,
  };
  const state = new ServerState(connection as never);
  state.initializationOptions = options;
  installStatus(state);
  const doc: OpenDocument = { uri: 'file:///a.bilingual', languageId: 'bilingual', version: 3, session: new DocumentSession(TEXT), findings: [] };
  return { state, sent, errors, doc };
}

describe('status notification (server side)', () => {
  it('statusOf counts pairs, unpaired lines and findings by severity', () => {
    const result = new DocumentSession(TEXT).check();
    const s = statusOf('file:///a.bilingual', 7, result, { workMs: 12.34, wallMs: 40 });
    assert.equal(s.pairs, 2);
    assert.equal(s.unpaired, 1);
    assert.equal(s.findings.total, result.findings.length);
    assert.equal(s.findings.warning, result.findings.filter((f) => f.severity === 'warning').length);
    assert.ok(s.findings.warning >= 1); // the caption
    assert.equal(s.version, 7);
    assert.equal(s.checkMs, 12.3);
    assert.equal(s.busy, false);
    assert.equal(s.slow, false);
    assert.equal(statusOf('u', 1, result, { workMs: SLOW_CHECK_MS + 1, wallMs: 0 }).slow, true);
    assert.equal(statusOf('u', 1, result, { workMs: SLOW_CHECK_MS, wallMs: 0 }).slow, false);
  });

  it('sends busy with the previous counts while a long check runs, then the new status', () => {
    const { state, sent, doc } = fakeState({ statusNotification: true });
    state.runHooks(state.busy, doc);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].method, 'bilingualReview/status');
    assert.deepEqual([sent[0].params.busy, sent[0].params.pairs, sent[0].params.findings.total], [true, 0, 0]);
    const result = doc.session.check();
    state.runHooks(state.published, doc, result, { workMs: 5, wallMs: 400 });
    assert.deepEqual([sent[1].params.busy, sent[1].params.pairs, sent[1].params.unpaired], [false, 2, 1]);
    doc.version = 4;
    state.runHooks(state.busy, doc);
    assert.deepEqual([sent[2].params.busy, sent[2].params.pairs, sent[2].params.version], [true, 2, 4]);
  });

  it('sends nothing unless the client asked, and a failing hook never breaks publishing', () => {
    const { state, sent, errors, doc } = fakeState({});
    state.runHooks(state.published, doc, doc.session.check(), { workMs: 1, wallMs: 1 });
    state.runHooks(state.busy, doc);
    assert.equal(sent.length, 0);
    state.published.unshift(() => {
      throw new Error('boom');
    });
    state.initializationOptions = { statusNotification: true };
    state.runHooks(state.published, doc, doc.session.check(), { workMs: 1, wallMs: 1 });
    assert.equal(sent.length, 1);
    assert.match(errors[0], /boom/);
  });
});

describe('status notification: a re-publish without a new check', () => {
  it('keeps the time of the check that produced the result', () => {
    const sent: StatusParams[] = [];
    const state = new ServerState({ sendNotification: (_m: string, p: StatusParams) => void sent.push(p), console: { error: () => undefined }, onRequest: () => undefined } as never);
    state.initializationOptions = { statusNotification: true };
    installStatus(state);
    const doc: OpenDocument = { uri: 'file:///b.bilingual', languageId: 'bilingual', version: 1, session: new DocumentSession(TEXT), findings: [] };
    const result = doc.session.check();
    state.runHooks(state.published, doc, result, { workMs: 42, wallMs: 50 });
    state.runHooks(state.published, doc, doc.session.check(), { workMs: 0.01, wallMs: 0.02 });
    assert.deepEqual(sent.map((s) => s.checkMs), [42, 42]);
    doc.session.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    state.runHooks(state.published, doc, doc.session.check(), { workMs: 3, wallMs: 3 });
    assert.equal(sent[2].checkMs, 3);
  });
});
