// Fix all over stdio: the seed's half-width punctuation is fixed by the
// source.fixAll action (its fixes are safe) and by "Fix all punctuation-width
// problems", and nothing else in the text changes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits, checkText } from '../../server/src/core';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const uri = fileUri(SEED);
const text = fs.readFileSync(SEED, 'utf8');
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

const CAPS = {
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
  workspace: { workspaceEdit: { documentChanges: true } },
};

function apply(edit: any, base: string): string {
  const edits = edit.documentChanges ? edit.documentChanges.flatMap((d: any) => d.edits) : edit.changes[uri];
  return applyEdits(base, edits);
}

function onlyMarksChanged(before: string, after: string): number {
  assert.equal(after.length, before.length);
  let n = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[i]) continue;
    assert.equal(after[i], FULL[before[i]], `offset ${i}`);
    n++;
  }
  return n;
}

describe('punctuation-width fix all over stdio', () => {
  let client: LspTestClient;
  afterEach(async () => client?.shutdown());

  it('source.fixAll fixes every half-width mark of the Chinese lines and nothing else; the re-check has no punctuation-width finding', async () => {
    client = new LspTestClient();
    await client.initialize(CAPS);
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const diagnostics = (await wait).diagnostics;
    const pw = diagnostics.filter((d: any) => d.code === 'punctuation-width');
    assert.ok(pw.length >= 40);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(actions.length, 1);
    const resolved = await client.request('codeAction/resolve', actions[0]);
    const fixed = apply(resolved.edit, text);
    assert.ok(onlyMarksChanged(text, fixed) > pw.length);
    // the server's own re-check after the edit
    const again = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    const after = (await again).diagnostics;
    assert.deepEqual(after.filter((d: any) => d.code === 'punctuation-width'), []);
    assert.equal(after.length, diagnostics.length - pw.length);
  });

  it('the quick fix of one line and "Fix all punctuation-width problems in this file"', async () => {
    client = new LspTestClient();
    await client.initialize(CAPS);
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    const diag = (await wait).diagnostics.find((d: any) => d.code === 'punctuation-width');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const titles = actions.map((a: any) => a.title);
    assert.match(titles[0], /^Use full-width punctuation in this line \(\d+\)$/);
    assert.equal(actions[0].isPreferred, true);
    const one = apply(actions[0].edit, text);
    assert.equal(onlyMarksChanged(text, one), checkText(text).findings.find((f) => f.ruleId === 'punctuation-width')!.data!.count);
    const all = actions.find((a: any) => a.title === 'Fix all punctuation-width problems in this file');
    assert.ok(all, titles.join(' | '));
    const fixed = apply((await client.request('codeAction/resolve', all)).edit, text);
    onlyMarksChanged(text, fixed);
    assert.deepEqual(checkText(fixed).findings.filter((f) => f.ruleId === 'punctuation-width'), []);
  });
});
