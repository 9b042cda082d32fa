// The preview's editor glue (client/src/preview/manager.ts) against a fake vscode
// API and a fake language client answering from the real core: panel options and
// HTML, live updates (debounced, stale answers dropped), scroll sync echo guard,
// click-to-reveal and the serializer.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildPreview, checkText } from '../../server/src/core';
import { createFakeVscode, fakeEditor, fakePanel, installFakeVscode, Uri, type FakeEditor, type FakePanel } from '../support/fake-vscode';
import { SEED } from '../support/paths';

const seed = fs.readFileSync(SEED, 'utf8');
const uri = Uri.parse('file:///work/batteries.en-zh.txt');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stateOf(html: string): any {
  return JSON.parse(/<script type="application\/json" id="preview-state">([\s\S]*?)<\/script>/.exec(html)![1]);
}

describe('preview manager (fake vscode)', () => {
  let fake: ReturnType<typeof createFakeVscode>;
  let restore: () => void;
  let editor: FakeEditor;
  let requests: any[];
  let delays: number[];
  let text: string;

  beforeEach(() => {
    fake = createFakeVscode();
    restore = installFakeVscode(fake.api);
    editor = fakeEditor(uri, seed);
    fake.api.window.activeTextEditor = editor;
    fake.api.window.visibleTextEditors = [editor];
    requests = [];
    delays = [];
    text = seed;
    const client = {
      sendRequest: async (method: string, params: any) => {
        assert.equal(method, 'bilingualReview/preview');
        requests.push(params);
        const delay = delays.shift() ?? 0;
        const r = checkText(text);
        const answer = { uri: params.uri, version: requests.length, checking: false, ...buildPreview(r.model, r.findings, params) };
        if (delay) await sleep(delay);
        return answer;
      },
    };
    delete require.cache[require.resolve('../../client/src/preview/manager')];
    const { registerPreview } = require('../../client/src/preview/manager');
    registerPreview({ subscriptions: [], extensionUri: Uri.file('/ext') }, () => client);
  });
  afterEach(() => restore());

  async function open(): Promise<FakePanel> {
    await fake.commands.get('bilingualReview.showPreviewToSide')!();
    const panel = fake.panels[0];
    for (let i = 0; i < 100 && !panel.webview.html; i++) await sleep(10);
    return panel;
  }

  it('opens one panel per document, scripts on, resources from media/ only, the rows in the page', async () => {
    const panel = await open();
    assert.equal(panel.viewType, 'bilingualReview.preview');
    assert.equal(panel.title, 'Preview batteries.en-zh.txt');
    const options = panel.webview.options as any;
    assert.equal(options.enableScripts, true);
    assert.deepEqual(
      options.localResourceRoots.map((u: Uri) => u.toString()),
      ['file:///ext/media'],
    );
    const html = panel.webview.html;
    assert.match(html, /default-src &#39;none&#39;/);
    assert.match(html, /<script nonce="[A-Za-z0-9+/=]{22,}" src="https:\/\/fake\.vscode-cdn\.test\/\/ext\/media\/preview\.js"><\/script>/);
    const state = stateOf(html);
    assert.equal(state.uri, uri.toString());
    assert.equal(state.data.rows.length, 58);
    assert.equal(state.labels.pairs, '{0} pairs');
    await fake.commands.get('bilingualReview.showPreviewToSide')!();
    assert.equal(fake.panels.length, 1, 'the same document reuses its preview');
  });

  it('edits refresh once after a pause; an answer overtaken by a newer one is dropped', async () => {
    const panel = await open();
    const before = requests.length;
    for (let i = 0; i < 3; i++) {
      fake.events.changeText.fire({ document: editor.document, contentChanges: [{}] });
      await sleep(20);
    }
    await sleep(250);
    assert.equal(requests.length, before + 1, 'three quick edits, one request');
    const updates = panel.webview.posted.filter((m) => m.type === 'update');
    assert.equal(updates.length, 1);
    assert.equal(typeof updates[0].seq, 'number');
    // A slow answer followed by a fast one: only the fast (newer) one reaches the page.
    delays.push(300, 0);
    text = seed.replace(/^/, 'First caption without translation\n');
    fake.events.changeText.fire({ document: editor.document, contentChanges: [{}] });
    await sleep(200); // the slow request is under way
    text = seed;
    fake.events.changeText.fire({ document: editor.document, contentChanges: [{}] });
    await sleep(500);
    const later = panel.webview.posted.filter((m) => m.type === 'update').slice(1);
    assert.equal(later.length, 1, JSON.stringify(later.map((u) => u.seq)));
    assert.equal(later[0].data.counts.unpaired, 7, 'the newer text, not the slower older answer');
  });

  it('scroll sync: a page scroll reveals the editor; the editor event that follows is not echoed; a user scroll is', async () => {
    const panel = await open();
    panel.webview.receive.fire({ type: 'revealLine', line: 40.6 });
    assert.deepEqual(editor.reveals.pop(), { line: 40, type: 3 });
    editor.visibleRanges = [new fake.api.Range(40, 0, 70, 0)];
    fake.events.visibleRanges.fire({ textEditor: editor });
    assert.equal(panel.webview.posted.filter((m) => m.type === 'scrollToLine').length, 0, 'no echo');
    editor.visibleRanges = [new fake.api.Range(55, 0, 85, 0)];
    fake.events.visibleRanges.fire({ textEditor: editor });
    assert.deepEqual(panel.webview.posted.filter((m) => m.type === 'scrollToLine'), [{ type: 'scrollToLine', line: 55 }]);
  });

  it('a click reveals and selects the line, or the finding', async () => {
    const panel = await open();
    panel.webview.receive.fire({ type: 'reveal', line: 12 });
    await sleep(20);
    let shown = fake.shown.pop()!;
    assert.equal(shown.uri, uri.toString());
    assert.deepEqual([shown.selection.startLine, shown.selection.startCharacter, shown.selection.endLine, shown.selection.endCharacter], [12, 0, 12, seed.split('\n')[12].length]);
    panel.webview.receive.fire({ type: 'reveal', line: 19, start: 3, end: 7 });
    await sleep(20);
    shown = fake.shown.pop()!;
    assert.deepEqual([shown.selection.startLine, shown.selection.startCharacter, shown.selection.endCharacter], [19, 3, 7]);
  });

  it('the page asking for another window or the filter re-asks the server with them', async () => {
    const panel = await open();
    panel.webview.receive.fire({ type: 'window', line: 77 });
    await sleep(30);
    assert.equal(requests.at(-1).around, 77);
    panel.webview.receive.fire({ type: 'filter', onlyFindings: true });
    await sleep(30);
    assert.equal(requests.at(-1).onlyFindings, true);
    const last = panel.webview.posted.filter((m) => m.type === 'update').pop();
    assert.equal(last.data.total, last.data.counts.rowsWithFindings);
  });

  it('restores a preview after a reload from the state its page saved', async () => {
    const serializer = fake.serializers.get('bilingualReview.preview');
    const panel = fakePanel('bilingualReview.preview');
    await serializer.deserializeWebviewPanel(panel, { uri: uri.toString(), line: 20, onlyFindings: false });
    for (let i = 0; i < 100 && !panel.webview.html; i++) await sleep(10);
    assert.equal(requests[0].around, 20);
    const state = stateOf(panel.webview.html);
    assert.equal(state.line, 20);
    assert.equal(state.data.rows.length, 58);
    // A state without a document closes the panel instead of showing nothing.
    const empty = fakePanel('bilingualReview.preview');
    let closed = false;
    empty.onDidDispose(() => (closed = true));
    await serializer.deserializeWebviewPanel(empty, undefined);
    assert.equal(closed, true);
  });
});
