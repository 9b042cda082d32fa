// "Fix all" for a client without codeAction/resolve support (Neovim 0.7 and many
// others): the edit comes with every code-action request, so on a large document
// it must come from the findings already checked, without checking the document
// again. The server logs what each fix-all edit cost (window/logMessage).

import * as assert from 'node:assert/strict';
import { applyEdits, DocumentSession, fixAllEdits, RULES } from '../../server/src/core';
import { LspTestClient } from '../support/lsp-client';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

/** Code-action capabilities of a client without resolve support. */
const NO_RESOLVE = { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } };

describe('fix all without resolve support, 20,000 pairs', function () {
  this.timeout(180_000);
  let client: LspTestClient;
  afterEach(async () => client?.shutdown());

  it('answers with one pass over the published findings: every unpaired line gets its placeholder, no re-check', async () => {
    const { text } = generate(20000) as { text: string };
    const uri = 'file:///large.en-zh.txt';
    client = new LspTestClient();
    await client.initialize(NO_RESOLVE);
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const diagnostics = (await wait).diagnostics;
    const unpaired = diagnostics.filter((d) => d.code === 'unpaired-line');
    assert.ok(unpaired.length > 100, `${unpaired.length} unpaired lines`);

    const logsBefore = client.logs.length;
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: unpaired[0].range,
      context: { diagnostics: [unpaired[0]], only: ['quickfix'] },
    });
    const fixAll = actions.find((a: any) => a.title === 'Fix all unpaired-line problems in this file');
    assert.ok(fixAll?.edit, 'the fix-all action carries its edit');
    // The cost, as the server reports it: one pass, the document not checked again.
    const log = client.logs.slice(logsBefore).find((l) => l.startsWith('Fix all unpaired-line'));
    assert.equal(log, `Fix all unpaired-line: ${unpaired.length} fixes in 1 passes, 0 re-checks of the document`);

    // The edit is right: exactly the fixes of the findings the client was shown (the
    // unpaired-line findings do not depend on the other rules), and applied, it leaves
    // none of them. (Where a source line was pasted, wholly or partly, as its own translation,
    // the placeholder leaves the pasted copy unpaired: a new finding, for the next fix-all.)
    const edits = fixAll.edit.changes[uri];
    const unpairedRule = RULES.filter((r) => r.id === 'unpaired-line');
    const before = new DocumentSession(text, { rules: unpairedRule }).check().findings;
    assert.equal(before.length, unpaired.length);
    assert.deepEqual(edits, fixAllEdits(before, { ruleId: 'unpaired-line' }).edits);
    assert.equal(edits.length, unpaired.length);
    const fixed = applyEdits(text, edits);
    const lines = text.split('\n');
    const fixedLines = fixed.split('\n');
    const wasFlagged = new Set(before.map((f) => lines[f.range.start.line]));
    const after = new DocumentSession(fixed, { rules: unpairedRule }).check().findings;
    assert.ok(after.length < before.length / 2, `${after.length} left`);
    for (const f of after) {
      const l = f.range.start.line;
      // the line left unpaired follows a new placeholder and is not one the client was shown
      assert.equal(fixedLines[l - 1], '（待译）', `line ${l}`);
      assert.ok(!wasFlagged.has(fixedLines[l]), `line ${l}`);
    }
  });
});
