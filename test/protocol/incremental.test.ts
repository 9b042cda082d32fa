// Through the real server: a document edited keystroke by keystroke (incremental
// sync, sliced checks, cached findings and diagnostics) publishes exactly what a
// fresh open of the resulting text publishes.

import * as assert from 'node:assert/strict';
import { ReviewDocument } from '../../server/src/core';
import { LspTestClient } from '../support/lsp-client';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

describe('language server: incremental edits against a fresh open', () => {
  let client: LspTestClient;
  beforeEach(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  afterEach(async () => client.shutdown());

  it('after typing, Enter, deleting lines and pasting, diagnostics equal those of the same text opened fresh', async () => {
    const { text } = generate(3000, 7) as { text: string };
    const lines = text.split('\n');
    const uri = 'file:///edited.en-zh.txt';
    let wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await wait;
    const caption = lines.findIndex((l, i) => i > 2000 && /^[A-Z]/.test(l) && /^[A-Z]/.test(lines[i + 1] ?? ''));
    const edits = [
      // type a character in the middle of a line, then a digit in a Chinese line
      { range: { start: { line: 3001, character: 5 }, end: { line: 3001, character: 5 } }, text: 'x' },
      { range: { start: { line: 3002, character: 3 }, end: { line: 3002, character: 3 } }, text: '9' },
      // Enter in the middle of a line near the top: every later line moves
      { range: { start: { line: 10, character: 20 }, end: { line: 10, character: 20 } }, text: '\n' },
      // delete three lines (a pair and a half)
      { range: { start: { line: 1500, character: 0 }, end: { line: 1503, character: 0 } }, text: '' },
      // paste a pair and a caption
      { range: { start: { line: 400, character: 0 }, end: { line: 400, character: 0 } }, text: 'A pasted line with 12 numbers.\n粘贴的一行，有12个数字。\nAn untranslated caption.\n' },
      // translate an untranslated caption
      { range: { start: { line: caption + 3, character: lines[caption].length }, end: { line: caption + 3, character: lines[caption].length } }, text: '\n一条图片说明。' },
    ];
    let version = 1;
    for (const change of edits) {
      version++;
      wait = client.waitForDiagnostics(uri, (p) => p.version === version);
      await client.change(uri, version, [change]);
      await wait;
    }
    const edited = client.latest.get(uri)!.diagnostics;

    // the same edits applied to the string, opened fresh under another URI
    const doc = new ReviewDocument(text);
    doc.applyChanges(edits);
    const freshUri = 'file:///fresh.en-zh.txt';
    wait = client.waitForDiagnostics(freshUri);
    await client.open(freshUri, doc.getText());
    const fresh = (await wait).diagnostics;

    assert.ok(fresh.length > 50, `expected a realistic number of findings, got ${fresh.length}`);
    const norm = (ds: any[]) => ds.map((d) => JSON.stringify({ ...d, relatedInformation: d.relatedInformation?.map((r: any) => ({ ...r, location: { ...r.location, uri: '' } })) }));
    assert.deepEqual(norm(edited), norm(fresh));
  });
});
