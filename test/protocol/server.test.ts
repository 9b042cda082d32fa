import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

describe('language server over stdio', () => {
  let client: LspTestClient;
  const uri = fileUri(SEED);
  const text = fs.readFileSync(SEED, 'utf8');

  beforeEach(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  afterEach(async () => client.shutdown());

  it('publishes the seven unpaired-line diagnostics for the seed article', async () => {
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const pub = await wait;
    const unpaired = pub.diagnostics.filter((d) => d.code === 'unpaired-line');
    assert.deepEqual(unpaired.map((d) => d.range.start.line), [25, 36, 47, 70, 79, 86, 97]);
    for (const d of unpaired) {
      assert.equal(d.source, 'bilingual-review');
      assert.equal(d.severity, 2);
      assert.match(d.codeDescription.href, /unpaired-line\.md$/);
      assert.equal(d.range.start.character, 0);
      assert.equal(d.range.end.character, text.split('\n')[d.range.start.line].length);
    }
  });

  it('updates after an incremental edit and clears on close', async () => {
    let wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await wait;
    // give the caption on line 25 an English source line above it
    wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: 25, character: 0 }, end: { line: 25, character: 0 } }, text: 'Inside a lithium iron phosphate battery unit.\n' }]);
    let pub = await wait;
    assert.deepEqual(pub.diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.range.start.line), [37, 48, 71, 80, 87, 98]);
    wait = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    pub = await wait;
    assert.equal(pub.diagnostics.length, 0);
  });

  it('follows settings: a rule set to off publishes nothing', async () => {
    client.settings = { rules: { 'unpaired-line': 'off' } };
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const pub = await wait;
    assert.equal(pub.diagnostics.filter((d) => d.code === 'unpaired-line').length, 0);
    client.settings = {};
    const again = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unpaired-line'));
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await again).diagnostics.filter((d) => d.code === 'unpaired-line').length, 7);
  });

  it('offers the placeholder quick fix for an unpaired line', async () => {
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const pub = await wait;
    const diag = pub.diagnostics.find((d) => d.code === 'unpaired-line');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const fix = actions.find((a: any) => /placeholder/.test(a.title));
    assert.ok(fix, JSON.stringify(actions));
    assert.deepEqual(fix.edit.changes[uri], [{ range: { start: { line: 25, character: 0 }, end: { line: 25, character: 0 } }, newText: '(to translate)\n' }]);
  });

  it('uses the client locale for messages', async () => {
    await client.shutdown();
    client = new LspTestClient();
    await client.initialize({ locale: 'zh-cn' });
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const pub = await wait;
    assert.equal(pub.diagnostics.find((d) => d.code === 'unpaired-line')?.message, '中文行没有对应的英文原文');
  });
});
