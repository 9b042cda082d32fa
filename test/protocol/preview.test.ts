// bilingualReview/preview over stdio JSON-RPC against the bundled server.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const uri = fileUri(SEED);
const text = fs.readFileSync(SEED, 'utf8');

describe('bilingualReview/preview over stdio', () => {
  let client: LspTestClient;
  beforeEach(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  afterEach(async () => client.shutdown());

  it('answers the seed with 51 pairs and 7 unpaired rows and the published findings on their cells', async () => {
    const published = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const diagnostics = (await published).diagnostics;
    const p = await client.request('bilingualReview/preview', { uri });
    assert.equal(p.uri, uri);
    assert.equal(p.version, 1);
    assert.equal(p.checking, false);
    assert.equal(p.rows.length, 58);
    assert.equal(p.counts.pairs, 51);
    assert.equal(p.counts.unpaired, 7);
    assert.equal(p.rows.filter((r: any) => r.kind === 'unpaired').length, 7);
    assert.equal(p.counts.findings, diagnostics.length);
    const marks = p.rows.flatMap((r: any) => r.cells.filter(Boolean).flatMap((c: any) => c.findings.map((f: any) => ({ line: c.line, ...f }))));
    assert.equal(marks.length, diagnostics.length);
    for (const d of diagnostics) {
      assert.ok(
        marks.some((m: any) => m.line === d.range.start.line && m.ruleId === d.code && m.start === d.range.start.character && m.message === d.message),
        `${d.code} on line ${d.range.start.line}`,
      );
    }
  });

  it('follows edits (the version it answers for and the new rows) and filters', async () => {
    let published = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await published;
    published = client.waitForDiagnostics(uri, (p) => p.version === 2);
    // A new unpaired caption at the top.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '一张没有英文的图片说明\n' }]);
    await published;
    const p = await client.request('bilingualReview/preview', { uri });
    assert.equal(p.version, 2);
    assert.equal(p.counts.unpaired, 8);
    assert.equal(p.rows[0].kind, 'unpaired');
    assert.equal(p.rows[0].line, 0);
    assert.equal(p.rows[0].cells[1].text, '一张没有英文的图片说明');
    const only = await client.request('bilingualReview/preview', { uri, onlyFindings: true });
    assert.equal(only.total, p.counts.rowsWithFindings);
    const windowed = await client.request('bilingualReview/preview', { uri, around: 60, limit: 10 });
    assert.equal(windowed.rows.length, 10);
    assert.equal(windowed.total, 59);
    assert.ok(windowed.offset > 0);
  });

  it('never forces a check: while the first one runs it says so; after that an edit keeps the rows', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(`Line ${i} of a long report on storage.`, `长篇储能报告的第${i}行。`);
    const big = fileUri('/tmp/preview-protocol-big.en-zh.txt');
    let published = client.waitForDiagnostics(big, () => true, 60000);
    await client.open(big, parts.join('\n') + '\n');
    const early = await client.request('bilingualReview/preview', { uri: big });
    assert.equal(early.checking, true);
    assert.equal(early.rows.length, 0);
    await published;
    const done = await client.request('bilingualReview/preview', { uri: big });
    assert.equal(done.checking, false);
    assert.equal(done.total, 3000);
    published = client.waitForDiagnostics(big, (p) => p.version === 2, 60000);
    await client.change(big, 2, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'Edited: ' }]);
    const afterEdit = await client.request('bilingualReview/preview', { uri: big });
    assert.equal(afterEdit.version, 2);
    assert.equal(afterEdit.total, 3000, 'the rows stay while the edit is checked');
    assert.equal(afterEdit.rows[5].cells[0].text, 'Edited: Line 5 of a long report on storage.');
    await published;
  });

  it('answers null for a document it does not have, and bad parameters without failing', async () => {
    assert.equal(await client.request('bilingualReview/preview', { uri: 'file:///nowhere.en-zh.txt' }), null);
    assert.equal(await client.request('bilingualReview/preview', { uri: 42 }), null);
    const published = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await published;
    const p = await client.request('bilingualReview/preview', { uri, around: 'x', limit: -5 });
    assert.equal(p.rows.length, 1, 'the smallest window is one row');
    assert.equal(p.total, 58);
  });
});
