// The custom requests and notifications the VS Code client relies on, over
// stdio JSON-RPC against the bundled server: bilingualReview/counterpart
// ("Go to Counterpart Line") and bilingualReview/status (the status item).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DocumentSession } from '../../server/src/core';
import type { StatusParams } from '../../server/src/lsp/status';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const uri = fileUri(SEED);
const text = fs.readFileSync(SEED, 'utf8');
const lines = text.split('\n');

type Status = StatusParams;

/** Collects bilingualReview/status notifications; waits for one matching pred. */
function statusRecorder(client: LspTestClient) {
  const seen: Status[] = [];
  let waiters: { pred: (s: Status) => boolean; resolve: (s: Status) => void }[] = [];
  client.conn.onNotification('bilingualReview/status', (s: Status) => {
    seen.push(s);
    waiters = waiters.filter((w) => (w.pred(s) ? (w.resolve(s), false) : true));
  });
  return {
    seen,
    next(pred: (s: Status) => boolean = () => true, timeoutMs = 10000): Promise<Status> {
      const hit = seen.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching bilingualReview/status')), timeoutMs);
        waiters.push({ pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      });
    },
  };
}

describe('bilingualReview/counterpart over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await wait;
  });
  after(async () => client.shutdown());

  it('from a translation (0-based line 51) goes to its source line 50, and back', async () => {
    const up = await client.request('bilingualReview/counterpart', { uri, position: { line: 51, character: 0 } });
    assert.equal(up.uri, uri);
    assert.equal(up.line, 50);
    assert.equal(up.role, 'source');
    assert.equal(up.lang, 'en');
    assert.deepEqual(up.range, { start: { line: 50, character: 0 }, end: { line: 50, character: lines[50].length } });
    assert.deepEqual(up.selection, { start: { line: 50, character: 0 }, end: { line: 50, character: 0 } });
    const down = await client.request('bilingualReview/counterpart', { uri, position: { line: 50, character: lines[50].length } });
    assert.equal(down.line, 51);
    assert.equal(down.role, 'translation');
    assert.equal(down.selection.start.character, lines[51].length);
  });

  it('answers null on a blank line, an unpaired caption, an unknown document and malformed params', async () => {
    assert.equal(await client.request('bilingualReview/counterpart', { uri, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('bilingualReview/counterpart', { uri, position: { line: 25, character: 0 } }), null);
    assert.equal(await client.request('bilingualReview/counterpart', { uri: 'file:///nowhere.bilingual', position: { line: 1, character: 0 } }), null);
    assert.equal(await client.request('bilingualReview/counterpart', { uri }), null);
    assert.equal(await client.request('bilingualReview/counterpart', null), null);
  });

  it('follows edits: a line inserted above moves the answer down', async () => {
    const wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
    await wait;
    const c = await client.request('bilingualReview/counterpart', { uri, position: { line: 53, character: 0 } });
    assert.equal(c.line, 52);
  });
});

describe('bilingualReview/status over stdio', () => {
  let client: LspTestClient;
  afterEach(async () => client?.shutdown());

  it('after each check reports pairs, unpaired lines and findings by severity for that version', async () => {
    client = new LspTestClient();
    await client.initialize({ initializationOptions: { statusNotification: true } });
    const status = statusRecorder(client);
    const diags = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const published = await diags;
    const s = await status.next((x) => x.version === 1 && !x.busy);
    const core = new DocumentSession(text).check();
    assert.equal(s.uri, uri);
    assert.equal(s.pairs, core.model.pairs.length);
    assert.ok(s.pairs > 40, String(s.pairs));
    assert.equal(s.unpaired, 7);
    assert.equal(s.findings.total, published.diagnostics.length);
    assert.equal(s.findings.error + s.findings.warning + s.findings.information + s.findings.hint, s.findings.total);
    assert.equal(s.findings.warning, published.diagnostics.filter((d) => d.severity === 2).length);
    assert.equal(s.order, 'en-zh');
    assert.equal(s.orderSource, 'detected');
    assert.equal(typeof s.checkMs, 'number');
    assert.equal(s.slow, s.checkMs > 1000);

    // a settings change re-checks without reopening: the counts follow
    client.settings = { rules: { 'unpaired-line': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await status.next((x) => x.findings.total === s.findings.total - 7);
    assert.equal(off.unpaired, 7, 'the lines are still unpaired; only their findings are off');
    assert.equal(off.version, 1);

    // an edit: a new status for the new version
    const wait2 = status.next((x) => x.version === 2 && !x.busy);
    await client.change(uri, 2, [{ range: { start: { line: 25, character: 0 }, end: { line: 25, character: 0 } }, text: 'An English source for the caption.\n' }]);
    const v2 = await wait2;
    assert.equal(v2.unpaired, 6);
    assert.equal(v2.pairs, s.pairs + 1);
  });

  it('is not sent to a client that did not ask for it', async () => {
    client = new LspTestClient();
    await client.initialize();
    const status = statusRecorder(client);
    const diags = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await diags;
    // a request after the publish: its answer arrives after any notification the check sent
    await client.request('bilingualReview/counterpart', { uri, position: { line: 1, character: 0 } });
    assert.equal(status.seen.length, 0);
    // but it can ask
    const polled = await client.request('bilingualReview/getStatus', { uri });
    assert.equal(polled.uri, uri);
    assert.equal(polled.unpaired, 7);
    assert.equal(polled.version, 1);
    assert.equal(await client.request('bilingualReview/getStatus', { uri: 'file:///nowhere.bilingual' }), null);
    assert.equal(await client.request('bilingualReview/getStatus', null), null);
  });
});
